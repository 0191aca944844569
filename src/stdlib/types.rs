//! `types`: `coroutine`, which makes a generator function's generators
//! awaitable (`await` and `yield from` in coroutines accept them).

use std::rc::Rc;

use super::{type_err, val};
use crate::bytecode::code::flags;
use crate::embed::{Error, Result};
use crate::runtime::object::Function;
use crate::runtime::{PyErr, Value};
use crate::{Object, Vm};

/// `types.coroutine(func)`: a generator function comes back as a copy
/// whose code carries CO_ITERABLE_COROUTINE, as CPython replaces its
/// `__code__`. Other callables come back as they are (CPython wraps
/// them so that a plain generator they return is awaitable: not done).
fn coroutine(f: &Value) -> Result<Value> {
    let func = match f {
        Value::Function(func) => func,
        _ if crate::runtime::builtins::is_callable(f) => return Ok(f.clone()),
        _ => return Err(type_err("types.coroutine() expects a callable")),
    };
    let fl = func.code.flags();
    if fl & flags::GENERATOR == 0 || fl & (flags::COROUTINE | flags::ITERABLE_COROUTINE) != 0 {
        return Ok(f.clone());
    }
    let code = func
        .code
        .with_flags(flags::ITERABLE_COROUTINE)
        .ok_or_else(|| type_err("types.coroutine(): code too large"))?;
    crate::bytecode::verify::verify_once(&code).map_err(|e| {
        Error::from_py(PyErr::new(
            crate::runtime::ExcKind::SystemError,
            format!("code failed verification: {e}"),
        ))
    })?;
    Ok(Value::Function(Rc::new(Function {
        code: Rc::new(code),
        globals: func.globals.clone(),
        defaults: func.defaults.clone(),
        kwdefaults: func.kwdefaults.clone(),
        closure: func.closure.clone(),
        dict: std::cell::RefCell::new(func.dict.borrow().clone()),
    })))
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("types")
        .function("coroutine", |_vm, (f,): (Object,)| {
            coroutine(val(&f)).map(Object)
        })
        .register()
}
