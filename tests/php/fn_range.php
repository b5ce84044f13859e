<?php
// range with ints, steps, letters, floats, negative step and reversed bounds
echo json_encode(range(1, 5)), "\n";
echo json_encode(range(5, 1)), "\n";
echo json_encode(range(0, 10, 3)), "\n";
echo json_encode(range(10, 0, -3)), "\n";
echo json_encode(range(10, 0, 3)), "\n";
echo json_encode(range('a', 'e')), "\n";
echo json_encode(range('e', 'a', 2)), "\n";
echo json_encode(range('A', 'z', 10)), "\n";
echo json_encode(range(0, 1, 0.25)), "\n";
echo json_encode(range(0.5, 2.5)), "\n";
echo json_encode(range(1, 2, 0.3)), "\n";
echo json_encode(range(3, 3)), "\n";
echo json_encode(range(-3, 3, 2)), "\n";
echo json_encode(range("1", "4")), "\n";
var_dump(range(1, 3, 1.0));
foreach ([[1, 5, 0], [1, 5, 10]] as [$a, $b, $s]) {
    try {
        echo json_encode(range($a, $b, $s)), "\n";
    } catch (ValueError $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
