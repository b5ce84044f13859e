<?php
// `/` on two ints in JIT code: the int quotient when exact, else the float
// quotient; 0 and -1 divisors (DivisionByZeroError, PHP_INT_MIN / -1) out of line;
// destinations holding strings or reached through references; other operand types.
function div($a, $b) { return $a / $b; }
function by7($n) { $s = 0; for ($i = -$n; $i < $n; $i++) { $s += $i / 7; } return $s; }
function exact_or_not($n) {
    $ints = 0; $floats = 0;
    for ($i = 1; $i <= $n; $i++) {
        $q = $n / $i;
        if (is_int($q)) { $ints += $q; } else { $floats += $q; }
    }
    return [$ints, round($floats, 6)];
}
function into_string_slot($a, $b) { $x = "old"; $x = $a / $b; return $x; }
function into_reference($a, $b) { $v = 1; $r = &$v; $r = $a / $b; return $v; }
function into_element($a, $b) { $arr = [$a, 0]; $arr[0] /= $b; $arr[1] = $arr[0] / 2; return $arr; }

$vals = [7, -7, 6, -6, 0, 1, -1, 2, 3, PHP_INT_MAX, PHP_INT_MIN, PHP_INT_MIN + 1,
         1000000007, 4.5, -2.25, "12", "3.5", true, false, null];
for ($round = 0; $round < 3; $round++) {
    $lines = [];
    foreach ($vals as $a) {
        foreach ($vals as $b) {
            try {
                $lines[] = var_export(div($a, $b), true);
            } catch (DivisionByZeroError $e) {
                $lines[] = get_class($e) . ": " . $e->getMessage();
            }
        }
    }
    echo "round $round: ", count($lines), " results, md5 ", md5(implode("|", $lines)), "\n";
}
echo implode("\n", array_slice($lines, 0, 25)), "\n";
var_dump(div(PHP_INT_MIN, -1), div(PHP_INT_MIN, 1), div(PHP_INT_MAX, -1), div(-9, 3), div(9, -4));
var_dump(by7(100), exact_or_not(360));
var_dump(into_string_slot(10, 4), into_string_slot(10, 5), into_reference(9, 3), into_reference(9, 2));
var_dump(into_element(12, 4), into_element(13, 4));
for ($i = 0; $i < 2; $i++) {
    try { var_dump(div(5, 0)); } catch (DivisionByZeroError $e) { echo $e->getMessage(), "\n"; }
}
