<?php
// OSR entries reset the temporaries that are dead at a loop header instead of
// checking them: baseline code may leave anything there (a string a branch
// compared, a float from an earlier pass over the same loop), and only the slots
// the loop reads first decide whether the optimized loop can be entered.
function tally($n, $odd) {
    $sum = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($i == $odd) {
            $sum += ("odd " . $i) == "odd 50" ? 1000 : 100;
        } else {
            $sum += $i % 7;
        }
    }
    return $sum;
}
for ($r = 0; $r < 30; $r++) {
    $s = tally(100, -1);
}
echo $s, "\n";
echo tally(100, 50), "\n";
echo tally(1000, 999), "\n";
echo tally(300, 7), "\n";
// A float left in a dead temporary by an earlier float pass over the same loop.
function dot($a, $b) {
    $s = 0;
    for ($i = 0; $i < count($a); $i++) {
        $s = $s + $a[$i] * $b[$i];
    }
    return $s;
}
$ints = range(1, 50);
for ($r = 0; $r < 30; $r++) {
    $d = dot($ints, $ints);
}
echo $d, "\n";
$floats = array_map(fn($x) => $x / 4, $ints);
echo dot($floats, $floats), "\n";
echo dot($ints, $ints), "\n";
