<?php
// Multi-catch with |, catch by parent class, catch without variable, Throwable
$throwers = [
    fn() => throw new InvalidArgumentException("ia"),
    fn() => throw new DomainException("dom"),
    fn() => throw new RangeException("range"),
    fn() => throw new TypeError("type"),
    fn() => intdiv(1, 0),
    fn() => throw new OutOfRangeException("oor"),
    fn() => throw new Exception("plain"),
];
foreach ($throwers as $i => $t) {
    try {
        $t();
    } catch (InvalidArgumentException | DomainException $e) {
        echo "$i multi: ", get_class($e), "\n";
    } catch (LogicException $e) {
        echo "$i logic parent: ", get_class($e), "\n";
    } catch (RuntimeException) {
        echo "$i runtime without variable\n";
    } catch (Error $e) {
        echo "$i error: ", get_class($e), " ", $e->getMessage(), "\n";
    } catch (Throwable $e) {
        echo "$i throwable: ", get_class($e), "\n";
    }
}
$classes = ['LengthException', 'OverflowException', 'UnderflowException', 'UnexpectedValueException', 'ArithmeticError', 'DivisionByZeroError', 'ValueError', 'JsonException', 'ArgumentCountError'];
foreach ($classes as $c) {
    $e = new $c("m");
    echo str_pad($c, 26), " Exception:", (int)($e instanceof Exception), " Error:", (int)($e instanceof Error),
        " Logic:", (int)($e instanceof LogicException), " Runtime:", (int)($e instanceof RuntimeException),
        " parent:", get_parent_class($e), "\n";
}
