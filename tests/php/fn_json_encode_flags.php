<?php
// json_encode flags: pretty print, unescaped slashes/unicode, force object, hex
$d = ["url" => "http://a.b/c", "name" => "café ☕", "list" => [1, [2, 3]], "empty" => [], "html" => "<a href='x'>&amp;</a>"];
echo json_encode($d), "\n";
echo json_encode($d, JSON_UNESCAPED_SLASHES), "\n";
echo json_encode($d, JSON_UNESCAPED_UNICODE), "\n";
echo json_encode($d, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
echo json_encode($d, JSON_PRETTY_PRINT), "\n";
echo json_encode($d, JSON_FORCE_OBJECT), "\n";
echo json_encode([], JSON_FORCE_OBJECT), "\n";
echo json_encode([[1], []], JSON_FORCE_OBJECT | JSON_PRETTY_PRINT), "\n";
echo json_encode($d["html"], JSON_HEX_TAG | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_HEX_AMP), "\n";
echo json_encode([], JSON_PRETTY_PRINT), "\n";
echo json_encode(["a" => []], JSON_PRETTY_PRINT), "\n";
echo json_encode("😀"), "\n";
echo json_encode("😀", JSON_UNESCAPED_UNICODE), "\n";
