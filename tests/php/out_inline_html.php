Leading HTML line before any PHP
<?php
// Inline HTML outside tags, short echo tags, and newline swallowing after close tag
$title = "Page";
$n = 3;
?>
<h1><?= $title ?></h1>
<?php for ($i = 1; $i <= $n; $i++) { ?>
<p>item <?= $i ?></p>
<?php } ?>
closing tag eats one newline:<?php echo "X" ?>
next line
two newlines after tag:<?php echo "Y" ?>

after blank
<?= "short echo", " with ", "list" ?>

<?= 1 + 2 ?> <?= $title . "!" ?>
<?php if ($n > 2): ?>big<?php else: ?>small<?php endif ?>

<?php echo "no trailing newline at end";
