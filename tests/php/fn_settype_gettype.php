<?php
// settype conversions and gettype names
$vals = [1, 1.5, "str", true, null, [1], "12abc"];
foreach ($vals as $v) echo gettype($v), "\n";
$types = ["int", "integer", "float", "double", "string", "bool", "boolean", "array", "null"];
foreach (["12.7abc", 0, 3.9, [], true] as $orig) {
    foreach ($types as $t) {
        $x = $orig;
        $ok = @settype($x, $t);
        echo json_encode($orig), " as $t: ", var_export($ok, true), " ", gettype($x), " ", json_encode($x), "\n";
    }
}
try {
    $x = 1;
    settype($x, "nonsense");
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
