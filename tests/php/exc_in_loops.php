<?php
// Exceptions inside loops with break/continue and finally; counting results
$results = ['ok' => 0, 'fail' => 0];
foreach ([4, 0, 2, "x", 5, -1] as $i => $d) {
    try {
        if (!is_int($d)) throw new InvalidArgumentException("not int at $i");
        if ($d < 0) throw new RangeException("negative at $i");
        $r = intdiv(100, $d);
        echo "100/$d = $r\n";
        $results['ok']++;
    } catch (DivisionByZeroError $e) {
        echo "div: ", $e->getMessage(), "\n";
        $results['fail']++;
        continue;
    } catch (InvalidArgumentException | RangeException $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
        $results['fail']++;
        if ($e instanceof RangeException) break;
    } finally {
        echo "  finally for index $i\n";
    }
    echo "  end of iteration $i\n";
}
print_r($results);
function retry(int $max) {
    for ($attempt = 1; $attempt <= $max; $attempt++) {
        try {
            if ($attempt < 3) throw new RuntimeException("attempt $attempt failed");
            return "succeeded on attempt $attempt";
        } catch (RuntimeException $e) {
            echo $e->getMessage(), "\n";
        }
    }
    return "gave up";
}
echo retry(5), "\n", retry(2), "\n";
