<?php
// Parse error: unclosed brace at end of file
function f() {
    if (true) {
        echo "x";
    }
echo "never";
