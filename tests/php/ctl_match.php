<?php
// match expression: strict comparison, multiple conditions, default, no-arg form
function m($x) {
    return match ($x) {
        1, 2, 3 => "small int",
        "1" => "string one",
        1.5 => "float",
        true => "true",
        null => "null",
        default => "other",
    };
}
foreach ([1, 3, "1", 1.5, true, null, "x", 0, false] as $v) echo var_export($v, true), " => ", m($v), "\n";
$age = 25;
echo match (true) {
    $age < 13 => "child",
    $age < 20 => "teen",
    default => "adult",
}, "\n";
$r = match (2 + 2) { 4 => "four", 5 => "five" };
echo $r, "\n";
$calls = [];
$res = match ("b") {
    (function () use (&$calls) { $calls[] = "a"; return "a"; })() => 1,
    (function () use (&$calls) { $calls[] = "b"; return "b"; })() => 2,
    (function () use (&$calls) { $calls[] = "c"; return "c"; })() => 3,
};
echo "res=$res calls=", implode(",", $calls), "\n";
try {
    echo match (99) { 1 => 'x' };
} catch (\UnhandledMatchError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    echo match ("str") { 1 => 'x' };
} catch (\UnhandledMatchError $e) {
    echo $e->getMessage(), "\n";
}
try {
    echo match (1.5) { 1 => 'x' };
} catch (\UnhandledMatchError $e) {
    echo $e->getMessage(), "\n";
}
echo "done\n";
