//! What each instruction does, written once: both dispatch backends call
//! these functions (`#[inline(always)]`, so each backend gets its own copy
//! with the registers in machine registers).
//!
//! Each function takes the VM, the running frame's registers and the
//! instruction's argument, and returns `Err(Stop)` to leave the loop (an
//! exception, or the entry frame's return).
//!
//! "verified" in a `SAFETY:` comment means: the verifier checked this
//! instruction's stack effect and indices for every path to it.

use std::cell::RefCell;
use std::rc::Rc;

use super::attr::ClassHit;
use super::sp::{Fast, Ip, Sp, op_of};
use super::{Regs, Stop, Vm, objects};
use crate::bytecode::code::{GlobalSlot, flags};
use crate::bytecode::{BinOp, CmpOp, Code, Op};
use crate::frame::{FrameAlloc, FramePtr, Namespaces, ObjPtr};
use crate::runtime::builtins::make_iter;
use crate::runtime::object::{Builtin, Function, Iter, Namespace, Range};
use crate::runtime::{ExcKind, PyErr, Value, methods, ops, seq, set};

/// The result of one instruction.
pub(crate) type Step = Result<(), Stop>;

/// The running frame's code object.
///
/// # Safety
/// `r.fp` is the running frame: its code outlives this use (held by the
/// function on the caller's stack, or by `run_module`).
#[inline(always)]
pub(crate) unsafe fn code<'a>(r: &Regs) -> &'a Code {
    // SAFETY: caller's contract.
    unsafe { r.fp.code() }
}

#[inline(always)]
pub(crate) fn load_const(r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — const index in range, room on the stack.
    unsafe {
        let v = code(r).consts().get_unchecked(arg as usize).clone();
        r.sp.push(v);
    }
    Ok(())
}

#[inline(always)]
pub(crate) fn load_fast(r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — local index in range, room on the stack.
    let v = unsafe { r.fast.get(arg as usize) };
    if let Value::Empty = v {
        return Err(unbound_local(r, arg));
    }
    let v = if v.is_plain() {
        // SAFETY: a plain value holds no reference: its bits are a clone.
        unsafe { std::ptr::read(v) }
    } else {
        v.clone()
    };
    // SAFETY: as above.
    unsafe { r.sp.push(v) };
    Ok(())
}

#[cold]
fn unbound_local(r: &Regs, arg: u32) -> Stop {
    // SAFETY: running frame.
    let name = unsafe { code(r) }.varnames()[arg as usize].clone();
    PyErr::new(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
    .into()
}

#[inline(always)]
pub(crate) fn store_fast(r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — one value on the stack, local index in range.
    unsafe {
        let v = r.sp.pop();
        r.fast.set(arg as usize, v);
    }
    Ok(())
}

pub(crate) fn delete_fast(r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified.
    if let Value::Empty = unsafe { r.fast.get(arg as usize) } {
        return Err(unbound_local(r, arg));
    }
    // SAFETY: verified.
    unsafe { r.fast.set(arg as usize, Value::Empty) };
    Ok(())
}

pub(crate) fn name_of(r: &Regs, arg: u32) -> Rc<str> {
    // SAFETY: running frame; verified name index.
    unsafe { code(r) }.names()[arg as usize].clone()
}

/// Bytecode that passed verification but breaks an operand-type rule only
/// the compiler guarantees (built through the API): an exception, never a
/// panic.
#[cold]
pub(crate) fn bad_code(what: &str) -> Stop {
    PyErr::new(ExcKind::SystemError, format!("bad bytecode: {what}")).into()
}

#[cold]
fn name_error(name: &str) -> Stop {
    PyErr::new(ExcKind::NameError, format!("name '{name}' is not defined")).into()
}

// The namespaces: every frame's header points at its globals (those of
// the function's module, or those a module body runs in), so functions of
// several modules and several `exec` namespaces run side by side.

/// The running frame's globals.
#[inline(always)]
pub(crate) fn globals<'a>(r: &Regs) -> &'a Namespace {
    // SAFETY: every frame's globals pointer comes from `Rc::as_ptr` of an
    // `Rc<Namespace>` that outlives the frame: the function being run holds
    // it (and sits on its caller's stack, or is held by the nested run that
    // called it), or the module run that pushed the frame does.
    unsafe { &*(r.fp.header().globals() as *const Namespace) }
}

/// The running frame's globals, as a new reference (for a function
/// defined here).
pub(crate) fn globals_rc(r: &Regs) -> Rc<Namespace> {
    // SAFETY: as in `globals`: the running frame's pointer is `Rc::as_ptr`
    // of a live `Rc<Namespace>`; the count is raised before a second `Rc`
    // is made from it, so both references are counted.
    unsafe {
        let ptr = r.fp.header().globals() as *const Namespace;
        Rc::increment_strong_count(ptr);
        Rc::from_raw(ptr)
    }
}

#[inline(always)]
pub(crate) fn load_global(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: running frame.
    let code = unsafe { code(r) };
    let globals = globals(r);
    // The inline cache: an index, valid while the namespaces keep their
    // names (a store to an existing name leaves it valid).
    let s = code.global_slot(arg as usize);
    let hit = if s.ns != globals.layout() {
        None
    } else if s.builtins == 0 {
        globals.value_at(s.index)
    } else if s.builtins == vm.builtins.layout() {
        vm.builtins.value_at(s.index)
    } else {
        None
    };
    let v = match hit {
        Some(v) => v,
        None => load_global_slow(vm, globals, code, arg)?,
    };
    // SAFETY: verified.
    unsafe { r.sp.push(v) };
    Ok(())
}

/// LOAD_GLOBAL by name lookup, filling the cache.
#[cold]
#[inline(never)]
fn load_global_slow(vm: &Vm, globals: &Namespace, code: &Code, arg: u32) -> Result<Value, Stop> {
    // SAFETY of the index: verified.
    let name: &str = &code.names()[arg as usize];
    let (slot, v) = if let Some(i) = globals.index_of(name) {
        let slot = GlobalSlot {
            ns: globals.layout(),
            builtins: 0,
            index: i,
        };
        (slot, globals.value_at(i))
    } else if let Some(i) = vm.builtins.index_of(name) {
        let slot = GlobalSlot {
            ns: globals.layout(),
            builtins: vm.builtins.layout(),
            index: i,
        };
        (slot, vm.builtins.value_at(i))
    } else {
        return Err(name_error(name));
    };
    code.cache_global(arg as usize, slot);
    v.ok_or_else(|| name_error(name))
}

pub(crate) fn store_global(r: &mut Regs, arg: u32) -> Step {
    let name = name_of(r, arg);
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    globals(r).set(name, v);
    Ok(())
}

/// The namespace a module or class body stores its names in.
pub(crate) fn locals_of(r: &Regs) -> *const Namespace {
    // SAFETY: the running frame.
    let l = unsafe { r.fp.header() }.locals() as *const Namespace;
    if l.is_null() { globals(r) } else { l }
}

/// LOAD_NAME: locals, then globals, then builtins.
pub(crate) fn load_name(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let locals = locals_of(r);
    if std::ptr::eq(locals, globals(r)) {
        return load_global(vm, r, arg);
    }
    // SAFETY: running frame; verified name index.
    let name: &str = unsafe { code(r).names().get_unchecked(arg as usize) };
    // SAFETY: a class body's namespace outlives its frame (held by
    // `Vm::build_class` while the body runs).
    let ns = unsafe { &*locals };
    if let Some(m) = ns.mapping() {
        match vm.getitem(&m, &Value::str(name)) {
            // SAFETY: verified.
            Ok(v) => unsafe { r.sp.push(v) },
            Err(e) if e.is(crate::runtime::ExcKind::KeyError) => return load_global(vm, r, arg),
            Err(e) => return Err(e.into()),
        }
        return Ok(());
    }
    let v = ns.get(name);
    match v {
        // SAFETY: verified.
        Some(v) => unsafe { r.sp.push(v) },
        None => return load_global(vm, r, arg),
    }
    Ok(())
}

/// STORE_NAME
pub(crate) fn store_name(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let locals = locals_of(r);
    let name = name_of(r, arg);
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    // SAFETY: as in load_name.
    let ns = unsafe { &*locals };
    if let Some(m) = ns.mapping() {
        vm.setitem(&m, &Value::str(&*name), v)?;
        return Ok(());
    }
    ns.set(name, v);
    Ok(())
}

/// DELETE_NAME
pub(crate) fn delete_name(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let locals = locals_of(r);
    let name = name_of(r, arg);
    // SAFETY: as in load_name.
    let ns = unsafe { &*locals };
    if let Some(m) = ns.mapping() {
        return match vm.delitem(&m, &Value::str(&*name)) {
            Err(e) if e.is(crate::runtime::ExcKind::KeyError) => Err(name_error(&name)),
            r => r.map_err(Into::into),
        };
    }
    if ns.remove(&name) {
        Ok(())
    } else {
        Err(name_error(&name))
    }
}

/// LOAD_CLASSDEREF: a class body reading a free variable: its own
/// namespace first, then the cell.
pub(crate) fn load_classderef(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: the running frame.
    let locals = unsafe { r.fp.header() }.locals() as *const Namespace;
    // SAFETY: running frame's code; verified index into cells then frees.
    let code = unsafe { code(r) };
    let i = arg as usize;
    let name = code
        .cellvars()
        .iter()
        .chain(code.freevars().iter())
        .nth(i)
        .cloned();
    if !locals.is_null()
        && let Some(name) = name
    {
        // SAFETY: as in load_name.
        let ns = unsafe { &*locals };
        let found = match ns.mapping() {
            Some(m) => match vm.getitem(&m, &Value::str(&*name)) {
                Ok(v) => Some(v),
                Err(e) if e.is(crate::runtime::ExcKind::KeyError) => None,
                Err(e) => return Err(e.into()),
            },
            None => ns.get(&name),
        };
        if let Some(v) = found {
            // SAFETY: verified.
            unsafe { r.sp.push(v) };
            return Ok(());
        }
    }
    load_deref(r, arg)
}

/// LOAD_BUILD_CLASS: the builtins' `__build_class__` (a script may
/// replace it through the `builtins` module). Kept out of line: it is
/// rare, and inlined into the switch loop it costs every instruction.
#[inline(never)]
pub(crate) fn load_build_class(vm: &mut Vm, r: &mut Regs) -> Step {
    let f = match vm.builtins.get("__build_class__") {
        Some(Value::Builtin(b)) if b.name == "__build_class__" => {
            Value::Builtin(&super::objects::BUILD_CLASS)
        }
        Some(other) => other,
        None => {
            return Err(PyErr::new(ExcKind::NameError, "__build_class__ not found").into());
        }
    };
    // SAFETY: verified.
    unsafe { r.sp.push(f) };
    Ok(())
}

pub(crate) fn delete_global(r: &mut Regs, arg: u32) -> Step {
    let name = name_of(r, arg);
    if globals(r).remove(&name) {
        Ok(())
    } else {
        Err(name_error(&name))
    }
}

fn cell(r: &Regs, arg: u32) -> Result<Rc<RefCell<Value>>, Stop> {
    // SAFETY: running frame.
    let nlocals = unsafe { code(r) }.varnames().len();
    // SAFETY: verified — cells and frees follow the locals in localsplus,
    // and hold cells from frame entry on.
    match unsafe { r.fast.get(nlocals + arg as usize) } {
        Value::Cell(c) => Ok(c.clone()),
        _ => Err(bad_code("a cell slot without a cell")),
    }
}

#[cold]
fn unbound_deref(r: &Regs, arg: u32) -> Stop {
    // SAFETY: running frame.
    let c = unsafe { code(r) };
    let name = c
        .cellvars()
        .iter()
        .chain(c.freevars())
        .nth(arg as usize)
        .cloned()
        .unwrap_or_else(|| Rc::from("?"));
    PyErr::new(
        ExcKind::NameError,
        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
    )
    .into()
}

pub(crate) fn load_deref(r: &mut Regs, arg: u32) -> Step {
    let v = cell(r, arg)?.borrow().clone();
    if let Value::Empty = v {
        return Err(unbound_deref(r, arg));
    }
    // SAFETY: verified.
    unsafe { r.sp.push(v) };
    Ok(())
}

pub(crate) fn store_deref(r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    let c = cell(r, arg)?;
    let old = std::mem::replace(&mut *c.borrow_mut(), v);
    drop(old);
    Ok(())
}

pub(crate) fn delete_deref(r: &mut Regs, arg: u32) -> Step {
    let c = cell(r, arg)?;
    let old = std::mem::replace(&mut *c.borrow_mut(), Value::Empty);
    if let Value::Empty = old {
        return Err(unbound_deref(r, arg));
    }
    Ok(())
}

pub(crate) fn load_closure(r: &mut Regs, arg: u32) -> Step {
    let c = cell(r, arg)?;
    // SAFETY: verified.
    unsafe { r.sp.push(Value::Cell(c)) };
    Ok(())
}

#[inline(always)]
pub(crate) fn pop_top(r: &mut Regs) -> Step {
    // SAFETY: verified.
    drop(unsafe { r.sp.pop() });
    Ok(())
}

pub(crate) fn rot_two(r: &mut Regs) -> Step {
    // SAFETY: verified — two values.
    unsafe {
        let a = r.sp.pop();
        let b = r.sp.pop();
        r.sp.push(a);
        r.sp.push(b);
    }
    Ok(())
}

pub(crate) fn rot_three(r: &mut Regs) -> Step {
    // SAFETY: verified — three values.
    unsafe {
        let top = r.sp.pop();
        let second = r.sp.pop();
        let third = r.sp.pop();
        r.sp.push(top);
        r.sp.push(third);
        r.sp.push(second);
    }
    Ok(())
}

pub(crate) fn dup_top(r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let v = r.sp.peek(0).clone();
        r.sp.push(v);
    }
    Ok(())
}

