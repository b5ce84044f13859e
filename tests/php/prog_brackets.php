<?php
// Balanced brackets checker with a stack; reports position of first error
function check(string $s): string {
    $pairs = [')' => '(', ']' => '[', '}' => '{'];
    $stack = [];
    for ($i = 0; $i < strlen($s); $i++) {
        $c = $s[$i];
        if (in_array($c, $pairs, true)) { $stack[] = [$c, $i]; }
        elseif (isset($pairs[$c])) {
            if (!$stack) return "unexpected '$c' at $i";
            [$open, $pos] = array_pop($stack);
            if ($open !== $pairs[$c]) return "mismatch '$open'@$pos vs '$c'@$i";
        }
    }
    if ($stack) { [$open, $pos] = end($stack); return "unclosed '$open' at $pos"; }
    return "balanced";
}
$cases = ["", "()", "([]{})", "([)]", "((", "())", "{[()()]}", "f(a[1], {b: 2})", "}{", "(((([[[{{{}}}]]]))))", "a(b]c"];
foreach ($cases as $c) printf("%-22s %s\n", "\"$c\"", check($c));
function gen(int $n): array {
    if ($n == 0) return [""];
    $out = [];
    for ($i = 0; $i < $n; $i++) foreach (gen($i) as $a) foreach (gen($n - 1 - $i) as $b) $out[] = "($a)$b";
    return $out;
}
foreach ([1, 2, 3, 4, 5] as $n) {
    $all = gen($n);
    $okCount = count(array_filter($all, fn($x) => check($x) === "balanced"));
    echo "n=$n: ", count($all), " generated, $okCount balanced", $n == 3 ? " [" . implode(" ", $all) . "]" : "", "\n";
}
