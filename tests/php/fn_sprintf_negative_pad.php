<?php
// sprintf negative numbers with zero/space/custom padding and alignment
$nums = [-5, -123, -0.5, -1234.5678];
foreach ($nums as $n) {
    echo sprintf("[%08d] [%8d] [%-8d] [%'*8d]", $n, $n, $n, $n), "\n";
    echo sprintf("[%010.3f] [%-10.1f] [%'#10.2f] [%+010.2f]", $n, $n, $n, $n), "\n";
}
echo sprintf("[%+d] [%+d] [%+s]", 0, 5, "str"), "\n";
echo sprintf("[% d]", 5), "\n";
echo sprintf("[%-'x8d]", -3), "\n";
echo sprintf("[%'08d]", -3), "\n";
