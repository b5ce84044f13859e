<?php
// json_decode to associative arrays: scalars, nesting, whitespace
$inputs = ['1', '-1.5', '1e2', '1E-2', '"str"', 'true', 'false', 'null', '[]', '{}', '[1,"a",null,true]', '{"a":{"b":[1,2,{"c":null}]}}', ' [ 1 , 2 ] ', '{"":1}', '{"1":"int-like","x":2}', '0', '-0', '-0.0', '"\u00e9\u20ac"', '"\ud83d\ude00"', '"a\/b\\\\c\n"'];
foreach ($inputs as $in) {
    echo $in, " => ";
    var_dump(json_decode($in, true));
}
var_dump(json_decode('{"a":1,"a":2}', true));
var_dump(json_decode("[1,2]", true) === [1, 2]);
var_dump(json_decode('"\\u0041"', true));
