<?php
// Parse error: unexpected end of file inside a function call
echo "start\n";
echo strlen("abc";
