<?php
// Scalar type declarations in coercive mode
function i(int $x) { var_dump($x); }
function f(float $x) { var_dump($x); }
function s(string $x) { var_dump($x); }
function b(bool $x) { var_dump($x); }
i(5); i("5"); i(5.0); i(true); i(" 7");
f(1); f("1.5"); f("1e2"); f(false);
s(42); s(1.5); s(true);
b(1); b(0); b("0"); b(""); b("a"); b(0.0);
$tests = [fn() => i("abc"), fn() => i(1.5), fn() => i("1.5"), fn() => i([]), fn() => i(null),
          fn() => f("x"), fn() => s([]), fn() => b([]), fn() => i("5 apples")];
foreach ($tests as $n => $t) {
    try { $t(); }
    catch (TypeError $e) { echo "$n: ", explode(', called in', $e->getMessage())[0], "\n"; }
}
function arr(array $a) { return count($a); }
echo arr([1, 2]), "\n";
function cal(callable $c) { return $c(); }
echo cal(fn() => "callable ok"), "\n";
function it(iterable $it) { foreach ($it as $v) echo $v; echo "\n"; }
it([1, 2, 3]);
function mx(int|string $v) { var_dump($v); }
mx(5); mx("s"); mx(1.0); mx(true);
