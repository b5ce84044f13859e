<?php
// Calling undefined function throws Error which can be caught
try {
    nope();
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
$name = "dynamic_missing";
try {
    $name();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    $n = null;
    $n();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    $arr = [1];
    $arr();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
echo "end\n";
