<?php
// implode, explode and str_replace in hot loops, then with arguments that warn,
// throw or have other types after every tier has seen plain ones; and an implode
// past the memory limit, whose message counts the separator once per gap.
function work($words, $i) {
    $line = implode(' ', $words) . ' ' . $i;
    $rep = str_replace(['a', 'e'], ['4', '3'], $line);
    $rep2 = str_replace('4', 'four', $rep);
    $parts = explode(' ', $rep2);
    implode(',', $parts);
    return count($parts) . ":" . $parts[$i % count($parts)] . ":" . join('+', $parts);
}
$words = ['alpha', 'beta', 'gamma', 12, 2.5, true, null, false, -7];
for ($i = 0; $i < 400; $i++) {
    $r = work($words, $i);
}
echo $r, "\n";

function glue($sep, $a) {
    return implode($sep, $a);
}
function cut($sep, $s) {
    return explode($sep, $s);
}
function swap($a, $b, $s) {
    return str_replace($a, $b, $s);
}
for ($i = 0; $i < 400; $i++) {
    $g = glue("-", ["x", $i, "y"]);
    $c = cut(",", "a,b,,c$i");
    $s = swap(["x", "y"], ["y", "z"], "xyzzy$i");
}
echo $g, " ", json_encode($c), " ", $s, "\n";

// Arguments the direct call does not take: the built-in's own behaviour.
echo glue(", ", ["a", ["nested"], "b"]), "\n";
echo glue(", ", [1.0, 0.1 + 0.2, 1e100, -0.0, NAN]), "\n";
try {
    cut("", "abc");
} catch (ValueError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo json_encode(cut(1, "a1b1c")), "\n";
try {
    swap("a", ["b"], "abc");
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo json_encode(swap("a", "b", ["abc", "cab", 5])), "\n";
echo swap(["a", "b"], "", "abcabc"), "\n";
echo swap([], "x", "abc"), "|", swap(["", "b"], ["z", "y"], "abc"), "\n";
try {
    echo glue("/", [new stdClass, "x"]), "\n";
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    echo swap(["a"], [new stdClass], "abc"), "\n";
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
$r = "ref";
$withRef = ["a", &$r, "c"];
echo glue(".", $withRef), "\n";
echo glue(",", []), "|", json_encode(cut(",", "")), "\n";
echo glue(",", ["a", "b"]), "\n";

// Past the memory limit: PHP's fatal error, with PHP's size, on the right line.
function glue_big($sep, $a) {
    return implode($sep, $a);
}
for ($i = 0; $i < 50; $i++) $g = glue_big("ab", ["c", "d"]);
echo $g, "\n";
$big = str_repeat("x", 70000000);
echo strlen(glue_big($big, ["a", "b", "c"])), "\n";
