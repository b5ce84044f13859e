<?php
// implode of mixed types, legacy arg order, empty array, keys ignored
echo implode(",", [1, 2, 3]), "\n";
echo implode(", ", ["a" => "x", "b" => "y"]), "\n";
echo implode("|", [1.0, 0.5, true, false, null, "s", -0.0, 1e20]), "\n";
echo "[", implode(",", []), "]\n";
echo implode(["a", "b", "c"]), "\n";
echo join("-", ["j", "o", "i", "n"]), "\n";
echo implode(",", [[1] === [1], 0.1 + 0.2]), "\n";
try {
    echo implode(",", "notarray"), "\n";
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
echo implode(",", [[1] == [1], "end"]), "\n";