pub(crate) fn dup_top_two(r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let (a, b) = (r.sp.peek(1).clone(), r.sp.peek(0).clone());
        r.sp.push(a);
        r.sp.push(b);
    }
    Ok(())
}

#[inline(always)]
pub(crate) fn binary(vm: &mut Vm, r: &mut Regs, op: BinOp) -> Step {
    // Operands are read where they lie in the frame, not moved into
    // locals: a local whose address reached `ops::binary` would stop LLVM
    // from turning the threaded dispatch after this into a tail jump.
    // SAFETY: verified — two operands.
    unsafe {
        if op == BinOp::Mod
            && let Value::Str(fmt) = r.sp.peek(1)
        {
            // printf-style formatting: `%s` of an instance runs its `__str__`.
            let text = crate::runtime::format::percent(vm, fmt, r.sp.peek(0))?;
            drop(r.sp.pop());
            r.sp.set(0, Value::str(text));
            return Ok(());
        }
        let (a, b) = (r.sp.peek(1), r.sp.peek(0));
        let res = if objects::is_instance(a) || objects::is_instance(b) {
            binary_instance(vm, op, a, b)?
        } else {
            match ops::binary(op, a, b) {
                Ok(v) => v,
                Err(e) => binary_slow(vm, op, a, b, false, e)?,
            }
        };
        drop(r.sp.pop());
        r.sp.set(0, res);
    }
    Ok(())
}

/// An operator the builtin types refused: instances may define it.
#[cold]
#[inline(never)]
pub(crate) fn binary_slow(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    b: &Value,
    inplace: bool,
    err: PyErr,
) -> Result<Value, PyErr> {
    if objects::is_instance(a) || objects::is_instance(b) {
        let (a, b) = (a.clone(), b.clone());
        return vm.binary_special(op, &a, &b, inplace, move || Err(err));
    }
    Err(err)
}

/// An operator with an instance operand: its special methods first, the
/// builtin operator (for its error) only when they decline, so that no
/// error message is made for an operator an instance defines.
#[cold]
#[inline(never)]
fn binary_instance(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Result<Value, PyErr> {
    let (a, b) = (a.clone(), b.clone());
    vm.binary_special(op, &a, &b, false, || ops::binary(op, &a, &b))
}

/// INPLACE_OP: `__iop__` for instances; sets update in place; else the
/// binary operator (with errors naming `op=`).
pub(crate) fn inplace(vm: &mut Vm, r: &mut Regs, op: BinOp) -> Step {
    // SAFETY: verified — two operands.
    unsafe {
        if objects::is_instance(r.sp.peek(1)) {
            let b = r.sp.pop();
            let a = r.sp.peek(0).clone();
            let err = || {
                Err(PyErr::type_error(format!(
                    "unsupported operand type(s) for {}=: '{}' and '{}'",
                    op.symbol(),
                    a.type_name(),
                    b.type_name()
                )))
            };
            let res = vm.binary_special(op, &a, &b, true, err)?;
            r.sp.set(0, res);
            return Ok(());
        }
    }
    // SAFETY: verified — two operands, read in place as `binary` reads them.
    unsafe {
        let res = match ops::inplace(op, r.sp.peek(1), r.sp.peek(0)) {
            Ok(v) => v,
            Err(e) => binary_slow(vm, op, r.sp.peek(1), r.sp.peek(0), false, e)?,
        };
        drop(r.sp.pop());
        r.sp.set(0, res);
    }
    Ok(())
}

pub(crate) fn inplace_add(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — two operands.
    unsafe {
        if let Value::List(l) = r.sp.peek(1) {
            // `a += b` extends a list in place.
            let src = r.sp.peek(0).clone();
            let items = vm.collect_values(&src)?;
            l.borrow_mut().extend(items);
            drop(r.sp.pop());
            return Ok(());
        }
    }
    inplace(vm, r, BinOp::Add)
}

pub(crate) fn unary(vm: &mut Vm, r: &mut Regs, op: char) -> Step {
    // SAFETY: verified.
    unsafe {
        let v = r.sp.peek(0);
        let res = if objects::is_instance(v) {
            let v = v.clone();
            vm.unary_special(op, &v)?
        } else {
            ops::unary(op, v)?
        };
        r.sp.set(0, res);
    }
    Ok(())
}

pub(crate) fn unary_not(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let v = r.sp.peek(0).clone();
        let res = Value::Bool(!vm.truthy(&v)?);
        r.sp.set(0, res);
    }
    Ok(())
}

