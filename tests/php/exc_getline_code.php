<?php
// getLine, getCode and default values of built-in exception properties
function make($cls, ...$args) { return new $cls(...$args); }
$e1 = new Exception("msg", 12);
echo $e1->getLine(), " ", $e1->getCode(), " ", $e1->getMessage(), "\n";
$e2 = make('LogicException', "made in function");
echo $e2->getLine(), " ", get_class($e2), "\n";
try {
    throw
        new Exception("multi-line throw");
} catch (Exception $e) {
    echo "line: ", $e->getLine(), "\n";
}
try { intdiv(1, 0); } catch (Error $e) { echo get_class($e), " line ", $e->getLine(), " code ", $e->getCode(), "\n"; }
try { [] > 0 ?: throw new ErrorException("ee", 3); } catch (Exception $e) { echo get_class($e), " ", $e->getCode(), "\n"; }
$p = new Exception("prev");
$e3 = new RuntimeException("with prev", 0, $p);
var_dump($e3->getPrevious() === $p, $e3->getPrevious()->getPrevious());
$e4 = new Exception(code: 99, message: "named");
echo $e4->getMessage(), " ", $e4->getCode(), "\n";
echo (string)(new Exception("x"))->getMessage(), "\n";
var_dump((new ValueError())->getMessage());
var_dump((new JsonException("j", 4))->getCode());
