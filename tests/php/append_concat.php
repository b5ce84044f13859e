<?php
// `$s .= a . b . c` (one AppendN): in place when $s is a unique string and the
// parts are strings or ints; otherwise joined first and appended, with PHP's
// warnings, conversions and exceptions in PHP's order.
function build($n) {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= 'x' . $i . ',';
    }
    return $s;
}
echo build(12), "\n";
echo strlen(build(5000)), " ", md5(build(5000)), "\n";

// Shared string: the copy keeps its value.
$s = str_repeat('a', 3);
$t = $s;
$s .= '<' . 1 . '>';
echo "$s $t\n";

// The variable itself among the parts, directly and through a reference.
$s = 'ab';
$s .= '[' . $s . ']';
echo $s, "\n";
$s = 'cd';
$r = &$s;
$s .= '(' . $r . ')';
echo $s, " ", $r, "\n";
unset($r);

// Not a string yet: undefined, int, float, null, bool, array.
function fresh() {
    $u .= 'u' . 1 . 'v';
    return $u;
}
echo fresh(), "\n";
$n = 42;
$n .= '-' . 7 . '-';
var_dump($n);
$f = 1.5;
$f .= '|' . 2 . '|';
var_dump($f);
$z = null;
$z .= 'n' . 0 . 'n';
var_dump($z);
$b = true;
$b .= 'b' . 1 . 'b';
var_dump($b);
$a = [1];
$a .= 'a' . 2 . 'a';
var_dump($a);

// Parts that are not strings or ints.
$x = 'p';
$fl = 0.1 + 0.2;
$x .= '<' . $fl . '>';
$nul = null;
$x .= '<' . $nul . '>';
$arr = [1, 2];
$x .= '<' . $arr . '>';
echo $x, "\n";
$x .= '{' . $undefined . '}';
echo $x, "\n";

// An object that cannot be converted throws before anything is appended.
$o = function () {};
$s = 'start';
try {
    $s .= ':' . $o . ':';
} catch (Error $e) {
    echo $e->getMessage(), " / ", $s, "\n";
}

// Static and global variables, and the expression's value.
function counter() {
    static $log = '';
    $log .= 'c' . strlen($log) . ';';
    return $log;
}
counter(); counter();
echo counter(), "\n";
$g = 'G';
function add_global() {
    global $g;
    $g .= '+' . 1 . '+';
}
add_global(); add_global();
echo $g, "\n";
$v = 'v';
$w = ($v .= '=' . 3 . '=');
echo "$v $w\n";