#[inline(always)]
pub(crate) fn compare(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // Read in place, as `binary` does.
    // SAFETY: verified — two operands, comparison index in range.
    unsafe {
        let op = *CmpOp::ALL.get_unchecked(arg as usize);
        let (a, b) = (r.sp.peek(1), r.sp.peek(0));
        // Ints first. (The quick path has done the six orderings of ints
        // already; dropping this case from the full path was measured:
        // the switch loop, which inlines both, then took 598 instead of
        // 550 instructions per fib call, from register allocation alone.)
        let res = match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                let Some(t) = ops::ordered(op, *x, *y) else {
                    return compare_ints_slow(r, op);
                };
                // Both operands are ints: nothing to drop.
                r.sp.pop_plain();
                r.sp.overwrite_plain(0, Value::Bool(t));
                return Ok(());
            }
            // Instances, and containers that may hold them, compare
            // through their special methods.
            _ if objects::compares_in_vm(a) || objects::compares_in_vm(b) => {
                compare_slow(vm, op, a, b)?
            }
            _ => ops::compare(op, a, b)?,
        };
        drop(r.sp.pop());
        r.sp.set(0, res);
    }
    Ok(())
}

/// `is` / `in` between two ints (rare): through `ops::compare`.
#[cold]
#[inline(never)]
fn compare_ints_slow(r: &mut Regs, op: CmpOp) -> Step {
    // SAFETY: verified — two operands.
    unsafe {
        let res = ops::compare(op, r.sp.peek(1), r.sp.peek(0))?;
        drop(r.sp.pop());
        r.sp.set(0, res);
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn compare_slow(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> Result<Value, PyErr> {
    let (a, b) = (a.clone(), b.clone());
    vm.compare_values(op, &a, &b)
}

pub(crate) fn binary_subscr(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let index = r.sp.pop();
        let container = r.sp.peek(0);
        let res = if objects::is_instance(container)
            || objects::is_instance(&index)
            || matches!(container, Value::Class(_))
        {
            let c = container.clone();
            vm.getitem(&c, &index)?
        } else {
            match seq::getitem(container, &index) {
                Ok(v) => v,
                // Slice bounds with `__index__`.
                Err(_) if matches!(&index, Value::Slice(p) if p.iter().any(objects::is_instance)) =>
                {
                    let c = container.clone();
                    vm.getitem(&c, &index)?
                }
                Err(e) => return Err(e.into()),
            }
        };
        r.sp.set(0, res);
    }
    Ok(())
}

pub(crate) fn store_subscr(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — three values: value, container, index.
    unsafe {
        let index = r.sp.pop();
        let container = r.sp.pop();
        let value = r.sp.pop();
        vm.setitem(&container, &index, value)?;
    }
    Ok(())
}

pub(crate) fn delete_subscr(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let index = r.sp.pop();
        let container = r.sp.pop();
        vm.delitem(&container, &index)?;
    }
    Ok(())
}

pub(crate) fn build(r: &mut Regs, kind: char, n: u32) -> Step {
    if kind == 's' {
        // A slice's two or three parts move straight into it, with no
        // vector in between. SAFETY: verified — n (2 or 3) values.
        let v = unsafe {
            let step = if n == 3 { r.sp.pop() } else { Value::None };
            let stop = r.sp.pop();
            let start = r.sp.pop();
            Value::Slice(Rc::new([start, stop, step]))
        };
        // SAFETY: verified — the parts' slots are free.
        unsafe { r.sp.push(v) };
        return Ok(());
    }
    // SAFETY: verified — n values.
    let items = unsafe { r.sp.pop_n(n as usize) };
    let v = match kind {
        't' => Value::tuple(items),
        'l' => Value::list(items),
        _ => {
            let mut s = String::new();
            for v in &items {
                s.push_str(&v.to_str());
            }
            Value::str(s)
        }
    };
    // SAFETY: verified.
    unsafe { r.sp.push(v) };
    Ok(())
}

pub(crate) fn list_append(vm: &mut Vm, r: &mut Regs, arg: u32, extend: bool) -> Step {
    // SAFETY: verified — the list is arg values below the top before the pop.
    unsafe {
        let v = r.sp.pop();
        let Value::List(l) = r.sp.peek(arg as usize - 1) else {
            return Err(bad_code("LIST_APPEND's target is not a list"));
        };
        if extend {
            let items = vm.collect_values(&v)?;
            l.borrow_mut().extend(items);
        } else {
            l.borrow_mut().push(v);
        }
    }
    Ok(())
}

/// BUILD_SET: a set of the top `n` values, added bottom first.
pub(crate) fn build_set(vm: &mut Vm, r: &mut Regs, n: u32) -> Step {
    // SAFETY: verified — n values.
    let mut items = unsafe { r.sp.pop_n(n as usize) };
    if items.iter().any(set::needs_vm) {
        items = vm.set_elements(None, items)?;
    }
    let s = set::from_items(items)?;
    // SAFETY: verified.
    unsafe { r.sp.push(set::new_set(s)) };
    Ok(())
}

/// SET_ADD (set comprehensions, `{a, *b}`) and SET_UPDATE (`{*b}`).
pub(crate) fn set_add(vm: &mut Vm, r: &mut Regs, arg: u32, update: bool) -> Step {
    // SAFETY: verified — the set is arg values below the top before the pop.
    unsafe {
        let mut v = r.sp.pop();
        if update && !set::walks(&v) {
            // An iterator, generator or instance may run Python code: take
            // its items first.
            v = Value::list(vm.collect_values(&v)?);
        }
        // Instances hash and compare by their special methods: the VM
        // picks the elements to use.
        let instances = if update {
            set::instance_items(&v)
        } else {
            set::needs_vm(&v).then(|| vec![v.clone()])
        };
        if let Some(items) = instances {
            let target = r.sp.peek(arg as usize - 1).clone();
            let mut items = vm.set_elements(Some(&target), items)?;
            v = if update {
                Value::list(items)
            } else {
                items.pop().expect("one element for one item")
            };
        }
        let Value::Set(s) = r.sp.peek(arg as usize - 1) else {
            return Err(bad_code("SET_ADD's target is not a set"));
        };
        if update {
            set::update(s, &v)?;
        } else {
            s.borrow_mut().add(v)?;
        }
    }
    Ok(())
}

pub(crate) fn build_map(vm: &mut Vm, r: &mut Regs, n: u32) -> Step {
    // SAFETY: verified — n key/value pairs.
    let items = unsafe { r.sp.pop_n(2 * n as usize) };
    let d = RefCell::new(crate::runtime::dict::Dict::default());
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        let k = vm.dict_key(&d, &k)?;
        d.borrow_mut().set(k, v)?;
    }
    // SAFETY: verified.
    unsafe { r.sp.push(crate::runtime::dict::new_dict(d.into_inner())) };
    Ok(())
}

/// The entries of a mapping that is not a dict: its `keys()` (the bound
/// method given), then `__getitem__` of each key.
fn entries_by_keys(vm: &mut Vm, src: &Value, keys: &Value) -> Result<Vec<(Value, Value)>, PyErr> {
    let keys = vm.call_value(keys, Vec::new(), Vec::new())?;
    let mut out = Vec::new();
    for k in vm.collect_values(&keys)? {
        let v = vm.getitem(src, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// MAP_ADD (dict comprehensions) and DICT_UPDATE (`{**m}`).
pub(crate) fn map_add(vm: &mut Vm, r: &mut Regs, arg: u32, update: bool) -> Step {
    // SAFETY: verified — the dict is below the popped value(s).
    unsafe {
        if update {
            let src = r.sp.pop();
            let Value::Dict(d) = r.sp.peek(arg as usize - 1).clone() else {
                return Err(bad_code("DICT_UPDATE's target is not a dict"));
            };
            let entries: Vec<(Value, Value)> = match &src {
                Value::Dict(src) => src
                    .borrow()
                    .map
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect(),
                Value::Globals(ns) => {
                    let Value::Dict(c) = ns.as_dict()? else {
                        unreachable!("as_dict gives a dict")
                    };
                    let c = c.borrow();
                    c.map
                        .iter()
                        .map(|(k, v)| (k.0.clone(), v.clone()))
                        .collect()
                }
                // Any mapping: its keys() and __getitem__.
                Value::Instance(_) if let Ok(keys) = vm.getattr(&src, "keys") => {
                    entries_by_keys(vm, &src, &keys)?
                }
                _ => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not a mapping",
                        src.type_name()
                    ))
                    .into());
                }
            };
            for (k, v) in entries {
                let k = vm.dict_key(&d, &k)?;
                d.borrow_mut().set(k, v)?;
            }
        } else {
            let v = r.sp.pop();
            let k = r.sp.pop();
            let Value::Dict(d) = r.sp.peek(arg as usize - 1).clone() else {
                return Err(bad_code("MAP_ADD's target is not a dict"));
            };
            let k = vm.dict_key(&d, &k)?;
            d.borrow_mut().set(k, v)?;
        }
    }
    Ok(())
}

