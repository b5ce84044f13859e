//! The tag analysis on small functions.

use super::*;
use crate::bytecode::unit::{Func, Unit};
use crate::jit::baseline::translate::block_heads;

fn unit(src: &str) -> Unit {
    let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
    crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles")
}

/// Function `name` of `u` and its plan without a profile.
fn planned<'u>(u: &'u Unit, name: &str) -> (&'u Func, Spec) {
    let f = u.funcs.iter().find(|f| f.name == name).expect("function");
    (f, Spec::of(u, f, &block_heads(f)))
}

/// Function `name` of `u`, its plan and the analysis of it (no forced clobbers).
fn analyzed<'u>(u: &'u Unit, name: &str) -> (&'u Func, Spec, TagFlow) {
    let (f, spec) = planned(u, name);
    let flow = TagFlow::analyze(f, false, &spec, &vec![false; f.ops.len()]);
    (f, spec, flow)
}

fn flow(u: &Unit, name: &str, forced: &[usize]) -> (TagFlow, usize) {
    let (f, spec) = planned(u, name);
    let mut clobber = vec![false; f.ops.len()];
    for pc in forced {
        clobber[*pc] = true;
    }
    (TagFlow::analyze(f, false, &spec, &clobber), f.ops.len())
}

const LOOP: &str = "<?php function g($n) { $x = 1; $s = 0.5;
    for ($i = 0; $i < $n; $i++) { $x = $x * 3; $s = $s + $x; } return $s; }";

/// Bytecode of `g` (a rotated loop): 0 CheckArgs, 1-3 the three moves, 4 Jmp 8,
/// 5 Mul (the loop header), 6 Add, 7 IncDec, 8 JmpLt 5 (the test), 9 Return.
/// Slots: $n $x $s $i.
#[test]
fn loop_carried_tags_reach_the_header() {
    let u = unit(LOOP);
    let (f, _) = flow(&u, "g", &[]);
    assert_eq!(f.at(4, 0), ANY, "a parameter is whatever the caller passed");
    // The loop never writes $n and its test guards it: checked at the entry.
    assert_eq!(f.entry_guards_at(4).collect::<Vec<_>>(), vec![(0, INT)]);
    assert_eq!(f.at(8, 0), INT);
    assert_eq!(f.at(8, 1), INT);
    assert_eq!(f.at(8, 3), INT);
    // $s: a float constant joined with `float + int` under the guessed int plan.
    assert_eq!(f.at(8, 2) & !(INT | DOUBLE), 0);
    // The header is entered only past the test, which guarded both operands.
    assert_eq!(f.at(5, 3), INT);
    assert_eq!(f.at(5, 0) & !(INT | DOUBLE), 0);
    assert_eq!(
        f.at(0, 1),
        only(tag::UNINIT),
        "a fresh call leaves locals UNINIT"
    );
    assert_eq!(f.at(0, 0), ANY);
    let osr: Vec<Slot> = f.known_at(5).iter().map(|(s, _)| *s).collect();
    assert_eq!(
        osr,
        vec![0, 1, 2, 3],
        "an OSR entry checks every known slot"
    );
}

#[test]
fn a_helper_call_forgets_what_it_may_write() {
    let u = unit(LOOP);
    let (f, _) = flow(&u, "g", &[7]);
    assert!(f.clobbers(7));
    assert_eq!(f.at(8, 3), ANY, "the helper wrote $i");
    assert_eq!(f.at(8, 1), INT, "$x is not the increment's to change");
    assert_eq!(f.at(5, 3), INT, "the test's compare guarded $i again");
}

