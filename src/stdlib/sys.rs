//! `sys`: the interpreter's own state, as scripts see it.

use std::io::Write;
use std::rc::Rc;

use super::{arity, err, obj, str_of, type_err, val};
use crate::embed::Result;
use crate::interp::trace;
use crate::runtime::builtins::Host;
use crate::runtime::class::{Class, Instance, exc_class, new_exception};
use crate::runtime::{ExcKind, PyErr, Value};
use crate::{Args, Object, Vm};

/// framevm's version, as `sys.implementation.version` gives it.
const VERSION: (i64, i64, i64) = (0, 1, 0);

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let argv = Value::list(
        vm.imports()
            .argv
            .iter()
            .map(|a| Value::str(a.as_str()))
            .collect(),
    );
    let path = vm.imports().path();
    let modules = Value::Dict(vm.sys_modules());
    let stdout = stream(vm, Std::Out);
    let stderr = stream(vm, Std::Err);
    let stdin = stream(vm, Std::In);
    let implementation = namespace(
        "SimpleNamespace",
        vec![
            ("name", Value::str("framevm")),
            ("cache_tag", Value::None),
            (
                "version",
                Value::tuple(vec![
                    Value::Int(VERSION.0),
                    Value::Int(VERSION.1),
                    Value::Int(VERSION.2),
                    Value::str("final"),
                    Value::Int(0),
                ]),
            ),
        ],
    )?;
    let version = format!(
        "3.11.0 (framevm {}.{}.{}, a bytecode VM in Rust)",
        VERSION.0, VERSION.1, VERSION.2
    );
    let version_info = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(0),
        Value::str("final"),
        Value::Int(0),
    ]);
    let platform = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    };
    vm.module("sys")
        .constant("argv", obj(argv))
        .constant("path", obj(path))
        .constant("modules", obj(modules))
        .constant("maxsize", i64::MAX)
        .constant("byteorder", if cfg!(target_endian = "little") { "little" } else { "big" })
        .constant("platform", platform)
        .constant("version", version)
        .constant("version_info", obj(version_info))
        .constant("hexversion", 0x030b_00f0)
        .constant("implementation", obj(implementation))
        .constant("stdout", obj(stdout.clone()))
        .constant("stderr", obj(stderr.clone()))
        .constant("__stdout__", obj(stdout))
        .constant("__stderr__", obj(stderr))
        .constant("stdin", obj(stdin.clone()))
        .constant("__stdin__", obj(stdin))
        .function("getsizeof", getsizeof)
        .constant("executable", "")
        .constant("float_repr_style", "short")
        .function("exit", exit)
        .function("getrecursionlimit", |vm, (): ()| Ok(vm.recursion_limit()))
        .function("setrecursionlimit", |vm, (n,): (Object,)| {
            let n = match val(&n) {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                Value::BigInt(_) => {
                    return Err(err(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C int",
                    ));
                }
                other => {
                    return Err(type_err(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    )));
                }
            };
            if n < 1 {
                return Err(err(
                    ExcKind::ValueError,
                    "recursion limit must be greater or equal than 1",
                ));
            }
            if n > i64::from(i32::MAX) {
                return Err(err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                ));
            }
            let depth = vm.depth();
            if (n as usize) <= depth {
                return Err(err(
                    ExcKind::RecursionError,
                    format!(
                        "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
                    ),
                ));
            }
            vm.set_recursion_limit(n as usize);
            Ok(())
        })
        .function("intern", |_vm, (s,): (Object,)| match val(&s) {
            Value::Str(_) => Ok(s),
            other => Err(type_err(format!(
                "intern() argument must be str, not {}",
                other.type_name()
            ))),
        })
        .function("exc_info", |vm, (): ()| {
            Ok(obj(match vm.exc_info.clone() {
                Some(e @ Value::Instance(_)) => {
                    let Value::Instance(i) = &e else { unreachable!() };
                    Value::tuple(vec![Value::Class(i.class.clone()), e.clone(), Value::None])
                }
                _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
            }))
        })
        .function("exception", |vm, (): ()| {
            Ok(obj(vm.exc_info.clone().unwrap_or(Value::None)))
        })
        .function("getdefaultencoding", |_vm, (): ()| Ok("utf-8"))
        .constant("settrace", obj(Value::Builtin(&trace::SETTRACE)))
        .constant("setprofile", obj(Value::Builtin(&trace::SETPROFILE)))
        .constant("gettrace", obj(Value::Builtin(&trace::GETTRACE)))
        .constant("getprofile", obj(Value::Builtin(&trace::GETPROFILE)))
        .constant("_getframe", obj(Value::Builtin(&trace::GETFRAME)))
        .register()
}

