<?php
// extract with EXTR_REFS and EXTR_OVERWRITE, compact with undefined names (suppressed)
function f() {
    $data = ["a" => 1, "b" => 2];
    extract($data, EXTR_REFS);
    $a = 100;
    var_dump($data);
    $c = 3;
    var_dump(@compact('a', 'c', 'undefined_var'));
    $n = extract(["a" => "over"], EXTR_OVERWRITE);
    var_dump($n, $a, $data["a"]);
    var_dump(extract(["this_is" => 1, "a b" => 2, "9x" => 3, "_ok" => 4]));
    var_dump($this_is, $_ok);
}
f();
