<?php
// File ending with a close tag followed by a single newline prints nothing extra
echo "first\n";
?>
Between tags
<?php
echo "second\n";
$x = 'v';
?>
Value: <?=$x?>
<?php echo "last\n" ?>
