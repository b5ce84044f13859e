//! PHP 8.2's Mersenne Twister (ext/random/engine_mt19937.c, ext/random/random.c; formerly
//! ext/standard/mt_rand.c), bit-identical to `php -n` for the same seed.
//!
//! How the builtins consume the generator (all share one per-request state):
//! - `mt_srand($seed)` / `srand($seed)`: `seed($seed as u32)` (the i64 is truncated to its
//!   low 32 bits, so -1 and 4294967295 are the same seed). `mt_srand($seed, MT_RAND_PHP)`
//!   selects the legacy (buggy) twist: [`MtRand::seed_with_mode`].
//! - `mt_rand()` / `rand()`: `next_u32() >> 1`.
//! - `mt_rand($min, $max)`: ValueError "mt_rand(): Argument #2 ($max) must be greater than or
//!   equal to argument #1 ($min)" when max < min, else [`MtRand::rand_common`].
//! - `rand($min, $max)`: like mt_rand but max < min is allowed and swaps the bounds
//!   ([`MtRand::rand`]).
//! - `shuffle($array)` and `str_shuffle($s)`: Fisher–Yates from the end:
//!   `for n_left in (1..n).rev() { j = range(0, n_left); swap(a[n_left], a[j]) }`
//!   (no draw when n <= 1; shuffle renumbers keys 0..n-1) — [`MtRand::shuffle`].
//! - `array_rand($a, $num)`: see [`MtRand::array_rand`].
//!
//! PHP 8.2 allows 50 rejections in the range functions before throwing
//! `Random\BrokenRandomEngineError`; with MT19937 that cannot realistically happen (each
//! draw is rejected with probability < 1/2), so it is not modelled.

const N: usize = 624;
const M: usize = 397;

/// Which twist PHP uses (`MT_RAND_MT19937` = 0, the default; `MT_RAND_PHP` = 1, legacy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MtMode {
    Mt19937,
    Php,
}

/// The generator state of one PHP request.
#[derive(Clone)]
pub struct MtRand {
    state: [u32; N],
    count: usize,
    mode: MtMode,
}

impl std::fmt::Debug for MtRand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MtRand")
            .field("count", &self.count)
            .field("mode", &self.mode)
            .finish()
    }
}

#[inline]
fn twist(m: u32, u: u32, v: u32) -> u32 {
    let mix = (u & 0x8000_0000) | (v & 0x7fff_ffff);
    m ^ (mix >> 1) ^ ((v & 1).wrapping_neg() & 0x9908_b0df)
}

/// The pre-7.1 PHP bug: uses the low bit of `u` instead of `v`.
#[inline]
fn twist_php(m: u32, u: u32, v: u32) -> u32 {
    let mix = (u & 0x8000_0000) | (v & 0x7fff_ffff);
    m ^ (mix >> 1) ^ ((u & 1).wrapping_neg() & 0x9908_b0df)
}

impl MtRand {
    /// A generator seeded like `mt_srand($seed)`.
    pub fn new(seed: u32) -> MtRand {
        let mut r = MtRand {
            state: [0; N],
            count: 0,
            mode: MtMode::Mt19937,
        };
        r.seed(seed);
        r
    }

    /// `mt_srand($seed)` (MT_RAND_MT19937).
    pub fn seed(&mut self, seed: u32) {
        self.seed_with_mode(seed, MtMode::Mt19937);
    }

    /// `mt_srand($seed, $mode)`.
    pub fn seed_with_mode(&mut self, seed: u32, mode: MtMode) {
        self.mode = mode;
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.reload();
    }

    fn reload(&mut self) {
        let tw = match self.mode {
            MtMode::Mt19937 => twist,
            MtMode::Php => twist_php,
        };
        let s = &mut self.state;
        for i in 0..N - M {
            s[i] = tw(s[i + M], s[i], s[i + 1]);
        }
        for i in N - M..N - 1 {
            s[i] = tw(s[i + M - N], s[i], s[i + 1]);
        }
        s[N - 1] = tw(s[M - 1], s[N - 1], s[0]);
        self.count = 0;
    }

    /// `php_mt_rand()`: the next tempered 32-bit output.
    pub fn next_u32(&mut self) -> u32 {
        if self.count >= N {
            self.reload();
        }
        let mut s1 = self.state[self.count];
        self.count += 1;
        s1 ^= s1 >> 11;
        s1 ^= (s1 << 7) & 0x9d2c_5680;
        s1 ^= (s1 << 15) & 0xefc6_0000;
        s1 ^ (s1 >> 18)
    }

