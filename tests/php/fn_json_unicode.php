<?php
// json unicode escapes in encode and decode
$s = json_decode('"\u00e9"', true);
var_dump($s, strlen($s), bin2hex($s));
$s = json_decode('"\u20AC \u0041\u0000z"', true);
var_dump(strlen($s), bin2hex($s));
echo json_encode("é€"), "\n";
echo json_encode("é€", JSON_UNESCAPED_UNICODE), "\n";
echo json_encode("\u{2028}\u{2029}"), "\n";
echo json_encode("\u{2028}\u{2029}", JSON_UNESCAPED_UNICODE), "\n";
echo json_encode("\u{2028}", JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_LINE_TERMINATORS), "\n";
echo json_encode(["ключ" => "значение"]), "\n";
echo json_encode(["ключ" => "значение"], JSON_UNESCAPED_UNICODE), "\n";
var_dump(json_decode('{"\u006bey":"\u0076al"}', true));
echo json_encode("\x7f"), "\n";
