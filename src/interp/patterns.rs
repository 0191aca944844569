//! The instructions of the `match` statement (PEP 634), as CPython 3.11
//! has them: the tests a pattern makes of its subject (is it a sequence,
//! a mapping, an instance of a class) and the extraction of what the
//! sub-patterns match against (the values of a mapping's keys, a class
//! pattern's attributes, the rest of a mapping). The compiler
//! (`compiler::patterns`) strings them together with jumps.

use std::cell::RefCell;
use std::rc::Rc;

use super::exec::{Step, bad_code};
use super::{Regs, Vm};
use crate::runtime::class::{Class, Instance, native_value, object_class};
use crate::runtime::dict::{Dict, key_error, new_dict};
use crate::runtime::{ExcKind, PyErr, PyResult, Value};

/// ROT_N: TOS moves `n` down (the compiler's way of putting a captured
/// value under the ones still being matched).
pub(crate) fn rot_n(r: &mut Regs, n: u32) -> Step {
    // SAFETY: verified — n >= 1 values on the stack.
    unsafe { r.sp.rotate_down(n as usize) };
    Ok(())
}

/// GET_LEN: `len(TOS)` pushed over it.
pub(crate) fn get_len(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — one value, room for another.
    let v = unsafe { r.sp.peek(0) }.clone();
    let n = vm.len_of(&v)?;
    let n = i64::try_from(n).map_err(|_| PyErr::new(ExcKind::OverflowError, "length too large"))?;
    // SAFETY: verified.
    unsafe { r.sp.push(Value::Int(n)) };
    Ok(())
}

/// What a sequence pattern matches: list, tuple, range, memoryview and
/// their subclasses (CPython's `Py_TPFLAGS_SEQUENCE`); never str, bytes
/// or bytearray.
fn is_sequence(v: &Value) -> bool {
    matches!(
        native_value(v),
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::MemoryView(_)
    )
}

/// What a mapping pattern matches: dict and its subclasses.
fn is_mapping(v: &Value) -> bool {
    matches!(native_value(v), Value::Dict(_))
}

/// MATCH_SEQUENCE / MATCH_MAPPING: whether TOS is one, pushed over it.
pub(crate) fn match_kind(r: &mut Regs, mapping: bool) -> Step {
    // SAFETY: verified — one value, room for another.
    unsafe {
        let v = r.sp.peek(0);
        let yes = if mapping {
            is_mapping(v)
        } else {
            is_sequence(v)
        };
        r.sp.push(Value::Bool(yes));
    }
    Ok(())
}

/// MATCH_KEYS: `[subject, keys]` → `[subject, keys, values or None]`.
/// Values come from the subject's `get` (a missing key: None pushed); a
/// key given twice (two value patterns equal at run time) is a ValueError.
pub(crate) fn match_keys(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — two values, room for a third.
    let (subject, keys) = unsafe { (r.sp.peek(1).clone(), r.sp.peek(0).clone()) };
    let Value::Tuple(keys) = keys else {
        return Err(bad_code("MATCH_KEYS without a tuple of keys"));
    };
    let v = mapping_values(vm, &subject, &keys)?;
    // SAFETY: verified.
    unsafe { r.sp.push(v) };
    Ok(())
}

fn mapping_values(vm: &mut Vm, subject: &Value, keys: &[Value]) -> PyResult<Value> {
    if keys.is_empty() {
        return Ok(Value::tuple(Vec::new()));
    }
    let seen = RefCell::new(Dict::default());
    // An exact dict is read directly (its `get` cannot be replaced);
    // anything else through its `get` method, with a default no value
    // can be.
    let (get, missing) = match subject {
        Value::Dict(_) => (None, Value::None),
        _ => {
            let get = vm.getattr(subject, "get")?;
            let missing = Value::Instance(Rc::new(Instance::new(object_class())));
            (Some(get), missing)
        }
    };
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        let key = vm.dict_key(&seen, k)?;
        if seen.borrow().get(&key)?.is_some() {
            let r = vm.repr_of(k)?;
            return Err(PyErr::value_error(format!(
                "mapping pattern checks duplicate key ({r})"
            )));
        }
        seen.borrow_mut().set(key, Value::None)?;
        let found = match (&get, subject) {
            (None, Value::Dict(d)) => {
                let key = vm.dict_key(d, k)?;
                d.borrow().get(&key)?
            }
            (Some(get), _) => {
                let v = vm.call_value(get, vec![k.clone(), missing.clone()], Vec::new())?;
                (!crate::runtime::ops::is(&v, &missing)).then_some(v)
            }
            (None, _) => unreachable!("no get only for a dict"),
        };
        match found {
            Some(v) => values.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::tuple(values))
}

