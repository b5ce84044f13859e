<?php
// unserialize error notices captured via error handler (message text only)
set_error_handler(function ($no, $str) {
    echo "handler($no): $str\n";
    return true;
});
var_dump(unserialize("a:1:{"));
var_dump(unserialize("i:12"));
var_dump(unserialize("s:5:\"abc\";"));
var_dump(unserialize("garbage"));
var_dump(unserialize("i:42;"));
var_dump(unserialize(""));
var_dump(unserialize("a:1:{i:0;s:1:\"x\";}extra"));
restore_error_handler();
echo "done\n";
