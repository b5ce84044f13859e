<?php
// throw as an expression in ??, ?:, ternary, arrow functions
function get($arr, $k) { return $arr[$k] ?? throw new OutOfRangeException("no key $k"); }
$a = ['x' => 1];
echo get($a, 'x'), "\n";
try { echo get($a, 'y'), "\n"; } catch (OutOfRangeException $e) { echo "caught: ", $e->getMessage(), "\n"; }
$v = 0;
try { $r = $v ?: throw new UnexpectedValueException("falsy"); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
$check = fn($n) => $n >= 0 ? sqrt($n) : throw new DomainException("negative $n");
echo $check(16), "\n";
try { $check(-4); } catch (DomainException $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$val = null;
try {
    $x = $val ?? throw new LengthException("null value", 7);
} catch (LengthException $e) {
    echo $e->getMessage(), " ", $e->getCode(), "\n";
}
$ok = true && throw new Exception("and-throw") ?? 1;
