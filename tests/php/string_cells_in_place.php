<?php
// Strings built in place: `.` chains into temporaries and variables, in-place
// appends, results that share their argument's string (substr/trim/str_replace
// returning the subject unchanged), string offset writes. Every mutation must stay
// private to the variable it was made through.
function f($x) { return "f($x)"; }

$a = 'abc';
$b = str_replace('x', 'y', $a);   // unchanged: shares $a's string
$b .= 'd';
$b[0] = 'X';
echo $a, ' ', $b, "\n";
$c = substr($a, 0);
$c[1] = 'Z';
$d = trim($a);
$d .= '!';
echo $a, ' ', $c, ' ', $d, "\n";
$e = str_replace(['q', 'r'], ['1', '2'], $a);
$e .= 'e';
echo $a, ' ', $e, "\n";
$n = str_replace('1', 'one', 12131);   // an int subject becomes a string
var_dump($n);
var_dump(str_replace('', 'x', 'abc'), str_replace('a', '', 'aaa'), str_replace(['a', 'b'], 'c', ''));
$arr = str_replace('a', 'A', ['k' => 'banana', 7 => 'cherry', 3 => 5]);
var_dump($arr);

// Chains whose left part is built in place.
$s = 'x';
$s = $s . 'a' . 'b';
echo $s, "\n";
$s = f(1) . $s . f(2);
echo $s, "\n";
$t = 'q' . $s . 'r' . 1 . 2.5 . true . null . 'z';
echo $t, ' ', $s, "\n";
$u = "[$t]" . '-' . "<$s>";
echo $u, "\n";
$v = strtoupper($s) . strtolower($s) . $s;
$w = $v;
$v .= '+';
echo $v, ' ', $w, "\n";
$r = &$v;
$r = $r . 'x' . 'y';
echo $v, "\n";
$list = [];
for ($i = 0; $i < 5; $i++) {
    $line = implode(',', [$i, $i * 2]) . ';' . $i;
    $list[] = $line;
    $line .= '!';
    $list[] = $line;
}
echo implode(' ', $list), "\n";
$k = [];
$k[f(3) . 'k'] = 1;
$k[f(3) . 'k'] .= '2' . '3';
var_dump($k);

// Warnings keep their order inside a chain.
$arr2 = [1];
echo @$undefined . 'a' . 'b', "\n";
echo 'x' . $arr2 . 'y' . $missing . 'z', "\n";
echo $arr2 . $missing2 . 'w', "\n";

// Long strings grow in place and stay correct.
$big = '';
for ($i = 0; $i < 2000; $i++) {
    $big .= 'p' . $i . ',';
}
echo strlen($big), ' ', substr($big, -12), ' ', md5_like($big), "\n";
function md5_like($s) {
    $h = 0;
    for ($i = 0; $i < strlen($s); $i++) $h = ($h * 31 + ord($s[$i])) % 1000003;
    return $h;
}
$pad = 'ab';
$pad[6] = 'c';
var_dump($pad);
// One-byte strings are shared: reading, appending to and writing into them must
// never change another holder's copy.
$word = 'hello';
$chars = [];
for ($i = -5; $i < 5; $i++) $chars[] = $word[$i];
$h = $word[0];
$h .= 'i';
$e = $word[1];
$e[0] = 'E';
$c = chr(104);
$c .= '!';
echo implode('', $chars), ' ', $h, ' ', $e, ' ', $word[0], $word[1], ' ', chr(104), ' ', $c, "\n";
echo @$word[9] === '' ? 'empty' : 'other', "\n";
for ($i = 0; $i < 3; $i++) { $x = $word[$i]; $x .= $i; echo $x; }
echo "\n", implode(',', str_split('abc')), ' ', strrev('ab'), "\n";
