<?php
// sprintf/printf/vsprintf error cases
$cases = [
    fn() => sprintf("%d %d", 1),
    fn() => sprintf("%s"),
    fn() => sprintf("%y", 1),
    fn() => sprintf("%", 1),
    fn() => vsprintf("%d %d", [1]),
    fn() => printf("%d %s %s", 1, "a"),
    fn() => sprintf("abc %"),
];
foreach ($cases as $i => $c) {
    try {
        $r = $c();
        echo "$i ok: "; var_dump($r);
    } catch (Throwable $e) {
        echo "$i ", get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
echo sprintf("no args"), "\n";
echo sprintf("%s", "extra", "ignored"), "\n";
