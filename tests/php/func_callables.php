<?php
// Callable strings, call_user_func, call_user_func_array, is_callable
function shout($s, $suffix = "!") { return strtoupper($s) . $suffix; }
print_r(array_map('strtoupper', ['a', 'b']));
print_r(array_map('shout', ['x', 'y']));
echo call_user_func('shout', 'hi'), "\n";
echo call_user_func('shout', 'hi', '?'), "\n";
echo call_user_func_array('shout', ['arr', '.']), "\n";
echo call_user_func_array('shout', ['suffix' => '#', 's' => 'named']), "\n";
$name = 'shout';
echo $name('dynamic'), "\n";
$fn = 'str_repeat';
echo $fn('ab', 3), "\n";
echo call_user_func(fn($a, $b) => $a * $b, 6, 7), "\n";
var_dump(is_callable('shout'), is_callable('nope'), is_callable('strlen'), is_callable(fn() => 1));
echo implode(",", array_filter(['1', 'a', '2.5', ''], 'is_numeric')), "\n";
$ops = ['+' => fn($a, $b) => $a + $b, '-' => fn($a, $b) => $a - $b, 'max' => 'max'];
foreach ($ops as $op => $f) echo "$op: ", $f(10, 3), "\n";
echo array_reduce([1, 2, 3, 4], fn($c, $i) => $c + $i, 0), "\n";
$list = ['b', 'C', 'a'];
usort($list, 'strcasecmp');
print_r($list);
try {
    call_user_func('does_not_exist');
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
