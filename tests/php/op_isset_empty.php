<?php
// isset, empty, is_null and unset semantics across values
$vals = ['zero' => 0, 'zs' => "0", 'empty' => "", 'null' => null, 'false' => false, 'arr' => [], 'sp' => " ", 'f0' => 0.0, 'str' => "a", 'one' => 1, 'z00' => "00"];
foreach ($vals as $k => $v) {
    printf("%-6s isset=%d empty=%d is_null=%d bool=%d\n", $k, isset($vals[$k]), empty($vals[$k]), is_null($v), (bool)$v);
}
var_dump(isset($vals['missing']), empty($vals['missing']), isset($vals['arr'][0]));
var_dump(isset($vals['zero'], $vals['one']), isset($vals['zero'], $vals['null']));
$s = "text";
var_dump(isset($s[0]), isset($s[0][0]), isset($s['x']), empty($s[10]));
$nested = ['a' => ['b' => null]];
var_dump(isset($nested['a']['b']), array_key_exists('b', $nested['a']), isset($nested['a']['b']['c']));
$x = null;
var_dump(isset($x), empty($x), isset($undefined), empty($undefined));
unset($vals['zero']);
var_dump(array_key_exists('zero', $vals), count($vals));
