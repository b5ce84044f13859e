<?php
// json_decode depth limit and roundtrip encode/decode
$j = '[[[["deep"]]]]';
for ($d = 1; $d <= 6; $d++) {
    $r = json_decode($j, true, $d);
    $err = json_last_error() . " " . json_last_error_msg();
    echo "depth $d: ", json_encode($r), " err=", $err, "\n";
}
var_dump(json_decode('1', true, 1));
var_dump(json_decode('[]', true, 1));
try {
    json_decode('[]', true, 0);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
$data = ["a" => [1, 2.5, "x", null, true], "b" => ["c" => ["d" => []]]];
$back = json_decode(json_encode($data), true);
var_dump($back === $data);
var_dump($back);
