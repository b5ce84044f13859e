<?php
// One-byte searches and replacements (`replace_byte`): counts, no hits, NUL and high
// bytes, a whole-subject run of hits, arrays of subjects and of pairs.
$subjects = ["", "a", "aaa", "banana", "ABA\0A", str_repeat("xAyA", 40), "no hits here", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "\xff\xfe\xff"];
foreach ($subjects as $s) {
    $c = 0;
    var_dump(str_replace("A", "4", $s, $c), $c);
    var_dump(str_replace("a", "", $s, $c), $c);
    var_dump(str_replace("a", "aa", $s, $c), $c);
    var_dump(str_replace(["A", "4"], ["4", "A"], $s, $c), $c);
    var_dump(str_replace("\xff", "\x00", $s, $c), $c);
    var_dump(str_ireplace("a", "b", $s, $c), $c);
    var_dump(strtr($s, ["A" => "b"]));
}
var_dump(str_replace("A", "b", ["xAx", "AA", 5, 5.5, null], $c), $c);
