<?php
// String literal edge cases: concatenation across lines, escapes in heredoc, binary-ish content
$s = 'It\'s' . " \"quoted\" " . 'back\slash \\ end';
echo $s, " len=", strlen($s), "\n";
$multi = "line1
line2\tTabbed";
echo $multi, "\n";
$v = 5;
echo "{$v}px", " ", "${v}em", " ", "$v%", "\n";
echo "\\\\ \\n \\\$v", "\n";
echo "Hex digits \x7e \x7E octal \176", "\n";
echo "Null byte in middle: [", strlen("a\0b\0c"), "]\n";
$h = <<<EOT
  Heredoc with "quotes" and 'single' and \$escaped and \\ and {$v}
  Tab:\tEnd
  EOT;
echo $h, "\n";
$n = <<<'EOT'
Nowdoc keeps \t and \\ and $v
EOT;
echo $n, "\n";
echo 'a' 
  . 'b'
  . "c\n";
echo "unicode: \u{263A} bytes=", strlen("\u{263A}"), "\n";
echo str_repeat("ab", 3) . "\n";
var_dump("" === '', "a" . "" === "a", "\101" === "A", "\x41" === 'A', "\u{41}" === "A");
