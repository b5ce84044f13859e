<?php
// Alternative syntax for all control structures mixed with inline HTML
$items = ['apple', 'banana', 'cherry'];
?>
<ul>
<?php foreach ($items as $i => $item): ?>
  <li><?= $i ?>: <?= $item ?></li>
<?php endforeach; ?>
</ul>
<?php if (count($items) > 2): ?>
many items
<?php elseif (count($items) > 0): ?>
some items
<?php else: ?>
no items
<?php endif; ?>
<?php for ($i = 0; $i < 3; $i++): ?>[<?= $i ?>]<?php endfor; ?>

<?php $n = 3; while ($n > 0): ?>n=<?= $n-- ?> <?php endwhile; ?>

<?php switch ($items[1]): ?>
<?php case 'banana': ?>
yellow
<?php break; ?>
<?php default: ?>
unknown
<?php endswitch; ?>
end
