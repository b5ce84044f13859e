<?php
// Heredoc and nowdoc, including closing marker indentation (PHP 7.3+)
$name = "World";
$arr = ['k' => 'val', 3 => 'three'];
echo <<<EOT
Hello $name!
  Indented line with {$arr['k']} and $arr[3]
Escapes: \t tab \$name \\
EOT;
echo "\n";
echo <<<"QUOTED"
Quoted heredoc: $name
QUOTED;
echo "\n";
echo <<<'NOW'
Nowdoc: $name {$arr['k']} \t \\
NOW;
echo "\n";
    echo <<<EOT
        four spaces removed
          two extra kept
        $name
        EOT;
echo "\n";
$x = <<<X
  a
   b
  X;
var_dump($x);
$empty = <<<E
E;
var_dump($empty);
$n = <<<'N'
    keep\n
    N;
var_dump($n);
var_dump(strlen(<<<A
abc
A));
$list = [<<<ONE
one
ONE, <<<TWO
two
TWO];
print_r($list);
