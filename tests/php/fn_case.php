<?php
// strtolower/strtoupper/ucfirst/lcfirst/ucwords incl. delimiters and non-ASCII
$strs = ["hello world", "HELLO WORLD", "hELLO wORLD", "", "123abc", "élan vital", "a-b_c d\te\nf"];
foreach ($strs as $s) {
    echo json_encode([strtolower($s), strtoupper($s), ucfirst($s), lcfirst($s), ucwords($s)], JSON_UNESCAPED_UNICODE), "\n";
}
echo ucwords("hello-world foo_bar", "-"), "\n";
echo ucwords("hello-world foo_bar", "-_ "), "\n";
echo ucwords("o'neil mc-donald", " '-"), "\n";
echo ucwords("already Upper"), "\n";
echo ucfirst("ß"), "|", strtoupper("ÄÖÜ äöü"), "\n";
echo lcfirst("ABC"), " ", ucfirst("abc"), "\n";
echo strtolower("MiXeD 123 !@#"), "\n";
