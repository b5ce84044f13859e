<?php
// NAN / INF / -INF across output functions; json_encode fails on them
$vals = [NAN, INF, -INF];
foreach ($vals as $v) {
    echo "echo: ", $v, "\n";
    echo "var_dump: "; var_dump($v);
    echo "print_r: ", print_r($v, true), "\n";
    echo "var_export: ", var_export($v, true), "\n";
    echo "serialize: ", serialize($v), "\n";
    var_dump(json_encode($v));
    echo json_last_error(), " ", json_last_error_msg(), "\n";
    try {
        json_encode($v, JSON_THROW_ON_ERROR);
    } catch (JsonException $e) {
        echo get_class($e) . ": " . $e->getMessage(), " code=", $e->getCode(), "\n";
    }
    var_dump(json_encode($v, JSON_PARTIAL_OUTPUT_ON_ERROR));
    var_dump(is_nan($v), is_infinite($v), is_finite($v));
    var_dump(unserialize(serialize($v)));
    echo "---\n";
}
var_dump(NAN == NAN, NAN === NAN, INF == INF, INF > PHP_INT_MAX, -INF < PHP_INT_MIN);
var_dump((int)NAN, (string)INF, INF - INF, 0 * INF);
