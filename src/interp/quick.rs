//! Quick paths: the common case of the hottest instructions, written so
//! that it calls nothing.
//!
//! A function here either does the whole instruction and returns `true`,
//! or returns `false` having changed nothing, and the instruction then
//! runs in full through `step`. Calling nothing matters to the threaded
//! backend: a handler whose every path either dispatches or tail-calls
//! needs no callee-saved registers and no stack frame, so its common case
//! is its instructions and the dispatch, with no prologue or epilogue
//! (asm-notes/dispatch.md has the numbers). Everything that may allocate,
//! free, raise or run Python code is left to the full path: a value is
//! cloned here only by `dup` (a count increment) and dropped only by
//! `drop_shared` (a count decrement that frees nothing). The one call
//! left is libm's `pow` for a float `**`, which only that handler pays.

use std::rc::Rc;

use super::exec::{code, entry_regs, jump, lasti};
use super::sp::{Fast, Ip, op_of};
use super::{Regs, Vm};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::frame::{Namespaces, ObjPtr};
use crate::runtime::object::Iter;
use crate::runtime::value::for_each_rc_variant;
use crate::runtime::{Value, ops};

/// The opcodes with a quick path and what it is, written once: `has` and
/// `step` come from this list.
macro_rules! quick_paths {
    ($vm:ident, $r:ident, $arg:ident; $( $op:ident => $path:expr, )*) => {
        /// Whether `op` has a quick path (the threaded backend's table
        /// points the others straight at their full handler).
        pub(crate) const fn has(op: Op) -> bool {
            matches!(op, $( Op::$op )|*)
        }

        /// The quick path of `op`, if it has one and it applies.
        #[inline(always)]
        pub(crate) fn step($vm: &mut Vm, $r: &mut Regs, op: Op, $arg: u32) -> bool {
            // (`vm` and `arg` are unused by some paths.)
            let _ = (&$vm, $arg);
            match op {
                $( Op::$op => $path, )*
                _ => false,
            }
        }
    };
}

quick_paths! { vm, r, arg;
    LoadFast => load_fast(r, arg),
    LoadConst => load_const(r, arg),
    StoreFast => store_fast(r, arg),
    LoadDeref => load_deref(r, arg),
    StoreDeref => store_deref(r, arg),
    PopTop => pop_top(r),
    LoadGlobal => load_global(vm, r, arg),
    BinaryAdd => binary(r, BinOp::Add),
    BinarySubtract => binary(r, BinOp::Sub),
    BinaryMultiply => binary(r, BinOp::Mul),
    BinaryTrueDivide => binary(r, BinOp::TrueDiv),
    BinaryFloorDivide => binary(r, BinOp::FloorDiv),
    BinaryModulo => binary(r, BinOp::Mod),
    BinaryPower => binary(r, BinOp::Pow),
    BinaryLshift => binary(r, BinOp::Lshift),
    BinaryRshift => binary(r, BinOp::Rshift),
    BinaryAnd => binary(r, BinOp::And),
    BinaryOr => binary(r, BinOp::Or),
    BinaryXor => binary(r, BinOp::Xor),
    InplaceAdd => binary(r, BinOp::Add),
    // On ints and floats an in-place operator is the plain one. (The
    // verifier checked the argument; `get` keeps a panic path out.)
    InplaceOp => match BinOp::ALL.get(arg as usize) {
        Some(&op) => binary(r, op),
        None => false,
    },
    UnpackSequence => unpack(vm, r, arg),
    BinarySubscr => binary_subscr(r),
    StoreSubscr => store_subscr(r),
    CompareOp => compare(vm, r, arg),
    DupTop => dup_top(r),
    JumpIfFalseOrPop => jump_if_or_pop(r, arg, false),
    JumpIfTrueOrPop => jump_if_or_pop(r, arg, true),
    PopJumpIfFalse => pop_jump_if(r, arg, false),
    PopJumpIfTrue => pop_jump_if(r, arg, true),
    Jump => {
        jump(r, arg);
        true
    },
    ForIter => for_iter(vm, r),
    CallFunction => call(vm, r, arg),
    CallMethod => call_method(vm, r, arg),
    LoadMethod => load_method_module(r, arg) || load_method_inst(r, arg),
    LoadAttr => load_attr(r, arg),
    StoreAttr => store_attr(r, arg),
    ReturnValue => return_value(vm, r),
}

