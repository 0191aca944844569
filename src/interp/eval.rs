//! The builtins `exec`, `eval` and `compile`: source (or a code object)
//! run in the calling frame's namespaces, or in dicts the script gives.
//!
//! Frames read namespaces, not dicts: a dict given as globals or locals is
//! copied into a namespace for the run and the names it holds afterwards
//! are copied back (so `exec("x = 1", d)` leaves `d['x']`). Inside a
//! function, the default locals are a snapshot of the function's variables,
//! as CPython's are: assignments do not reach the function.

use std::rc::Rc;

use super::Vm;
use crate::bytecode::Code;
use crate::compiler::Mode;
use crate::runtime::object::Namespace;
use crate::runtime::{ExcKind, PyErr, PyResult, Value};

/// `compile(source, filename, mode)`: a code object.
pub(crate) fn compile_value(source: &Value, filename: &str, mode: &str) -> PyResult<Value> {
    let mode = match mode {
        "exec" => Mode::Exec,
        "single" => Mode::Single,
        "eval" => Mode::Eval,
        _ => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    };
    Ok(Value::Code(compile_source(source, filename, mode)?))
}

/// Source text from a str, bytes or bytearray.
fn source_text(source: &Value, what: &str) -> PyResult<String> {
    match source {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            let bytes = crate::runtime::bytes::latin1(source);
            // latin1 gives one char per byte: back to bytes, then UTF-8.
            let raw: Vec<u8> = bytes.chars().map(|c| c as u32 as u8).collect();
            String::from_utf8(raw)
                .map_err(|_| PyErr::value_error(format!("{what}() source is not valid UTF-8")))
        }
        other => Err(PyErr::type_error(format!(
            "{what}() arg 1 must be a string, bytes or code object, not {}",
            other.type_name()
        ))),
    }
}

