<?php
// `foreach` by value in JIT code (baseline and optimized): packed arrays are walked inline; hash
// arrays, reference elements, arrays changed during the loop, strings and objects
// take the runtime path.

function sum_values($a) {
    $t = 0;
    foreach ($a as $v) {
        $t += $v;
    }
    return $t;
}

function keyed($a) {
    $out = "";
    foreach ($a as $k => $v) {
        $out .= "$k=$v,";
    }
    return $out;
}

function modify_during($a) {
    $seen = [];
    foreach ($a as $i => $v) {
        $a[] = $v * 10;
        if ($i == 1) {
            unset($a[0]);
        }
        $seen[] = $v;
    }
    return [count($a), $seen];
}

function nested($rows) {
    $t = 0;
    foreach ($rows as $r => $row) {
        foreach ($row as $c => $x) {
            if ($x < 0) {
                break;
            }
            $t += $x * ($r + 1) + $c;
        }
    }
    return $t;
}

function with_refs() {
    $a = [1, 2, 3];
    $x = &$a[1];
    $x = 20;
    $t = 0;
    foreach ($a as $v) {
        $t += $v;
    }
    return $t;
}

function counted($words) {
    $longest = "";
    foreach ($words as $w) {
        if (strlen($w) > strlen($longest)) {
            $longest = $w;
        }
    }
    return $longest;
}

function into_global($a) {
    global $g;
    foreach ($a as $g) {
    }
    return $g;
}

function not_arrays($x) {
    $n = 0;
    foreach ($x as $v) {
        $n++;
    }
    return $n;
}

// Counted elements (arrays, objects, literal strings) get one more owner each,
// a loop variable holding a string gives it up, and a key variable that is a
// reference is written through.
function owners($rows) {
    $v = str_repeat("held", 2);
    $n = 0;
    foreach ($rows as $v) {
        $n += is_array($v) ? count($v) : (is_object($v) ? 100 : strlen($v));
    }
    return [$n, $v, $rows];
}

function key_by_reference($a) {
    $k = 0;
    $r = &$k;
    $keys = "";
    foreach ($a as $k => $v) {
        $keys .= $r;
    }
    return $keys . ":" . $k;
}

$g = null;
for ($r = 0; $r < 3; $r++) {
    echo json_encode(owners([[1, 2], "lit", function () { return 1; }, [3]])), "\n";
    echo key_by_reference([7, 8, 9]), "\n";
    echo sum_values(range(1, 100 + $r)), " ", sum_values([1.5, 2, true, null]), "\n";
    echo sum_values(['a' => 1, 'b' => 2, 'c' => 3]), " ", sum_values([]), "\n";
    echo keyed([10, 20, 30]), " ", keyed(['x' => 1, 5 => 2]), "\n";
    echo json_encode(modify_during([1, 2, 3])), "\n";
    echo nested([[1, 2, 3], [4, -1, 6], [], [7]]), "\n";
    echo with_refs(), " ", counted(["a", "abc", "ab", str_repeat("z", 4), "q"]), "\n";
    echo into_global([4, 5, 6]), " ", $g, "\n";
    echo not_arrays([1, 2]), " ", not_arrays(['k' => [1]]), "\n";
    echo not_arrays(5), " ", not_arrays("str"), "\n";
}
