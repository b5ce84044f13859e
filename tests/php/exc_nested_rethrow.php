<?php
// Nested try blocks, rethrow, wrapping with previous
function level3() { throw new InvalidArgumentException("bad arg", 3); }
function level2() {
    try { level3(); }
    catch (InvalidArgumentException $e) {
        echo "level2 caught, rethrowing\n";
        throw $e;
    }
}
function level1() {
    try { level2(); }
    catch (Exception $e) {
        throw new RuntimeException("wrapped", 1, $e);
    }
}
try {
    level1();
} catch (RuntimeException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
    $p = $e->getPrevious();
    echo "previous: ", get_class($p), ": ", $p->getMessage(), " code ", $p->getCode(), " line ", $p->getLine(), "\n";
}
try {
    try {
        try { throw new Exception("deep"); }
        finally { echo "finally 1\n"; }
    } catch (LogicException $e) { echo "not here\n"; }
    finally { echo "finally 2\n"; }
} catch (Exception $e) { echo "outer: ", $e->getMessage(), "\n"; }
try {
    try { throw new Exception("one"); }
    catch (Exception $e) { throw new LogicException("two", 0, $e); }
} catch (Exception $e) {
    $chain = [];
    for ($x = $e; $x; $x = $x->getPrevious()) $chain[] = get_class($x) . "(" . $x->getMessage() . ")";
    echo implode(" <- ", $chain), "\n";
}
