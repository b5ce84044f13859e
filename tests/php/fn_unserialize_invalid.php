<?php
// unserialize of malformed input returns false (notice suppressed) 
$inputs = ["", "x", "i:5", "i:5;", "s:3:\"ab\";", "s:2:\"ab\";", "a:1:{i:0;i:1;", "a:1:{i:0;i:1;}", "b:2;", "b:1;", "b:0;", "N;", "d:0.5;", "i:abc;", "a:2:{i:0;i:1;}", "s:-1:\"\";", "i:1;junk"];
foreach ($inputs as $in) {
    $r = @unserialize($in);
    echo str_pad(json_encode($in), 20), " => ";
    var_dump($r);
}
var_dump(unserialize(serialize(false)));
var_dump(serialize(false) === "b:0;");