/// A clone, inline: one more reference to the value's object (if it has
/// one), and a copy of its bits.
///
/// # Safety
/// None beyond a valid reference; `unsafe` because the bit copy is only a
/// clone once the count is raised, which this does first.
#[inline(always)]
unsafe fn dup(v: &Value) -> Value {
    if is_bits(v) {
        // SAFETY: no reference inside: the bits are the clone.
        return unsafe { std::ptr::read(v) };
    }
    macro_rules! retain {
        ($($rc:ident),*) => {
            match v {
                // SAFETY: `x` is a live Rc, so its pointer came from Rc.
                $( Value::$rc(x) => unsafe { Rc::increment_strong_count(Rc::as_ptr(x)) }, )*
                _ => {}
            }
        };
    }
    for_each_rc_variant!(retain);
    // SAFETY: the count now covers this copy (plain values need none).
    unsafe { std::ptr::read(v) }
}

/// Whether `v` is a value whose bits are all of it (an int, float, bool,
/// None, ... or a builtin function): the lowest tags, one compare.
#[inline(always)]
fn is_bits(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Builtin(_)
    )
}

/// Drops the value at `p` if that frees nothing (it is plain, or one of
/// several references to its object) and says `true`; otherwise leaves it
/// and says `false`, for the full path to drop.
///
/// # Safety
/// `p` holds a live value, which after `true` is dead: the caller
/// overwrites or forgets the slot without dropping it.
#[inline(always)]
unsafe fn drop_shared(p: *const Value) -> bool {
    macro_rules! release {
        ($($rc:ident),*) => {
            // SAFETY: caller's contract: a live value.
            match unsafe { &*p } {
                $( Value::$rc(x) => {
                    if Rc::strong_count(x) == 1 {
                        return false;
                    }
                    // SAFETY: a live Rc with other owners: the count stays
                    // above zero, and the slot's copy is dead from here.
                    unsafe { Rc::decrement_strong_count(Rc::as_ptr(x)) }
                } )*
                _ => {}
            }
        };
    }
    for_each_rc_variant!(release);
    true
}

/// Releases every value in `[from, to)` if that frees nothing and says
/// `true`; otherwise leaves them all as they were and says `false`. (One
/// at a time: two slots may hold the same object.)
///
/// # Safety
/// The slots hold live values, which after `true` are dead.
#[inline(always)]
unsafe fn release_all(from: *mut Value, to: *mut Value) -> bool {
    let mut p = from;
    while p < to {
        // SAFETY: caller's contract.
        if !unsafe { drop_shared(p) } {
            // SAFETY: [from, p) were released just now: take them back.
            unsafe { retain_all(from, p) };
            return false;
        }
        // SAFETY: p < to, inside the caller's range.
        p = unsafe { p.add(1) };
    }
    true
}

/// Takes back the references that `release_all` gave up on `[from, to)`.
///
/// # Safety
/// Each slot holds the bits of a value released by `drop_shared`, whose
/// object is still alive (it had other owners).
#[inline(always)]
unsafe fn retain_all(from: *mut Value, to: *mut Value) {
    let mut p = from;
    while p < to {
        // SAFETY: caller's contract; the copy dup makes is forgotten, so
        // the count rises by one for the slot's own bits.
        unsafe {
            std::mem::forget(dup(&*p));
            p = p.add(1);
        }
    }
}

/// LOAD_DEREF of a bound cell or free variable.
#[inline(always)]
fn load_deref(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — cells and frees follow the locals and hold cells
    // from frame entry on; room on the stack. The cell is not borrowed
    // mutably while an instruction runs.
    unsafe {
        let nlocals = code(r).shape().nlocals();
        let Value::Cell(c) = r.fast.get(nlocals + arg as usize) else {
            return false;
        };
        let Ok(v) = c.try_borrow_unguarded() else {
            return false;
        };
        if let Value::Empty = v {
            return false;
        }
        r.sp.push(dup(v));
    }
    true
}