    /// `mt_rand()` / `rand()` without arguments: 31 bits.
    pub fn mt_rand(&mut self) -> i64 {
        i64::from(self.next_u32() >> 1)
    }

    /// `php_random_range32`: uniform in `0..=umax` with rejection sampling.
    fn range32(&mut self, umax: u32) -> u32 {
        let mut result = self.next_u32();
        if umax == u32::MAX {
            return result;
        }
        let umax = umax + 1;
        if umax & (umax - 1) == 0 {
            return result & (umax - 1);
        }
        let limit = u32::MAX - (u32::MAX % umax) - 1;
        while result > limit {
            result = self.next_u32();
        }
        result % umax
    }

    /// Two 32-bit outputs, the first one in the low half (PHP 8.2's byte-wise assembly).
    fn next_u64(&mut self) -> u64 {
        let lo = u64::from(self.next_u32());
        let hi = u64::from(self.next_u32());
        lo | (hi << 32)
    }

    /// `php_random_range64`.
    fn range64(&mut self, umax: u64) -> u64 {
        let mut result = self.next_u64();
        if umax == u64::MAX {
            return result;
        }
        let umax = umax + 1;
        if umax & (umax - 1) == 0 {
            return result & (umax - 1);
        }
        let limit = u64::MAX - (u64::MAX % umax) - 1;
        while result > limit {
            result = self.next_u64();
        }
        result % umax
    }

    /// `php_mt_rand_range(min, max)` (requires min <= max): the 32-bit path when
    /// `max - min` fits in u32, else the 64-bit path. Used by mt_rand/rand (default mode),
    /// shuffle, str_shuffle, array_rand.
    pub fn range(&mut self, min: i64, max: i64) -> i64 {
        let umax = (max as u64).wrapping_sub(min as u64);
        let r = if umax > u64::from(u32::MAX) {
            self.range64(umax)
        } else {
            u64::from(self.range32(umax as u32))
        };
        (min as u64).wrapping_add(r) as i64
    }

    /// `php_mt_rand_common`: `range` in MT19937 mode; in MT_RAND_PHP mode the legacy
    /// floating-point scaling `min + (max - min + 1.0) * ((next >> 1) / 2^31)`.
    pub fn rand_common(&mut self, min: i64, max: i64) -> i64 {
        match self.mode {
            MtMode::Mt19937 => self.range(min, max),
            MtMode::Php => {
                let r = f64::from(self.next_u32() >> 1);
                let offset = ((max as f64 - min as f64 + 1.0) * (r / 2_147_483_648.0)) as u64;
                offset.wrapping_add(min as u64) as i64
            }
        }
    }

    /// `mt_rand($min, $max)`; `None` when max < min (PHP throws ValueError).
    pub fn mt_rand_range(&mut self, min: i64, max: i64) -> Option<i64> {
        (max >= min).then(|| self.rand_common(min, max))
    }

    /// `rand($min, $max)`: swapped bounds are accepted.
    pub fn rand(&mut self, min: i64, max: i64) -> i64 {
        if max < min {
            self.rand_common(max, min)
        } else {
            self.rand_common(min, max)
        }
    }

