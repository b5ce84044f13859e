<?php
// Temporaries reused for values of different types (a concatenation's string, then
// a remainder's int) and string-keyed element writes in one hot loop: optimized
// code must release the old string in place and call the generic op for the string
// keys, not leave for baseline code at every such op (which used to make the tier
// give up on the whole loop).
function build($n) {
    $s = '';
    $seen = [];
    $odd = 0;
    for ($i = 0; $i < $n; $i++) {
        $s .= 'x' . $i . ',';
        if ($i % 1000 == 0) $s .= '-';
        $k = "k" . ($i % 50);
        if (isset($seen[$k])) $seen[$k]++;
        else $seen[$k] = 1;
        $seen["last"] = $i % 3 == 0 ? 'three' : $i;
        $odd += $i % 2;
    }
    return [strlen($s), count($seen), $seen["k7"], $seen["last"], $odd];
}
for ($r = 0; $r < 3; $r++) {
    echo implode(" ", build(20000 + $r)), "\n";
}
