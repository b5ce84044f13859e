<?php
// === and !== identity comparisons
var_dump(1 === 1, 1 === 1.0, "1" === 1, null === null, null === false);
var_dump([1, 2] === [1, 2], ["a" => 1, "b" => 2] === ["b" => 2, "a" => 1]);
var_dump(["a" => 1, "b" => 2] == ["b" => 2, "a" => 1]);
var_dump(1 !== "1", 1 != "1", 0.1 + 0.2 === 0.3, "abc" !== "abc");
var_dump([0 => "a"] === ["0" => "a"]);
var_dump(true === (bool)"0");
$a = "x"; $b = "x";
var_dump($a === $b);
var_dump(NAN === NAN);
var_dump(-0.0 === 0.0);
var_dump([[1]] === [[1]], [[1]] === [["1"]], [[1]] == [["1"]]);