/// STORE_DEREF over a value whose drop frees nothing.
#[inline(always)]
fn store_deref(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified, as for LOAD_DEREF; the old value is released
    // before it is overwritten, while the cell is borrowed.
    unsafe {
        let nlocals = code(r).shape().nlocals();
        let Value::Cell(c) = r.fast.get(nlocals + arg as usize) else {
            return false;
        };
        let Ok(mut slot) = c.try_borrow_mut() else {
            return false;
        };
        let p: *mut Value = &mut *slot;
        if !drop_shared(p) {
            return false;
        }
        p.write(r.sp.pop());
    }
    true
}

/// LOAD_FAST of a bound local: a copy of its bits or a count increment.
#[inline(always)]
fn load_fast(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — local index in range, room on the stack.
    unsafe {
        let v = r.fast.get(arg as usize);
        if is_bits(v) {
            r.sp.push(std::ptr::read(v));
        } else if let Value::Empty = v {
            return false;
        } else {
            r.sp.push(dup(v));
        }
    }
    true
}

/// LOAD_CONST: a copy of its bits or a count increment.
#[inline(always)]
fn load_const(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — const index in range, room on the stack.
    unsafe {
        let v = dup(code(r).consts().get_unchecked(arg as usize));
        r.sp.push(v);
    }
    true
}

/// STORE_FAST over a value whose drop frees nothing.
#[inline(always)]
fn store_fast(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — a value on the stack, local index in range. The
    // old value is released (freeing nothing) before it is overwritten.
    unsafe {
        let slot = r.fast.0.add(arg as usize);
        if !drop_shared(slot) {
            return false;
        }
        slot.write(r.sp.pop());
    }
    true
}

/// UNPACK_SEQUENCE of a tuple or list of exactly `n` items that another
/// reference keeps alive. The STORE_FASTs that follow it (as after nearly
/// every `a, b = ...` and `for k, v in ...`) are done here too, each item
/// going straight into its local as long as the old value's drop frees
/// nothing; the items left are pushed for the instructions after. Each
/// fused store is still counted as an instruction.
#[inline(always)]
fn unpack(vm: &mut Vm, r: &mut Regs, n: u32) -> bool {
    // SAFETY: verified — a value on the stack, and room for `n` once it
    // is popped; the following word exists (no path runs off the end) and
    // a STORE_FAST's local index is in range. The sequence's own stack
    // reference is released first (freeing nothing, so another reference
    // keeps it and its items alive to the end: a store releases at most
    // one of the sequence's references, and only when that frees
    // nothing); no code runs here, so a list's items do not move.
    unsafe {
        let seq = r.sp.peek(0);
        let items: &[Value] = match seq {
            Value::Tuple(t) => t,
            Value::List(l) => match l.try_borrow_unguarded() {
                Ok(seq) => seq,
                Err(_) => return false,
            },
            _ => return false,
        };
        let n = n as usize;
        if items.len() != n || n > super::MOST_FUSED_STORES || !drop_shared(seq) {
            return false;
        }
        let items = items.as_ptr();
        r.sp.pop_plain();
        let mut i = 0;
        while i < n {
            let w = r.ip.0.read();
            if !matches!(op_of(w), Op::StoreFast) {
                break;
            }
            let slot = r.fast.0.add(w.arg() as usize);
            if !drop_shared(slot) {
                break;
            }
            slot.write(dup(&*items.add(i)));
            r.ip = Ip(r.ip.0.add(1));
            i += 1;
        }
        vm.fused += i as u64;
        let mut k = n;
        while k > i {
            k -= 1;
            r.sp.push(dup(&*items.add(k)));
        }
    }
    true
}

