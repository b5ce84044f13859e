<?php
// try/catch/finally basics and ordering of output
function thrower($n) {
    echo "thrower($n) start\n";
    if ($n > 1) throw new Exception("too big: $n", $n * 10);
    echo "thrower($n) end\n";
    return $n;
}
foreach ([1, 2] as $n) {
    try {
        echo "try $n\n";
        $r = thrower($n);
        echo "result $r\n";
    } catch (Exception $e) {
        echo "caught: ", $e->getMessage(), " code=", $e->getCode(), " line=", $e->getLine(), "\n";
    } finally {
        echo "finally $n\n";
    }
    echo "after $n\n";
}
try {
    throw new RuntimeException("rt");
} catch (LogicException $e) {
    echo "wrong\n";
} catch (RuntimeException $e) {
    echo "runtime: ", get_class($e), "\n";
} catch (Exception $e) {
    echo "generic\n";
}
try { echo "no exception\n"; } finally { echo "finally without catch\n"; }
$e = new Exception();
var_dump($e->getMessage(), $e->getCode(), $e->getPrevious());
$e2 = new InvalidArgumentException("inv", 5);
var_dump($e2 instanceof LogicException, $e2 instanceof Exception, $e2 instanceof Throwable, $e2 instanceof RuntimeException);
