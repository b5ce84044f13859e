<?php
// random_int/microtime/hrtime/time/gettimeofday: only stable properties
$ok = true;
for ($i = 0; $i < 100; $i++) {
    $r = random_int(-5, 5);
    if ($r < -5 || $r > 5) $ok = false;
}
var_dump($ok, random_int(3, 3), is_int(random_int(0, 1)));
try {
    random_int(5, 1);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
var_dump(is_float(microtime(true)), is_string(microtime()), count(explode(" ", microtime())));
$h = hrtime();
var_dump(count($h), is_int($h[0]), is_int($h[1]), is_int(hrtime(true)));
$t1 = hrtime(true);
$t2 = hrtime(true);
var_dump($t2 >= $t1);
var_dump(is_int(time()), time() > 1600000000);
$g = gettimeofday();
var_dump(array_keys($g), is_float(gettimeofday(true)));
$m1 = microtime(true);
$m2 = microtime(true);
var_dump($m2 >= $m1);
var_dump(strlen(date('Y')), is_numeric(date('U')));
