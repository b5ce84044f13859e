<?php
// sort flags SORT_STRING, SORT_NUMERIC, SORT_NATURAL, SORT_FLAG_CASE
$a = ["10", "9", "2", "1", "100", "1.5"];
$x = $a; sort($x, SORT_STRING); echo json_encode($x), "\n";
$x = $a; sort($x, SORT_NUMERIC); echo json_encode($x), "\n";
$x = $a; sort($x, SORT_REGULAR); echo json_encode($x), "\n";
$files = ["img12.png", "img10.png", "IMG2.png", "img1.png", "img2.png"];
$x = $files; sort($x); echo json_encode($x), "\n";
$x = $files; sort($x, SORT_NATURAL); echo json_encode($x), "\n";
$x = $files; sort($x, SORT_NATURAL | SORT_FLAG_CASE); echo json_encode($x), "\n";
$x = $files; sort($x, SORT_STRING | SORT_FLAG_CASE); echo json_encode($x), "\n";
$x = $files; natsort($x); echo json_encode($x), "\n";
$x = $files; natcasesort($x); echo json_encode($x), "\n";
$n = [3, "20", 1.5, "abc"];
$x = $n; rsort($x, SORT_STRING); echo json_encode($x), "\n";
$x = $n; rsort($x, SORT_NUMERIC); echo json_encode($x), "\n";
