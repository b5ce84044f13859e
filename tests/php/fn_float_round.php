<?php
// float output of round results across echo/var_dump/print_r/var_export/json_encode/serialize
$vals = [round(2.5), round(3.14159, 2), round(1.955, 2), round(1234.5678, -2), round(-2.5), round(5.045, 2), round(5.055, 2)];
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
