<?php
// if / elseif / else / else if and alternative syntax with endif
function classify($n) {
    if ($n < 0) {
        return "neg";
    } elseif ($n == 0) {
        return "zero";
    } else if ($n < 10) {
        return "small";
    } else {
        return "big";
    }
}
foreach ([-5, 0, 3, 42] as $n) echo $n, " => ", classify($n), "\n";
$x = 7;
if ($x > 5): echo "alt: >5\n"; elseif ($x > 2): echo "alt: >2\n"; else: echo "alt: else\n"; endif;
if ($x % 2):
    echo "odd\n";
    if ($x > 6):
        echo "and >6\n";
    endif;
else:
    echo "even\n";
endif;
if ($x) echo "no braces\n";
if (!$x) echo "not printed\n"; else echo "else no braces\n";
if (0) { echo "a"; } elseif ("0") { echo "b"; } elseif ("00") { echo "c\n"; }
if ([]) echo "empty array truthy?\n"; else echo "empty array falsy\n";
if (0.0) echo "x"; else echo "0.0 falsy\n";
if ("0.0") echo "'0.0' truthy\n";
if (null) {} else { echo "null falsy\n"; }
if ($x > 0) if ($x > 100) echo "huge\n"; else echo "dangling else binds inner\n";
