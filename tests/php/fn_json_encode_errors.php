<?php
// json_encode failures: invalid UTF-8, depth, throw flag, substitute
var_dump(json_encode("bad \xff utf8"));
echo json_last_error(), " ", json_last_error_msg(), "\n";
var_dump(json_encode("bad \xff utf8", JSON_INVALID_UTF8_SUBSTITUTE));
var_dump(json_encode("bad \xff utf8", JSON_INVALID_UTF8_IGNORE));
var_dump(json_encode("ok"));
echo json_last_error(), " ", json_last_error_msg(), "\n";
try {
    json_encode("\xc3", JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e) . ": " . $e->getMessage(), " ", $e->getCode(), "\n";
}
$deep = [[[[1]]]];
var_dump(json_encode($deep, 0, 3));
echo json_last_error(), " ", json_last_error_msg(), "\n";
var_dump(json_encode($deep, 0, 4));
var_dump(json_encode($deep, JSON_PARTIAL_OUTPUT_ON_ERROR, 2));
try {
    json_encode($deep, 0, 0);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