/// DICT_MERGE: a call's `**mapping` (or `k=v`) into its keyword dict:
/// keys must be strs and not given twice. A mapping that is not a dict
/// is read through its `keys()` and `__getitem__`.
#[inline(never)]
pub(crate) fn dict_merge(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — the mapping over the dict, `arg` down, and the
    // callable two below that.
    let (src, target, callee) = unsafe {
        let src = r.sp.pop();
        (
            src,
            r.sp.peek(arg as usize - 1).clone(),
            r.sp.peek(arg as usize + 1).clone(),
        )
    };
    let Value::Dict(d) = target else {
        return Err(bad_code("DICT_MERGE's target is not a dict"));
    };
    let fname = || match &callee {
        Value::Function(f) => format!("__main__.{}()", f.code.qualname()),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Class(c) => format!("__main__.{}()", c.qualname),
        other => format!("{} object", other.type_name()),
    };
    let entries: Vec<(Value, Value)> = match &src {
        Value::Dict(s) => s
            .borrow()
            .map
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect(),
        Value::Instance(_) => {
            let keys = vm.getattr(&src, "keys").map_err(|_| {
                PyErr::type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    fname(),
                    src.type_name()
                ))
            })?;
            entries_by_keys(vm, &src, &keys)?
        }
        other => {
            return Err(PyErr::type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                fname(),
                other.type_name()
            ))
            .into());
        }
    };
    for (k, v) in entries {
        let Value::Str(name) = &k else {
            return Err(PyErr::type_error("keywords must be strings").into());
        };
        if d.borrow().get(&k)?.is_some() {
            return Err(PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{name}'",
                fname()
            ))
            .into());
        }
        d.borrow_mut().set(k, v)?;
    }
    Ok(())
}

pub(crate) fn list_to_tuple(r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let Value::List(l) = r.sp.pop() else {
            return Err(bad_code("LIST_TO_TUPLE on a non-list"));
        };
        let items = std::mem::take(&mut *l.borrow_mut());
        r.sp.push(crate::runtime::gc::tuple(items));
    }
    Ok(())
}

/// UNPACK_EX: `a, *rest, b = v` — `before` values, a list of what is
/// left, `after` values; pushed so that the first is on top.
pub(crate) fn unpack_ex(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let (before, after) = ((arg & 0xff) as usize, (arg >> 8) as usize);
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    let mut items = vm.collect_values(&v).map_err(|_| {
        PyErr::type_error(format!(
            "cannot unpack non-iterable {} object",
            v.type_name()
        ))
    })?;
    if items.len() < before + after {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        ))
        .into());
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    for v in tail.into_iter().rev() {
        // SAFETY: verified — room for before + 1 + after values.
        unsafe { r.sp.push(v) };
    }
    // SAFETY: as above.
    unsafe { r.sp.push(Value::list(middle)) };
    for v in items.into_iter().rev() {
        // SAFETY: as above.
        unsafe { r.sp.push(v) };
    }
    Ok(())
}

pub(crate) fn unpack_sequence(vm: &mut Vm, r: &mut Regs, n: u32) -> Step {
    // SAFETY: verified.
    let mut v = unsafe { r.sp.pop() };
    // The common case, a tuple or list of the right length: its items
    // straight onto the stack, with no vector in between; moved, not
    // copied, out of a sequence that nothing else holds (a tuple just
    // built or returned).
    let moved = |items: &mut [Value], r: &mut Regs| {
        for x in items.iter_mut().rev() {
            // SAFETY: verified — room for n values.
            unsafe { r.sp.push(std::mem::replace(x, Value::None)) };
        }
    };
    let cloned = |items: &[Value], r: &mut Regs| {
        for x in items.iter().rev() {
            // SAFETY: verified — room for n values.
            unsafe { r.sp.push(x.clone()) };
        }
    };
    let done = match &mut v {
        Value::Tuple(t) if t.len() == n as usize => {
            match Rc::get_mut(t) {
                Some(items) => moved(items, r),
                None => cloned(t, r),
            }
            true
        }
        Value::List(l) if l.borrow().len() == n as usize => {
            if Rc::strong_count(l) == 1 {
                moved(&mut l.borrow_mut(), r);
            } else {
                cloned(&l.borrow(), r);
            }
            true
        }
        _ => false,
    };
    if !done {
        let items = match &v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().to_vec(),
            _ => vm.collect_values(&v).map_err(|_| {
                PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    v.type_name()
                ))
            })?,
        };
        let n = n as usize;
        if items.len() > n {
            return Err(
                PyErr::value_error(format!("too many values to unpack (expected {n})")).into(),
            );
        }
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ))
            .into());
        }
        for v in items.into_iter().rev() {
            // SAFETY: verified — room for n values.
            unsafe { r.sp.push(v) };
        }
    }
    drop(v);
    store_following(vm, r, n as usize);
    Ok(())
}

/// The STORE_FASTs right after an UNPACK_SEQUENCE of `n` items, done by
/// it (each counted as an instruction): up to `n` of them, the items
/// being on the stack. Not while stepping (tracing, or the last
/// instruction the fuel allows: every instruction then runs alone).
fn store_following(vm: &mut Vm, r: &mut Regs, n: usize) {
    if vm.stepping || n > super::MOST_FUSED_STORES {
        return;
    }
    for _ in 0..n {
        // SAFETY: verified — the word after a falling-through instruction
        // exists; a STORE_FAST's value is on the stack and its index in
        // range.
        unsafe {
            let w = r.ip.0.read();
            if !matches!(op_of(w), Op::StoreFast) {
                break;
            }
            r.ip = Ip(r.ip.0.add(1));
            let v = r.sp.pop();
            r.fast.set(w.arg() as usize, v);
        }
        vm.fused += 1;
    }
}

pub(crate) fn get_iter(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    unsafe {
        let v = r.sp.peek(0);
        let it = if matches!(
            v,
            Value::Instance(_) | Value::Generator(_) | Value::Class(_)
        ) {
            let v = v.clone();
            vm.iter_of(&v)?
        } else {
            make_iter(v)?
        };
        r.sp.set(0, it);
    }
    Ok(())
}

/// FOR_ITER: pushes the next item, or pops the iterator and jumps.
#[inline(always)]
pub(crate) fn for_iter(vm: &mut Vm, r: &mut Regs, target: u32) -> Step {
    // SAFETY: verified — the iterator is on top (GET_ITER made it).
    unsafe {
        let next = match r.sp.peek(0) {
            // The common loop, inline: over a range.
            Value::Iter(it) => match it.next_in_range() {
                Some(next) => next,
                None => it.next(vm)?,
            },
            other => {
                let it = other.clone();
                vm.next_of(&it)?
            }
        };
        match next {
            Some(v) => r.sp.push(v),
            None => {
                drop(r.sp.pop());
                jump(r, target);
            }
        }
    }
    Ok(())
}

/// Jumps to instruction `target`.
#[inline(always)]
pub(crate) fn jump(r: &mut Regs, target: u32) {
    // SAFETY: verified — jump targets are instructions of this code.
    r.ip = unsafe { Ip::at(code(r).code(), target as usize) };
}

#[inline(always)]
pub(crate) fn pop_jump_if(vm: &mut Vm, r: &mut Regs, target: u32, when: bool) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    let t = match v {
        Value::Bool(b) => b,
        ref other @ Value::Instance(_) => vm.truthy(other)?,
        ref other => other.truthy(),
    };
    if t == when {
        jump(r, target);
    }
    Ok(())
}

pub(crate) fn jump_if_or_pop(vm: &mut Vm, r: &mut Regs, target: u32, when: bool) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.peek(0) }.clone();
    if vm.truthy(&v)? == when {
        jump(r, target);
    } else {
        // SAFETY: verified.
        drop(unsafe { r.sp.pop() });
    }
    Ok(())
}

pub(crate) fn load_attr(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified.
    if let Value::Module(m) = unsafe { r.sp.peek(0) } {
        // SAFETY: running frame.
        let v = super::import::module_attr(unsafe { code(r) }, arg, m)?;
        // SAFETY: verified.
        unsafe { r.sp.set(0, v) };
        return Ok(());
    }
    // SAFETY: running frame: its code outlives this instruction.
    let code = unsafe { code(r) };
    let name = &code.names()[arg as usize];
    // SAFETY: verified.
    let obj = unsafe { r.sp.peek(0) };
    if let Value::Instance(inst) = obj {
        let e = &code.attr_cache()[arg as usize];
        if let Ok(v) = super::attr::load(obj, inst, e, name) {
            // SAFETY: verified.
            unsafe { r.sp.set(0, v) };
            return Ok(());
        }
        let inst = inst.clone();
        let v = vm.getattr(&Value::Instance(inst.clone()), name)?;
        super::attr::learn_new(&inst.class, e, name, false);
        // SAFETY: verified.
        unsafe { r.sp.set(0, v) };
        return Ok(());
    }
    if let Value::Class(cls) = obj
        && cls.meta.is_none()
    {
        let e = &code.attr_cache()[arg as usize];
        let v = match super::attr::class_load(cls, e, name) {
            Ok(ClassHit::Plain(v)) => v,
            Ok(ClassHit::ClassMethod(f)) => crate::runtime::gc::bound_method(obj.clone(), f),
            Err(_) => {
                let cls = cls.clone();
                let v = vm.getattr(&Value::Class(cls.clone()), name)?;
                super::attr::learn_class(&cls, e, name);
                v
            }
        };
        // SAFETY: verified.
        unsafe { r.sp.set(0, v) };
        return Ok(());
    }
    let obj = obj.clone();
    let v = vm.getattr(&obj, name)?;
    // SAFETY: verified.
    unsafe { r.sp.set(0, v) };
    Ok(())
}

