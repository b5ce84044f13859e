<?php
// FizzBuzz variants: if-chain, match, concatenation, configurable rules
for ($i = 1; $i <= 15; $i++) {
    if ($i % 15 == 0) echo "FizzBuzz";
    elseif ($i % 3 == 0) echo "Fizz";
    elseif ($i % 5 == 0) echo "Buzz";
    else echo $i;
    echo $i < 15 ? "," : "\n";
}
$out = [];
foreach (range(1, 15) as $i) {
    $out[] = match (0) { $i % 15 => "FB", $i % 3 => "F", $i % 5 => "B", default => (string)$i };
}
echo implode(" ", $out), "\n";
for ($i = 1; $i <= 15; $i++) echo (($i % 3 ? "" : "Fizz") . ($i % 5 ? "" : "Buzz") ?: $i), " ";
echo "\n";
$rules = [3 => "Fizz", 5 => "Buzz", 7 => "Bazz"];
$fb = function (int $n) use ($rules): string {
    $s = "";
    foreach ($rules as $d => $w) if ($n % $d == 0) $s .= $w;
    return $s === "" ? (string)$n : $s;
};
echo implode(",", array_map($fb, range(100, 110))), "\n";
$counts = array_count_values(array_map($fb, range(1, 105)));
ksort($counts);
foreach ($counts as $k => $v) if (!is_numeric($k)) echo "$k=$v ";
echo "\n";
