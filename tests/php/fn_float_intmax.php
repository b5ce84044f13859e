<?php
// float output of int overflow to float across echo/var_dump/print_r/var_export/json_encode/serialize
$vals = [PHP_INT_MAX + 1, PHP_INT_MIN - 1, PHP_INT_MAX * 2, -PHP_INT_MAX - 2, (float)PHP_INT_MAX];
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
