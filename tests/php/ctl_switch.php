<?php
// switch with fallthrough, default in middle, loose comparison of cases
function sw($x) {
    $out = [];
    switch ($x) {
        case 1:
            $out[] = "one";
        case 2:
            $out[] = "two(fall)";
            break;
        default:
            $out[] = "default";
        case "a":
            $out[] = "a";
            break;
        case 3.0:
            $out[] = "three";
            break;
    }
    return implode(",", $out);
}
foreach ([1, 2, "a", 3, "3", "1", 99, true, null, "1.0"] as $v) {
    echo var_export($v, true), " -> ", sw($v), "\n";
}
switch ("apple") {
    case 0: echo "zero matched\n"; break;
    case "apple": echo "apple matched\n"; break;
}
switch (true) {
    case 5 > 10: echo "no\n"; break;
    case 5 > 1: echo "switch(true) idiom\n"; break;
}
$v = 2;
switch ($v):
    case 1: echo "alt one\n"; break;
    case 2: echo "alt two\n"; break;
endswitch;
switch (5) { }
switch (1) { default: echo "only default\n"; }
switch ("") { case null: echo "empty == null\n"; break; case 0: echo "zero\n"; }
