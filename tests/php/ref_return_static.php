<?php
// Functions returning by reference (`function &f()`) bound with `=&`: static arrays,
// static scalars, chains of by-reference returns, by-reference arguments, foreach,
// closures, and PHP's notices where a value stands in for a reference.
function &slot(string $k) {
    static $store = [];
    return $store[$k];
}
function dumpStore() {
    var_dump(slot('a'), slot('b'), slot('missing'));
}
$a = &slot('a');
$a = 'alpha';
$b = &slot('b');
$b = [1, 2];
$b[] = 3;
dumpStore();
$copy = slot('a');
$copy = 'not stored';
echo slot('a'), "\n";

function &counter() {
    static $n = 0;
    $n++;
    return $n;
}
$c = &counter();
$c += 100;
echo counter(), "\n";

// A by-reference function returning another one's reference passes it on.
function &viaSlot() {
    return slot('a');
}
$v = &viaSlot();
$v .= '!';
echo slot('a'), "\n";

// Into array elements, appended or keyed.
$refs = [];
$refs[] = &counter();
$refs['c'] = &counter();
$refs[0] = 500;
echo counter(), " ", $refs['c'], "\n";

// As a by-reference argument.
function addTen(&$p) {
    $p += 10;
}
addTen(counter());
echo counter(), "\n";

// Iterating the array a function returns a reference to.
function &table() {
    static $t = [3, 1, 2];
    return $t;
}
foreach (table() as &$cell) {
    $cell *= 2;
}
unset($cell);
sort(table());
echo implode(',', table()), "\n";

// Closures and arrow functions.
$pick = function &(array &$arr, $k) {
    return $arr[$k];
};
$data = ['x' => 1, 'y' => 2];
$px = &$pick($data, 'x');
$px = 'picked';
$last = fn &(array &$arr) => $arr['y'];
$py = &$last($data);
$py = 'arrow';
var_dump($data);

// Returning from inside try/finally keeps the reference.
function &guarded() {
    static $g = 1;
    try {
        return $g;
    } finally {
        echo "finally\n";
    }
}
$gr = &guarded();
$gr = 42;
var_dump(guarded());

// Values where references are expected: PHP's notices.
function plain() {
    return 5;
}
function &literal() {
    return 7;
}
function &nothing() {
}
function &passPlain() {
    return plain();
}
$p1 = 1;
$alias = &$p1;
$alias = &plain();
var_dump($p1, $alias);
$l = &literal();
var_dump($l);
$n = &nothing();
var_dump($n);
$pp = &passPlain();
var_dump($pp);
addTen(plain());
$byValue = literal();
var_dump($byValue);
$cu = &call_user_func('counter');
$cu = 1000;
echo counter(), "\n";

// A request for a reference interrupted by an exception is forgotten.
try {
    $lost = &undefined_function();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
    $after = counter();
    $after = 0;
}
echo counter(), "\n";
