<?php
// Named arguments: reordering, skipping defaults, mixing with positional, errors
function make($name, $age = 0, $city = "none", ...$extra) {
    return "$name/$age/$city" . ($extra ? " extra=" . json_encode($extra) : "");
}
echo make("Ann", city: "Paris"), "\n";
echo make(age: 30, name: "Bob"), "\n";
echo make("Cy", 5, city: "Rome"), "\n";
echo make("Di", extraKey: 1, other: 2), "\n";
echo str_pad(string: "x", length: 5, pad_string: "-", pad_type: STR_PAD_BOTH), "\n";
var_dump(array_fill(start_index: 2, count: 3, value: 'v'));
$args = ['age' => 7, 'name' => 'Ed'];
echo make(...$args), "\n";
try {
    make(name: "A", name: "B");
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    make("A", name: "B");
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    make(age: 1);
} catch (ArgumentCountError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    strlen(nope: "x");
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
