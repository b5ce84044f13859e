<?php
// nested output buffers, levels and printf inside buffers
function render($items) {
    ob_start();
    foreach ($items as $k => $v) {
        printf("%-5s=%3d\n", $k, $v);
    }
    return ob_get_clean();
}
$out = render(["a" => 1, "bb" => 22, "ccc" => 333]);
echo strlen($out), "\n", $out;
ob_start();
echo ob_get_level();
ob_start();
echo ob_get_level();
ob_start();
echo ob_get_level();
$l3 = ob_get_clean();
$l2 = ob_get_clean();
$l1 = ob_get_clean();
var_dump($l1, $l2, $l3, ob_get_level());
ob_start();
echo "keep";
ob_start();
echo "drop";
ob_end_clean();
ob_end_flush();
echo "\n";
ob_start();
var_dump(ob_get_length());
echo "xyz";
$len = ob_get_length();
ob_end_clean();
var_dump($len);