/// LOAD_METHOD: `[method, self]` when the attribute is a method (a
/// builtin type's, or a function in an instance's class), else
/// `[EMPTY, attribute]`; CALL_METHOD tells them apart.
pub(crate) fn load_method(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — obj on top, room for one more.
    if let Value::Module(m) = unsafe { r.sp.peek(0) } {
        // SAFETY: running frame.
        let v = super::import::module_attr(unsafe { code(r) }, arg, m)?;
        // SAFETY: verified: the module's slot and one more.
        unsafe {
            r.sp.set(0, Value::Empty);
            r.sp.push(v);
        }
        return Ok(());
    }
    // SAFETY: running frame: its code outlives this instruction.
    let code = unsafe { code(r) };
    // SAFETY: verified — obj on top.
    if let Value::Instance(inst) = unsafe { r.sp.peek(0) } {
        let e = &code.attr_cache()[arg as usize];
        let name = &code.names()[arg as usize];
        if let Ok(f) = super::attr::method(inst, e, name) {
            // SAFETY: verified — obj on top, room for one more.
            unsafe {
                let obj = r.sp.pop();
                r.sp.push(f);
                r.sp.push(obj);
            }
            return Ok(());
        }
        if let Some((m, base)) = super::attr::base_method(inst, e, name) {
            // SAFETY: verified — obj on top, room for one more.
            let obj = unsafe { r.sp.pop() };
            // SAFETY: as above.
            unsafe {
                r.sp.push(Value::Builtin(m));
                r.sp.push(base);
            }
            drop(obj);
            return Ok(());
        }
        let cls = inst.class.clone();
        let done = load_method_generic(vm, r, name);
        super::attr::learn_new(&cls, e, name, false);
        return done;
    }
    // SAFETY: verified — obj on top.
    if let Value::Class(cls) = unsafe { r.sp.peek(0) }
        && cls.meta.is_none()
    {
        let e = &code.attr_cache()[arg as usize];
        let name = &code.names()[arg as usize];
        match super::attr::class_load(cls, e, name) {
            // SAFETY: verified — obj on top, room for one more.
            Ok(ClassHit::Plain(v)) => unsafe {
                r.sp.set(0, Value::Empty);
                r.sp.push(v);
            },
            // SAFETY: verified — obj on top, room for one more.
            Ok(ClassHit::ClassMethod(f)) => unsafe {
                let obj = r.sp.pop();
                r.sp.push(f);
                r.sp.push(obj);
            },
            Err(_) => {
                let cls = cls.clone();
                let done = load_method_generic(vm, r, name);
                super::attr::learn_class(&cls, e, name);
                return done;
            }
        }
        return Ok(());
    }
    load_method_generic(vm, r, &code.names()[arg as usize])
}

/// LOAD_METHOD by the generic protocol.
fn load_method_generic(vm: &mut Vm, r: &mut Regs, name: &Rc<str>) -> Step {
    // SAFETY: verified — obj on top, room for one more.
    unsafe {
        let obj = r.sp.pop();
        if let Value::Instance(inst) = &obj
            && inst.class.hooks() & crate::runtime::class::HOOK_GETATTRIBUTE == 0
        {
            match inst.class.lookup(name) {
                Some(f)
                    if match &f {
                        Value::Function(_) => true,
                        Value::HostFn(h) => h.method,
                        _ => false,
                    } && inst.get(name).is_none() =>
                {
                    r.sp.push(f);
                    r.sp.push(obj);
                    return Ok(());
                }
                // A method of the builtin value a subclass of a builtin
                // type carries (`self.append(x)` in a list subclass): no
                // bound method is made.
                None if let Some(base) = inst.base()
                    && inst.get(name).is_none()
                    && let Some(m) = methods::lookup(base, name) =>
                {
                    let base = base.clone();
                    r.sp.push(Value::Builtin(m));
                    r.sp.push(base);
                    return Ok(());
                }
                _ => {}
            }
        }
        if !matches!(obj, Value::Instance(_) | Value::Class(_) | Value::Super(_))
            && let Some(m) = methods::lookup(&obj, name)
        {
            r.sp.push(Value::Builtin(m));
            r.sp.push(obj);
            return Ok(());
        }
        let v = vm.getattr(&obj, name)?;
        r.sp.push(Value::Empty);
        r.sp.push(v);
    }
    Ok(())
}

/// STORE_ATTR: TOS.name = TOS1.
pub(crate) fn store_attr(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: running frame: its code outlives this instruction.
    let code = unsafe { code(r) };
    let name = &code.names()[arg as usize];
    // SAFETY: verified — the object over the value.
    let (obj, v) = unsafe {
        let obj = r.sp.pop();
        (obj, r.sp.pop())
    };
    if let Value::Instance(inst) = &obj {
        let e = &code.attr_cache()[arg as usize];
        let v = match super::attr::store(inst, e, name, v) {
            Ok(()) => return Ok(()),
            Err(v) => v,
        };
        vm.setattr(&obj, name.clone(), v)?;
        super::attr::learn_new(&inst.class, e, name, true);
        return Ok(());
    }
    vm.setattr(&obj, name.clone(), v)?;
    Ok(())
}

/// DELETE_ATTR
pub(crate) fn delete_attr(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let name = name_of(r, arg);
    // SAFETY: verified.
    let obj = unsafe { r.sp.pop() };
    vm.delattr(&obj, &name)?;
    Ok(())
}

pub(crate) fn make_function(r: &mut Regs, mkflags: u32) -> Step {
    // SAFETY: verified — the code, then closure and defaults as flagged.
    unsafe {
        let Value::Code(code) = r.sp.pop() else {
            return Err(bad_code("MAKE_FUNCTION without a code object"));
        };
        let closure = if mkflags & 0x08 != 0 {
            let Value::Tuple(cells) = r.sp.pop() else {
                return Err(bad_code("a closure that is not a tuple"));
            };
            let mut closure = Vec::with_capacity(cells.len());
            for c in cells.iter() {
                match c {
                    Value::Cell(c) => closure.push(c.clone()),
                    _ => return Err(bad_code("a closure item that is not a cell")),
                }
            }
            closure
        } else {
            Vec::new()
        };
        let annotations = if mkflags & 0x04 != 0 {
            let Value::Tuple(pairs) = r.sp.pop() else {
                return Err(bad_code("annotations that are not a tuple"));
            };
            let mut d = crate::runtime::dict::Dict::default();
            for kv in pairs.chunks(2) {
                if let [k, v] = kv {
                    d.set(k.clone(), v.clone())?;
                }
            }
            Some(crate::runtime::dict::new_dict(d))
        } else {
            None
        };
        let kwdefaults = if mkflags & 0x02 != 0 {
            let Value::Dict(d) = r.sp.pop() else {
                return Err(bad_code("keyword-only defaults that are not a dict"));
            };
            let mut out = Vec::new();
            for (k, v) in d.borrow().map.iter() {
                match &k.0 {
                    Value::Str(s) => out.push((Rc::from(s.as_str()), v.clone())),
                    _ => return Err(bad_code("a keyword-only default not named by a string")),
                }
            }
            out
        } else {
            Vec::new()
        };
        let defaults = if mkflags & 0x01 != 0 {
            let Value::Tuple(d) = r.sp.pop() else {
                return Err(bad_code("defaults that are not a tuple"));
            };
            d.to_vec()
        } else {
            Vec::new()
        };
        // Code built through the API may not fit what is around it; the
        // frame layout relies on these two.
        if closure.len() != code.freevars().len() {
            return Err(bad_code(
                "a closure that does not match the code's free variables",
            ));
        }
        if defaults.len() > code.argcount() {
            return Err(bad_code("more defaults than parameters"));
        }
        let f = Function {
            code,
            globals: globals_rc(r),
            defaults,
            kwdefaults,
            closure,
            dict: Default::default(),
        };
        if let Some(a) = annotations {
            f.dict.borrow_mut().insert(Rc::from("__annotations__"), a);
        }
        r.sp.push(crate::runtime::gc::function(f));
    }
    Ok(())
}

