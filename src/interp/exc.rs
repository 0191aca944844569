//! The instructions of try, except, finally, raise and with: blocks on the
//! frame's block stack (as CPython up to 3.10) that the unwinder in
//! `Vm::unwind` searches.
//!
//! A try block (SETUP_FINALLY, SETUP_WITH) records its handler and the
//! stack level to come back to. When an exception reaches it, the unwinder
//! cuts the stack to that level, replaces the block by an except-handler
//! block, and pushes the exception being handled before (or None) and the
//! new one: the handler then runs with `[.., previous, exception]`.
//! POP_EXCEPT leaves the handler, restoring the previous exception.

use std::rc::Rc;

use super::exec::{Step, jump};
use super::{Regs, Stop, Vm};
use crate::bytecode::Op;
use crate::frame::Block;
use crate::runtime::class::Instance;
use crate::runtime::{ExcKind, PyErr, Value};

/// Block kind of a try block (SETUP_FINALLY and SETUP_WITH push it).
pub(crate) const TRY: u32 = Op::SetupFinally as u32;
/// Block kind of a running except handler.
pub(crate) const HANDLER: u32 = 0x100;

/// The stack level of the running frame, as a block records it.
fn level(r: &Regs) -> u32 {
    // SAFETY: sp is in the running frame's stack, at or above valuestack.
    let base = unsafe { r.fp.valuestack() };
    ((r.sp.as_ptr() as usize - base as usize) / std::mem::size_of::<Value>()) as u32
}

fn push_try(r: &mut Regs, handler: u32) -> Step {
    push_try_at(r, handler, level(r))
}

fn push_try_at(r: &mut Regs, handler: u32, level: u32) -> Step {
    let b = Block {
        kind: TRY,
        handler,
        level,
    };
    // SAFETY: the running frame; no header reference is held.
    if unsafe { r.fp.push_block(b) } {
        Ok(())
    } else {
        // The verifier bounds the nesting; this is only reachable by bad code.
        Err(PyErr::new(ExcKind::SystemError, "block stack overflow").into())
    }
}

/// SETUP_FINALLY
pub(crate) fn setup_finally(r: &mut Regs, handler: u32) -> Step {
    push_try(r, handler)
}

/// POP_BLOCK
pub(crate) fn pop_block(r: &mut Regs) -> Step {
    // SAFETY: the running frame; the verifier checked a try block is there.
    unsafe { r.fp.pop_block() };
    Ok(())
}

/// POP_EXCEPT
pub(crate) fn pop_except(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — an except-handler block, the saved exception on top.
    let prev = unsafe {
        r.fp.pop_block();
        r.sp.pop()
    };
    vm.exc_info = (!matches!(prev, Value::None)).then_some(prev);
    Ok(())
}

/// The error that raises exception object `v` (or an instance of class `v`).
fn raising(vm: &mut Vm, v: &Value) -> Result<Rc<Instance>, PyErr> {
    match v {
        Value::Instance(i) if i.class.is_exception() => Ok(i.clone()),
        Value::Class(c) if c.is_exception() => vm.exception_of_class(c, false),
        _ => Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        )),
    }
}

/// RERAISE: raises TOS again, its traceback kept.
pub(crate) fn reraise(r: &mut Regs) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    let Value::Instance(i) = &v else {
        return Err(PyErr::new(ExcKind::SystemError, "RERAISE of a non-exception").into());
    };
    let mut e = PyErr::from_object(i);
    e.reraised = true;
    Err(Stop::from(e))
}

/// RAISE_VARARGS n: 0 re-raises the exception being handled, 1 raises TOS,
/// 2 raises TOS1 with TOS as its cause.
pub(crate) fn raise(vm: &mut Vm, r: &mut Regs, n: u32) -> Step {
    // SAFETY: verified — n values.
    let (exc, cause) = unsafe {
        match n {
            0 => (None, None),
            1 => (Some(r.sp.pop()), None),
            _ => {
                let cause = r.sp.pop();
                (Some(r.sp.pop()), Some(cause))
            }
        }
    };
    let Some(exc) = exc else {
        return match &vm.exc_info {
            Some(Value::Instance(i)) => {
                let mut e = PyErr::from_object(i);
                e.reraised = true;
                Err(Stop::from(e))
            }
            _ => Err(PyErr::new(ExcKind::RuntimeError, "No active exception to reraise").into()),
        };
    };
    let inst = raising(vm, &exc)?;
    if let Some(cause) = cause {
        let cause = match &cause {
            Value::None => Value::None,
            c => match raising(vm, c) {
                Ok(i) => Value::Instance(i),
                Err(_) => {
                    return Err(PyErr::type_error(
                        "exception causes must derive from BaseException",
                    )
                    .into());
                }
            },
        };
        inst.set(Rc::from("__cause__"), cause);
        inst.set(Rc::from("__suppress_context__"), Value::Bool(true));
    }
    Err(Stop::from(PyErr::from_object(&inst)))
}

