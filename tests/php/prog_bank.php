<?php
// Bank account simulation with arrays and exceptions
$accounts = [];
function open(array &$accts, string $id, float $initial = 0.0) {
    if (isset($accts[$id])) throw new InvalidArgumentException("account $id exists");
    $accts[$id] = ['balance' => $initial, 'history' => [["open", $initial]]];
}
function deposit(array &$accts, string $id, float $amt) {
    if ($amt <= 0) throw new DomainException("deposit must be positive");
    $accts[$id]['balance'] += $amt;
    $accts[$id]['history'][] = ["deposit", $amt];
}
function withdraw(array &$accts, string $id, float $amt) {
    if (!isset($accts[$id])) throw new OutOfRangeException("no account $id");
    if ($accts[$id]['balance'] < $amt) throw new UnderflowException("insufficient funds in $id");
    $accts[$id]['balance'] -= $amt;
    $accts[$id]['history'][] = ["withdraw", $amt];
}
function transfer(array &$accts, $from, $to, $amt) {
    withdraw($accts, $from, $amt);
    deposit($accts, $to, $amt);
}
$ops = [
    function () use (&$accounts) { open($accounts, "alice", 100); },
    function () use (&$accounts) { open($accounts, "bob"); },
    function () use (&$accounts) { deposit($accounts, "bob", 50.25); },
    function () use (&$accounts) { transfer($accounts, "alice", "bob", 30); },
    function () use (&$accounts) { withdraw($accounts, "bob", 500); },
    function () use (&$accounts) { open($accounts, "alice"); },
    function () use (&$accounts) { deposit($accounts, "alice", -5); },
    function () use (&$accounts) { withdraw($accounts, "carol", 1); },
    function () use (&$accounts) { transfer($accounts, "bob", "alice", 80.25); },
];
foreach ($ops as $i => $op) {
    try { $op(); echo "op $i ok\n"; }
    catch (Exception $e) { echo "op $i failed: ", get_class($e), " - ", $e->getMessage(), "\n"; }
}
foreach ($accounts as $id => $acct) {
    printf("%-6s %8.2f\n", $id, $acct['balance']);
    foreach ($acct['history'] as [$type, $amt]) printf("    %-8s %7.2f\n", $type, $amt);
}
$total = array_sum(array_map(fn($a) => $a['balance'], $accounts));
printf("total %.2f\n", $total);
