<?php
// JSON_THROW_ON_ERROR for encode and decode; last error not modified by throwing call
json_decode("{", true);
echo json_last_error(), "\n";
try {
    json_decode("[1,", true, 512, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e) . ": " . $e->getMessage(), " (", $e->getCode(), ")\n";
}
echo json_last_error(), " ", json_last_error_msg(), "\n";
try {
    json_encode(["bad" => "\xB1\x31"], JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e) . ": " . $e->getMessage(), " (", $e->getCode(), ")\n";
}
try {
    json_decode('[[1]]', true, 1, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e) . ": " . $e->getMessage(), " (", $e->getCode(), ")\n";
}
var_dump(json_decode('{"ok":true}', true, 512, JSON_THROW_ON_ERROR));
var_dump(json_encode([1, 2], JSON_THROW_ON_ERROR));
echo json_last_error(), "\n";
