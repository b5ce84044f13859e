<?php
// Self calls that jump past CheckArgs (enough arguments, including optional ones
// left out) store no argument count; one passing too few enters at pc 0 and
// throws ArgumentCountError from the right depth.
function f($a, $b) { if ($a <= 0) return $b; return f($a - 1, $b + 1); }
function g($a, $b = 5) { if ($a <= 0) return $b; return g($a - 1) + g($a - 2, 1); }
function h($a, $b) { if ($a <= 0) return 0; if ($a == 70) return h($a - 1); return h($a - 1, $b); }
for ($i = 0; $i < 3; $i++) { echo f(100, 0), " ", g(12), "\n"; }
try { echo h(100, 1), "\n"; } catch (ArgumentCountError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { echo h(60, 1), "\n"; } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
