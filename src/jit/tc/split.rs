//! Placing one assembled translation in two blocks: the part a function runs (its
//! view's main block) and its slow paths (the view's cold block), as HHVM keeps
//! `main` and `cold` code apart so the hot loop's instructions stay dense.
//!
//! The assembler emits the translation as one piece, the slow paths after a split
//! offset. Moving the second piece elsewhere changes the distance of every branch
//! between the two, so those are found by decoding the code (iced-x86) and re-aimed:
//! each is a `jmp`/`jcc`/`call` with a 32-bit displacement (the assembler uses rel32
//! for every label) or a RIP-relative operand. Branches within one piece keep their
//! displacements, and absolute addresses (helpers, data) need nothing.

use iced_x86::{Decoder, DecoderOptions, Instruction, OpKind};

/// Why a translation could not be split (the caller declines it).
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// A branch across the split has an 8-bit displacement.
    ShortBranch { at: usize },
    /// The two pieces are too far apart for a rel32.
    OutOfReach { at: usize },
    /// The bytes did not decode as instructions.
    Undecodable { at: usize },
    /// A displacement aims outside the translation (it would need the pieces' old
    /// position to keep its meaning).
    OutsideTarget { at: usize },
}

/// Re-aims the displacements of `code` (assembled as one piece at address 0) that
/// cross `split`, for `code[..split]` to run at `main` and `code[split..]` at `cold`.
/// Returns how many were patched.
pub fn split_translation(
    code: &mut [u8],
    split: usize,
    main: usize,
    cold: usize,
) -> Result<usize, SplitError> {
    // Where an offset of the one-piece assembly ends up.
    let placed = |off: u64| -> i64 {
        let off = off as usize;
        if off < split {
            (main + off) as i64
        } else {
            (cold + (off - split)) as i64
        }
    };
    let mut patches: Vec<(usize, i32)> = Vec::new();
    {
        let len = code.len();
        let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
        let mut insn = Instruction::default();
        while decoder.can_decode() {
            decoder.decode_out(&mut insn);
            let at = insn.ip() as usize;
            if insn.is_invalid() {
                return Err(SplitError::Undecodable { at });
            }
            let end = insn.next_ip();
            let target = if insn.op0_kind() == OpKind::NearBranch64 {
                Some((insn.near_branch64(), end as usize - 4, insn.len() >= 5))
            } else if insn.is_ip_rel_memory_operand() {
                let offsets = decoder.get_constant_offsets(&insn);
                let ok = offsets.has_displacement() && offsets.displacement_size() == 4;
                Some((
                    insn.ip_rel_memory_address(),
                    at + offsets.displacement_offset(),
                    ok,
                ))
            } else {
                None
            };
            let Some((target, disp_at, rel32)) = target else {
                continue;
            };
            if target as usize > len {
                return Err(SplitError::OutsideTarget { at });
            }
            if (at < split) == ((target as usize) < split) {
                continue;
            }
            if !rel32 {
                return Err(SplitError::ShortBranch { at });
            }
            // The end of the instruction, in the piece the instruction is in (it
            // may end exactly at the split).
            let end_placed = if at < split {
                (main + end as usize) as i64
            } else {
                placed(end)
            };
            let disp = placed(target) - end_placed;
            let disp = i32::try_from(disp).map_err(|_| SplitError::OutOfReach { at })?;
            patches.push((disp_at, disp));
        }
    }
    for &(at, disp) in &patches {
        code[at..at + 4].copy_from_slice(&disp.to_le_bytes());
    }
    Ok(patches.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes one instruction of `code` placed at `ip`.
    fn target_at(code: &[u8], ip: u64) -> u64 {
        let mut d = Decoder::with_ip(64, code, ip, DecoderOptions::NONE);
        d.decode().near_branch64()
    }

    #[test]
    fn reaims_branches_both_ways_and_keeps_local_ones() {
        // 0: jne +6 (to 12, in the cold piece)     [0F 85 rel32]
        // 6: jmp -8 (to 0, local)                  [E9 rel32]
        // 11: nop
        // 12 (split): jmp to 6 (back into main)   [E9 rel32]
        let mut code = vec![0x0F, 0x85, 6, 0, 0, 0, 0xE9, 0xF5, 0xFF, 0xFF, 0xFF, 0x90];
        code.extend_from_slice(&[0xE9, 0xF5, 0xFF, 0xFF, 0xFF]); // 12+5-11 = 6
        assert_eq!(target_at(&code, 0), 12);
        assert_eq!(target_at(&code[12..], 12), 6);
        let (main, cold) = (0x10_0000usize, 0x20_0000usize);
        assert_eq!(split_translation(&mut code, 12, main, cold), Ok(2));
        // Decoded where each piece now lives.
        assert_eq!(target_at(&code[..12], main as u64), cold as u64);
        assert_eq!(target_at(&code[6..12], (main + 6) as u64), main as u64);
        assert_eq!(target_at(&code[12..], cold as u64), (main + 6) as u64);
    }

    #[test]
    fn refuses_short_branches_across_the_split() {
        // 0: jmp short +1 (to 3), 2: nop, 3 (split): nop
        let mut code = vec![0xEB, 0x01, 0x90, 0x90];
        assert_eq!(
            split_translation(&mut code, 3, 0x1000, 0x9000),
            Err(SplitError::ShortBranch { at: 0 })
        );
    }

    #[test]
    fn refuses_pieces_out_of_rel32_reach() {
        let mut code = vec![0xE9, 0, 0, 0, 0, 0x90];
        assert_eq!(
            split_translation(&mut code, 5, 0x1000, 0x1000 + (3usize << 30)),
            Err(SplitError::OutOfReach { at: 0 })
        );
    }
}
