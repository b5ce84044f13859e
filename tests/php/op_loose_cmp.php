<?php
// PHP 8 loose comparison table == across types
$vals = [true, false, 1, 0, -1, "1", "0", "-1", null, [], "php", "", 1.0, "1.0", " 1", "1 ", "abc", [0]];
$names = ['true','false','1','0','-1','"1"','"0"','"-1"','null','[]','"php"','""','1.0','"1.0"','" 1"','"1 "','"abc"','[0]'];
foreach ($vals as $i => $a) {
    $row = str_pad($names[$i], 6) . ": ";
    foreach ($vals as $j => $b) {
        $row .= ($a == $b) ? "T" : ".";
    }
    echo $row, "\n";
}
var_dump(0 == "a", "1" == "01", "10" == "1e1", 100 == "1e2", "abc" == 0);
var_dump(null == false, [] == false, "0" == false, "" == null, "0" == null);
var_dump("1e3" == "1000", "0x10" == "16", " 1" == 1, "1 " == 1);
var_dump(NAN == NAN, INF == INF, 0 == -0.0);
var_dump([1, 2] == [2 => 1], [1, 2] == [1 => 2, 0 => 1], [1, 2] === [1 => 2, 0 => 1]);
