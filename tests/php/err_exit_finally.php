<?php
// exit inside try does not run finally blocks; exit code 7
try {
    echo "in try\n";
    exit(7);
} finally {
    echo "finally (php skips this on exit)\n";
}