/// Entry guards are only for slots the loop leaves alone, only where nothing
/// in the loop may write any slot, and never at an entry that failed one
/// before (its `Jmp` is planned as a slow path then).
#[test]
fn entry_guards_need_an_untouched_slot_and_an_entry_that_never_failed() {
    let u = unit(LOOP);
    let (f, mut spec) = planned(&u, "g");
    // A helper call in the body that may write anything.
    let u2 = unit(
        "<?php function k($n) { $x = 1; for ($i = 0; $i < $n; $i++) { extract([]); } \
         return $x; }",
    );
    let (k, _, flow) = analyzed(&u2, "k");
    let entry = (0..k.ops.len())
        .find(|pc| matches!(k.ops[*pc], Op::Jmp { .. }))
        .expect("the loop's entry");
    assert_eq!(
        flow.entry_guards_at(entry).count(),
        0,
        "extract() in the loop"
    );
    spec.plans[4] = Plan::Generic;
    let flow = TagFlow::analyze(f, false, &spec, &vec![false; f.ops.len()]);
    assert_eq!(flow.entry_guards_at(4).count(), 0, "a failed entry");
    assert_eq!(flow.at(8, 0), ANY);
}

/// An array the loop reads elements of is checked at the entry when the loop
/// never writes it, and its cell is loaded where the body starts.
#[test]
fn arrays_read_in_a_loop_are_checked_at_its_entry() {
    let u = unit(
        "<?php function s($a, $n) { $t = 0; for ($i = 0; $i < $n; $i++) \
         { $t += $a[$i]; } for ($i = 0; $i < $n; $i++) { $a = $a[$i]; } return $t; }",
    );
    let (f, _, flow) = analyzed(&u, "s");
    let jumps: Vec<usize> = (0..f.ops.len())
        .filter(|pc| matches!(f.ops[*pc], Op::Jmp { .. }))
        .collect();
    let [first, second] = jumps[..] else {
        panic!("two loops: {jumps:?}");
    };
    let guards: Vec<(Slot, TagSet)> = flow.entry_guards_at(first).collect();
    assert!(guards.contains(&(0, only(tag::ARRAY))), "{guards:?}");
    assert!(guards.contains(&(1, INT)), "{guards:?}");
    assert_eq!(flow.loop_arrays_at(first + 1).collect::<Vec<_>>(), vec![0]);
    // The second loop writes $a: nothing is assumed of it there.
    let guards: Vec<(Slot, TagSet)> = flow.entry_guards_at(second).collect();
    assert!(!guards.iter().any(|g| g.0 == 0), "{guards:?}");
    assert_eq!(flow.loop_arrays_at(second + 1).count(), 0);
}

/// A built-in that may reach the caller's variables (by name, or through a
/// callback) makes everything unknown.
#[test]
fn callbacks_and_reflection_forget_everything() {
    for call in ["call_user_func($f, [])", "extract([])"] {
        let src = format!("<?php function h($f) {{ $x = 1; {call}; return $x; }}");
        let u = unit(&src);
        let (f, _, flow) = analyzed(&u, "h");
        let pc = f
            .ops
            .iter()
            .position(|o| matches!(o, Op::CallBuiltin { .. }))
            .expect("a built-in call");
        assert_eq!(flow.at(pc, 1), INT, "{call}: $x before the call");
        assert_eq!(flow.at(pc + 1, 1), ANY, "{call}: $x after the call");
    }
}

#[test]
fn calls_and_handlers_know_nothing() {
    let u = unit(
        "<?php function h($a) { $k = 1; try { $k = abs($a); $k++; } \
         catch (Exception $e) { $k = 2; } return $k; }",
    );
    let (f, _, flow) = analyzed(&u, "h");
    let call = f
        .ops
        .iter()
        .position(|o| matches!(o, Op::CallBuiltin { .. }))
        .expect("abs is a builtin call");
    assert!(flow.clobbers(call));
    assert_eq!(flow.at(call + 1, 1), ANY);
    for h in &f.handlers {
        assert!(flow.known_at(h.handler as usize).is_empty());
    }
}

