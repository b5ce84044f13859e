<?php
// json_decode of big integers, floats and JSON_BIGINT_AS_STRING
$inputs = ['9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '12345678901234567890', '1.0', '1e400', '-1e400', '0.1', '123456789012345678901234567890.5', '[9999999999999999999]'];
foreach ($inputs as $in) {
    echo $in, " => ";
    var_dump(json_decode($in, true));
}
var_dump(json_decode('12345678901234567890', true, 512, JSON_BIGINT_AS_STRING));
var_dump(json_decode('[12345678901234567890, 1]', true, 512, JSON_BIGINT_AS_STRING));
echo json_encode(json_decode('[1.0, 2.50, 1e2]', true)), "\n";
