<?php
// isset() of an element (an inline IsSet in optimized code) and read-modify-writes
// of hash elements (one lookup when the key exists; the undefined-key warning and
// the null it starts from when it does not).
function count_words($words) {
    $counts = [];
    foreach ($words as $w) {
        if (isset($counts[$w])) $counts[$w]++;
        else $counts[$w] = 1;
    }
    return $counts;
}
$words = [];
for ($i = 0; $i < 3000; $i++) $words[] = "w" . ($i * 7 % 13);
$c = count_words($words);
ksort($c);
foreach ($c as $k => $v) echo "$k=$v ";
echo "\n";
function probe($a, $keys) {
    $n = 0;
    for ($r = 0; $r < 500; $r++) {
        foreach ($keys as $k) {
            if (isset($a[$k])) $n++;
        }
    }
    return $n;
}
echo probe(['x' => 1, 'y' => null, 'z' => 0, 3 => false, 'r' => [1]], ['x', 'y', 'z', 3, '3', 'q', 'r', 4]), "\n";
$a = ['x' => 1];
$a['x']++;
$a['y']++;
$a['z'] .= 'q';
$b = $a; $b['x'] += 5; $b['w'] -= 1;
var_dump($a, $b);
$c = [1, 2]; $c[5]++; $c['5']++; var_dump($c);
$s = ['k' => 'a']; $t = $s; $t['k'] .= 'b'; echo $s['k'], $t['k'], "\n";
