<?php
// Too few arguments raises ArgumentCountError; extra args are ignored for user functions
function two($a, $b) { return "$a,$b"; }
echo two(1, 2, 3), "\n";
try {
    echo two(1);
} catch (ArgumentCountError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    strlen();
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
try {
    strlen("a", "b");
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
$cl = function ($x, $y) { return $x + $y; };
try {
    $cl(1);
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(new ArgumentCountError("m") instanceof TypeError);
echo "now uncaught:\n";
two();
echo "unreachable\n";
