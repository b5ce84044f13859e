<?php
// Tiny tokenizer and expression evaluator (shunting-yard) using string functions
function c_alpha($c) { $o = ord($c); return ($o >= 65 && $o <= 90) || ($o >= 97 && $o <= 122); }
function c_digit($c) { $o = ord($c); return $o >= 48 && $o <= 57; }
function c_alnum($c) { return c_alpha($c) || c_digit($c); }
function c_space($c) { return $c === " " || $c === "\t" || $c === "\n" || $c === "\r"; }
function tokenize(string $src): array {
    $tokens = []; $i = 0; $n = strlen($src);
    while ($i < $n) {
        $c = $src[$i];
        if (c_space($c)) { $i++; continue; }
        if (c_digit($c) || $c === '.') {
            $start = $i;
            while ($i < $n && (c_digit($src[$i]) || $src[$i] === '.')) $i++;
            $tokens[] = ['num', substr($src, $start, $i - $start)];
            continue;
        }
        if (c_alpha($c)) {
            $start = $i;
            while ($i < $n && c_alnum($src[$i])) $i++;
            $tokens[] = ['id', substr($src, $start, $i - $start)];
            continue;
        }
        if (strpos("+-*/()^", $c) !== false) { $tokens[] = ['op', $c]; $i++; continue; }
        throw new UnexpectedValueException("bad char '$c' at $i");
    }
    return $tokens;
}
function evaluate(array $tokens, array $vars) {
    $prec = ['+' => 1, '-' => 1, '*' => 2, '/' => 2, '^' => 3];
    $out = []; $ops = [];
    $apply = function () use (&$out, &$ops) {
        $op = array_pop($ops); $b = array_pop($out); $a = array_pop($out);
        $out[] = match ($op) { '+' => $a + $b, '-' => $a - $b, '*' => $a * $b, '/' => $a / $b, '^' => $a ** $b };
    };
    foreach ($tokens as [$type, $val]) {
        if ($type === 'num') $out[] = $val + 0;
        elseif ($type === 'id') $out[] = $vars[$val] ?? throw new OutOfBoundsException("unknown var $val");
        elseif ($val === '(') $ops[] = $val;
        elseif ($val === ')') { while (end($ops) !== '(') $apply(); array_pop($ops); }
        else {
            while ($ops && end($ops) !== '(' && ($prec[end($ops)] > $prec[$val] || ($prec[end($ops)] == $prec[$val] && $val !== '^'))) $apply();
            $ops[] = $val;
        }
    }
    while ($ops) $apply();
    return $out[0];
}
$exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x * (y - 1.5) / 2", "10 / 4", "7 - 2 - 1", "a + 1", "3 $ 4"];
foreach ($exprs as $e) {
    try {
        $t = tokenize($e);
        echo str_pad($e, 20), " tokens=", count($t), " => ", var_export(evaluate($t, ['x' => 4, 'y' => 3]), true), "\n";
    } catch (Exception $ex) {
        echo str_pad($e, 20), " error: ", get_class($ex), ": ", $ex->getMessage(), "\n";
    }
}