/// POP_TOP of a value whose drop frees nothing.
#[inline(always)]
fn pop_top(r: &mut Regs) -> bool {
    // SAFETY: verified — a value on the stack, released before it is
    // popped without a drop.
    unsafe {
        if !drop_shared(r.sp.peek(0)) {
            return false;
        }
        r.sp.pop_plain();
    }
    true
}

/// LOAD_GLOBAL answered by the inline cache (an index, see
/// `exec::load_global`).
#[inline(always)]
fn load_global(vm: &mut Vm, r: &mut Regs, arg: u32) -> bool {
    // SAFETY: running frame; verified name index (the cache has one
    // entry per name).
    let s = unsafe { code(r).globals_cache().get_unchecked(arg as usize) }.get();
    let globals = super::exec::globals(r);
    if s.ns != globals.layout() {
        return false;
    }
    let ns = if s.builtins == 0 {
        globals
    } else if s.builtins == vm.builtins.layout() {
        &*vm.builtins
    } else {
        return false;
    };
    // SAFETY: a namespace's map is only borrowed mutably inside its own
    // methods, never while an instruction runs; nothing is called while
    // this reference is held.
    let Ok(map) = (unsafe { ns.map_cell().try_borrow_unguarded() }) else {
        return false;
    };
    let Some((_, v)) = map.get_index(s.index) else {
        return false;
    };
    // SAFETY: verified — room on the stack.
    unsafe { r.sp.push(dup(v)) };
    true
}

