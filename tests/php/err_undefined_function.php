<?php
// Calling an undefined function is a fatal Error
function defined_one() { return "defined"; }
echo defined_one(), "\n";
echo "calling missing\n";
$r = not_defined_anywhere(1, 2);
echo "never\n";
