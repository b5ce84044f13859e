//! (placeholder until the numeric branch lands; replaced wholesale on merge)
pub struct MtRand { s: u64 }
impl MtRand { pub fn new() -> MtRand { MtRand { s: 1 } } pub fn seed(&mut self, s: u32) { self.s = s as u64 } pub fn next_u32(&mut self) -> u32 { self.s = self.s.wrapping_mul(6364136223846793005).wrapping_add(1); (self.s >> 33) as u32 } }
impl Default for MtRand { fn default() -> Self { Self::new() } }
