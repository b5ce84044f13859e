<?php
// Nested output buffers
ob_start();
echo "outer1 ";
ob_start();
echo "inner ";
echo "level=", ob_get_level(), " ";
$inner = ob_get_clean();
echo "outer2 ";
ob_start();
echo "inner2-flushed ";
ob_end_flush();
$outer = ob_get_clean();
echo "inner=[$inner]\nouter=[$outer]\n";
function render($tpl, $vars) {
    ob_start();
    foreach ($vars as $k => $v) echo str_replace('{x}', $v, $tpl), ";";
    return ob_get_clean();
}
echo render("<{x}>", ['a', 'b', 'c']), "\n";
ob_start();
echo "a";
ob_start();
echo "b";
ob_start();
echo "c";
$levels = ob_get_level();
$c = ob_get_clean();
$b = ob_get_clean();
$a = ob_get_clean();
echo "$a|$b|$c levels=$levels\n";
ob_start();
echo "left open at exit\n";
