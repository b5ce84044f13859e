<?php
// float output of negative zero across echo/var_dump/print_r/var_export/json_encode/serialize
$vals = [-0.0, 0.0 * -1, -1 / INF, round(-0.4), ceil(-0.5)];
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
