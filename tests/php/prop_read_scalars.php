<?php
// Reading a property of something that is not an object: PHP's warning naming the
// type, and null; quiet in isset/empty/??; nullsafe ?-> short-circuits on null.
$values = [42, 4.5, true, false, null, "str", [1, 2], []];
foreach ($values as $v) {
    var_dump($v->prop);
    echo "interpolated: [$v->name]\n";
    echo "braced: [{$v->name}]\n";
    var_dump(isset($v->prop), empty($v->prop), $v->prop ?? 'default');
    var_dump($v?->prop);
}
var_dump($undefined->prop);
$name = 'dynamic';
$i = 7;
var_dump($i->$name, $i->{'braced' . 'name'});
var_dump($i->prop->deeper);
$nothing = null;
var_dump($nothing?->a->b->c);
var_dump($nothing?->method(print("never evaluated\n")));
function get() {
    return 'x';
}
var_dump(get()->prop);
$s = 'text';
echo "method-like: $s->y\n";
