<?php
// exit(3) sets the exit status; output before it is kept
echo "working\n";
for ($i = 0; $i < 3; $i++) {
    echo "step $i\n";
    if ($i == 1) exit(3);
}
echo "never\n";
