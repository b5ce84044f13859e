<?php
// sorting numeric-looking strings: default, SORT_STRING and SORT_NUMERIC
$v = ["100", "20", "3", "3.0", "03", "1e2", "-1", "0.5"];
$x = $v; sort($x); echo "default: ", json_encode($x), "\n";
$x = $v; sort($x, SORT_STRING); echo "string:  ", json_encode($x), "\n";
$x = $v; sort($x, SORT_NUMERIC); echo "numeric: ", json_encode($x), "\n";
$x = $v; rsort($x); echo "rsort:   ", json_encode($x), "\n";
$w = ["b", "B", "a", "A", "_", "1", "aa", "Ab"];
$x = $w; sort($x); echo json_encode($x), "\n";
$x = $w; sort($x, SORT_FLAG_CASE | SORT_STRING); echo json_encode($x), "\n";
$x = $w; rsort($x, SORT_STRING); echo json_encode($x), "\n";
$k = ["10" => "a", "9" => "b", "x" => "c", "1a" => "d"];
ksort($k, SORT_NUMERIC); echo json_encode($k), "\n";
ksort($k, SORT_STRING); echo json_encode($k), "\n";
