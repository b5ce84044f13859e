<?php
// Simple state machine: turnstile and a number-literal recognizer
$transitions = [
    'locked' => ['coin' => 'unlocked', 'push' => 'locked'],
    'unlocked' => ['coin' => 'unlocked', 'push' => 'locked'],
];
$state = 'locked';
$stats = ['coins' => 0, 'passes' => 0, 'blocked' => 0];
foreach (['push', 'coin', 'push', 'push', 'coin', 'coin', 'push', 'kick'] as $ev) {
    $next = $transitions[$state][$ev] ?? null;
    if ($next === null) { echo "[$state] unknown event '$ev', staying\n"; continue; }
    if ($ev === 'coin') $stats['coins']++;
    if ($ev === 'push') $state === 'unlocked' ? $stats['passes']++ : $stats['blocked']++;
    echo "[$state] --$ev--> [$next]\n";
    $state = $next;
}
print_r($stats);
function classify(string $s): string {
    $st = 'start';
    foreach (str_split($s) as $c) {
        $kind = match (true) { $c >= '0' && $c <= '9' => 'd', $c === '.' => 'dot', $c === '-' || $c === '+' => 'sign', $c === 'e' || $c === 'E' => 'e', default => 'x' };
        $st = match ([$st, $kind]) {
            ['start', 'sign'] => 'signed',
            ['start', 'd'], ['signed', 'd'], ['int', 'd'] => 'int',
            ['int', 'dot'], ['start', 'dot'], ['signed', 'dot'] => 'dot',
            ['dot', 'd'], ['frac', 'd'] => 'frac',
            ['int', 'e'], ['frac', 'e'] => 'exp0',
            ['exp0', 'sign'] => 'expsign',
            ['exp0', 'd'], ['expsign', 'd'], ['exp', 'd'] => 'exp',
            default => 'error',
        };
        if ($st === 'error') break;
    }
    return in_array($st, ['int', 'frac', 'exp'], true) ? "valid($st)" : "invalid($st)";
}
foreach (["42", "-3.14", "1e10", "2.5E-3", ".5", "5.", "+", "1e", "abc", "1.2.3", "", "-0"] as $s) echo str_pad("'$s'", 9), classify($s), "\n";