/// `sys.exit([code])`: raises SystemExit(code).
fn exit(_vm: &mut Vm, args: Args) -> Result<()> {
    arity("exit", &args, 0, 1)?;
    let code = args.positional.first().map(|o| val(o).clone());
    let inst = new_exception(
        exc_class(ExcKind::SystemExit),
        code.iter().cloned().collect(),
    );
    inst.set(Rc::from("code"), code.clone().unwrap_or(Value::None));
    let msg = match &code {
        None | Some(Value::None) => String::new(),
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(v) => v.repr(),
    };
    let mut e = PyErr::new(ExcKind::SystemExit, msg);
    e.value = Some(Value::Instance(inst));
    Err(crate::Error::from_py(e))
}

/// An object of a fresh class `class` with the attributes given.
fn namespace(class: &str, attrs: Vec<(&str, Value)>) -> Result<Value> {
    // Its repr is CPython's for a SimpleNamespace: `namespace(a=1, b=2)`.
    let repr = crate::runtime::object::HostFn {
        name: Rc::from("__repr__"),
        method: true,
        call: Box::new(|vm, args, _| {
            let Some(Value::Instance(i)) = args.first() else {
                return Err(crate::runtime::PyErr::type_error(
                    "__repr__ needs an instance",
                ));
            };
            let items: Vec<(Rc<str>, Value)> = i
                .dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut parts = Vec::with_capacity(items.len());
            for (k, v) in items {
                parts.push(format!("{k}={}", vm.repr_of(&v)?));
            }
            Ok(Value::str(format!("namespace({})", parts.join(", "))))
        }),
    };
    let mut dict = crate::runtime::class::AttrMap::default();
    dict.insert(Rc::from("__repr__"), Value::HostFn(Rc::new(repr)));
    let cls = Class::new(Rc::from(class), Rc::from(class), Vec::new(), dict)
        .map_err(crate::Error::from_py)?;
    let inst = Instance::new(cls);
    for (k, v) in attrs {
        inst.set(Rc::from(k), v);
    }
    Ok(Value::Instance(Rc::new(inst)))
}

/// Which standard stream an object stands for.
#[derive(Clone, Copy, PartialEq)]
enum Std {
    In,
    Out,
    Err,
}

impl Std {
    fn name(self) -> &'static str {
        match self {
            Std::In => "<stdin>",
            Std::Out => "<stdout>",
            Std::Err => "<stderr>",
        }
    }
}

/// Writes `data` to the stream: the VM's output, or the host's stderr
/// writer (the process's stderr by default) after the output so far.
fn put(vm: &mut Vm, which: Std, data: &[u8]) -> Result<()> {
    let r = if which == Std::Err {
        let _ = Host::out(vm).flush();
        match vm.host.stderr.as_mut() {
            Some(w) => w.write_all(data),
            None => std::io::stderr().write_all(data),
        }
    } else {
        Host::out(vm).write_all(data)
    };
    r.map_err(|e| err(ExcKind::ValueError, format!("write: {e}")))
}

