; hopjit runtime fast paths, in LLVM IR. The optimizing tier parses this file into
; every module it builds (before the function being compiled), so LLVM inlines them.
; build.rs checks that it parses with llvm-as; src/jit/opt/irgen.rs states the layout
; facts it relies on and a unit test checks them against the Rust definitions.
;
; Layout (src/runtime/value.rs, DESIGN.md decision 2):
;   TypedValue  16 bytes: i64 data at offset 0, i8 tag at offset 8.
;   Tags        0 uninit, 1 null, 2 bool, 3 int, 4 float, 8 string, 9 array,
;               10 object, 11 reference box, 16 indirect (frame-internal pointer).
;   Header      refcounted cells start with { i32 refcount, i32 flags }; flag bit 0
;               marks a static (immortal) cell whose count is never touched.
;   RefBox      { Header, TypedValue val } : the boxed value sits at offset 8.

; The storage a frame slot designates: through an INDIRECT (an element fetched for
; writing), then through a reference box. Every tier reads and writes operands so.
define internal ptr @hop_rt_deref(ptr %slot) alwaysinline nounwind willreturn {
entry:
  %tag.p = getelementptr inbounds i8, ptr %slot, i64 8
  %tag = load i8, ptr %tag.p, align 8
  %is.indirect = icmp eq i8 %tag, 16
  br i1 %is.indirect, label %indirect, label %ref.check

indirect:
  %target = load ptr, ptr %slot, align 8
  br label %ref.check

ref.check:
  %v = phi ptr [ %slot, %entry ], [ %target, %indirect ]
  %vtag.p = getelementptr inbounds i8, ptr %v, i64 8
  %vtag = load i8, ptr %vtag.p, align 8
  %is.ref = icmp eq i8 %vtag, 11
  br i1 %is.ref, label %ref, label %done

ref:
  %box = load ptr, ptr %v, align 8
  %inner = getelementptr inbounds i8, ptr %box, i64 8
  br label %done

done:
  %r = phi ptr [ %v, %ref.check ], [ %inner, %ref ]
  ret ptr %r
}

; Whether a tag names a refcounted cell (string, array, object, reference box).
define internal i1 @hop_rt_is_counted(i8 %tag) alwaysinline nounwind willreturn {
  %rel = sub i8 %tag, 8
  %counted = icmp ult i8 %rel, 4
  ret i1 %counted
}

; One more owner of a value: bumps the refcount of a non-static counted cell.
define internal void @hop_rt_incref(i8 %tag, i64 %data) alwaysinline nounwind willreturn {
entry:
  %counted = call i1 @hop_rt_is_counted(i8 %tag)
  br i1 %counted, label %cell, label %done

cell:
  %p = inttoptr i64 %data to ptr
  %flags.p = getelementptr inbounds i8, ptr %p, i64 4
  %flags = load i32, ptr %flags.p, align 4
  %static = and i32 %flags, 1
  %is.static = icmp ne i32 %static, 0
  br i1 %is.static, label %done, label %bump

bump:
  %rc = load i32, ptr %p, align 4
  %rc1 = add i32 %rc, 1
  store i32 %rc1, ptr %p, align 4
  br label %done

done:
  ret void
}

; Truthiness of a bool or int (the only tags the specialized branches accept).
define internal i1 @hop_rt_truthy_scalar(i64 %data) alwaysinline nounwind willreturn {
  %t = icmp ne i64 %data, 0
  ret i1 %t
}

; Drops one owner of a counted cell unless it is the last one: returns false, doing
; nothing, when the count is 1 (the caller then leaves for the tier below, where the
; cell is freed). Static cells are never counted.
define internal i1 @hop_rt_decref_unless_last(i64 %data) alwaysinline nounwind willreturn {
entry:
  %p = inttoptr i64 %data to ptr
  %flags.p = getelementptr inbounds i8, ptr %p, i64 4
  %flags = load i32, ptr %flags.p, align 4
  %static = and i32 %flags, 1
  %is.static = icmp ne i32 %static, 0
  br i1 %is.static, label %done, label %count

count:
  %rc = load i32, ptr %p, align 4
  %shared = icmp ugt i32 %rc, 1
  br i1 %shared, label %drop, label %last

drop:
  %rc1 = sub i32 %rc, 1
  store i32 %rc1, ptr %p, align 4
  br label %done

last:
  ret i1 false

done:
  ret i1 true
}
