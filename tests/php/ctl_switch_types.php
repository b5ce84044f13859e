<?php
// switch uses loose comparison: numeric strings, null, bool, evaluation order of cases
function label($v) {
    switch ($v) {
        case "0": return "string zero";
        case 0: return "int zero";
        case "": return "empty string";
        case null: return "null";
        case "1e1": return "1e1";
        case 10: return "ten";
        case "abc": return "abc";
        default: return "default";
    }
}
foreach ([0, "0", "", null, false, 10, "10", 10.0, "abc", "ABC", [], 0.0, "00"] as $v) {
    echo str_pad(var_export($v, true), 10), " -> ", label($v), "\n";
}
function sideEffect($n) { echo "(eval case $n)"; return $n; }
switch (3) {
    case sideEffect(1): echo "one"; break;
    case sideEffect(3): echo "three"; break;
    case sideEffect(5): echo "five"; break;
}
echo "\n";
$s = "b";
switch ($s) { case "a": case "b": case "c": echo "a-c group\n"; break; case "d": echo "d\n"; }
