<?php
// Element access the optimizing tier does inline (packed arrays, int keys) next to
// every case it must hand to the runtime: hash arrays, missing and negative keys,
// references to elements, counted elements, shared (copy-on-write) and literal
// arrays, counted old values in the destination or the element.
function sum_packed($a, $n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) $s += $a[$i];
    return $s;
}
function read_mixed($a) {
    $out = [];
    for ($i = -1; $i < 4; $i++) {
        $v = @$a[$i];
        $out[] = $v === null ? "null" : (is_array($v) ? "array" : (string)$v);
    }
    return implode(",", $out);
}
function fill(&$a, $n, $v) {
    for ($i = 0; $i < $n; $i++) $a[$i] = $v;
}
function bump_grid(&$m, $rows, $cols) {
    for ($i = 0; $i < $rows; $i++)
        for ($j = 0; $j < $cols; $j++)
            $m[$i][$j] += $i * $j;
}

$p = range(1, 100);
$t = 0;
for ($k = 0; $k < 300; $k++) $t += sum_packed($p, 100);
echo "packed sum: $t\n";

$h = ["x" => 1, 5 => 2, 0 => 3];
echo "hash: ", sum_packed([0 => 3, 1 => 4], 2), " ", read_mixed($h), "\n";
echo "strings: ", read_mixed(["a", "bb", [1], 4.5]), "\n";
echo "missing: ";
echo sum_packed([1, 2], 3), "\n";

// A reference to an element, then reads and writes of that element.
$r = [10, 20, 30];
$ref = &$r[1];
for ($k = 0; $k < 300; $k++) { $ref++; }
echo "ref: ", sum_packed($r, 3), "\n";
fill($r, 3, 7);
echo "ref after fill: $ref ", implode(",", $r), "\n";

// Copy-on-write: the copy keeps its values while the original is written.
$a = [];
for ($i = 0; $i < 50; $i++) $a[] = $i;
$b = $a;
for ($k = 0; $k < 100; $k++) fill($a, 50, $k);
echo "cow: ", $a[49], " ", $b[49], " ", sum_packed($b, 50), "\n";

// A literal (static) array written in place, and counted values in and out.
$lit = [1, 2, 3];
for ($k = 0; $k < 200; $k++) fill($lit, 3, $k);
echo "literal: ", implode(",", $lit), " ", implode(",", [1, 2, 3]), "\n";
$s = ["p", "q", "r"];
for ($k = 0; $k < 200; $k++) fill($s, 3, "s$k");
for ($k = 0; $k < 200; $k++) fill($s, 3, $k);
echo "counted: ", implode(",", $s), "\n";

// Nested writes through FetchDimW, on a grid whose rows are shared with a copy.
$g = [];
for ($i = 0; $i < 20; $i++) $g[] = array_fill(0, 20, 1);
$g2 = $g;
for ($k = 0; $k < 30; $k++) bump_grid($g, 20, 20);
echo "grid: ", $g[19][19], " ", $g2[19][19], " ", $g[3][7], "\n";

// The destination holds an array when the element is read into it.
$rows = [[1, 2], [3, 4], [5, 6]];
$cur = [0];
$acc = 0;
for ($k = 0; $k < 600; $k++) {
    $cur = $rows[$k % 3];
    $acc += $cur[1];
}
echo "dst counted: $acc\n";

// Out of range write on a packed array: appends or makes a hash.
$w = [1, 2, 3];
for ($k = 0; $k < 100; $k++) { $w[$k % 5] = $k; }
ksort($w);
echo "grow: ", json_encode($w), "\n";
$neg = [1, 2];
for ($k = 0; $k < 100; $k++) { $neg[-1] = $k; }
echo "negative: ", json_encode($neg), "\n";
echo "undefined: ", $p[500] ?? "none", "\n";
echo $p[-3];
echo "\ndone\n";
?>
<?php
// Nested reads ($m[$i][$j]): lowered as one in optimized code; every other shape
// of the rows (hash, string, missing, reference, object-free scalars) still reads
// as PHP does.
function nested_sum($m, $rows, $cols) {
    $s = 0;
    for ($i = 0; $i < $rows; $i++)
        for ($j = 0; $j < $cols; $j++)
            $s += $m[$i][$j];
    return $s;
}
function nested_pick($m, $i, $j) { return $m[$i][$j]; }
$m = [];
for ($i = 0; $i < 10; $i++) $m[] = range($i, $i + 9);
$t = 0;
for ($k = 0; $k < 200; $k++) $t += nested_sum($m, 10, 10);
echo "nested: $t\n";
$words = ["alpha", "beta"];
$mixed = [[1, 2], ["x" => 5, 1 => 6], "str", [[7]], null];
$out = [];
for ($k = 0; $k < 300; $k++) {
    $out[$k % 7] = json_encode([
        nested_pick($m, $k % 10, 9 - $k % 10),
        nested_pick($words, $k % 2, 1),
        @nested_pick($mixed, $k % 5, 1),
        nested_pick([[1.5, "s"]], 0, $k % 2),
    ]);
}
ksort($out);
echo implode("\n", $out), "\n";
$r = [[1, 2]];
$ref = &$r[0];
$ref[1] = 20;
echo "through ref: ", nested_pick($r, 0, 1), "\n";
echo nested_pick($m, 3, 12);
echo "\nend\n";