fn flush(vm: &mut Vm, which: Std) -> Result<()> {
    let r = match which {
        Std::In => Ok(()),
        Std::Err => match vm.host.stderr.as_mut() {
            Some(w) => w.flush(),
            None => std::io::stderr().flush(),
        },
        Std::Out => Host::out(vm).flush(),
    };
    r.map_err(|e| err(ExcKind::ValueError, format!("flush: {e}")))
}

/// One line of the process's stdin (empty at its end), after the output
/// so far is flushed (so a prompt shows).
fn read_line(vm: &mut Vm) -> Result<Vec<u8>> {
    use std::io::BufRead;
    let _ = Host::out(vm).flush();
    let mut line = Vec::new();
    std::io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .map_err(|e| err(ExcKind::OSError, format!("read: {e}")))?;
    Ok(line)
}

fn read_all(vm: &mut Vm) -> Result<Vec<u8>> {
    use std::io::Read;
    let _ = Host::out(vm).flush();
    let mut all = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut all)
        .map_err(|e| err(ExcKind::OSError, format!("read: {e}")))?;
    Ok(all)
}

fn text(v: Vec<u8>) -> Value {
    Value::str(String::from_utf8_lossy(&v).as_ref())
}

/// A class `_io.<name>` with the methods given, and an instance of it
/// with the attributes given.
fn io_object(name: &str, methods: Vec<(&str, Object)>, attrs: Vec<(&str, Value)>) -> Value {
    let mut dict = crate::runtime::class::AttrMap::default();
    dict.insert(Rc::from("__module__"), Value::str("_io"));
    for (k, f) in methods {
        dict.insert(Rc::from(k), f.0);
    }
    let cls = Class::new(Rc::from(name), Rc::from(name), Vec::new(), dict)
        .expect("a class with no bases");
    let inst = Instance::new(cls);
    for (k, v) in attrs {
        inst.set(Rc::from(k), v);
    }
    Value::Instance(Rc::new(inst))
}

