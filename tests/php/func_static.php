<?php
// static local variables persist across calls
function counter() {
    static $n = 0;
    $n++;
    return $n;
}
function memo($k) {
    static $cache = [];
    static $hits = 0;
    if (isset($cache[$k])) { $hits++; return "$cache[$k] (hit $hits)"; }
    $cache[$k] = strtoupper($k);
    return $cache[$k];
}
function staticExpr() {
    static $a = 1 + 2, $b = [1, 2], $c = PHP_INT_SIZE * 2;
    $a++;
    $b[] = $a;
    return "$a " . count($b) . " $c";
}
echo counter(), counter(), counter(), "\n";
echo memo('a'), "\n", memo('b'), "\n", memo('a'), "\n", memo('a'), "\n";
echo staticExpr(), " | ", staticExpr(), "\n";
function recurseStatic($d) {
    static $depth = 0;
    $depth++;
    if ($d > 0) recurseStatic($d - 1);
    return $depth;
}
echo recurseStatic(4), "\n";
echo recurseStatic(0), "\n";
$f = function () { static $x = 0; return ++$x; };
echo $f(), $f(), $f(), "\n";
function staticNull() { static $v; var_dump($v); $v = 'set'; }
staticNull();
staticNull();