/// Arguments of a call, bound to a function's parameters: one value per
/// parameter in `co_varnames` order (positional, keyword-only, `*args`,
/// `**kwargs`), with CPython's errors.
pub(crate) fn bind_args(
    f: &Function,
    mut args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> Result<Vec<Value>, PyErr> {
    let code = &f.code;
    let argcount = code.argcount();
    let kwonly = code.kwonlyargcount();
    let varargs = code.flags() & flags::VARARGS != 0;
    let varkw = code.flags() & flags::VARKEYWORDS != 0;
    // CPython names the function by its qualified name (`C.m()`).
    let name = code.qualname();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut locals = vec![Value::Empty; argcount + kwonly];
    let extra: Vec<Value> = if args.len() > argcount {
        if !varargs {
            let given = args.len();
            let takes = if f.defaults.is_empty() {
                format!("{argcount} positional argument{}", plural(argcount))
            } else {
                format!(
                    "from {} to {argcount} positional arguments",
                    argcount - f.defaults.len()
                )
            };
            return Err(PyErr::type_error(format!(
                "{name}() takes {takes} but {given} {} given",
                if given == 1 { "was" } else { "were" }
            )));
        }
        args.split_off(argcount)
    } else {
        Vec::new()
    };
    for (i, a) in args.into_iter().enumerate() {
        locals[i] = a;
    }
    let mut rest = crate::runtime::dict::Dict::default();
    // Keywords may name the parameters after the positional-only ones.
    let posonly = code.posonlyargcount();
    let mut posonly_named = Vec::new();
    for (k, v) in kwargs {
        match code.varnames()[posonly..argcount + kwonly]
            .iter()
            .position(|n| **n == *k)
            .map(|i| i + posonly)
        {
            Some(i) => {
                if !matches!(locals[i], Value::Empty) {
                    return Err(PyErr::type_error(format!(
                        "{name}() got multiple values for argument '{k}'"
                    )));
                }
                locals[i] = v;
            }
            None if varkw => {
                if rest.get(&Value::str(&*k))?.is_some() {
                    return Err(PyErr::type_error(format!(
                        "{name}() got multiple values for keyword argument '{k}'"
                    )));
                }
                rest.set(Value::str(&*k), v)?;
            }
            None if code.varnames()[..posonly].iter().any(|n| **n == *k) => {
                posonly_named.push(k.to_string());
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    if !posonly_named.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_named.join(", ")
        )));
    }
    let first_default = argcount - f.defaults.len();
    let mut missing = Vec::new();
    for (i, slot) in locals.iter_mut().enumerate().take(argcount) {
        if let Value::Empty = slot {
            if i >= first_default {
                *slot = f.defaults[i - first_default].clone();
            } else {
                missing.push(format!("'{}'", code.varnames()[i]));
            }
        }
    }
    let list = |m: &[String]| match m.len() {
        1 => m[0].clone(),
        n => format!("{} and {}", m[..n - 1].join(", "), m[n - 1]),
    };
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() missing {} required positional argument{}: {}",
            missing.len(),
            plural(missing.len()),
            list(&missing)
        )));
    }
    let kwonly_names = &code.varnames()[argcount..argcount + kwonly];
    for (slot, pname) in locals[argcount..].iter_mut().zip(kwonly_names) {
        if let Value::Empty = slot {
            match f.kwdefaults.iter().find(|(k, _)| k == pname) {
                Some((_, v)) => *slot = v.clone(),
                None => missing.push(format!("'{pname}'")),
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() missing {} required keyword-only argument{}: {}",
            missing.len(),
            plural(missing.len()),
            list(&missing)
        )));
    }
    if varargs {
        locals.push(Value::tuple(extra));
    }
    if varkw {
        locals.push(crate::runtime::dict::new_dict(rest));
    }
    Ok(locals)
}

/// Calls the callable `n` values below the top with those values as
/// positional arguments (and `kwnames` naming the last ones, if given).
/// A Python function gets a new frame and runs in the same loop: the
/// registers then point into it. Anything else runs now.
#[inline(always)]
pub(crate) fn call(
    vm: &mut Vm,
    r: &mut Regs,
    n: usize,
    kwnames: Option<Rc<crate::runtime::seqobj::Seq>>,
) -> Step {
    // SAFETY: verified — the callable and its n arguments are on the stack.
    // The callable's slot is not written until the call returns, so the
    // reference stays valid through the call's setup (no Rc clone needed).
    let callee = unsafe { r.sp.peek(n) };
    if let Value::Function(f) = callee {
        let code = &f.code;
        let simple = kwnames.is_none()
            && n == code.argcount()
            && code.kwonlyargcount() == 0
            && code.flags() & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0;
        if simple {
            return enter_simple(vm, r, f, n);
        }
        // SAFETY: verified.
        let mut args = unsafe { r.sp.pop_n(n) };
        let kwargs = split_kwargs(&mut args, kwnames)?;
        let locals = bind_args(f, args, kwargs)?;
        if code.flags() & flags::GENERATOR != 0 {
            // The callable's slot takes the generator: the function is
            // held apart from it while the slot is written (`f` points
            // into the slot).
            let f = f.clone();
            return enter(vm, r, &f, locals);
        }
        return enter(vm, r, f, locals);
    }
    let Some((b, receiver)) = native(callee) else {
        if let Value::HostFn(h) = callee
            && kwnames.is_none()
        {
            let h = h.clone();
            return call_host_at(vm, r, n, &h, 0);
        }
        if let Value::Class(c) = callee
            && kwnames.is_none()
            && vm.options.quick
        {
            let c = c.clone();
            if let Some(step) = instantiate_simple(vm, r, n, &c) {
                return step;
            }
        }
        return call_object(vm, r, n, kwnames);
    };
    // Two builtins that loops call most, without the argument vector.
    if receiver.is_none() && kwnames.is_none() && vm.options.quick {
        if b.name == "range" && range_iter(vm, r, n) {
            return Ok(());
        }
        if b.name == "len" && n == 1 {
            // SAFETY: verified — the argument is on top, the callable below.
            let arg = unsafe { r.sp.peek(0) };
            if !objects::is_instance(arg)
                && let Ok(len) = crate::runtime::builtins::length(arg)
            {
                // SAFETY: as above; the result replaces the callable.
                unsafe {
                    drop(r.sp.pop());
                    r.sp.set(0, Value::Int(len as i64));
                }
                return Ok(());
            }
        }
    }
    // SAFETY: verified.
    let mut args = unsafe { r.sp.pop_n(n) };
    let kwargs = split_kwargs(&mut args, kwnames)?;
    // While it runs, the builtin may read this frame (`locals()`).
    // (The caller's caller, if a builtin's callback got here, is put back:
    // it runs on until that builtin returns.)
    let outer = vm.caller.replace(r.fp);
    let result = call_native(vm, b, receiver, args, kwargs);
    vm.caller = outer;
    let result = result?;
    // SAFETY: verified — the callable's slot takes the result.
    unsafe { r.sp.set(0, result) };
    Ok(())
}

/// `C(a, b)` of a class made by a `class` statement whose `__new__` is
/// `object`'s and whose `__init__` is a Python function taking exactly
/// the arguments: the instance is made and `__init__` run with the
/// arguments moved off the stack into its frame (no vector for them, no
/// bound method). What `Vm::instantiate` does, for that case; `None`
/// (nothing touched) for any other class.
#[inline(never)]
fn instantiate_simple(
    vm: &mut Vm,
    r: &mut Regs,
    n: usize,
    cls: &Rc<crate::runtime::class::Class>,
) -> Option<Step> {
    if cls.ctor.is_some()
        || cls.is_exception()
        || (cls.meta.is_some() && cls.meta_lookup("__call__").is_some())
    {
        return None;
    }
    let (new, init) = cls.new_and_init();
    match &new {
        None => {}
        Some(Value::Builtin(b)) if !std::ptr::eq(*b, &crate::runtime::class::TYPE_NEW) => {}
        _ => return None,
    }
    let Some(Value::Function(f)) = init else {
        return None;
    };
    if f.code.quick_argcount() as usize != n + 1 {
        return None;
    }
    let inst = crate::runtime::builtins::Host::alloc_instance(vm, cls, None);
    let mut args: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::with_capacity(n + 1);
    args.push(Value::Instance(inst.clone()));
    // SAFETY: verified — the n arguments lie just below sp, above the
    // class; each is moved out once.
    unsafe {
        let mut from = r.sp.below(n);
        for _ in 0..n {
            args.push(from.take_next());
        }
        r.sp = r.sp.below(n);
    }
    let result = exec_init(vm, &f, args);
    Some(result.and_then(|v| {
        if !matches!(v, Value::None) {
            return Err(PyErr::type_error(format!(
                "__init__() should return None, not '{}'",
                v.type_name()
            ))
            .into());
        }
        // SAFETY: verified — the class's slot takes the instance.
        unsafe { r.sp.set(0, Value::Instance(inst)) };
        Ok(())
    }))
}

/// Runs `__init__` function `f` on `args` (the instance first) in a
/// nested run.
fn exec_init(
    vm: &mut Vm,
    f: &Function,
    mut args: smallvec::SmallVec<[Value; 8]>,
) -> Result<Value, Stop> {
    let regs = enter_fresh_args(vm, f, args.drain(..))?;
    Ok(vm.run_frames(regs)?)
}

