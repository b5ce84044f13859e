<?php
// float output of 1e14 1e15 1e16 1e17 across echo/var_dump/print_r/var_export/json_encode/serialize
$vals = [1e14, 1e15, 1e16, 1e17, 1e20, 1e21, 123456789012345678.0];
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
