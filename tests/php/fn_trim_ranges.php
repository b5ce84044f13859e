<?php
// trim character ranges, escaped chars and invalid ranges (warning suppressed)
var_dump(trim("\x01\x02hello\x1f", "\x00..\x1f"));
var_dump(ltrim("0000123", "0..0"));
var_dump(rtrim("abc...", "."));
var_dump(trim("aXbYc", "a..b"));
var_dump(trim("zzabczz", "x..z"));
var_dump(ltrim("\\path\\", "\\"));
var_dump(rtrim("1.2.3.", ".0..9"));
var_dump(@trim("abc", "c..a"));
var_dump(trim("..a..", "."));
var_dump(trim("--x--", "-"));
var_dump(rtrim("x\n\n\n"), ltrim("\t\tx"));
var_dump(trim(" 123 ") === "123", trim(123));