/// `for ... in range(...)`: a call of the builtin `range` with int
/// arguments, followed by GET_ITER, makes the range's iterator at once and
/// skips the GET_ITER (the range object would never be seen: one
/// allocation and the argument vector saved). `false` changes nothing.
#[inline(never)]
fn range_iter(vm: &mut Vm, r: &mut Regs, n: usize) -> bool {
    // SAFETY: verified — the callable and n arguments are on the stack,
    // and an instruction follows the call (no path runs off the end).
    unsafe {
        // Not while a fuel limit single-steps (see `Vm::check_in`).
        if !(1..=3).contains(&n)
            || op_of(r.ip.0.read()) != crate::bytecode::Op::GetIter
            || vm.stepping
        {
            return false;
        }
        let mut ints = [0i64; 3];
        for (i, slot) in ints.iter_mut().take(n).enumerate() {
            match r.sp.peek(n - 1 - i) {
                Value::Int(v) => *slot = *v,
                _ => return false,
            }
        }
        let (start, stop, step) = match n {
            1 => (0, ints[0], 1),
            2 => (ints[0], ints[1], 1),
            _ => (ints[0], ints[1], ints[2]),
        };
        // A zero step, or a length beyond a machine word: the builtin.
        let Some(range) = Range::small(start, stop, step).filter(|r| r.step != 0) else {
            return false;
        };
        let it = Value::Iter(Rc::new(Iter::Range {
            next: std::cell::Cell::new(range.start),
            left: std::cell::Cell::new(range.len()),
            step: range.step,
        }));
        // The arguments are ints: nothing to drop.
        r.sp = r.sp.below(n);
        r.sp.set(0, it);
        r.ip = Ip(r.ip.0.add(1));
        vm.fused += 1;
    }
    true
}

/// Calls host function `h` with the `n` arguments on top of the stack;
/// its result replaces the callable and the `below` slots under it
/// (CALL_METHOD's EMPTY marker).
#[inline(never)]
fn call_host_at(
    vm: &mut Vm,
    r: &mut Regs,
    n: usize,
    h: &Rc<crate::runtime::object::HostFn>,
    below: usize,
) -> Step {
    // SAFETY: verified — n arguments over the callable and `below` slots.
    let args = unsafe { r.sp.pop_n_small(n) };
    let result = crate::embed::call_host(vm, h, args, Vec::new())?;
    // SAFETY: as above: the callable, then `below` slots, are dropped and
    // the lowest takes the result.
    unsafe {
        for _ in 0..below {
            drop(r.sp.pop());
        }
        r.sp.set(0, result);
    }
    Ok(())
}

/// Calls what is neither a Python function nor a builtin: a bound method
/// (its function runs in this loop), a class, an instance with `__call__`.
#[cold]
#[inline(never)]
fn call_object(
    vm: &mut Vm,
    r: &mut Regs,
    n: usize,
    kwnames: Option<Rc<crate::runtime::seqobj::Seq>>,
) -> Step {
    // SAFETY: verified — the callable and its n arguments.
    let (callee, mut args) = unsafe { (r.sp.peek(n).clone(), r.sp.pop_n(n)) };
    let kwargs = split_kwargs(&mut args, kwnames)?;
    if let Value::BoundMethod(m) = &callee
        && let Value::Function(f) = &m.1
    {
        args.insert(0, m.0.clone());
        let locals = bind_args(f, args, kwargs)?;
        return enter(vm, r, f, locals);
    }
    let result = vm.call_value(&callee, args, kwargs)?;
    // SAFETY: verified — the callable's slot takes the result.
    unsafe { r.sp.set(0, result) };
    Ok(())
}

/// A builtin function, or a builtin method with the receiver to pass first.
pub(crate) fn native(v: &Value) -> Option<(&'static Builtin, Option<&Value>)> {
    match v {
        Value::Builtin(b) => Some((b, None)),
        Value::Method(m) => Some((m.1, Some(&m.0))),
        // A builtin type: its constructor.
        Value::Class(c) => c.ctor.map(|b| (b, None)),
        _ => None,
    }
}

