<?php
// Return type declarations, nullable types, void, mixed, union types
function r_int($v): int { return $v; }
function r_str($v): string { return $v; }
function r_float($v): float { return $v; }
function r_nullable($v): ?int { return $v; }
function r_void(): void { echo "void body\n"; return; }
function r_mixed($v): mixed { return $v; }
function r_union($v): int|float { return $v; }
function r_arr(): array { return ['x']; }
function r_bool($v): bool { return $v; }
var_dump(r_int("12"), r_int(3.0), r_str(5), r_float(2), r_nullable(null), r_nullable("3"));
var_dump(r_void());
var_dump(r_mixed(null), r_union("1.5"), r_union("2"), r_arr(), r_bool(1));
function nullableParam(?string $s) { return $s ?? "null given"; }
echo nullableParam(null), " ", nullableParam("str"), "\n";
function defaultNull(int $x = null) { return var_export($x, true); }
echo defaultNull(), "\n";
$bad = [fn() => r_int("abc"), fn() => r_int(1.5), fn() => r_nullable("x"), fn() => r_arr2(), fn() => r_str([])];
function r_arr2(): array { return "not array"; }
foreach ($bad as $i => $f) {
    try { var_dump($f()); }
    catch (TypeError $e) { echo "$i: ", $e->getMessage(), "\n"; }
}
function noReturnValue(): int { if (false) return 1; }
try { noReturnValue(); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
