<?php
function mix($n) {
    $x = 1; $s = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($i == 700) { $x = 1.5; }
        if ($i == 900) { $x = "2"; }
        $s = $s + $x;
    }
    return $s;
}
for ($r = 0; $r < 5; $r++) { var_dump(mix(600 + $r * 100)); }
