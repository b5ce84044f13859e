<?php
// float output of long mantissas across echo/var_dump/print_r/var_export/json_encode/serialize
$vals = [123456789.12345678, 3.141592653589793, 2.718281828459045, 1.7976931348623157e308, 9007199254740993.0];
foreach ($vals as $v) {
    echo "echo: ", $v, "\n";
    echo "strval: ", strval($v), "\n";
    echo "var_dump: "; var_dump($v);
    echo "print_r: ", print_r($v, true), "\n";
    echo "var_export: ", var_export($v, true), "\n";
    echo "json: ", json_encode($v), "\n";
    echo "serialize: ", serialize($v), "\n";
    echo "concat: " . $v . "|\n";
    echo "interp: {$v}|\n";
    echo "settype: "; $w = $v; settype($w, "string"); var_dump($w);
    echo "---\n";
}
