<?php
// Built-ins that call a callback can reach the calling function's variables
// (`call_user_func('extract', ...)` writes them): optimized code must neither keep
// those variables in registers across such a call nor trust what it knew about
// their types. Other helper calls only change the slots they name.

function via_call_user_func() {
    $t = 0;
    for ($i = 0; $i < 3; $i++) {
        $a = 1;
        call_user_func('extract', ['a' => 5 + $i]);
        $t += $a;
        echo $a, " ";
    }
    echo $t, "\n";
}

function type_change() {
    $s = "";
    for ($i = 0; $i < 4; $i++) {
        $x = $i + 1;
        $y = $x * 2;
        call_user_func('extract', ['x' => "s$i"]);
        $s .= $x . $y;
    }
    echo $s, "\n";
}

function knowledge_kept($n) {
    // strtoupper and str_repeat write only their results: $k stays an int.
    $k = 0;
    $out = "";
    for ($i = 0; $i < $n; $i++) {
        $k = $k + 2;
        $out = strtoupper(str_repeat("ab", $i % 3));
        $k = $k * 1;
    }
    return $k . $out;
}

for ($r = 0; $r < 3; $r++) {
    via_call_user_func();
    type_change();
    echo knowledge_kept(50 + $r), "\n";
}
