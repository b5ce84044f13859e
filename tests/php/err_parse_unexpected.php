<?php
// Parse error: unexpected token
echo "start";
$x = 5 + * 3;
