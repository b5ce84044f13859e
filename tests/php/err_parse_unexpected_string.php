<?php
// Parse error: unexpected string/variable after expression
$a = "hello" "world";
