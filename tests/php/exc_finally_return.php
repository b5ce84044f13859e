<?php
// finally overriding return values and exceptions
function f1() { try { return "try"; } finally { echo "[f1 finally]"; } }
function f2() { try { return "try"; } finally { return "finally"; } }
function f3() { try { throw new Exception("lost"); } finally { return "finally swallows"; } }
function f4() {
    $x = 1;
    try { return $x; } finally { $x = 2; }
}
function f5() {
    try { throw new Exception("first"); }
    catch (Exception $e) { return "catch returns"; }
    finally { echo "[f5 finally]"; }
}
function f6() {
    try { throw new Exception("inner"); }
    finally { echo "[f6 finally]"; }
}
function f7() {
    foreach ([1, 2, 3] as $i) {
        try { if ($i == 2) return "returned at $i"; }
        finally { echo "[f7 finally $i]"; }
    }
}
function f8() {
    try { try { return "inner try"; } finally { echo "[inner finally]"; } }
    finally { echo "[outer finally]"; }
}
echo f1(), "\n", f2(), "\n", f3(), "\n", f4(), "\n", f5(), "\n";
try { f6(); } catch (Exception $e) { echo "caught ", $e->getMessage(), "\n"; }
echo f7(), "\n", f8(), "\n";
for ($i = 0; $i < 3; $i++) {
    try { if ($i == 1) continue; echo "body $i\n"; } finally { echo "finally $i\n"; }
}
function f9() { try { throw new Exception("a"); } finally { throw new Exception("b"); } }
try { f9(); } catch (Exception $e) { echo $e->getMessage(), " prev=", $e->getPrevious()?->getMessage(), "\n"; }