/// LOAD_ATTR of an instance's own attribute, when the attribute cache
/// knows the class lets it come first and the instance's layout is the
/// one whose slot it knows: see `attr.rs`, whose generic counterpart does
/// the rest.
#[inline(always)]
fn load_attr(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — the object on top; a name index in range (the
    // attribute caches have one entry per name). The instance's
    // attributes are not borrowed mutably while an instruction runs
    // (every mutable borrow ends before anything is called), and nothing
    // is called while this borrow is held.
    unsafe {
        let slot = r.sp.peek(0);
        let Value::Instance(inst) = slot else {
            return false;
        };
        let code = code(r);
        let e = code.attr_cache().get_unchecked(arg as usize);
        if !super::attr::has(&e.load, inst.class.version.get()) || Rc::strong_count(inst) == 1 {
            return false;
        }
        let Ok(d) = inst.dict.try_borrow_unguarded() else {
            return false;
        };
        // The layout decides where the name is (ids are never reused; a
        // map's id, 0, finds no slot: `slot` is `None` for a map).
        if d.layout_id() != e.layout.get() {
            return false;
        }
        let Some(v) = d.slot(e.slot.get() as usize) else {
            return false;
        };
        let v = dup(v);
        // The instance has another owner (checked above; `dup` only added
        // one): releasing the stack's reference frees nothing.
        Rc::decrement_strong_count(Rc::as_ptr(inst));
        r.sp.overwrite_plain(0, v);
    }
    true
}

/// STORE_ATTR over an instance's own attribute whose slot the cache knows
/// (or of a new one whose layout exists, see `InstAttrs::push_known`),
/// when the attribute cache knows the class lets it be written directly
/// and neither the old value nor the instance's stack reference is the
/// last one.
#[inline(always)]
fn store_attr(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — the instance over the value; a name index in
    // range. The borrow is dropped before anything else happens.
    unsafe {
        let Value::Instance(inst) = r.sp.peek(0) else {
            return false;
        };
        let code = code(r);
        let e = code.attr_cache().get_unchecked(arg as usize);
        if !super::attr::has(&e.store, inst.class.version.get()) {
            return false;
        }
        let Ok(mut d) = inst.dict.try_borrow_mut() else {
            return false;
        };
        if d.layout_id() != e.layout.get() {
            return false;
        }
        if e.slot.get() == super::attr::ABSENT {
            // A new attribute (`self.x = x` in `__init__`), when its
            // layout exists and the values have room. The instance keeps
            // an owner after the stack's reference goes.
            if Rc::strong_count(inst) <= 1 {
                return false;
            }
            let v = r.sp.0.sub(2).read();
            if let Err(v) = d.push_known(code.names().get_unchecked(arg as usize), v) {
                // The stack still holds it.
                std::mem::forget(v);
                return false;
            }
            drop(d);
            Rc::decrement_strong_count(Rc::as_ptr(inst));
            r.sp = r.sp.below(2);
            return true;
        }
        let Some(old) = d.slot_mut(e.slot.get() as usize) else {
            return false;
        };
        // The instance must outlive both releases: one more owner than
        // the old value's reference if that is the instance itself.
        let needed = 1 + usize::from(matches!(&*old, Value::Instance(o) if Rc::ptr_eq(o, inst)));
        if Rc::strong_count(inst) <= needed || !drop_shared(old) {
            return false;
        }
        (old as *mut Value).write(r.sp.0.sub(2).read());
        drop(d);
        Rc::decrement_strong_count(Rc::as_ptr(inst));
        r.sp = r.sp.below(2);
    }
    true
}

/// LOAD_METHOD of a module attribute that the inline cache holds
/// (`math.sqrt`, see `import::module_attr`): `[EMPTY, attribute]`, as the
/// full path leaves it. Anything else (an instance's method) goes on to
/// the full path after one tag compare.
#[inline(always)]
fn load_method_module(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — the object on top.
    let slot = unsafe { r.sp.peek(0) };
    let Value::Module(m) = slot else {
        return false;
    };
    // SAFETY: verified name index (the cache has one entry per name).
    let s = unsafe { code(r).globals_cache().get_unchecked(arg as usize) }.get();
    if s.ns != m.globals.layout() || s.builtins != 0 {
        return false;
    }
    // SAFETY: as in `load_global`: the map is not borrowed mutably while
    // an instruction runs, and nothing is called while this is held.
    let Ok(map) = (unsafe { m.globals.map_cell().try_borrow_unguarded() }) else {
        return false;
    };
    let Some((_, v)) = map.get_index(s.index) else {
        return false;
    };
    // SAFETY: the slot holds a live value; `m` is not used after this.
    if !unsafe { drop_shared(slot) } {
        return false;
    }
    // SAFETY: the module's reference was released just above, so the
    // slot needs no drop; verified — room for one more.
    unsafe {
        r.sp.overwrite_plain(0, Value::Empty);
        r.sp.push(dup(v));
    }
    true
}

/// LOAD_METHOD of a function in an instance's class that the attribute
/// cache knows nothing shadows (see `attr::method_quick`): `[function,
/// instance]`, as the full path leaves it.
#[inline(always)]
fn load_method_inst(r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — the object on top, room for one more; a name
    // index in range (the caches have one entry per name). The borrows
    // `method_quick` takes end before it returns, and nothing is called
    // while they are held (`dup` only raises a count).
    unsafe {
        let Value::Instance(inst) = r.sp.peek(0) else {
            return false;
        };
        let code = code(r);
        let e = code.attr_cache().get_unchecked(arg as usize);
        let name = code.names().get_unchecked(arg as usize);
        let Some(f) = super::attr::method_quick(inst, e, name, |v| dup(v)) else {
            return false;
        };
        let obj = r.sp.pop();
        r.sp.push(f);
        r.sp.push(obj);
    }
    true
}

/// BINARY_* (and the in-place forms) on two ints with an int result, or
/// on floats (an int operand converted, as Python does) for + - * /.
#[inline(always)]
fn binary(r: &mut Regs, op: BinOp) -> bool {
    // SAFETY: verified — two operands; both plain when replaced.
    unsafe {
        let (a, b) = (r.sp.peek(1), r.sp.peek(0));
        let v = match (a, b) {
            (Value::Int(x), Value::Int(y)) => ops::int_fast(op, *x, *y),
            (Value::Float(x), Value::Float(y)) => float_op(op, *x, *y),
            (Value::Float(x), Value::Int(y)) => float_op(op, *x, *y as f64),
            (Value::Int(x), Value::Float(y)) => float_op(op, *x as f64, *y),
            _ => None,
        };
        let Some(v) = v else { return false };
        r.sp.pop_plain();
        r.sp.overwrite_plain(0, v);
    }
    true
}

/// BINARY_SUBSCR of a list or tuple by an int index in range.
#[inline(always)]
fn binary_subscr(r: &mut Regs) -> bool {
    // SAFETY: verified — the container and the index on the stack. The
    // item is read while the container is alive (its count was above one
    // before the stack's reference was released).
    unsafe {
        let Value::Int(i) = *r.sp.peek(0) else {
            return false;
        };
        let container = r.sp.peek(1);
        let items: &[Value] = match container {
            Value::List(l) => match l.try_borrow_unguarded() {
                Ok(seq) => seq,
                Err(_) => return false,
            },
            Value::Tuple(t) => t,
            _ => return false,
        };
        let Some(item) = item_at(items, i) else {
            return false;
        };
        if !drop_shared(container) {
            return false;
        }
        let v = dup(item);
        r.sp.pop_plain();
        r.sp.0.sub(1).write(v);
    }
    true
}

/// STORE_SUBSCR of a list item, by an int index in range, over a plain
/// item (nothing to drop).
#[inline(always)]
fn store_subscr(r: &mut Regs) -> bool {
    // SAFETY: verified — value, container, index on the stack. The value
    // moves into the list; the container's stack reference is released
    // (freeing nothing) and the index is plain.
    unsafe {
        let Value::Int(i) = *r.sp.peek(0) else {
            return false;
        };
        let container = r.sp.peek(1);
        let Value::List(l) = container else {
            return false;
        };
        let Ok(mut seq) = l.try_borrow_mut() else {
            return false;
        };
        let Some(at) = index_of(seq.len(), i) else {
            return false;
        };
        let slot: *mut Value = seq.as_mut_ptr().add(at);
        if !(*slot).is_plain() || !drop_shared(container) {
            return false;
        }
        slot.write(r.sp.0.sub(3).read());
        drop(seq);
        r.sp = r.sp.below(3);
    }
    true
}

/// Python's index `i` into `len` items (negative from the end), if in range.
#[inline(always)]
fn index_of(len: usize, i: i64) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    if (i as u64) < len as u64 {
        Some(i as usize)
    } else {
        None
    }
}

