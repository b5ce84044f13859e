//! PHP's `memory_limit` (128M under `php -n`) as hopjit applies it: a string result
//! larger than the limit is PHP's fatal error ("Allowed memory size ... exhausted")
//! rather than an allocation attempt. hopjit does not account all memory as Zend's
//! allocator does, so a program that stays under the limit with many smaller values
//! runs on; what it must never do is grow one string until the OS kills it
//! (`$s .= $s` in a loop).

use crate::vm::ctx::{ExecCtx, VmResult};

/// The Zend memory limit of `php -n`.
pub const MEMORY_LIMIT: u64 = 134_217_728;

/// Checks that a string of `len` bytes fits the memory limit, failing like PHP's
/// allocator.
#[inline]
pub fn check_string_alloc(ctx: &mut ExecCtx, len: u128) -> VmResult<()> {
    if !string_fits(len) {
        return Err(exhausted(ctx, len + 25));
    }
    Ok(())
}

/// Whether a string of `len` bytes fits the memory limit: what
/// [`check_string_alloc`] checks, for callers that hand the failure to a lower tier.
#[inline]
pub fn string_fits(len: u128) -> bool {
    // zend_string header (24 bytes) + NUL; PHP's own bookkeeping takes ~2 MiB.
    len + 25 <= (MEMORY_LIMIT - (2 << 20)) as u128
}

#[cold]
#[inline(never)]
fn exhausted(ctx: &mut ExecCtx, want: u128) -> crate::vm::ctx::Fault {
    // Huge blocks are rounded to the page size.
    let tried = want.div_ceil(4096) * 4096;
    ctx.fatal(format!(
        "Allowed memory size of {MEMORY_LIMIT} bytes exhausted (tried to allocate {tried} bytes)"
    ))
}
