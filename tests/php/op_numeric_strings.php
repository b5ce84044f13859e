<?php
// Numeric string arithmetic, leading-numeric warnings
var_dump("5" + "3.5");
var_dump("5" + "3");
var_dump("1e2" + 1);
var_dump(" 10" + 1);
var_dump("10 " + 1);
var_dump("0x1A" + 0 === 0);
var_dump("-5" * "2");
var_dump("2.5" * 2);
var_dump("9" / "3");
var_dump(".5" + ".5");
var_dump("1." + 1);
echo "leading numeric:\n";
var_dump("5 apples" + 1);
var_dump("3.5kg" * 2);
var_dump("12abc" % 5);
var_dump(is_numeric("12"), is_numeric("12.5"), is_numeric("1e5"), is_numeric(" 12"), is_numeric("12 "), is_numeric("12abc"), is_numeric(""), is_numeric("."), is_numeric("-.5"));
$s = "7";
$s *= "6";
var_dump($s);
var_dump(-"3", +"4.0", -"-1");
