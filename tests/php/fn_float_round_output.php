<?php
// round() results printed through every output path
$vals = [round(3.14159, 3), round(2.5), round(-3.5), round(1.95583, 2), round(5.045, 2), round(1241757, -3), round(0.30000000000000004, 2), round(1e15 + 0.5), round(-0.0001, 2)];
foreach ($vals as $v) {
    echo $v, " | ";
    var_dump($v);
    echo print_r($v, true), " | ", var_export($v, true), " | ", json_encode($v), " | ", serialize($v), "\n";
}
echo number_format(round(2.675, 2), 2), " ", sprintf("%.2f", round(2.675, 2)), "\n";
var_dump(round(2.5) === 3.0, round(-2.5) === -3.0);
echo round(3.14159, 4), " ", round(1000000.5), "\n";
