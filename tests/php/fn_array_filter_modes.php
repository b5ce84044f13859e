<?php
// array_filter callbacks receiving key/value in each mode
$a = ["one" => 1, "two" => 2, "three" => 3, 4 => 4, "five" => null];
$seen = [];
array_filter($a, function ($v) use (&$seen) { $seen[] = "v:" . var_export($v, true); return true; });
array_filter($a, function ($k) use (&$seen) { $seen[] = "k:" . $k; return true; }, ARRAY_FILTER_USE_KEY);
array_filter($a, function ($v, $k) use (&$seen) { $seen[] = "b:$k=" . var_export($v, true); return true; }, ARRAY_FILTER_USE_BOTH);
echo implode("\n", $seen), "\n";
var_dump(array_filter($a, 'is_int', ARRAY_FILTER_USE_KEY));
var_dump(array_filter($a, 'is_null'));
var_dump(array_filter([1, 0, 2], null));
