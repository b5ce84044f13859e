<?php
function grow($x, $n) { for ($i = 0; $i < $n; $i++) { $x = $x * 3 + 1; } return $x; }
$t = 0;
for ($r = 0; $r < 200; $r++) { $t = ($t + grow($r, 20)) % 1000003; }
echo $t, "\n";
var_dump(grow(7, 45));
var_dump(grow(1, 10));
