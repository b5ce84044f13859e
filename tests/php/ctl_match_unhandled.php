<?php
// Uncaught UnhandledMatchError at top level
$values = [1, 2, 3];
foreach ($values as $v) {
    echo match ($v) { 1 => "one", 2 => "two", 3 => "three" }, "\n";
}
$x = "four";
echo match ($x) { "one" => 1, "two" => 2 };
echo "unreachable\n";
