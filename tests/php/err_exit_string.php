<?php
// exit("msg") prints the message and exits with status 0
echo "before\n";
function stop($why) { exit("stopped: $why\n"); }
stop("requested");
echo "never\n";
