<?php
// Concatenations the optimizing tier joins inline (strings and ints, `concat.rs`),
// and the values that make it leave for the tier below: floats, bools, null and
// arrays (with php's warning), a destination that is a reference, a shared string
// appended to (copy-on-write), a string built in place in a loop, the extreme ints.

function keys($n) {
    $out = [];
    for ($i = 0; $i < $n; $i++) {
        $out[] = "key_" . $i . "_" . ($i % 7);
    }
    return $out;
}
$k = keys(40);
echo count($k), ' ', implode(',', array_slice($k, 0, 12)), ' ', $k[39], "\n";

function mixed_parts($vals) {
    $r = [];
    foreach ($vals as $v) {
        $r[] = "<" . $v . ">" . strlen("x" . $v);
    }
    return implode('|', $r);
}
echo mixed_parts([1, -2, "s", 2.5, true, false, null, PHP_INT_MAX, PHP_INT_MIN, 0, "", 1e20]), "\n";

function with_array($n) {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $v = $i == 3 ? [1] : $i;
        $s = $s . "[" . $v . "]";
    }
    return $s;
}
echo with_array(5), "\n";

function build($n) {
    $s = "start:";
    for ($i = 0; $i < $n; $i++) {
        $s = $s . $i;
        $s = $s . ",";
    }
    return strlen($s) . " " . substr($s, 0, 40);
}
echo build(20000), "\n";

function shared($n) {
    $a = "base";
    $keep = [];
    for ($i = 0; $i < $n; $i++) {
        $b = $a;
        $a = $a . $i;
        $keep[] = $b;
    }
    return implode(' ', $keep) . " / " . $a;
}
echo shared(6), "\n";

function through_ref($n) {
    $s = "r";
    $ref = &$s;
    for ($i = 0; $i < $n; $i++) {
        $ref = "v" . $i . "w";
    }
    return $s;
}
echo through_ref(5), "\n";

function prepend($n) {
    $s = "";
    for ($i = 0; $i < $n; $i++) {
        $s = $i . $s;
        $t = "(" . $s . ")";
    }
    return $s . $t;
}
echo prepend(8), "\n";

function self_parts($n) {
    $s = "ab";
    for ($i = 0; $i < $n; $i++) {
        $s = $s . $s;
        $x = "[" . $s . "|" . $s . "]";
    }
    return strlen($s) . " " . strlen($x);
}
echo self_parts(4), "\n";

function interp($n) {
    $out = '';
    for ($i = 0; $i < $n; $i++) {
        $w = str_repeat("z", $i % 3);
        $out .= "  $w-$i  ";
    }
    return $out;
}
echo interp(30), "|\n";

// A callable that takes its argument by reference turns the variable into a
// reference behind optimized code's back; the joins after it read through it.
function by_ref_callable($n) {
    $byref = function (&$x) { $x = $x * 10; };
    $byval = function ($x) { return $x + 1; };
    $out = '';
    for ($i = 0; $i < $n; $i++) {
        $a = $i;
        $f = $i % 3 == 2 ? $byref : $byval;
        $f($a);
        $out .= "<" . $a . ">";
    }
    return $out;
}
echo by_ref_callable(30), "\n";
function by_ref_variadic(&...$vars) { foreach ($vars as &$v) { $v .= "+"; } }
function variadic_caller($n) {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $x = $i; $y = "y";
        by_ref_variadic($x, $y);
        $s .= "$x $y,";
    }
    return $s;
}
echo variadic_caller(25), "\n";

// `.=` (AppendN): in place on a string, through a reference, onto a shared
// string; a destination that is not a string yet (undefined: php warns; an int;
// null) and float parts take the tier below.
function appends($n) {
    $s = '';
    $r = '';
    $alias = &$r;
    $copies = [];
    for ($i = 0; $i < $n; $i++) {
        $s .= 'x' . $i . ',';
        $alias .= "<$i>";
        $copies[] = $s;
        $s .= $i % 5 == 4 ? 0.5 : $i;
        $s .= $s;
        if (strlen($s) > 200) $s = substr($s, 0, 20);
    }
    return $s . ' ' . $r . ' ' . count($copies) . ' ' . $copies[3];
}
echo appends(30), "\n";
function append_to_non_strings($n) {
    $out = [];
    for ($i = 0; $i < $n; $i++) {
        $k = $i;
        $k .= "-" . $i;
        $z = null;
        $z .= "z$i";
        if ($i == $n - 1) {
            $u .= "u" . $i;
            $out[] = $u;
        }
        $out[] = $k . $z;
    }
    return implode(' ', $out);
}
echo append_to_non_strings(25), "\n";
