<?php
// output buffers capturing printf/print/var_export/echo with ob_end_clean discards
ob_start();
printf("%s=%d;", "a", 1);
print "p;";
echo "e;";
var_export([1]);
$got = ob_get_contents();
ob_end_clean();
echo strlen($got), ":", str_replace("\n", "\\n", $got), "\n";
ob_start();
echo "discarded";
ob_end_clean();
ob_start();
echo "x";
echo ob_get_length();
$r = ob_get_clean();
var_dump($r);
var_dump(ob_get_level(), @ob_end_flush(), @ob_get_contents());
echo "done\n";
