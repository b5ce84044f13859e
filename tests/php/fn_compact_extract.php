<?php
// compact and extract with flags and prefixes (inside functions)
function demo() {
    $a = 1;
    $b = "two";
    $c = [3];
    $n = null;
    var_dump(compact('a', 'b'));
    var_dump(compact(['a', ['b', 'c']], 'n'));
    var_dump(compact([]));
}
demo();
function ex() {
    $x = "orig";
    $count = extract(["x" => "new", "y" => 2, "1bad" => 3, "z z" => 4]);
    var_dump($count, $x, $y);
    $count = extract(["x" => "skip", "w" => "added"], EXTR_SKIP);
    var_dump($count, $x, $w);
    $count = extract(["x" => "p"], EXTR_PREFIX_ALL, "pre");
    var_dump($count, $pre_x);
    $count = extract(["q" => 1, "x" => 2], EXTR_PREFIX_SAME, "dup");
    var_dump($count, $q, $x, $dup_x);
    var_dump(extract([]));
}
ex();