/// `sys.stdin` / `sys.stdout` / `sys.stderr` (host functions in a class
/// are not bound, so the methods take no `self`): text streams (`write` and
/// `flush`, or `read`, `readline` and `readlines` for stdin) with a binary
/// `buffer` beneath.
fn stream(vm: &mut Vm, which: Std) -> Value {
    let name = which.name();
    let repr_text = format!(
        "<_io.TextIOWrapper name='{name}' mode='{}' encoding='utf-8'>",
        if which == Std::In { "r" } else { "w" }
    );
    let repr = vm.function("__repr__", move |_vm, (): ()| Ok(repr_text.clone()));
    let fl = vm.function("flush", move |vm, (): ()| flush(vm, which));
    let yes = vm.function("isatty", |_vm, (): ()| Ok(false));
    let buffer = if which == Std::In {
        let read = vm.function("read", |vm, args: Args| {
            arity("read", &args, 0, 1)?;
            Ok(obj(crate::runtime::bytes::bytes(read_all(vm)?)))
        });
        let readline = vm.function("readline", |vm, args: Args| {
            arity("readline", &args, 0, 1)?;
            Ok(obj(crate::runtime::bytes::bytes(read_line(vm)?)))
        });
        let r = format!("<_io.BufferedReader name='{name}'>");
        let repr = vm.function("__repr__", move |_vm, (): ()| Ok(r.clone()));
        io_object(
            "BufferedReader",
            vec![("read", read), ("readline", readline), ("__repr__", repr)],
            vec![("name", Value::str(name))],
        )
    } else {
        let write = vm.function("write", move |vm, (b,): (Object,)| {
            let Some(data) = crate::runtime::bytes::with_bytes(val(&b), |d| d.to_vec()) else {
                return Err(type_err(format!(
                    "a bytes-like object is required, not '{}'",
                    val(&b).type_name()
                )));
            };
            put(vm, which, &data)?;
            Ok(data.len())
        });
        let fl = vm.function("flush", move |vm, (): ()| flush(vm, which));
        // Unbuffered beneath the text layer, as CPython's are when
        // stdout is not a terminal: a FileIO.
        let r = format!("<_io.FileIO name='{name}' mode='wb' closefd=False>");
        let repr = vm.function("__repr__", move |_vm, (): ()| Ok(r.clone()));
        io_object(
            "FileIO",
            vec![("write", write), ("flush", fl), ("__repr__", repr)],
            vec![
                ("name", Value::str(name)),
                ("mode", Value::str("wb")),
                ("closefd", Value::Bool(false)),
            ],
        )
    };
    let mut methods = vec![("__repr__", repr), ("flush", fl), ("isatty", yes)];
    if which == Std::In {
        methods.push((
            "read",
            vm.function("read", |vm, args: Args| {
                arity("read", &args, 0, 1)?;
                Ok(obj(text(read_all(vm)?)))
            }),
        ));
        methods.push((
            "readline",
            vm.function("readline", |vm, args: Args| {
                arity("readline", &args, 0, 1)?;
                Ok(obj(text(read_line(vm)?)))
            }),
        ));
        methods.push((
            "readlines",
            vm.function("readlines", |vm, args: Args| {
                arity("readlines", &args, 0, 1)?;
                let mut lines = Vec::new();
                loop {
                    let line = read_line(vm)?;
                    if line.is_empty() {
                        break;
                    }
                    lines.push(text(line));
                }
                Ok(obj(Value::list(lines)))
            }),
        ));
    } else {
        methods.push((
            "write",
            vm.function("write", move |vm, (t,): (Object,)| {
                let Some(t) = str_of(val(&t)) else {
                    return Err(type_err(format!(
                        "write() argument must be str, not {}",
                        val(&t).type_name()
                    )));
                };
                put(vm, which, t.as_bytes())?;
                Ok(t.chars().count())
            }),
        ));
    }
    io_object(
        "TextIOWrapper",
        methods,
        vec![
            ("name", Value::str(name)),
            ("encoding", Value::str("utf-8")),
            ("errors", Value::str("strict")),
            ("mode", Value::str(if which == Std::In { "r" } else { "w" })),
            ("buffer", buffer),
        ],
    )
}

/// `sys.getsizeof(obj[, default])`: CPython's sizes on a 64-bit build
/// for the builtin values (their headers plus their items), so programs
/// that compare sizes see plausible figures.
fn getsizeof(_vm: &mut Vm, args: Args) -> Result<usize> {
    arity("getsizeof", &args, 1, 2)?;
    let v = val(&args.positional[0]);
    Ok(match v {
        Value::None => 16,
        Value::Bool(_) => 28,
        // A header and 30-bit digits (at least one, as 3.11 counts 0).
        Value::Int(i) => {
            24 + 4
                * (64 - i.unsigned_abs().leading_zeros() as usize)
                    .div_ceil(30)
                    .max(1)
        }
        Value::BigInt(b) => 24 + 4 * (b.bits() as usize).div_ceil(30),
        Value::Float(_) => 24,
        Value::Str(s) if s.is_ascii() => 49 + s.len(),
        Value::Str(s) => 74 + 4 * s.chars().count(),
        Value::Bytes(b) => 33 + b.len(),
        Value::ByteArray(b) => 57 + b.borrow().capacity(),
        Value::Tuple(t) => 40 + 8 * t.len(),
        Value::List(l) => 56 + 8 * l.borrow().len(),
        Value::Dict(d) => {
            let len = d.borrow().map.len();
            if len == 0 {
                64
            } else {
                64 + 40 * len.next_power_of_two().max(8) / 2
            }
        }
        Value::Set(_) | Value::FrozenSet(_) => 216,
        Value::Range(_) => 48,
        Value::Function(_) => 152,
        Value::Class(_) => 1688,
        Value::Instance(_) => 56,
        _ => 72,
    })
}
