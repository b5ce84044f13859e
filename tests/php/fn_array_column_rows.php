<?php
// array_column + array_combine + usort on record arrays
$recs = [
    ["id" => "u3", "score" => 70, "tags" => ["x"]],
    ["id" => "u1", "score" => 95, "tags" => []],
    ["id" => "u2", "score" => 70, "tags" => ["y", "z"]],
];
$scores = array_column($recs, "score", "id");
print_r($scores);
arsort($scores);
print_r($scores);
print_r(array_column($recs, "tags", "id"));
$ids = array_column($recs, "id");
sort($ids);
echo implode(",", $ids), "\n";
usort($recs, fn($a, $b) => $b["score"] <=> $a["score"] ?: strcmp($a["id"], $b["id"]));
echo implode(",", array_column($recs, "id")), "\n";
echo array_sum(array_column($recs, "score")) / count($recs), "\n";
