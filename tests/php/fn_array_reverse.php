<?php
// array_reverse with and without preserve_keys
print_r(array_reverse([1, 2, 3]));
print_r(array_reverse([1, 2, 3], true));
print_r(array_reverse(["a" => 1, 2, "b" => 3, 4]));
print_r(array_reverse(["a" => 1, 2, "b" => 3, 4], true));
print_r(array_reverse([]));
print_r(array_reverse([[1, 2], [3]]));