/// Runs a builtin now (methods get their receiver as the first argument).
pub(crate) fn call_native(
    vm: &mut Vm,
    b: &'static Builtin,
    receiver: Option<&Value>,
    mut args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> Result<Value, PyErr> {
    if let Some(r) = receiver {
        args.insert(0, r.clone());
    }
    if let Some(Value::Globals(ns)) = args.first()
        && b.name != "id"
    {
        return call_on_namespace(vm, b, ns.clone(), args, kwargs);
    }
    (b.call)(vm, args, kwargs)
}

/// A builtin given a namespace as a dict (`globals().update(...)`,
/// `dict(globals())`): it runs on a copy, and what a dict method changed
/// in the copy becomes the namespace's.
#[cold]
#[inline(never)]
fn call_on_namespace(
    vm: &mut Vm,
    b: &'static Builtin,
    ns: Rc<crate::runtime::object::NsRef>,
    mut args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> Result<Value, PyErr> {
    let copy = ns.as_dict()?;
    args[0] = copy.clone();
    let r = (b.call)(vm, args, kwargs);
    if matches!(
        b.name,
        "update"
            | "pop"
            | "popitem"
            | "setdefault"
            | "clear"
            | "__setitem__"
            | "__delitem__"
            | "__ior__"
    ) {
        ns.assign_from(&copy);
    }
    r
}

/// PRINT_EXPR: the interactive echo of an expression statement — unless
/// None, `builtins._` is bound to it and its repr printed (through the
/// builtin `print`, so a rebound `sys.stdout` gets it).
#[cold]
pub(crate) fn print_expr(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — one value on the stack.
    let v = unsafe { r.sp.pop() };
    if matches!(v, Value::None) {
        return Ok(());
    }
    vm.builtins.set(Rc::from("_"), v.clone());
    let text = vm.repr_of(&v)?;
    let print = vm
        .builtins
        .get("print")
        .ok_or_else(|| PyErr::new(ExcKind::RuntimeError, "lost builtins.print"))?;
    vm.call_value(&print, vec![Value::str(text)], Vec::new())?;
    Ok(())
}

#[cold]
pub(crate) fn not_callable(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", v.type_name()))
}

fn split_kwargs(
    args: &mut Vec<Value>,
    kwnames: Option<Rc<crate::runtime::seqobj::Seq>>,
) -> Result<Vec<(Rc<str>, Value)>, Stop> {
    let Some(names) = kwnames else {
        return Ok(Vec::new());
    };
    if names.len() > args.len() {
        return Err(bad_code("more keyword names than arguments"));
    }
    let values = args.split_off(args.len() - names.len());
    let mut out = Vec::with_capacity(values.len());
    for (k, v) in names.iter().zip(values) {
        match k {
            Value::Str(s) => out.push((Rc::from(s.as_str()), v)),
            _ => return Err(bad_code("a keyword name that is not a string")),
        }
    }
    Ok(out)
}

/// CALL_FUNCTION_KW: TOS is the tuple of keyword names.
pub(crate) fn call_kw(vm: &mut Vm, r: &mut Regs, n: u32) -> Step {
    // SAFETY: verified.
    let names = match unsafe { r.sp.pop() } {
        Value::Tuple(t) => t,
        _ => return Err(bad_code("CALL_FUNCTION_KW without a tuple of names")),
    };
    call(vm, r, n as usize, Some(names))
}

/// CALL_FUNCTION_EX: a tuple of positional arguments (and, if `arg & 1`,
/// a dict of keyword arguments above it), bound straight from them.
pub(crate) fn call_ex(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — the dict if flagged, the tuple, and the callable under them.
    let (args, kwargs, callee) = unsafe {
        let kwargs: Vec<(Rc<str>, Value)> = if arg & 1 != 0 {
            let Value::Dict(d) = r.sp.pop() else {
                return Err(bad_code("CALL_FUNCTION_EX keywords that are not a dict"));
            };
            let d = d.borrow();
            let mut out = Vec::with_capacity(d.map.len());
            for (k, v) in d.map.iter() {
                match &k.0 {
                    Value::Str(s) => out.push((Rc::from(s.as_str()), v.clone())),
                    _ => return Err(PyErr::type_error("keywords must be strings").into()),
                }
            }
            out
        } else {
            Vec::new()
        };
        let Value::Tuple(t) = r.sp.pop() else {
            return Err(bad_code("CALL_FUNCTION_EX arguments that are not a tuple"));
        };
        (t, kwargs, r.sp.peek(0).clone())
    };
    let args = Rc::try_unwrap(args)
        .unwrap_or_else(|shared| (*shared).clone())
        .into_vec();
    if let Value::Function(f) = &callee {
        let locals = bind_args(f, args, kwargs)?;
        return enter(vm, r, f, locals);
    }
    if let Value::BoundMethod(m) = &callee
        && let Value::Function(f) = &m.1
    {
        let mut args = args;
        args.insert(0, m.0.clone());
        let locals = bind_args(f, args, kwargs)?;
        return enter(vm, r, f, locals);
    }
    let result = vm.call_value(&callee, args, kwargs)?;
    // SAFETY: verified — the callable's slot takes the result.
    unsafe { r.sp.set(0, result) };
    Ok(())
}

/// CALL_METHOD: the method and self are below the n arguments, or EMPTY
/// and the callable (see `load_method`).
pub(crate) fn call_method(vm: &mut Vm, r: &mut Regs, n: u32) -> Step {
    let n = n as usize;
    // SAFETY: verified — n arguments over the two LOAD_METHOD values.
    if let Value::Empty = unsafe { r.sp.peek(n + 1) } {
        // A module's host function (`math.sqrt(x)`): called at once, its
        // result stored over the EMPTY marker, nothing moved.
        // SAFETY: verified — the callable below its n arguments.
        if let Value::HostFn(h) = unsafe { r.sp.peek(n) } {
            let h = h.clone();
            return call_host_at(vm, r, n, &h, 1);
        }
        // SAFETY: as above: drop the EMPTY marker, moving the callable and
        // arguments down a slot; the result then lands where the verifier
        // expects it.
        unsafe { r.sp.remove(n + 1) };
        return call(vm, r, n, None);
    }
    call(vm, r, n + 1, None)
}

/// Pushes a frame for `f` with its parameters bound to `locals`, and points
/// the registers into it. The function stays on the caller's stack until
/// the call returns, keeping its code and globals alive.
#[inline(always)]
fn enter(vm: &mut Vm, r: &mut Regs, f: &Rc<Function>, locals: Vec<Value>) -> Step {
    if f.code.flags() & flags::GENERATOR != 0 {
        let g = vm.make_generator(f, locals)?;
        // SAFETY: verified — the callable's slot takes the generator.
        unsafe { r.sp.set(0, g) };
        return Ok(());
    }
    // SAFETY: the running frame; sp is in its stack.
    unsafe { r.fp.save(lasti(r), r.sp.as_ptr()) };
    *r = push_frame(vm, Some(r.fp), f, locals)?;
    Ok(())
}

/// The common call: exactly the positional parameters. The arguments move
/// from the caller's stack straight into the new frame's first locals,
/// with no vector in between.
#[inline(always)]
fn enter_simple(vm: &mut Vm, r: &mut Regs, f: &Function, n: usize) -> Step {
    // SAFETY: verified — the n arguments lie just below sp; the caller's
    // saved stacktop excludes them. If no frame can be had, `r` is left
    // as it is and the unwinder drops them with the caller's stack.
    let args = unsafe { r.sp.below(n) };
    // SAFETY: the running frame.
    unsafe { r.fp.save(lasti(r), args.as_ptr()) };
    let (new, fast) = new_frame(vm, Some(r.fp), f)?;
    let mut from = args;
    for i in 0..n {
        // SAFETY: each argument is read once (moved) into local i < argcount.
        unsafe { fast.set(i, from.take_next()) };
    }
    init_cells(vm, f, fast);
    *r = entry_regs(&f.code, new, fast);
    Ok(())
}

/// Where the running frame resumes after a call: its `lasti`.
#[inline(always)]
pub(crate) fn lasti(r: &Regs) -> i32 {
    // SAFETY: the running frame's code holds the current instruction.
    r.ip.index(unsafe { code(r) }.code()) as i32 - 1
}

/// A frame for `f` with no caller frame, its first parameters bound to
/// `args` in order (the caller has checked that they are exactly the
/// positional parameters, `quick_argcount`): no vector in between.
pub(crate) fn enter_fresh_args(
    vm: &mut Vm,
    f: &Function,
    args: impl Iterator<Item = Value>,
) -> Result<Regs, PyErr> {
    let (new, fast) = new_frame(vm, None, f)?;
    for (i, v) in args.take(f.code.argcount()).enumerate() {
        // SAFETY: i < argcount <= nlocals (the verifier checked the
        // parameters fit in the locals).
        unsafe { fast.set(i, v) };
    }
    init_cells(vm, f, fast);
    Ok(entry_regs(&f.code, new, fast))
}

/// A frame for `f` with no caller frame: the entry of a nested run.
pub(crate) fn enter_fresh(vm: &mut Vm, f: &Function, locals: Vec<Value>) -> Result<Regs, PyErr> {
    push_frame(vm, None, f, locals)
}

/// Pushes and fills a frame for `f`; the registers that run it.
fn push_frame(
    vm: &mut Vm,
    back: Option<FramePtr<Value>>,
    f: &Function,
    locals: Vec<Value>,
) -> Result<Regs, PyErr> {
    let (new, fast) = new_frame(vm, back, f)?;
    for (i, v) in locals.into_iter().enumerate() {
        // SAFETY: i < nlocals: bind_args gives one value per parameter,
        // and the verifier checked the parameters fit in the locals.
        unsafe { fast.set(i, v) };
    }
    init_cells(vm, f, fast);
    Ok(entry_regs(&f.code, new, fast))
}

/// Takes a frame for a call of `f` from the allocator, within the
/// recursion limit.
#[inline(always)]
fn new_frame(
    vm: &mut Vm,
    back: Option<FramePtr<Value>>,
    f: &Function,
) -> Result<(FramePtr<Value>, Fast), PyErr> {
    if vm.depth >= vm.options.recursion_limit {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    let ns = Namespaces {
        builtins: Rc::as_ptr(&vm.builtins) as ObjPtr,
        globals: Rc::as_ptr(&f.globals) as ObjPtr,
        locals: std::ptr::null(),
    };
    let new = vm.frames.push(&f.code, back, &ns);
    vm.depth += 1;
    Ok((new, Fast(new.localsplus())))
}

/// Gives a new frame its cells (a parameter that is a cell starts with
/// the argument) and its free variables (the function's closure).
#[inline(always)]
fn init_cells(vm: &mut Vm, f: &Function, fast: Fast) {
    let code = &f.code;
    if code.cellvars().is_empty() && code.freevars().is_empty() {
        return;
    }
    let nlocals = code.varnames().len();
    for i in 0..code.cellvars().len() {
        let start = code
            .cell_args()
            .iter()
            .find(|(c, _)| *c as usize == i)
            .map(|(_, l)| {
                // SAFETY: l < nlocals (a parameter's slot).
                unsafe { fast.get(*l as usize) }.clone()
            });
        let cell = Rc::new(RefCell::new(start.unwrap_or(Value::Empty)));
        vm.track_cell(&cell);
        // SAFETY: cell slots follow the locals.
        unsafe { fast.set(nlocals + i, Value::Cell(cell)) };
    }
    // MAKE_FUNCTION makes one cell per free variable; a function built
    // through the API with more gets only as many as there are slots
    // (fewer leave EMPTY slots, which LOAD_DEREF refuses with an error).
    for (i, c) in f.closure.iter().take(code.freevars().len()).enumerate() {
        // SAFETY: free slots follow the cells, i < the number of frees.
        unsafe { fast.set(nlocals + code.cellvars().len() + i, Value::Cell(c.clone())) };
    }
}

/// The registers that start running a fresh frame of `code`.
#[inline(always)]
pub(crate) fn entry_regs(code: &Code, fp: FramePtr<Value>, fast: Fast) -> Regs {
    Regs {
        // SAFETY: index 0 of verified code (never empty: it ends in a return).
        ip: unsafe { Ip::at(code.code(), 0) },
        // SAFETY: a fresh frame's stack is empty.
        sp: Sp(unsafe { fp.valuestack() }),
        fp,
        fast,
    }
}

/// RETURN_VALUE: gives the frame back and resumes the caller, whose
/// callable slot takes the result; the entry frame's return ends the run.
#[inline(always)]
pub(crate) fn return_value(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — exactly one value on the stack at a return.
    let v = unsafe { r.sp.pop() };
    let fp = r.fp;
    // SAFETY: the running frame.
    let back = unsafe { fp.header() }.back();
    // SAFETY: fp came from vm.frames; its stack is empty (sp == valuestack
    // after the pop, as verified) so the saved stacktop is set to that; no
    // frame above it is live.
    unsafe {
        fp.save(0, r.sp.as_ptr());
        vm.frames.pop(fp);
    }
    vm.depth -= 1;
    let Some(caller) = back else {
        return Err(Stop::Return(v));
    };
    // SAFETY: the caller is live, suspended at a call: its lasti and
    // stacktop were saved by `enter`, and its callable is on its stack.
    unsafe {
        let h = caller.header();
        let code = caller.code();
        *r = Regs {
            ip: Ip::at(code.code(), h.lasti() as usize + 1),
            sp: Sp(caller.stacktop()),
            fp: caller,
            fast: Fast(caller.localsplus()),
        };
        r.sp.set(0, v);
    }
    Ok(())
}

/// FORMAT_VALUE (f-strings): `arg & 3` is the conversion (1 !s, 2 !r,
/// 3 !a), `arg & 4` says a format spec is on top of the value.
pub(crate) fn format_value(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    // SAFETY: verified — the value, and the spec above it if flagged.
    unsafe {
        let spec = if arg & 4 != 0 { Some(r.sp.pop()) } else { None };
        let v = r.sp.peek(0);
        let converted;
        let v = match arg & 3 {
            1 => {
                let v = v.clone();
                converted = Value::str(vm.str_of(&v)?);
                &converted
            }
            2 | 3 => {
                let v = v.clone();
                converted = Value::str(vm.repr_of(&v)?);
                &converted
            }
            _ => v,
        };
        let spec = match &spec {
            Some(Value::Str(s)) => s.as_str(),
            _ => "",
        };
        let text = crate::runtime::format::format_value(vm, v, spec)?;
        r.sp.set(0, Value::str(text));
    }
    Ok(())
}
