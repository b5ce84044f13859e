<?php
// Property reads on the objects hopjit has: stdClass (from casts), closures, and
// the built-in exceptions, whose declared properties are protected or private.
$o = (object)['a' => (object)['b' => [1, 2, (object)['c' => 'deep']]], 'n' => null, 5 => 'five'];
var_dump($o->a->b[2]->c, $o->n, $o->{'5'}, $o->{5});
echo "interpolated: $o->n|{$o->a->b[2]->c}|{$o->a->b[1]}\n";
var_dump($o->missing);
var_dump(isset($o->a->b), isset($o->a->zz), isset($o->n), empty($o->a), empty($o->zz));
var_dump($o->zz->yy ?? 'default', $o?->a?->b[0]);
var_dump($o?->zz?->b);
$k = 'a';
var_dump(isset($o->$k), $o->{'n'});
$empty = new stdClass();
var_dump($empty->x);

$closure = function () {
};
var_dump($closure->bound, isset($closure->bound));

try {
    throw new LogicException("boom", 7);
} catch (Exception $e) {
    foreach (['message', 'code', 'file', 'line', 'previous', 'trace', 'string', 'other'] as $p) {
        try {
            var_dump($e->$p);
        } catch (Error $err) {
            echo get_class($err), ": ", $err->getMessage(), "\n";
        }
        var_dump(isset($e->$p));
    }
    try {
        echo "message: $e->message\n";
    } catch (Error $err) {
        echo $err->getMessage(), "\n";
    }
    echo "via getter: {$e->getMessage()} ({$e->getCode()})\n";
    echo "undefined: [$e->nothing]\n";
}
foreach ([new Exception("e"), new Error("e")] as $base) {
    try {
        var_dump($base->previous);
    } catch (Error $err) {
        echo $err->getMessage(), "\n";
    }
}
$ee = new ErrorException("ee", 1, 2);
try {
    var_dump($ee->severity);
} catch (Error $err) {
    echo $err->getMessage(), "\n";
}
var_dump($ee?->getSeverity());
