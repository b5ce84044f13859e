<?php
// Bare die; and exit; with status 0
echo "output then bare die\n";
if (true) {
    die;
}
echo "never\n";