#[inline(always)]
fn item_at(items: &[Value], i: i64) -> Option<&Value> {
    // SAFETY: index_of checked the bound.
    index_of(items.len(), i).map(|at| unsafe { items.get_unchecked(at) })
}

#[inline(always)]
fn float_op(op: BinOp, x: f64, y: f64) -> Option<Value> {
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        // A positive finite base to a finite power, with a finite result:
        // no error case of Python's float pow (zero, negative bases,
        // overflow) is near.
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let v = x.powf(y);
            if !v.is_finite() {
                return None;
            }
            v
        }
        _ => return None,
    };
    Some(Value::Float(v))
}

/// COMPARE_OP of two ints or two floats; when a conditional jump follows
/// (as after nearly every comparison), it is done here too, without
/// pushing the bool (the instruction is still counted).
#[inline(always)]
fn compare(vm: &mut Vm, r: &mut Regs, arg: u32) -> bool {
    // SAFETY: verified — two operands, comparison index in range.
    unsafe {
        let op = *CmpOp::ALL.get_unchecked(arg as usize);
        let t = match (r.sp.peek(1), r.sp.peek(0)) {
            (Value::Int(x), Value::Int(y)) => ops::ordered(op, *x, *y),
            (Value::Float(x), Value::Float(y)) => ops::ordered(op, *x, *y),
            _ => None,
        };
        let Some(t) = t else { return false };
        r.sp.pop_plain();
        // The next instruction exists (verified: no path runs off the end).
        let next = r.ip.0.read();
        let when = match op_of(next) {
            Op::PopJumpIfFalse => false,
            Op::PopJumpIfTrue => true,
            _ => {
                r.sp.overwrite_plain(0, Value::Bool(t));
                return true;
            }
        };
        r.sp.pop_plain();
        vm.fused += 1;
        if t == when {
            jump(r, next.arg());
        } else {
            r.ip = Ip(r.ip.0.add(1));
        }
    }
    true
}

