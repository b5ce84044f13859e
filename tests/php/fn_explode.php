<?php
// explode with positive, zero and negative limits and edge cases
$s = "a,b,,c,d";
foreach ([PHP_INT_MAX, 0, 1, 2, -1, -2, -4, -10] as $lim) {
    echo "limit $lim: ", json_encode(explode(",", $s, $lim)), "\n";
}
echo json_encode(explode(",", "")), "\n";
echo json_encode(explode(",", "", -1)), "\n";
echo json_encode(explode(",", "abc")), "\n";
echo json_encode(explode(",", ",")), "\n";
echo json_encode(explode("::", "a::b::c")), "\n";
echo json_encode(explode(" ", "  two  spaces ")), "\n";
try {
    explode("", "abc");
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
echo json_encode(explode(1, "213141")), "\n";
