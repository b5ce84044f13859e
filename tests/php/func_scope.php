<?php
// Function scope isolation, parameter shadowing, nested function definitions
$x = "global x";
function noAccess() { return isset($x) ? "sees global" : "isolated"; }
echo noAccess(), "\n";
function shadow($x) { $x .= " modified"; return $x; }
echo shadow("param"), " | ", $x, "\n";
function defineInner() {
    function innerDefined() { return "inner defined at runtime"; }
    return "outer ran";
}
echo defineInner(), "\n";
echo innerDefined(), "\n";
function counterNoStatic() { $n = 0; $n++; return $n; }
echo counterNoStatic(), counterNoStatic(), "\n";
function recursionScope($n) { $local = "level$n"; if ($n > 0) recursionScope($n - 1); echo $local, " "; }
recursionScope(3);
echo "\n";
function paramsAreCopies(array $a, string $s, int $i) { $a[] = 1; $s .= "!"; $i++; return [$a, $s, $i]; }
$arr = []; $str = "s"; $int = 1;
print_r(paramsAreCopies($arr, $str, $int));
echo count($arr), $str, $int, "\n";
$closure = function () { return isset($x) ? "closure sees" : "closure isolated"; };
echo $closure(), "\n";
$arrow = fn() => isset($x) ? "arrow sees global" : "arrow isolated";
echo $arrow(), "\n";
