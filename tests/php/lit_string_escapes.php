<?php
// Double-quoted string escapes vs single-quoted strings
echo "tab:[\t] nl:[\n] cr-less\\ back\\slash\n";
echo "dollar: \$x quote: \" single: ' \n";
echo "octal: \101\102\103 \60\061\n";
echo "hex: \x41\x62\x7a \x4\n";
echo "unicode: \u{48}\u{49} \u{1F600} \u{e9}\n";
echo "vtab/esc/ff: ", strlen("\v\e\f"), "\n";
echo "unknown: \q \z \ \n";
echo 'single: \n \t \' \\ $x {$y}', "\n";
echo 'trailing backslash \\', "\n";
var_dump("\0");
var_dump(strlen("a\0b"));
var_dump("\x");
var_dump("\u{41}");
var_dump('\u{41}');
echo "\400", "|", strlen("\400"), "\n";
echo bin2hex("\r\n\t\v\e\f\\\$\""), "\n";
echo "multi
line
string\n";
echo 'multi
single', "\n";
