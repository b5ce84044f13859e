<?php
// serialize formats of scalars and arrays
$vals = [0, -7, PHP_INT_MAX, 1.5, 0.1, -0.0, "", "abc", "héllo", "a\"b", true, false, null, [], [1, 2], ["k" => "v", 3 => [true]], [-1 => 'neg']];
foreach ($vals as $v) {
    $s = serialize($v);
    echo $s, "\n";
    $u = unserialize($s);
    var_dump($u === $v || (is_float($v) && $u == $v));
}
echo serialize(["nested" => ["deep" => ["deeper" => [1.25]]]]), "\n";
