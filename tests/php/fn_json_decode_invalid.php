<?php
// json_decode of invalid JSON: null result and error codes/messages
$inputs = ['', '{', '[1,]', "{'a':1}", '{"a" 1}', 'nul', 'True', '[1] x', '"\x"', "\"\xff\"", '01', '.5', '1.', '"unterminated', '{"a":1}}', "\"ctl\x01\"", 'NaN', '[1,2', '"\ud800"'];
foreach ($inputs as $in) {
    $r = json_decode($in, true);
    $code = json_last_error();
    $msg = json_last_error_msg();
    echo json_encode($in, JSON_INVALID_UTF8_SUBSTITUTE), " => ", var_export($r, true), " | ", $code, " ", $msg, "\n";
}
var_dump(json_decode('null', true), json_last_error());
try {
    json_decode('{bad}', true, 512, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e) . ": " . $e->getMessage(), " ", $e->getCode(), "\n";
}
