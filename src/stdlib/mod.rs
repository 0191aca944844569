//! The standard library: one file per module, each registered through
//! the public host-module API ([`Vm::module`](crate::Vm::module)) the
//! first time a script imports it (a module the host registered under
//! the same name comes first).

use std::rc::Rc;

use crate::Vm;
use crate::embed::{Error, Object, Result};
use crate::runtime::{ExcKind, PyErr, Value};

mod array;
mod collections;
mod errno;
pub(crate) mod fileio;
mod gc_;
mod heapq_;
mod importlib;
mod io;
mod json_;
mod math;
mod os_;
mod random;
mod re_;
mod struct_;
mod sys;
mod time;
mod traceback_;
mod types;
mod weakref_;

/// What registers built-in module `name`, if there is one.
pub(crate) fn find(name: &str) -> Option<fn(&mut Vm) -> Result<()>> {
    Some(match name {
        "sys" => sys::register,
        "math" => math::register,
        "time" => time::register,
        "_random" => random::register,
        "random" => |vm| source(vm, "random", include_str!("random.py")),
        "importlib" => importlib::register,
        "array" => array::register,
        "types" => types::register,
        "collections" => collections::register,
        "collections.abc" => |vm| source(vm, "collections.abc", include_str!("collections_abc.py")),
        "io" => io::register,
        "_struct" => struct_::register,
        "struct" => |vm| source(vm, "struct", include_str!("struct.py")),
        "errno" => errno::register,
        "_gc" => gc_::register,
        "gc" => |vm| source(vm, "gc", include_str!("gc.py")),
        "_fileio" => fileio::register,
        "_os" => os_::register,
        "os" => |vm| source(vm, "os", include_str!("os.py")),
        "posixpath" => |vm| source(vm, "posixpath", include_str!("posixpath.py")),
        "operator" => |vm| source(vm, "operator", include_str!("operator.py")),
        "itertools" => |vm| source(vm, "itertools", include_str!("itertools.py")),
        "functools" => |vm| source(vm, "functools", include_str!("functools.py")),
        "heapq" => |vm| source(vm, "heapq", include_str!("heapq.py")),
        "_heapq" => heapq_::register,
        "bisect" => |vm| source(vm, "bisect", include_str!("bisect.py")),
        "copy" => |vm| source(vm, "copy", include_str!("copy.py")),
        "keyword" => |vm| source(vm, "keyword", include_str!("keyword.py")),
        "enum" => |vm| source(vm, "enum", include_str!("enum.py")),
        "__future__" => |vm| source(vm, "__future__", include_str!("__future__.py")),
        "string" => |vm| source(vm, "string", include_str!("string.py")),
        "textwrap" => |vm| source(vm, "textwrap", include_str!("textwrap.py")),
        "abc" => |vm| source(vm, "abc", include_str!("abc.py")),
        "contextlib" => |vm| source(vm, "contextlib", include_str!("contextlib.py")),
        "_json" => json_::register,
        "json" => |vm| source(vm, "json", include_str!("json.py")),
        "_re" => re_::register,
        "re" => |vm| source(vm, "re", include_str!("re.py")),
        "dataclasses" => |vm| source(vm, "dataclasses", include_str!("dataclasses.py")),
        "typing" => |vm| source(vm, "typing", include_str!("typing.py")),
        "_weakref" => weakref_::register,
        "weakref" => |vm| source(vm, "weakref", include_str!("weakref.py")),
        "_traceback" => traceback_::register,
        "traceback" => |vm| source(vm, "traceback", include_str!("traceback.py")),
        "unittest" => |vm| source(vm, "unittest", include_str!("unittest.py")),
        _ => return None,
    })
}

/// Registers a module written in Python (`src/stdlib/NAME.py`).
fn source(vm: &mut Vm, name: &str, text: &str) -> Result<()> {
    vm.add_source_module(name, text);
    Ok(())
}

/// An error of kind `kind` for a host function to return.
pub(crate) fn err(kind: ExcKind, msg: impl Into<String>) -> Error {
    Error::from_py(PyErr::new(kind, msg))
}

/// A TypeError.
pub(crate) fn type_err(msg: impl Into<String>) -> Error {
    err(ExcKind::TypeError, msg)
}

/// Checks that `name` got between `min` and `max` positional arguments
/// and no keywords, as CPython's messages say.
pub(crate) fn arity(name: &str, args: &crate::Args, min: usize, max: usize) -> Result<()> {
    if let Some((k, _)) = args.keywords.first() {
        return Err(type_err(format!(
            "{name}() takes no keyword arguments (got '{k}')"
        )));
    }
    let n = args.positional.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(type_err(if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    }))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The value inside a handle.
pub(crate) fn val(o: &Object) -> &Value {
    &o.0
}

/// A handle to a value.
pub(crate) fn obj(v: Value) -> Object {
    Object(v)
}

/// A str value's text.
pub(crate) fn str_of(v: &Value) -> Option<Rc<crate::runtime::pystr::PyStr>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        _ => None,
    }
}
