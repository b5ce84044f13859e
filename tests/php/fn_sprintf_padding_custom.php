<?php
// sprintf custom padding characters with all alignments and types
$pads = ["'*", "'0", "' ", "'x", "'-", "'."];
foreach ($pads as $p) {
    echo sprintf("[%{$p}8s] [%{$p}-8s] [%{$p}8d] [%{$p}-8d] [%{$p}10.2f]", "ab", "ab", -12, 34, 3.14159), "\n";
}
echo sprintf("[%'08.3f]", -1.5), "\n";
echo sprintf("[%-'010d]", 42), "\n";
echo sprintf("[%+'_10d]", 42), "\n";
echo sprintf("[%'\"6s]", "q"), "\n";
echo sprintf("[%'%6s]", "p"), "\n";
