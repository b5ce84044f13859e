<?php
// JSON_PRETTY_PRINT layouts for nested lists/maps, empty containers and unicode
$data = [
    "name" => "Zoë",
    "tags" => ["a", "b"],
    "meta" => ["empty_list" => [], "nested" => ["deep" => [1, [2, [3]]]], "n" => null],
    "nums" => [1.5, -0.0, 1e20, 10],
    "path" => "/usr/bin",
];
echo json_encode($data, JSON_PRETTY_PRINT), "\n";
echo json_encode($data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
echo json_encode([[], [[]], ["k" => []]], JSON_PRETTY_PRINT), "\n";
echo json_encode("x", JSON_PRETTY_PRINT), "\n";
