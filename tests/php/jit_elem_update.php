<?php
// `$a[$i] op= $x` and `$b[$i][$k] op= $x` in optimized loops: updated in place
// while the arrays are packed, held uniquely and the element is a number of the
// planned type; shared arrays, other element types, missing keys, overflow and
// hash arrays leave for the tier below and still print what php prints.

function bump($a, $n, $x) {
    for ($i = 0; $i < $n; $i++) {
        $a[$i % count($a)] += $x;
    }
    return $a;
}

function scale_rows($m, $f) {
    for ($r = 0; $r < count($m); $r++) {
        for ($c = 0; $c < count($m[$r]); $c++) {
            $m[$r][$c] *= $f;
            $m[$r][$c] -= 1;
        }
    }
    return $m;
}

function shared_update($a) {
    $copy = $a;
    for ($i = 0; $i < count($a); $i++) {
        $a[$i] += 100;
    }
    return [$a, $copy];
}

function shared_row($m) {
    $row = $m[1];
    for ($i = 0; $i < 3; $i++) {
        $m[1][$i] += 5;
    }
    return [$m, $row];
}

function by_ref(array &$a, $n) {
    for ($i = 0; $i < $n; $i++) {
        $a[$i] -= 0.5;
    }
}

for ($round = 0; $round < 3; $round++) {
    echo json_encode(bump([1, 2, 3], 30, 2)), "\n";
    echo json_encode(bump([1.5, 2, 3], 30, 0.25)), "\n";
    echo json_encode(bump([PHP_INT_MAX - 2, 0], 8, 1)), "\n";
    echo json_encode(bump(["5", null, true, 2], 8, 1)), "\n";
    echo json_encode(bump(['a' => 1, 'b' => 2], 4, 1)), "\n";
    echo json_encode(scale_rows([[1, 2], [3, 4, 5], []], 3)), "\n";
    echo json_encode(scale_rows([[1.5, 2], [0.25]], 2.0)), "\n";
    echo json_encode(shared_update([1, 2, 3])), "\n";
    echo json_encode(shared_row([[0], [1, 2, 3]])), "\n";
    $v = [1, 2, 3];
    by_ref($v, 3);
    echo json_encode($v), "\n";
}
$a = [1, 2];
for ($i = 0; $i < 3; $i++) {
    $a[$i] += 1;
}
echo json_encode($a), "\n";
