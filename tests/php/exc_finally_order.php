<?php
// Order of finally blocks across nested function calls when an exception propagates
function a() { try { echo "a:try\n"; b(); echo "a:after b\n"; } finally { echo "a:finally\n"; } }
function b() { try { echo "b:try\n"; c(); } catch (LogicException $e) { echo "b:catch logic\n"; } finally { echo "b:finally\n"; } }
function c() { try { echo "c:try\n"; throw new RuntimeException("from c"); } finally { echo "c:finally\n"; } }
try {
    a();
} catch (RuntimeException $e) {
    echo "main caught: ", $e->getMessage(), "\n";
} finally {
    echo "main finally\n";
}
function d() {
    try {
        try { throw new Exception("inner"); }
        catch (Exception $e) { echo "d:catch inner, throwing new\n"; throw new LogicException("from catch"); }
        finally { echo "d:inner finally\n"; }
    } catch (LogicException $e) { echo "d:outer caught ", $e->getMessage(), "\n"; }
    finally { echo "d:outer finally\n"; }
    return "d done";
}
echo d(), "\n";