    /// `shuffle()` / `str_shuffle()` (php_array_data_shuffle / php_string_shuffle).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        let n = items.len();
        if n <= 1 {
            return;
        }
        for n_left in (1..n).rev() {
            let j = self.range(0, n_left as i64) as usize;
            if j != n_left {
                items.swap(n_left, j);
            }
        }
    }

    /// `str_shuffle($s)`.
    pub fn str_shuffle(&mut self, s: &[u8]) -> Vec<u8> {
        let mut v = s.to_vec();
        self.shuffle(&mut v);
        v
    }

    /// `array_rand($array, $num)` for an array of `n` elements with no deleted buckets:
    /// returns the chosen positions (in iteration order). `None` when PHP throws
    /// (n == 0: "cannot be empty"; num outside 1..=n: "must be between 1 and the number of
    /// elements in argument #1 ($array)").
    ///
    /// num == 1: one `range(0, n-1)` draw. (With deleted buckets PHP instead draws
    /// `range(0, nNumUsed-1)` until it hits a live bucket, or, if fewer than half the
    /// buckets are live, draws `range(0, n-1)` and scans; see [`MtRand::array_rand_one_sparse`].)
    /// num > 1: if num > n/2 it picks the n-num positions to *exclude*; it draws
    /// `range(0, n-1)` until that many distinct positions are marked.
    pub fn array_rand(&mut self, n: usize, num: usize) -> Option<Vec<usize>> {
        if n == 0 {
            return None;
        }
        if num == 1 {
            return Some(vec![self.range(0, n as i64 - 1) as usize]);
        }
        if num == 0 || num > n {
            return None;
        }
        let (negative, want) = if num > n >> 1 {
            (true, n - num)
        } else {
            (false, num)
        };
        let mut marked = vec![false; n];
        let mut left = want;
        while left > 0 {
            let r = self.range(0, n as i64 - 1) as usize;
            if let Some(m) = marked.get_mut(r) {
                if !*m {
                    *m = true;
                    left -= 1;
                }
            }
        }
        Some((0..n).filter(|&i| marked[i] ^ negative).collect())
    }

    /// `array_rand($array)` (num == 1) on a hash table with holes: `live[i]` tells whether
    /// bucket i (of nNumUsed) holds an element. Returns the chosen element's position among
    /// the live elements; `None` when there are none.
    pub fn array_rand_one_sparse(&mut self, live: &[bool]) -> Option<usize> {
        let n_avail = live.iter().filter(|&&l| l).count();
        if n_avail == 0 {
            return None;
        }
        let used = live.len();
        if n_avail < used - (used >> 1) {
            return Some(self.range(0, n_avail as i64 - 1) as usize);
        }
        loop {
            let b = self.range(0, used as i64 - 1) as usize;
            if live.get(b) == Some(&true) {
                return Some(live[..b].iter().filter(|&&l| l).count());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // php -n -r 'foreach([42, 0, 1, 4294967295, 123456789, -1, 4294967296+7] as $s) { mt_srand($s);
    //   for($i=0;$i<3;$i++) echo " ", mt_rand(), " ", mt_rand(1,100), " ", mt_rand(0, PHP_INT_MAX);
    //   echo " |", mt_rand(PHP_INT_MIN, PHP_INT_MAX), " ", mt_rand(-5, 5), " ", mt_rand(0, 4294967295), " ",
    //   mt_rand(0, 4294967296), " ", mt_rand(10, 10), " ", mt_rand(0, 1023), "\n"; }'
    #[rustfmt::skip]
    const SEEDS: &[(i64, [i64; 15])] = &[
        (42, [804318771, 68, 3383774586484163420, 1571945013, 36, 1786570144164720316, 335047475, 14, 1844211773061677522, -751725336472940214, -3, 1433267572, 1968161020, 10, 130]),
        (0, [1178568022, 40, 6350582077646612085, 1294424481, 80, 6405663928679757507, 909791748, 84, 7090591000985948437, -3734827318757705948, 3, 243580376, 2967850188, 10, 705]),
        (1, [895547922, 40, 7979274942357647244, 245631, 14, 9205672671199996619, 315155879, 33, 7315623160087543952, -2067681887824986164, 0, 2876537340, 1980960878, 10, 276]),
        (4294967295, [209663185, 79, 1156488629188684812, 1694440410, 1, 4991960888567025878, 38525164, 33, 80909195086498431, 3606319436377249522, -2, 3003590858, 3172364686, 10, 87]),
        (123456789, [1144250204, 61, 242657652994026802, 1094256813, 86, 2492393881693069804, 551901053, 49, 1160953247007016783, 6664904947781724141, 0, 3981019872, 845513460, 10, 974]),
        (-1, [209663185, 79, 1156488629188684812, 1694440410, 1, 4991960888567025878, 38525164, 33, 80909195086498431, 3606319436377249522, -2, 3003590858, 3172364686, 10, 87]),
        (4294967303, [163870807, 93, 5883999053047972377, 941476641, 48, 8404058198766846871, 2100216494, 62, 4867557868470721934, -7623238086896816568, -1, 1801189930, 1084602194, 10, 998]),
    ];

    #[test]
    fn mt_rand_matches_php() {
        for &(seed, want) in SEEDS {
            let mut r = MtRand::new(seed as u32);
            let mut got = Vec::new();
            for _ in 0..3 {
                got.push(r.mt_rand());
                got.push(r.rand_common(1, 100));
                got.push(r.rand_common(0, i64::MAX));
            }
            got.push(r.rand_common(i64::MIN, i64::MAX));
            got.push(r.rand_common(-5, 5));
            got.push(r.rand_common(0, 4294967295));
            got.push(r.rand_common(0, 4294967296));
            got.push(r.rand_common(10, 10));
            got.push(r.rand_common(0, 1023));
            assert_eq!(got, want, "seed {seed}");
        }
        // php -n -r 'mt_srand(1); for ($i=0;$i<700;$i++) mt_rand(); echo mt_rand(), " ", mt_rand(5, 15);' (crosses a reload)
        let mut r = MtRand::new(1);
        for _ in 0..700 {
            r.mt_rand();
        }
        assert_eq!((r.mt_rand(), r.rand_common(5, 15)), (1654075076, 7));
    }

    #[test]
    fn rand_and_legacy_mode_match_php() {
        // php -n -r 'srand(5); echo rand(1,6), " ", rand(1,6), " ", rand(6,1), " ", rand(), " ", rand(-100,100);'
        let mut r = MtRand::new(5);
        let got = [
            r.rand(1, 6),
            r.rand(1, 6),
            r.rand(6, 1),
            r.mt_rand(),
            r.rand(-100, 100),
        ];
        assert_eq!(got, [6, 1, 2, 1785262942, -68]);
        assert_eq!(r.mt_rand_range(5, 1), None);
        // php -n -r 'mt_srand(3, MT_RAND_PHP); echo mt_rand(), " ", mt_rand(1, 100), " ", mt_rand(), " ", mt_rand(0, PHP_INT_MAX);'
        let mut r = MtRand::new(0);
        r.seed_with_mode(3, MtMode::Php);
        let got = [
            r.mt_rand(),
            r.rand_common(1, 100),
            r.mt_rand(),
            r.rand_common(0, i64::MAX),
        ];
        assert_eq!(got, [969637571, 93, 1520735868, 1497594446882013184]);
    }

    #[test]
    fn shuffles_match_php() {
        // php -n -r 'mt_srand(3); $a = range(0, 9); shuffle($a); echo implode(",", $a);'
        let mut r = MtRand::new(3);
        let mut a: Vec<i32> = (0..10).collect();
        r.shuffle(&mut a);
        assert_eq!(a, [3, 7, 2, 8, 0, 9, 4, 1, 5, 6]);
        // php -n -r 'mt_srand(3); echo str_shuffle("abcdefghij");'
        let mut r = MtRand::new(3);
        assert_eq!(r.str_shuffle(b"abcdefghij"), b"dhciajebfg");
        // php -n -r 'mt_srand(3); echo json_encode(array_rand(range(0,9))), json_encode(array_rand(range(0,9), 3)),
        //   json_encode(array_rand(range(0,9), 8)), json_encode(array_rand(["a"=>1,"b"=>2,"c"=>3], 2));'
        let mut r = MtRand::new(3);
        assert_eq!(r.array_rand(10, 1), Some(vec![6]));
        assert_eq!(r.array_rand(10, 3), Some(vec![0, 7, 8]));
        assert_eq!(r.array_rand(10, 8), Some(vec![1, 2, 3, 4, 6, 7, 8, 9]));
        assert_eq!(r.array_rand(3, 2), Some(vec![0, 2]));
        assert_eq!(r.array_rand(0, 1), None);
        assert_eq!(r.array_rand(3, 4), None);
    }

    #[test]
    fn array_rand_with_holes_matches_php() {
        // php -n -r 'mt_srand(3); $a=range(0,9); unset($a[0],$a[5]); echo array_rand($a), array_rand($a), array_rand($a);'
        // → keys 6 8 7 = live positions 4 6 5 (bucket sampling path)
        let live = [false, true, true, true, true, false, true, true, true, true];
        let mut r = MtRand::new(3);
        let got: Vec<_> = (0..3).map(|_| r.array_rand_one_sparse(&live)).collect();
        assert_eq!(got, [Some(4), Some(6), Some(5)]);
        // php -n -r 'mt_srand(4); $b=range(0,9); foreach([0,1,2,4,5,7,8] as $k) unset($b[$k]);
        //   echo array_rand($b), array_rand($b);'  → keys 6 3 = positions 1 0 (linear-scan path)
        let live = [
            false, false, false, true, false, false, true, false, false, true,
        ];
        let mut r = MtRand::new(4);
        assert_eq!(
            (
                r.array_rand_one_sparse(&live),
                r.array_rand_one_sparse(&live)
            ),
            (Some(1), Some(0))
        );
        assert_eq!(r.array_rand_one_sparse(&[false]), None);
    }
}
