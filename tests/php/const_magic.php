<?php
// Magic constants __LINE__ and __FUNCTION__
echo __LINE__, "\n";
function whoAmI() { return __FUNCTION__; }
echo whoAmI(), "\n";
echo "[", __FUNCTION__, "]\n";
$c = function () { return __FUNCTION__; };
echo $c(), "\n";
function lines() {
    return [__LINE__,
        __LINE__];
}
print_r(lines());
echo __LINE__ + 100, "\n";
echo "line in string: " . __LINE__ . "\n";
function MixedCase() { return __FUNCTION__; }
echo mixedcase(), "\n";
$a = fn() => __FUNCTION__;
echo $a(), "\n";
echo __CLASS__, "|", __METHOD__, "|", __NAMESPACE__, "|\n";
echo
__LINE__
, "\n";
