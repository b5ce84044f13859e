//! Which memory each load and store of the lowering touches, told to LLVM as
//! scoped-noalias metadata.
//!
//! Why: every access the lowering emits goes through a pointer LLVM knows nothing
//! about — the frame is a function argument, an array's cell and elements are
//! loaded from it — so to LLVM an element store may overwrite any frame slot, and
//! everything loaded from the frame before it is loaded again after it. In
//! fannkuch's flip loop (`$t = $perm[$i]; $perm[$i] = $perm[$j]; $perm[$j] = $t`)
//! that reloaded and rechecked `$perm`'s tag, cell, refcount and representation at
//! each of the four element accesses of an iteration, and the loop's `$i`/`$j`.
//!
//! The regions are disjoint by construction of the VM: frame slots live in the VM
//! stack (or an inlined callee's alloca), counted cells (strings, arrays, objects,
//! reference boxes: their headers and fields) are heap allocations of their own, a
//! packed array's elements sit in the vector buffer its cell points to, and the
//! execution context is a Rust struct apart from all of them. Only pointers the
//! lowering *derived* into one of them are marked (a frame slot by offset, a cell
//! loaded from a slot or element holding an array, an element by index); anything
//! reached through a helper's result (`hop_rt_deref` may lead from a slot into a
//! reference box or an array element) stays unmarked, which LLVM treats as "may
//! alias anything": an unmarked access is never wrong, a wrongly marked one would be.

use std::fmt::Display;

use super::*;

/// A region of memory the lowering's accesses are known to stay inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Region {
    /// Frame slots: the VM stack, or an inlined callee's frame alloca.
    Frame,
    /// The inside of a counted cell: header and fields.
    Cell,
    /// A packed array's element buffer.
    Elems,
    /// `ExecCtx` fields.
    Ctx,
    /// A promoted slot's alloca (`promote.rs`): this function's own stack, apart
    /// from the VM stack the frame is on.
    Local,
}

impl Region {
    /// The attachment for an access inside this region: its scope, and the other
    /// regions' scopes as ones it does not alias (see [`ALIAS_METADATA`]).
    fn attachment(self) -> &'static str {
        match self {
            Region::Frame => ", !alias.scope !7, !noalias !12",
            Region::Cell => ", !alias.scope !8, !noalias !13",
            Region::Elems => ", !alias.scope !9, !noalias !14",
            Region::Ctx => ", !alias.scope !10, !noalias !15",
            Region::Local => ", !alias.scope !11, !noalias !16",
        }
    }
}

/// The module's scope domain and scopes (numbered after the branch weights `!0`).
pub(super) const ALIAS_METADATA: &str = "!1 = distinct !{!1, !\"hopjit memory\"}\n\
     !2 = distinct !{!2, !1, !\"frame\"}\n\
     !3 = distinct !{!3, !1, !\"cell\"}\n\
     !4 = distinct !{!4, !1, !\"packed elements\"}\n\
     !5 = distinct !{!5, !1, !\"context\"}\n\
     !6 = distinct !{!6, !1, !\"promoted slots\"}\n\
     !7 = !{!2}\n\
     !8 = !{!3}\n\
     !9 = !{!4}\n\
     !10 = !{!5}\n\
     !11 = !{!6}\n\
     !12 = !{!3, !4, !5, !6}\n\
     !13 = !{!2, !4, !5, !6}\n\
     !14 = !{!2, !3, !5, !6}\n\
     !15 = !{!2, !3, !4, !6}\n\
     !16 = !{!2, !3, !4, !5}\n\
     !17 = !{!2, !5, !6}\n";

/// The attachment for a call of a helper that only touches counted cells and
/// element buffers — never a frame slot, a promoted slot or the context: releasing a value (no
/// user code runs when one is freed: hopjit has no destructors).
pub(super) const HEAP_ONLY_CALL: &str = ", !noalias !17";

impl<'f> Lower<'f> {
    /// Records that pointer `p` (an SSA name of this function) points into `region`.
    pub(super) fn mark(&mut self, p: &str, region: Region) {
        self.regions.insert(p.to_string(), region);
    }

    /// The metadata attachment for a load or store through `p` (the pointer or the
    /// base its field was reached from): empty when its region is not known.
    pub(super) fn alias_md(&self, p: &str) -> &'static str {
        self.regions.get(p).map_or("", |r| r.attachment())
    }

    /// `load ty` through `p`, in `p`'s region; returns the loaded value's name.
    pub(super) fn load_at(&mut self, ty: &str, p: &str, align: u32) -> String {
        self.load_in(ty, p, align, p)
    }

    /// `load ty` through `field`, a pointer reached from `base`, in `base`'s region.
    pub(super) fn load_in(&mut self, ty: &str, field: &str, align: u32, base: &str) -> String {
        let v = self.tmp();
        let md = self.alias_md(base);
        self.line(&format!("{v} = load {ty}, ptr {field}, align {align}{md}"));
        v
    }

    /// `store ty v` through `p`, in `p`'s region.
    pub(super) fn store_at(&mut self, ty: &str, v: impl Display, p: &str, align: u32) {
        self.store_in(ty, v, p, align, p)
    }

    /// `store ty v` through `field`, a pointer reached from `base`, in `base`'s region.
    pub(super) fn store_in(
        &mut self,
        ty: &str,
        v: impl Display,
        field: &str,
        align: u32,
        base: &str,
    ) {
        let md = self.alias_md(base);
        self.line(&format!("store {ty} {v}, ptr {field}, align {align}{md}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each region's scope is its own, and it is declared apart from every other.
    #[test]
    fn every_region_is_disjoint_from_the_others() {
        let all = [
            Region::Frame,
            Region::Cell,
            Region::Elems,
            Region::Ctx,
            Region::Local,
        ];
        let node = |list: &str, n: &str| -> String {
            let pat = format!("!{n} = !{{");
            let line = ALIAS_METADATA
                .lines()
                .find(|l| l.starts_with(&pat))
                .unwrap_or_else(|| panic!("{list} !{n} is not defined"));
            line[pat.len()..line.len() - 1].to_string()
        };
        let num = |a: &str, key: &str| -> String {
            let at = a.find(key).expect("attachment") + key.len();
            a[at..].split(',').next().unwrap().trim().to_string()
        };
        let scope_of = |r: Region| node("scope", &num(r.attachment(), "!alias.scope !"));
        for r in all {
            let noalias = node("noalias", &num(r.attachment(), "!noalias !"));
            for other in all {
                let other_scope = scope_of(other);
                assert_eq!(
                    noalias.contains(&other_scope),
                    r != other,
                    "{r:?} vs {other:?}"
                );
            }
        }
    }
}
