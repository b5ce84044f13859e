<?php
// strtoupper/strtolower/trim/ltrim/rtrim/chop and two-argument strpos, which the
// optimizing tier computes inline (intrinsic.rs), in hot loops: results used,
// discarded and written over their own argument's variable; unchanged strings
// shared; arguments of other types arriving late (ints, floats, null, arrays).
function cases($words) {
    $out = [];
    foreach ($words as $w) {
        $u = strtoupper($w);
        $l = strtolower($w);
        $out[] = "$u|$l|" . trim($w) . "|" . ltrim($w) . "|" . rtrim($w) . "|" . chop($w);
        strtoupper($w);
        trim($w);
    }
    return $out;
}
$words = ["  Hello World  ", "\t\nMIXED case\0\x0b", "", "   ", "already lower", "ALREADY UPPER",
    "caf\xc3\xa9 \xc3\x89T\xc3\x89", "\0\0x\0", "12 ab 34", str_repeat("aBc", 40)];
for ($round = 0; $round < 300; $round++) {
    $r = cases($words);
}
foreach ($r as $line) echo json_encode($line), "\n";

function find_all($hay, $needles) {
    $s = 0;
    $out = "";
    foreach ($needles as $n) {
        $p = strpos($hay, $n);
        $out .= var_export($p, true) . ",";
        if ($p === false) $s -= 1; else $s += $p;
    }
    return "$s:$out";
}
$hay = "the quick brown fox jumps over the lazy dog \xff\x00end";
$needles = ["the", "dog", "cat", "", "\xff\x00", "end", "x", "the quick brown fox jumps over the lazy dog \xff\x00endX", "o"];
for ($round = 0; $round < 300; $round++) {
    $f = find_all($hay, $needles);
}
echo $f, "\n";

// The same variable as argument and result; a loop that keeps mapping.
function shrink($s, $n) {
    for ($i = 0; $i < $n; $i++) {
        $s = trim($s);
        $s = strtoupper($s);
        $s = " " . strtolower($s) . " ";
    }
    return $s;
}
for ($round = 0; $round < 200; $round++) $z = shrink(" Ab ", 20);
var_dump($z);

// Other types late: the built-in's own conversions and messages.
function late($v) {
    return strtoupper($v) . "/" . trim($v) . "/" . var_export(strpos("a1b2.5", $v), true);
}
for ($round = 0; $round < 300; $round++) $x = late("b");
echo $x, "\n";
echo late(1), "\n";
echo late(2.5), "\n";
echo late(true), "\n";
echo late(null), "\n";
try {
    echo late([1]), "\n";
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo late("b"), "\n";

// substr(string, int, int): every range PHP 8 allows (negative offsets and
// lengths, ranges past either end, the whole string), results dropped unused,
// and arguments of other types arriving late (the built-in converts or throws).
function pieces($s, $n) {
    $out = [];
    for ($i = -$n - 2; $i <= $n + 2; $i++) {
        $out[] = substr($s, $i, 2) . "|" . substr($s, 1, $i) . "|" . substr($s, $i, $i);
        substr($s, $i, 1);
    }
    return implode(",", $out);
}
for ($round = 0; $round < 100; $round++) $p = pieces("hello", 5);
echo $p, "\n";
echo pieces("", 1), "\n";
var_dump(substr("whole", 0, 5), substr("whole", -5, 99), substr("x", 1, 1));
function cut($s, $a, $b) { return substr($s, $a, $b); }
for ($round = 0; $round < 100; $round++) $c = cut("abcdef", 1, 3);
var_dump($c, cut("abcdef", "2", 2), cut(12345, 1, 2), cut("abcdef", 1.0, null), cut("abcdef", 4, -1));
try {
    var_dump(cut("abcdef", "x", 1));
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}

// String offsets read in optimized code: bytes inside the string are the static
// one-byte strings (high bytes too); negative and past-the-end offsets, an empty
// string and a destination still holding a string take the helper (and its
// warning); an array arriving at the same read.
function bytes_of($s, $from, $to) {
    $out = "";
    for ($i = $from; $i < $to; $i++) {
        $c = $s[$i];
        $out .= ord($c) . ($c === "\xff" ? "!" : "") . ",";
    }
    return $out;
}
for ($round = 0; $round < 100; $round++) $b = bytes_of("ab\xffz", 0, 4);
echo $b, "\n";
echo bytes_of("ab\xffz", -4, 0), "\n";
echo bytes_of("xyz", 2, 4), "\n";
echo bytes_of("", 0, 1), "\n";
function keep($s) { $c = "held" . $s; for ($i = 0; $i < 3; $i++) { $c = $s[$i]; } return $c; }
for ($round = 0; $round < 100; $round++) $k = keep("pqr");
var_dump($k, keep("uvw"));
function at($v, $i) { return $v[$i]; }
for ($round = 0; $round < 100; $round++) $a = at("hello", 1);
var_dump($a, at([10, 20], 1), at("hello", 4), at("hello", -1));
