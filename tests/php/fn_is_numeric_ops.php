<?php
// numeric strings in arithmetic vs is_numeric; leading/trailing whitespace
foreach (["5", " 5", "5 ", "5.5", "1e2", "abc", ""] as $s) {
    echo json_encode($s), ": is_numeric=", var_export(is_numeric($s), true), " ";
    try {
        $r = $s + 1;
        echo "plus1=", var_export($r, true), "\n";
    } catch (TypeError $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
var_dump("10" + "5.5", "3" * "4", "2" ** "3", "7" % "3", "1e3" + 0, "0.1" + "0.2");
var_dump(is_numeric("1e3") && "1e3" == "1000");