/// A built-in called out of line takes its argument temporaries (they come back
/// UNINIT), and a fused element update's temporary is tracked — known unset
/// where the update starts, so it is neither checked nor reset in the loop.
#[test]
fn builtin_arguments_and_update_temporaries_are_known_unset() {
    let u = unit(
        "<?php function f($n) { $r = array_fill(0, $n, 0);
         for ($j = 0; $j < $n; $j++) { $r[$j] += $j; } return $r; }",
    );
    let (f, spec, flow) = analyzed(&u, "f");
    let (call, args, argc, dst) = f
        .ops
        .iter()
        .enumerate()
        .find_map(|(pc, o)| match o {
            Op::CallBuiltin {
                args, argc, dst, ..
            } => Some((pc, *args, *argc, *dst)),
            _ => None,
        })
        .expect("array_fill is called");
    assert!(flow.clobbers(call), "array_fill is a helper call");
    assert_eq!(flow.at(call + 1, dst), ANY, "its result may be anything");
    for a in args..args + argc {
        assert_eq!(flow.at(call + 1, a), only(tag::UNINIT), "argument s{a}");
    }
    let (update, u) = spec
        .elem_updates
        .iter()
        .enumerate()
        .find_map(|(pc, u)| u.map(|u| (pc, u)))
        .expect("the update is fused");
    assert!(!spec.deref_slots[u.tmp as usize]);
    assert_eq!(flow.at(update, u.tmp), only(tag::UNINIT));
}

/// Each `CallBuiltin` of `f`: its pc, destination and first argument slot.
fn builtin_calls(f: &Func) -> Vec<(usize, Slot, Slot)> {
    f.ops
        .iter()
        .enumerate()
        .filter_map(|(pc, o)| match o {
            Op::CallBuiltin { dst, args, .. } => Some((pc, *dst, *args)),
            _ => None,
        })
        .collect()
}

/// A built-in computed inline (`intrinsic.rs`) is no helper call: its argument
/// is checked, then consumed, and its result's tag is known.
#[test]
fn inline_builtins_know_their_result() {
    let u = unit("<?php function h($a) { $k = strlen($a) + 1; return sqrt($k); }");
    let (f, _, flow) = analyzed(&u, "h");
    let calls = builtin_calls(f);
    assert_eq!(calls.len(), 2);
    let (strlen, dst, arg) = calls[0];
    assert!(!flow.clobbers(strlen));
    assert_eq!(flow.at(strlen + 1, dst), INT);
    assert_eq!(flow.at(strlen + 1, arg), only(tag::UNINIT));
    let (sqrt, dst, _) = calls[1];
    assert!(!flow.clobbers(sqrt));
    assert_eq!(flow.at(sqrt + 1, dst), DOUBLE);
}

/// The string intrinsics call a helper but clobber nothing: the mapped string's
/// tag is known, `strpos`'s result is an int or false, and both arguments of
/// `strpos` are consumed.
#[test]
fn string_intrinsics_know_their_result() {
    let u = unit("<?php function h($a, $b) { $u = strtoupper($a); return strpos($u, $b); }");
    let (f, _, flow) = analyzed(&u, "h");
    let calls = builtin_calls(f);
    assert_eq!(calls.len(), 2);
    let (upper, dst, _) = calls[0];
    assert!(!flow.clobbers(upper));
    assert_eq!(flow.at(upper + 1, dst), only(tag::STRING));
    let (strpos, dst, args) = calls[1];
    assert!(!flow.clobbers(strpos));
    assert_eq!(flow.at(strpos + 1, dst), INT | BOOL);
    for a in [args, args + 1] {
        assert_eq!(flow.at(strpos + 1, a), only(tag::UNINIT));
    }
}

#[test]
fn sets_and_singles() {
    assert!(subset(INT, NUMBER) && !subset(NUMBER, INT));
    assert_eq!(single(DOUBLE), Some(tag::DOUBLE));
    assert_eq!(single(NUMBER), None);
    assert!(subset(NUMBER | BOOL | only(tag::NULL), UNCOUNTED));
    assert!(!subset(only(tag::STRING), UNCOUNTED));
    assert!(subset(only(tag::OBJECT), PLAIN) && !subset(only(tag::UNINIT), PLAIN));
    assert!(!subset(only(tag::REF), PLAIN));
}
