<?php
// Mixing strings and numbers in arithmetic/concat; whitespace and sign handling
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
$cases = ["1" + "1", "1" . "1", "2" * "3", "2" . 3 * 4, "10" / "4", "-1" - "-1", " 5" + 0, "5 " + 0, "+5" + 0, "0.5e1" * 1, "1_000" + 0];
foreach ($cases as $i => $v) { echo "$i: "; var_dump($v); }
var_dump("3" == 3, "3.0" === "3", "03" == "3", "03" === "3");
var_dump(is_numeric("0x1A"), is_numeric("1_000"), is_numeric(".1e-2"), is_numeric("1e"), is_numeric("-"), is_numeric(" +1.5 "));
var_dump((int)" 12 ", (float)"1.5 ", (int)"\t\n3");
