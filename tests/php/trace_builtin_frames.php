<?php
// Stack traces list the built-in a throw happened in (`intdiv(1, 0)`), callbacks
// that built-ins called come from `[internal function]`, and the built-ins PHP
// compiles to opcodes (strlen, count, is_*, ... with their usual argument count)
// or to a direct call (call_user_func) leave no frame.
function show(Throwable $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n", $e->getTraceAsString(), "\n\n";
}
function div($a, $b) { return intdiv($a, $b); }
try { div(1, 0); } catch (Throwable $e) { show($e); }
try { str_repeat("ab", -1); } catch (Throwable $e) { show($e); }
function short() { return str_repeat("x"); }
try { short(); } catch (Throwable $e) { show($e); }
function len($v) { return strlen($v); }
try { len([1]); } catch (Throwable $e) { show($e); }
function cnt($v) { return count($v); }
try { cnt(5); } catch (Throwable $e) { show($e); }
try { strlen(); } catch (Throwable $e) { show($e); }
try {
    array_map(fn($x) => intdiv(10, $x), [5, 0]);
} catch (Throwable $e) { show($e); }
try {
    $a = [3, 1, 2];
    usort($a, function ($x, $y) { if ($x == 1) throw new RuntimeException("cmp"); return $x <=> $y; });
} catch (Throwable $e) { show($e); }
try {
    call_user_func('div', 4, 0);
} catch (Throwable $e) { show($e); }
try {
    call_user_func_array(fn($s) => str_repeat($s, -2), ["q"]);
} catch (Throwable $e) { show($e); }
try {
    array_filter([1, 2], function ($v) { return array_map('intdiv', [$v], [0]); });
} catch (Throwable $e) { show($e); }
function outer() {
    return array_reduce([1, 2, 3], fn($c, $v) => $c + div($v, $v - 2), 0);
}
echo outer();