/// DICT_WITHOUT_KEYS: `[subject, keys]` → `[rest]`, a new dict of the
/// subject's items but those keys (the `**rest` of a mapping pattern).
pub(crate) fn dict_without_keys(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — two values.
    let (keys, subject) = unsafe { (r.sp.pop(), r.sp.pop()) };
    let Value::Tuple(keys) = keys else {
        return Err(bad_code("DICT_WITHOUT_KEYS without a tuple of keys"));
    };
    let rest = match native_value(&subject) {
        Value::Dict(d) => d.borrow().clone(),
        _ => {
            // A mapping that is not a dict: through keys() and [].
            let ks = vm.getattr(&subject, "keys")?;
            let ks = vm.call_value(&ks, Vec::new(), Vec::new())?;
            let ks = vm.collect_values(&ks)?;
            let out = RefCell::new(Dict::default());
            for k in ks {
                let v = vm.getitem(&subject, &k)?;
                let k = vm.dict_key(&out, &k)?;
                out.borrow_mut().set(k, v)?;
            }
            out.into_inner()
        }
    };
    let rest = RefCell::new(rest);
    for k in keys.iter() {
        let key = vm.dict_key(&rest, k)?;
        if rest.borrow_mut().remove(&key)?.is_none() {
            return Err(key_error(k).into());
        }
    }
    // SAFETY: verified — the two popped values made room.
    unsafe { r.sp.push(new_dict(rest.into_inner())) };
    Ok(())
}

/// The builtin types whose class pattern takes the whole subject as its
/// one positional sub-pattern (CPython's `_Py_TPFLAGS_MATCH_SELF`), and
/// their subclasses.
fn matches_self(c: &Rc<Class>) -> bool {
    let native = if c.is_builtin && c.ctor.is_some() {
        Some(c)
    } else {
        c.native_class()
    };
    native.is_some_and(|n| {
        matches!(
            &*n.name,
            "bool"
                | "bytearray"
                | "bytes"
                | "dict"
                | "float"
                | "frozenset"
                | "int"
                | "list"
                | "set"
                | "str"
                | "tuple"
        )
    })
}

/// MATCH_CLASS: `[subject, class, names]` → a tuple of `nargs`
/// positional attributes (named by `class.__match_args__`) and the
/// keyword attributes `names`, or None when the subject is not an
/// instance of the class or lacks one of them.
pub(crate) fn match_class(vm: &mut Vm, r: &mut Regs, nargs: u32) -> Step {
    // SAFETY: verified — three values.
    let (names, cls, subject) = unsafe { (r.sp.pop(), r.sp.pop(), r.sp.pop()) };
    let Value::Tuple(names) = names else {
        return Err(bad_code("MATCH_CLASS without a tuple of names"));
    };
    let v = class_attrs(vm, &subject, &cls, nargs as usize, &names)?.unwrap_or(Value::None);
    // SAFETY: verified — the three popped values made room.
    unsafe { r.sp.push(v) };
    Ok(())
}

fn class_attrs(
    vm: &mut Vm,
    subject: &Value,
    cls: &Value,
    nargs: usize,
    names: &[Value],
) -> PyResult<Option<Value>> {
    let Value::Class(c) = cls else {
        return Err(PyErr::type_error("called match pattern must be a type"));
    };
    if !crate::runtime::builtins::matches_type(subject, cls)? {
        return Ok(None);
    }
    let mut seen: Vec<Rc<str>> = Vec::new();
    let mut attrs = Vec::with_capacity(nargs + names.len());
    if nargs > 0 {
        let (match_args, match_self) = match vm.getattr(cls, "__match_args__") {
            Ok(Value::Tuple(t)) => (t.to_vec(), false),
            Ok(other) => {
                return Err(PyErr::type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    c.name,
                    other.type_name()
                )));
            }
            Err(e) if e.is(ExcKind::AttributeError) => (Vec::new(), matches_self(c)),
            Err(e) => return Err(e),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                c.name
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                let Value::Str(name) = name else {
                    return Err(PyErr::type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.type_name()
                    )));
                };
                match class_attr(vm, subject, c, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(None),
                }
            }
        }
    }
    for name in names {
        let Value::Str(name) = name else {
            return Err(PyErr::new(
                ExcKind::SystemError,
                "bad bytecode: MATCH_CLASS with an attribute name that is not a str",
            ));
        };
        match class_attr(vm, subject, c, name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(Value::tuple(attrs)))
}

/// One attribute a class pattern asks for: None if the subject lacks it.
fn class_attr(
    vm: &mut Vm,
    subject: &Value,
    c: &Class,
    name: &str,
    seen: &mut Vec<Rc<str>>,
) -> PyResult<Option<Value>> {
    if seen.iter().any(|s| &**s == name) {
        let r = vm.repr_of(&Value::str(name))?;
        return Err(PyErr::type_error(format!(
            "{}() got multiple sub-patterns for attribute {r}",
            c.name
        )));
    }
    seen.push(Rc::from(name));
    match vm.getattr(subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}
