<?php
// Copy-on-write semantics of arrays
$a = [1, 2, 3];
$b = $a;
$b[] = 4;
$b[0] = 'changed';
print_r($a);
print_r($b);
$nested = ['inner' => [1, 2]];
$copy = $nested;
$copy['inner'][] = 3;
echo count($nested['inner']), " ", count($copy['inner']), "\n";
function mutate($arr) { $arr['new'] = true; return $arr; }
$orig = ['x' => 1];
$res = mutate($orig);
var_dump(isset($orig['new']), isset($res['new']));
$matrix = [[0, 0], [0, 0]];
$row = $matrix[0];
$row[0] = 9;
echo $matrix[0][0], " ", $row[0], "\n";
$list = [[1], [2]];
foreach ($list as $item) { $item[] = 'x'; }
echo json_encode($list), "\n";
$x = ['a'];
$y = &$x;
$y[] = 'b';
echo json_encode($x), "\n";
$p = [1, 2];
$q = $p;
$q[0]++;
echo json_encode([$p, $q]), "\n";
$arrs = array_fill(0, 3, []);
$arrs[1][] = 'only one';
echo json_encode($arrs), "\n";
