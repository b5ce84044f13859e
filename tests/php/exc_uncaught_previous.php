<?php
// Uncaught exception with a previous exception prints both (Next ...)
echo "start\n";
try {
    throw new InvalidArgumentException("root cause");
} catch (Exception $e) {
    echo "wrapping\n";
    throw new RuntimeException("wrapper", 5, $e);
}
