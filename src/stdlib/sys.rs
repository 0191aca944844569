//! `sys`: the interpreter's own state, as scripts see it.

use std::io::Write;
use std::rc::Rc;

use super::{arity, err, obj, str_of, type_err, val};
use crate::embed::Result;
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
    let stdout = stream(vm, "<stdout>", false);
    let stderr = stream(vm, "<stderr>", true);
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
        Some(Value::Str(s)) => (**s).clone(),
        Some(v) => v.repr(),
    };
    let mut e = PyErr::new(ExcKind::SystemExit, msg);
    e.value = Some(Value::Instance(inst));
    Err(crate::Error::from_py(e))
}

/// An object of a fresh class `class` with the attributes given.
fn namespace(class: &str, attrs: Vec<(&str, Value)>) -> Result<Value> {
    let cls = Class::new(
        Rc::from(class),
        Rc::from(class),
        Vec::new(),
        Default::default(),
    )
    .map_err(crate::Error::from_py)?;
    let inst = Instance::new(cls);
    for (k, v) in attrs {
        inst.set(Rc::from(k), v);
    }
    Ok(Value::Instance(Rc::new(inst)))
}

/// `sys.stdout` / `sys.stderr`: `write` (to the VM's output, or to the
/// host's stderr writer — the process's stderr by default — after the
/// output so far) and `flush`.
fn stream(vm: &mut Vm, name: &str, is_err: bool) -> Value {
    let write = vm.function("write", move |vm, (s,): (Object,)| {
        let Some(text) = str_of(val(&s)) else {
            return Err(type_err(format!(
                "write() argument must be str, not {}",
                val(&s).type_name()
            )));
        };
        let r = if is_err {
            let _ = Host::out(vm).flush();
            match vm.host.stderr.as_mut() {
                Some(w) => w.write_all(text.as_bytes()),
                None => std::io::stderr().write_all(text.as_bytes()),
            }
        } else {
            Host::out(vm).write_all(text.as_bytes())
        };
        r.map_err(|e| err(ExcKind::ValueError, format!("write: {e}")))?;
        Ok(text.chars().count())
    });
    let flush = vm.function("flush", move |vm, (): ()| {
        let r = if is_err {
            match vm.host.stderr.as_mut() {
                Some(w) => w.flush(),
                None => std::io::stderr().flush(),
            }
        } else {
            Host::out(vm).flush()
        };
        r.map_err(|e| err(ExcKind::ValueError, format!("flush: {e}")))
    });
    let mut dict = crate::runtime::class::AttrMap::default();
    dict.insert(Rc::from("write"), write.0);
    dict.insert(Rc::from("flush"), flush.0);
    let cls = Class::new(
        Rc::from("TextIOWrapper"),
        Rc::from("TextIOWrapper"),
        Vec::new(),
        dict,
    )
    .expect("a class with no bases");
    let inst = Instance::new(cls);
    inst.set(Rc::from("name"), Value::str(name));
    inst.set(Rc::from("encoding"), Value::str("utf-8"));
    Value::Instance(Rc::new(inst))
}