/// Whether exception object `exc` matches `spec` (a class or a tuple of them).
fn matches(exc: &Value, spec: &Value) -> Result<bool, PyErr> {
    match spec {
        Value::Class(c) if c.is_exception() => Ok(match exc {
            Value::Instance(i) => i.class.is_subclass(c),
            _ => false,
        }),
        Value::Tuple(t) => {
            for s in t.iter() {
                if matches(exc, s)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

/// JUMP_IF_NOT_EXC_MATCH
pub(crate) fn jump_if_not_exc_match(r: &mut Regs, target: u32) -> Step {
    // SAFETY: verified — the class spec over the exception.
    let (spec, exc) = unsafe {
        let spec = r.sp.pop();
        (spec, r.sp.pop())
    };
    if !matches(&exc, &spec)? {
        jump(r, target);
    }
    Ok(())
}

/// SETUP_WITH: replaces the manager by its bound `__exit__`, pushes a try
/// block, then the result of `__enter__`.
pub(crate) fn setup_with(vm: &mut Vm, r: &mut Regs, handler: u32) -> Step {
    // SAFETY: verified — the manager on top.
    let mgr = unsafe { r.sp.peek(0) }.clone();
    let (Some(enter), Some(exit)) = (
        vm.special(&mgr, "__enter__")?,
        vm.special(&mgr, "__exit__")?,
    ) else {
        return Err(PyErr::type_error(format!(
            "'{}' object does not support the context manager protocol",
            mgr.type_name()
        ))
        .into());
    };
    // SAFETY: verified.
    unsafe { r.sp.set(0, exit) };
    let entered = vm.call_value(&enter, Vec::new(), Vec::new())?;
    push_try(r, handler)?;
    // SAFETY: verified — room for the result.
    unsafe { r.sp.push(entered) };
    Ok(())
}

/// SETUP_ASYNC_WITH: pushes a try block to `handler` whose level is
/// below TOS (what the awaited `__aenter__()` gave, which the body's
/// `as` target takes): `__aexit__` stays under it.
pub(crate) fn setup_async_with(r: &mut Regs, handler: u32) -> Step {
    // The verifier checked TOS is there (level >= 1).
    push_try_at(r, handler, level(r).saturating_sub(1))
}

/// END_ASYNC_FOR: the handler of an `async for`'s `__anext__` await with
/// `[aiter, previous, exception]`: StopAsyncIteration ends the loop (all
/// three go, the previous exception comes back), anything else is raised
/// on.
pub(crate) fn end_async_for(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — [aiter, previous, exception] in an except handler.
    let exc = unsafe { r.sp.pop() };
    let stop = crate::runtime::class::exc_class(ExcKind::StopAsyncIteration);
    let Value::Instance(i) = &exc else {
        return Err(PyErr::new(ExcKind::SystemError, "END_ASYNC_FOR of a non-exception").into());
    };
    if !i.class.is_subclass(&stop) {
        let mut e = PyErr::from_object(i);
        e.reraised = true;
        return Err(Stop::from(e));
    }
    pop_except(vm, r)?;
    // SAFETY: verified — the async iterator under the handler.
    drop(unsafe { r.sp.pop() });
    Ok(())
}

/// WITH_EXCEPT_START: calls `__exit__(type, exc, None)` with the exception
/// being handled, pushing what it returns.
pub(crate) fn with_except_start(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — [exit, previous, exception].
    let (exit, exc) = unsafe { (r.sp.peek(2).clone(), r.sp.peek(0).clone()) };
    let kind = match &exc {
        Value::Instance(i) => Value::Class(i.class.clone()),
        _ => Value::None,
    };
    let res = vm.call_value(&exit, vec![kind, exc, Value::None], Vec::new())?;
    // SAFETY: verified — room for the result.
    unsafe { r.sp.push(res) };
    Ok(())
}

/// LOAD_ASSERTION_ERROR
pub(crate) fn load_assertion_error(r: &mut Regs) -> Step {
    let c = crate::runtime::class::exc_class(ExcKind::AssertionError);
    // SAFETY: verified.
    unsafe { r.sp.push(Value::Class(c)) };
    Ok(())
}