/// POP_JUMP_IF_FALSE / _TRUE on a bool, an int or None.
#[inline(always)]
fn pop_jump_if(r: &mut Regs, target: u32, when: bool) -> bool {
    // SAFETY: verified — a value on the stack; plain when popped.
    unsafe {
        let t = match r.sp.peek(0) {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::None => false,
            _ => return false,
        };
        r.sp.pop_plain();
        if t == when {
            jump(r, target);
        }
    }
    true
}

/// DUP_TOP (a chained comparison's middle operand, an augmented
/// subscript's container): an inline clone.
#[inline(always)]
fn dup_top(r: &mut Regs) -> bool {
    // SAFETY: verified — a value on the stack and room for another.
    unsafe {
        let v = dup(r.sp.peek(0));
        r.sp.push(v);
    }
    true
}

/// JUMP_IF_FALSE_OR_POP / _TRUE_OR_POP (`and`, `or`, chained
/// comparisons) on a bool, an int or None.
#[inline(always)]
fn jump_if_or_pop(r: &mut Regs, target: u32, when: bool) -> bool {
    // SAFETY: verified — a value on the stack; plain when popped.
    unsafe {
        let t = match r.sp.peek(0) {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::None => false,
            _ => return false,
        };
        if t == when {
            jump(r, target);
        } else {
            r.sp.pop_plain();
        }
    }
    true
}

/// FOR_ITER over a range, a list or a tuple, with an item left. The
/// STORE_FAST after it (a loop variable's: nearly every `for` starts so)
/// is done here too when the old value's drop frees nothing (counted as
/// an instruction).
#[inline(always)]
fn for_iter(vm: &mut Vm, r: &mut Regs) -> bool {
    // SAFETY: verified — the iterator is on top and there is room for
    // one more value; the word after FOR_ITER exists (the loop body falls
    // through from it), and a STORE_FAST's index is in range. A list is
    // not mutably borrowed while an instruction runs, and an item is
    // cloned (a count increment) while its container is alive.
    unsafe {
        let Value::Iter(it) = r.sp.peek(0) else {
            return false;
        };
        let v = match &**it {
            Iter::Range { .. } => match it.next_in_range() {
                Some(Some(v)) => v,
                // Exhausted: popping the iterator may free it — the full path.
                _ => return false,
            },
            Iter::List { list, index } => {
                let Ok(items) = list.try_borrow_unguarded() else {
                    return false;
                };
                let i = index.get();
                let Some(x) = items.get(i) else {
                    return false;
                };
                index.set(i + 1);
                dup(x)
            }
            Iter::Tuple { items, index } => {
                let i = index.get();
                let Some(x) = items.get(i) else {
                    return false;
                };
                index.set(i + 1);
                dup(x)
            }
            _ => return false,
        };
        let w = r.ip.0.read();
        if matches!(op_of(w), Op::StoreFast) {
            let slot = r.fast.0.add(w.arg() as usize);
            if drop_shared(slot) {
                slot.write(v);
                r.ip = Ip(r.ip.0.add(1));
                vm.fused += 1;
                return true;
            }
        }
        r.sp.push(v);
    }
    true
}

/// CALL_FUNCTION of a Python function whose parameters are exactly its
/// positional arguments (see `Code::quick_argcount`), with a frame the
/// allocator hands out without calling the system allocator.
#[inline(always)]
fn call(vm: &mut Vm, r: &mut Regs, n: u32) -> bool {
    // SAFETY: verified — the callable and n arguments are on the stack.
    let callee = unsafe { r.sp.peek(n as usize) };
    let Value::Function(f) = callee else {
        return false;
    };
    enter(vm, r, f, n)
}

/// CALL_METHOD of a Python function found on an instance's class: the
/// function, then self as the first of n + 1 arguments.
#[inline(always)]
fn call_method(vm: &mut Vm, r: &mut Regs, n: u32) -> bool {
    // SAFETY: verified — n arguments over the two LOAD_METHOD values.
    let callee = unsafe { r.sp.peek(n as usize + 1) };
    let Value::Function(f) = callee else {
        return false;
    };
    enter(vm, r, f, n + 1)
}

