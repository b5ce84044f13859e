<?php
// Arrays preserve insertion order regardless of key type; overwriting keeps position
$a = [];
$a['z'] = 1;
$a[10] = 2;
$a['a'] = 3;
$a[-1] = 4;
$a[5] = 5;
print_r($a);
$a['z'] = 'overwritten keeps position';
$a[] = 'next is 11';
print_r(array_keys($a));
unset($a['z']);
$a['z'] = 're-added at end';
echo implode(",", array_keys($a)), "\n";
$b = [3 => 'c', 1 => 'a', 2 => 'b'];
foreach ($b as $k => $v) echo "$k$v ";
echo "\n";
ksort($b);
echo implode("", $b), "\n";
echo json_encode([1 => 'a', 2 => 'b']), " ", json_encode([0 => 'a', 1 => 'b']), " ", json_encode([]), "\n";
var_dump(array_is_list([1, 2]), array_is_list([1 => 1]), array_is_list([]));
$c = [0 => 'a', 1 => 'b'];
unset($c[0]);
var_dump(array_is_list($c));
