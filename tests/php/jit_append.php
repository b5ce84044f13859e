<?php
// `$a[] = v` in optimized loops: appended in place while the array is a uniquely
// held packed array with room and its next key is its length; everything else
// (growth, copy-on-write, holes, hash arrays, counted values) through the runtime.

function fill($n) {
    $a = [];
    for ($i = 0; $i < $n; $i++) {
        $a[] = $i * 2;
    }
    return $a;
}

function after_unset_last($n) {
    $a = [10, 20, 30];
    unset($a[2]);
    for ($i = 0; $i < $n; $i++) {
        $a[] = $i;
    }
    return $a;
}

function shared_copy($n) {
    $a = [1, 2, 3];
    $b = $a;
    for ($i = 0; $i < $n; $i++) {
        $a[] = $i;
        if ($i == 2) {
            $c = $a;
        }
    }
    return [count($a), count($b), count($c), $a[5], $c[4]];
}

function mixed_values($n) {
    $a = [];
    for ($i = 0; $i < $n; $i++) {
        $a[] = $i % 3 == 0 ? "s$i" : ($i % 3 == 1 ? 1.5 * $i : null);
    }
    return $a;
}

function into_hash($n) {
    $a = [5 => 'x'];
    for ($i = 0; $i < $n; $i++) {
        $a[] = $i;
    }
    $b = ['k' => 1];
    for ($i = 0; $i < $n; $i++) {
        $b[] = $i;
    }
    return [array_keys($a), array_keys($b)];
}

function by_ref(array &$out, $n) {
    for ($i = 0; $i < $n; $i++) {
        $out[] = $i * $i;
    }
}

function negative_start($n) {
    $a = [-5 => 'a'];
    for ($i = 0; $i < $n; $i++) {
        $a[] = $i;
    }
    return array_keys($a);
}

for ($r = 0; $r < 3; $r++) {
    $f = fill(100 + $r);
    echo count($f), " ", $f[99], " ", array_sum($f), "\n";
    echo json_encode(after_unset_last(4)), "\n";
    echo json_encode(shared_copy(6)), "\n";
    echo json_encode(mixed_values(7)), "\n";
    echo json_encode(into_hash(3)), "\n";
    $o = [7];
    by_ref($o, 5);
    echo json_encode($o), "\n";
    echo json_encode(negative_start(3)), "\n";
}
