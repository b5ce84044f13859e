<?php
// php -n: 1.333s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Mandelbrot set: tight float loops; prints counts instead of the picture.
function mandelbrot($w, $h, $maxIter) {
    $inside = 0;
    $iterSum = 0;
    for ($y = 0; $y < $h; $y++) {
        $ci = 2.0 * $y / $h - 1.0;
        for ($x = 0; $x < $w; $x++) {
            $cr = 2.0 * $x / $w - 1.5;
            $zr = 0.0; $zi = 0.0; $i = 0;
            while ($i < $maxIter) {
                $tr = $zr * $zr - $zi * $zi + $cr;
                $zi = 2.0 * $zr * $zi + $ci;
                $zr = $tr;
                if ($zr * $zr + $zi * $zi > 4.0) break;
                $i++;
            }
            if ($i == $maxIter) $inside++;
            $iterSum += $i;
        }
    }
    return [$inside, $iterSum];
}
[$inside, $iters] = mandelbrot(800, 800, 200);
echo "inside: $inside\n";
echo "iterations: $iters\n";