fn compile_source(source: &Value, filename: &str, mode: Mode) -> PyResult<Rc<Code>> {
    let what = if mode == Mode::Eval { "eval" } else { "exec" };
    let mut text = source_text(source, what)?;
    if text.contains('\0') {
        return Err(PyErr::new(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    if mode == Mode::Eval {
        // As CPython: leading blanks of an expression are ignored.
        text = text.trim_start_matches([' ', '\t']).to_string();
    }
    crate::compiler::compile_mode(&text, filename, mode).map_err(|e| e.to_py_err())
}

/// A namespace holding a dict's str-keyed items.
fn namespace_of(d: &Value, role: &str) -> PyResult<Rc<Namespace>> {
    // `globals()` itself: the namespace, not a copy.
    if let Value::Globals(ns) = d
        && let Some(ns) = ns.namespace()
    {
        return Ok(ns.clone());
    }
    // An instance's `__dict__`: its items now.
    if let Value::Globals(ns) = d {
        return namespace_of(&ns.as_dict()?, role);
    }
    let Value::Dict(d) = d else {
        return Err(PyErr::type_error(format!(
            "{role} must be a dict, not {}",
            d.type_name()
        )));
    };
    let ns = Namespace::default();
    let items: Vec<(Value, Value)> = d
        .borrow()
        .map
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    for (k, v) in items {
        if let Value::Str(s) = k {
            ns.set(Rc::from(s.as_str()), v);
        }
    }
    Ok(crate::runtime::gc::namespace(ns))
}

/// Copies a namespace's names back into the dict it was made from.
fn copy_back(ns: &Namespace, d: &Value) -> PyResult<()> {
    let Value::Dict(d) = d else { return Ok(()) };
    let items = ns.items();
    let mut d = d.borrow_mut();
    let stale: Vec<Value> = d
        .map
        .keys()
        .filter(|k| matches!(&k.0, Value::Str(s) if ns.get(s).is_none()))
        .map(|k| k.0.clone())
        .collect();
    for k in stale {
        d.remove(&k)?;
    }
    for (k, v) in items {
        d.set(Value::str(&*k), v)?;
    }
    Ok(())
}

impl Vm {
    /// `exec(source, globals, locals)` (`eval` true: `eval(...)`, whose
    /// value is returned; exec gives None).
    pub(crate) fn exec_builtin(
        &mut self,
        source: &Value,
        globals: Option<&Value>,
        locals: Option<&Value>,
        eval: bool,
    ) -> PyResult<Value> {
        let globals = globals.filter(|g| !matches!(g, Value::None));
        let locals = locals.filter(|l| !matches!(l, Value::None));
        let code = match source {
            Value::Code(c) => c.clone(),
            other => compile_source(
                other,
                "<string>",
                if eval { Mode::Eval } else { Mode::Exec },
            )?,
        };
        // The globals: a given dict's copy, or the caller's.
        let g = match globals {
            Some(d) => namespace_of(d, "globals")?,
            None => self.caller_globals(),
        };
        // The locals: a given dict's copy; else the given globals; else the
        // caller's (a function's as a snapshot).
        let (l, keep): (Option<Rc<Namespace>>, *const Namespace) = match (locals, globals) {
            (Some(d), _) => {
                let ns = namespace_of(d, "locals")?;
                let p = Rc::as_ptr(&ns);
                (Some(ns), p)
            }
            (None, Some(_)) => (None, Rc::as_ptr(&g)),
            (None, None) => match self.caller_locals() {
                CallerLocals::Namespace(p) => (None, p),
                CallerLocals::Snapshot(ns) => {
                    let p = Rc::as_ptr(&ns);
                    (Some(ns), p)
                }
                CallerLocals::Globals => (None, Rc::as_ptr(&g)),
            },
        };
        let result = self.exec_with(&code, &g, keep);
        if let Some(d) = globals {
            copy_back(&g, d)?;
        }
        if let (Some(d), Some(ns)) = (locals, &l) {
            copy_back(ns, d)?;
        }
        let v = result?;
        Ok(if eval { v } else { Value::None })
    }

    /// The globals of the frame calling the builtin (`__main__`'s when the
    /// host calls it).
    fn caller_globals(&mut self) -> Rc<Namespace> {
        match self.caller {
            Some(fp) => {
                // SAFETY: `caller` is set only while fp's CALL runs a
                // builtin, so fp is live; its globals pointer is `Rc::as_ptr`
                // of a live `Rc<Namespace>` (see exec::globals): the count is
                // raised before a second `Rc` is made from it.
                unsafe {
                    let p = fp.header().globals() as *const Namespace;
                    Rc::increment_strong_count(p);
                    Rc::from_raw(p)
                }
            }
            None => crate::embed::main_namespace(self).unwrap_or_default(),
        }
    }

    /// The locals of the frame calling the builtin.
    fn caller_locals(&mut self) -> CallerLocals {
        let Some(fp) = self.caller else {
            return CallerLocals::Globals;
        };
        // SAFETY: as in `caller_globals`: fp is live.
        let l = unsafe { fp.header() }.locals() as *const Namespace;
        if !l.is_null() {
            return CallerLocals::Namespace(l);
        }
        let ns = Namespace::default();
        // SAFETY: as above.
        for (name, v) in unsafe { fast_items(fp) } {
            ns.set(name, v);
        }
        CallerLocals::Snapshot(Rc::new(ns))
    }
}

/// A function frame's bound variables (locals, then cells and free
/// variables, read through their cells), as `locals()` shows them.
///
/// # Safety
/// `fp` is live (the caller of the running builtin).
pub(crate) unsafe fn fast_items(fp: crate::frame::FramePtr<Value>) -> Vec<(Rc<str>, Value)> {
    // SAFETY: caller's contract: the code outlives its running frame.
    let code = unsafe { fp.code() };
    let names = code
        .varnames()
        .iter()
        .chain(code.cellvars().iter())
        .chain(code.freevars().iter());
    let mut items = Vec::new();
    for (i, name) in names.enumerate() {
        // SAFETY: caller's contract; locals, cells and frees are the
        // frame's first slots (verified shape).
        let v = unsafe { fp.fast(i) };
        let v = match v {
            Value::Cell(c) => c.borrow().clone(),
            v => v.clone(),
        };
        if !matches!(v, Value::Empty) {
            items.push((name.clone(), v));
        }
    }
    items
}

/// Where `exec` without namespaces finds the caller's locals.
enum CallerLocals {
    /// A module's or class body's namespace (alive while the caller runs).
    Namespace(*const Namespace),
    /// A function's variables, copied.
    Snapshot(Rc<Namespace>),
    /// No calling frame: the globals.
    Globals,
}