/// Pushes a frame for `f` and moves the n arguments into its first locals.
#[inline(always)]
fn enter(vm: &mut Vm, r: &mut Regs, f: &Rc<crate::runtime::object::Function>, n: u32) -> bool {
    let code = &*f.code;
    // (A closure with other than one cell per free variable, possible
    // only through the API, takes the full path.)
    if code.quick_argcount() != n
        || vm.depth >= vm.options.recursion_limit
        || f.closure.len() != code.shape().nfrees()
    {
        return false;
    }
    let ns = Namespaces {
        builtins: Rc::as_ptr(&vm.builtins) as ObjPtr,
        globals: Rc::as_ptr(&f.globals) as ObjPtr,
        locals: std::ptr::null(),
    };
    // SAFETY: n == argcount <= nlocals (verified), and the n slots are
    // written below before the frame runs.
    let Some(new) = (unsafe { vm.frames.quick_push(code, Some(r.fp), &ns, n as usize) }) else {
        return false;
    };
    vm.depth += 1;
    // SAFETY: verified — the n arguments lie just below sp; the caller's
    // saved stacktop excludes them (they move into the new frame's first
    // n locals, unwritten so far). The function stays on the caller's
    // stack until the call returns.
    unsafe {
        let mut from = r.sp.below(n as usize);
        r.fp.save(lasti(r), from.as_ptr());
        let fast = Fast(new.localsplus());
        // Most calls pass one to three arguments: straight-line moves,
        // without a loop's set-up.
        match n {
            0 => {}
            1 => fast.0.write(from.take_next()),
            2 => {
                fast.0.write(from.take_next());
                fast.0.add(1).write(from.take_next());
            }
            3 => {
                fast.0.write(from.take_next());
                fast.0.add(1).write(from.take_next());
                fast.0.add(2).write(from.take_next());
            }
            _ => {
                for i in 0..n as usize {
                    fast.0.add(i).write(from.take_next());
                }
            }
        }
        // The free variables' cells follow the locals (no cells of its
        // own: quick_argcount), one per variable (checked above).
        let frees = fast.0.add(code.shape().nlocals());
        for (i, c) in f.closure.iter().enumerate() {
            frees.add(i).write(Value::Cell(Rc::clone(c)));
        }
        *r = entry_regs(code, new, fast);
    }
    true
}

/// RETURN_VALUE to a caller frame, when nothing in the returning frame
/// needs a drop and the callable's drop frees nothing.
#[inline(always)]
fn return_value(vm: &mut Vm, r: &mut Regs) -> bool {
    let fp = r.fp;
    // SAFETY: the running frame.
    let Some(caller) = unsafe { fp.header() }.back() else {
        return false;
    };
    // SAFETY: verified — the return value is the one value on the stack;
    // the slots below it are the frame's fast slots, all initialised.
    unsafe {
        let top = r.sp.0.sub(1);
        if !vm.frames.can_quick_pop(fp) {
            return false;
        }
        // The frame's values are released, or none is.
        let lp = fp.localsplus();
        if !release_all(lp, top) {
            return false;
        }
        // The caller is suspended at the call; its callable is just
        // below its saved stacktop, and takes the result.
        let slot = caller.stacktop().sub(1);
        if !drop_shared(slot) {
            retain_all(lp, top);
            return false;
        }
        let v = top.read();
        // Nothing left to drop in the frame; can_quick_pop still holds:
        // only counts were decremented since.
        vm.frames.quick_pop(fp);
        vm.depth -= 1;
        slot.write(v);
        let code = caller.code();
        *r = Regs {
            ip: Ip::at(code.code(), caller.header().lasti() as usize + 1),
            sp: super::sp::Sp(caller.stacktop()),
            fp: caller,
            fast: Fast(caller.localsplus()),
        };
    }
    true
}
