<?php
// Ops compiled code checks inline: default arguments (JmpIfArg, named arguments
// skipping a parameter), truthiness (ToBool/Not of every type, undefined variables
// warning), typed parameters (exact types inline; coercion, by-ref boxes and
// TypeErrors out of line), by-reference arguments that already are references.
function defaults($a, $b = 2, $c = 3, $d = null) {
    return "$a-$b-$c-" . var_export($d, true);
}
function truth($v) {
    $r = '';
    $r .= $v ? 'T' : 'F';
    $r .= !$v ? 'n' : 'y';
    $r .= ($v && true) ? '1' : '0';
    $r .= ($v || false) ? '1' : '0';
    return $r;
}
function typed(int $i, float $f, string $s, bool $b, array $a) {
    return var_export([$i, $f, $s, $b, count($a)], true);
}
function typed_ref(array &$a, int &$n) {
    $a[] = $n;
    $n++;
    return count($a);
}
function inner(array &$a) { $a[] = 'x'; }
function outer(array &$a) { inner($a); inner($a); return count($a); }

for ($round = 0; $round < 3; $round++) {
    echo defaults(1), ' ', defaults(1, 5), ' ', defaults(1, 5, 6), ' ', defaults(1, 5, 6, 7), "\n";
    echo defaults(1, d: 9), ' ', defaults(1, c: 8), ' ', defaults(a: 0, b: null), "\n";
    $vals = [null, false, true, 0, 1, -1, 0.0, -0.0, 0.5, NAN, INF, '', '0', '0.0', 'a', [], [0]];
    $out = [];
    foreach ($vals as $v) $out[] = truth($v);
    echo implode(' ', $out), "\n";
    echo truth(@$undefined), "\n";
    echo typed(1, 2.5, 's', true, [1, 2]), "\n";
    echo typed('7', 3, 12, 0, []), "\n";   // coercions (weak mode)
    $arr = [1];
    $n = 10;
    echo typed_ref($arr, $n), ' ', typed_ref($arr, $n), ' ', $n, ' ', implode(',', $arr), "\n";
    $list = [];
    echo outer($list), ' ', outer($list), "\n";
    try {
        typed([], 1.0, 's', true, []);
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    try {
        typed(1, 1.0, 's', true, 'not an array');
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}
$u = !$undefined2;
var_dump($u);
// isset() of elements and variables, the destination reused after holding strings.
function isset_all($a, $keys) {
    $out = '';
    foreach ($keys as $k) {
        $s = 'str' . $k;          // leaves a string in a temporary
        $out .= isset($a[$k]) ? 'Y' : 'n';
        $v = $a[$k] ?? null;
        $out .= isset($v) ? 'y' : '.';
    }
    return $out;
}
$arr = ['a' => 1, 'b' => null, 'c' => false, 'd' => 0, 'e' => '', 5 => [], 6 => 'x'];
for ($i = 0; $i < 3; $i++) {
    echo isset_all($arr, ['a', 'b', 'c', 'd', 'e', 5, 6, 'zz', 99]), "\n";
}
$nul = null;
var_dump(isset($nul), isset($undefined3), isset($arr['b']), isset($arr['a']));
