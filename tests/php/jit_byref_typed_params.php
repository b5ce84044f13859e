<?php
// By-reference and typed parameters in hot code: the optimizing tier checks a typed
// parameter (directly or inside a by-reference box) and passes on an existing
// reference inline; coercions, type errors and boxing plain values take the
// generic path.
function bump(array &$a, int $i) {
    $a[$i] = $a[$i] + 1;
}
function walk(array &$a, $n) {
    for ($i = 0; $i < $n; $i++) {
        bump($a, $i % 4);      // $a is already a reference: passed on as it is
    }
}
$xs = [0, 0, 0, 0];
for ($r = 0; $r < 300; $r++) walk($xs, 10);
print_r($xs);

// A float parameter given ints (coerced), then floats (exact).
function half(float $x) { return $x / 2; }
$s = 0;
for ($i = 0; $i < 500; $i++) $s += half($i);
for ($i = 0; $i < 500; $i++) $s += half($i + 0.5);
var_dump($s);

// A by-reference int parameter: the box holds an int, then a numeric string
// (coerced into the box), then a float (deprecated precision loss is not involved:
// an integral float is accepted by coercion).
function inc(int &$n) { $n++; }
$v = 1;
for ($i = 0; $i < 400; $i++) inc($v);
var_dump($v);
$w = "41";
inc($w);
var_dump($w);
$f = 2.0;
inc($f);
var_dump($f);

// A type error inside the hot function's caller, caught.
function need_array(array &$a) { return count($a); }
$total = 0;
for ($i = 0; $i < 300; $i++) {
    $arr = [$i, $i];
    $total += need_array($arr);
}
var_dump($total);
$notArray = "x";
try {
    need_array($notArray);
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}

// Passing references on through several levels, the temporaries reused.
function inner(&$x) { $x .= "i"; }
function middle(&$x) { inner($x); inner($x); }
function outer(&$x) { for ($k = 0; $k < 3; $k++) middle($x); }
$str = "";
for ($i = 0; $i < 100; $i++) outer($str);
var_dump(strlen($str), substr($str, 0, 5));

// A reference to an array element passed on.
$grid = [[1, 2], [3, 4]];
function twice(&$cell) { $cell *= 2; }
function touch_all(&$g) {
    foreach ($g as $k => &$row) {
        foreach ($row as $j => &$cell) {
            twice($cell);
        }
        unset($cell);
    }
    unset($row);
}
for ($i = 0; $i < 5; $i++) touch_all($grid);
print_r($grid);
