<?php
// php -n: 1.271s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// N-body simulation (Jovian planets) with plain arrays of floats, no objects.
const SOLAR_MASS = 39.47841760435743; // 4 * pi^2
const DAYS_PER_YEAR = 365.24;

function make_bodies() {
    $b = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS],
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS],
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS],
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS],
    ];
    // Offset the Sun's momentum so the system's centre of mass stays put.
    $px = $py = $pz = 0.0;
    foreach ($b as $body) {
        $px += $body[3] * $body[6];
        $py += $body[4] * $body[6];
        $pz += $body[5] * $body[6];
    }
    $b[0][3] = -$px / SOLAR_MASS;
    $b[0][4] = -$py / SOLAR_MASS;
    $b[0][5] = -$pz / SOLAR_MASS;
    return $b;
}

function energy($b) {
    $e = 0.0;
    $n = count($b);
    for ($i = 0; $i < $n; $i++) {
        $bi = $b[$i];
        $e += 0.5 * $bi[6] * ($bi[3] * $bi[3] + $bi[4] * $bi[4] + $bi[5] * $bi[5]);
        for ($j = $i + 1; $j < $n; $j++) {
            $bj = $b[$j];
            $dx = $bi[0] - $bj[0]; $dy = $bi[1] - $bj[1]; $dz = $bi[2] - $bj[2];
            $e -= ($bi[6] * $bj[6]) / sqrt($dx * $dx + $dy * $dy + $dz * $dz);
        }
    }
    return $e;
}

function advance(&$b, $dt, $steps) {
    $n = count($b);
    for ($s = 0; $s < $steps; $s++) {
        for ($i = 0; $i < $n; $i++) {
            for ($j = $i + 1; $j < $n; $j++) {
                $dx = $b[$i][0] - $b[$j][0];
                $dy = $b[$i][1] - $b[$j][1];
                $dz = $b[$i][2] - $b[$j][2];
                $d2 = $dx * $dx + $dy * $dy + $dz * $dz;
                $mag = $dt / ($d2 * sqrt($d2));
                $mi = $b[$i][6] * $mag;
                $mj = $b[$j][6] * $mag;
                $b[$i][3] -= $dx * $mj; $b[$i][4] -= $dy * $mj; $b[$i][5] -= $dz * $mj;
                $b[$j][3] += $dx * $mi; $b[$j][4] += $dy * $mi; $b[$j][5] += $dz * $mi;
            }
        }
        for ($i = 0; $i < $n; $i++) {
            $b[$i][0] += $dt * $b[$i][3];
            $b[$i][1] += $dt * $b[$i][4];
            $b[$i][2] += $dt * $b[$i][5];
        }
    }
}

$bodies = make_bodies();
echo sprintf("%.9f", energy($bodies)), "\n";
advance($bodies, 0.01, 600000);
echo sprintf("%.9f", energy($bodies)), "\n";
