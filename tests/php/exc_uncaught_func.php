<?php
// Uncaught exception thrown from nested functions shows stack frames
function inner($v) {
    if ($v > 2) throw new LogicException("value $v too large");
    return $v;
}
function outer($v) {
    return inner($v) * 2;
}
echo outer(1), "\n";
echo outer(2), "\n";
echo outer(3), "\n";
echo "never\n";
