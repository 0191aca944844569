//! `_fileio`: the operating system's files as small integer handles (the
//! real descriptor numbers), for `io.py`'s FileIO, buffered and text
//! layers to build `open()` on. Each VM has its own table of open files;
//! they close when `close(fd)` is called or the VM goes.
//!
//! Also the helpers every file-touching module shares: the host's switch
//! ([`Builder::allow_files`](crate::Builder::allow_files)) and OSError
//! objects with CPython's errno, strerror and filename.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;
use std::rc::Rc;

use super::{obj, type_err, val};
use crate::embed::{Error, Result};
use crate::runtime::class::{exc_class, new_exception, os_error_class};
use crate::runtime::{ExcKind, PyErr, Value};
use crate::{Object, Vm};

/// Raises PermissionError when the host switched file access off.
pub(crate) fn check_allowed(vm: &Vm) -> Result<()> {
    if vm.host.no_files {
        return Err(super::err(
            ExcKind::PermissionError,
            "file access is disabled",
        ));
    }
    Ok(())
}

/// The OSError subclass CPython raises for `e` (FileNotFoundError for
/// errno 2, ...), as `[Errno N] strerror: 'filename'`.
pub(crate) fn os_error(
    e: &std::io::Error,
    filename: Option<&str>,
    filename2: Option<&str>,
) -> Error {
    let Some(code) = e.raw_os_error() else {
        return super::err(ExcKind::OSError, e.to_string());
    };
    errno_error(code, filename, filename2)
}

/// The OSError for errno `code`.
pub(crate) fn errno_error(code: i32, filename: Option<&str>, filename2: Option<&str>) -> Error {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    // Rust appends " (os error N)" to strerror's text.
    let strerror = match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let mut args = vec![Value::Int(i64::from(code)), Value::str(strerror.as_str())];
    if filename.is_some() || filename2.is_some() {
        args.push(filename.map_or(Value::None, Value::str));
    }
    if let Some(f2) = filename2 {
        args.push(Value::None);
        args.push(Value::str(f2));
    }
    let class = os_error_class(&exc_class(ExcKind::OSError), &args);
    let kind = class.builtin.unwrap_or(ExcKind::OSError);
    let mut msg = format!("[Errno {code}] {strerror}");
    if let Some(f) = filename {
        msg = format!("{msg}: {}", Value::str(f).repr());
    }
    if let Some(f2) = filename2 {
        msg = format!("{msg} -> {}", Value::str(f2).repr());
    }
    let inst = new_exception(class, args);
    let mut err = PyErr::new(kind, msg);
    err.value = Some(Value::Instance(inst));
    Error::from_py(err)
}

/// A path argument: a str, or bytes (as UTF-8).
pub(crate) fn path_arg(func: &str, o: &Object) -> Result<String> {
    match val(o) {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        v => {
            match crate::runtime::bytes::with_bytes(v, |b| String::from_utf8_lossy(b).into_owned())
            {
                Some(s) if matches!(v, Value::Bytes(_)) => Ok(s),
                _ => Err(type_err(format!(
                    "{func}: path should be string, bytes or os.PathLike, not {}",
                    v.type_name()
                ))),
            }
        }
    }
}

/// An integer argument.
fn int_arg(o: &Object) -> Result<i64> {
    match val(o) {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(super::err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        v => Err(type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

type Table = Rc<RefCell<HashMap<i64, File>>>;

/// Runs `f` on the open file `fd`, or raises EBADF.
fn with_file<R>(
    table: &Table,
    fd: &Object,
    f: impl FnOnce(&mut File) -> std::io::Result<R>,
) -> Result<R> {
    let fd = int_arg(fd)?;
    let mut t = table.borrow_mut();
    let Some(file) = t.get_mut(&fd) else {
        return Err(errno_error(9, None, None));
    };
    f(file).map_err(|e| os_error(&e, None, None))
}

/// Opens `path` with `mode`: one of r, w, a, x, each maybe with `+`.
fn open(table: &Table, path: &str, mode: &str) -> Result<i64> {
    let mut opts = std::fs::OpenOptions::new();
    let plus = mode.contains('+');
    match mode.trim_end_matches('+') {
        "r" => opts.read(true).write(plus),
        "w" => opts.write(true).create(true).truncate(true).read(plus),
        "a" => opts.append(true).create(true).read(plus),
        "x" => opts.write(true).create_new(true).read(plus),
        _ => {
            return Err(super::err(
                ExcKind::ValueError,
                format!("invalid mode: '{mode}'"),
            ));
        }
    };
    let file = opts
        .open(path)
        .map_err(|e| os_error(&e, Some(path), None))?;
    // Linux opens a folder for reading; CPython refuses it as EISDIR.
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(errno_error(21, Some(path), None));
    }
    let fd = i64::from(file.as_raw_fd());
    table.borrow_mut().insert(fd, file);
    Ok(fd)
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let table: Table = Rc::default();
    let (t_open, t_read, t_write, t_seek, t_trunc, t_close, t_tty) = (
        table.clone(),
        table.clone(),
        table.clone(),
        table.clone(),
        table.clone(),
        table.clone(),
        table,
    );
    vm.module("_fileio")
        .function("open", move |vm, (path, mode): (Object, String)| {
            check_allowed(vm)?;
            let path = path_arg("open", &path)?;
            open(&t_open, &path, &mode)
        })
        .function("read", move |_vm, (fd, n): (Object, Object)| {
            let n = int_arg(&n)?;
            let data = with_file(&t_read, &fd, |f| {
                let mut buf = Vec::new();
                // Grown as the data comes: a size far past the file's
                // allocates nothing for it.
                if n < 0 {
                    f.read_to_end(&mut buf)?;
                } else {
                    f.take(n as u64).read_to_end(&mut buf)?;
                }
                Ok(buf)
            })?;
            Ok(obj(crate::runtime::bytes::bytes(data)))
        })
        .function("write", move |_vm, (fd, data): (Object, Object)| {
            let Some(data) = crate::runtime::bytes::with_bytes(val(&data), |d| d.to_vec()) else {
                return Err(type_err(format!(
                    "a bytes-like object is required, not '{}'",
                    val(&data).type_name()
                )));
            };
            with_file(&t_write, &fd, |f| {
                f.write_all(&data)?;
                Ok(data.len())
            })
        })
        .function(
            "seek",
            move |_vm, (fd, pos, whence): (Object, Object, Object)| {
                let pos = int_arg(&pos)?;
                let to = match int_arg(&whence)? {
                    0 if pos < 0 => {
                        return Err(super::err(
                            ExcKind::ValueError,
                            format!("negative seek position {pos}"),
                        ));
                    }
                    0 => SeekFrom::Start(pos as u64),
                    1 => SeekFrom::Current(pos),
                    2 => SeekFrom::End(pos),
                    w => {
                        return Err(super::err(
                            ExcKind::ValueError,
                            format!("invalid whence ({w}, should be 0, 1 or 2)"),
                        ));
                    }
                };
                with_file(&t_seek, &fd, |f| f.seek(to))
            },
        )
        .function("truncate", move |_vm, (fd, size): (Object, Object)| {
            let size = int_arg(&size)?;
            if size < 0 {
                return Err(super::err(
                    ExcKind::ValueError,
                    format!("negative size value {size}"),
                ));
            }
            with_file(&t_trunc, &fd, |f| f.set_len(size as u64))?;
            Ok(size)
        })
        .function("close", move |_vm, (fd,): (Object,)| {
            let fd = int_arg(&fd)?;
            match t_close.borrow_mut().remove(&fd) {
                Some(f) => drop(f),
                None => return Err(errno_error(9, None, None)),
            }
            Ok(())
        })
        .function("isatty", move |_vm, (fd,): (Object,)| {
            with_file(&t_tty, &fd, |f| Ok(f.is_terminal()))
        })
        .register()
}

/// A builtin that needs the VM, as `__import__` is made.
fn host_builtin(
    name: &str,
    call: impl Fn(
        &mut Vm,
        crate::runtime::object::HostArgs,
        Vec<(Rc<str>, Value)>,
    ) -> crate::runtime::PyResult<Value>
    + 'static,
) -> Value {
    Value::HostFn(Rc::new(crate::runtime::object::HostFn {
        name: Rc::from(name),
        method: false,
        call: Box::new(call),
    }))
}

/// The builtin `open(...)` (also `io.open`): `io._open`, the Python
/// function that builds the layers, with the same arguments.
pub(crate) fn builtin_open() -> Value {
    host_builtin("open", |vm, args, kwargs| {
        let io = vm.import_full("io")?;
        let f = crate::runtime::builtins::Host::getattr(vm, &io, "_open")?;
        // The error is the caller's, as from CPython's C `open`: the
        // frames of io.py are left out of its traceback.
        crate::runtime::builtins::Host::call_kw(vm, &f, args.to_vec(), kwargs).map_err(|mut e| {
            e.traceback.retain(|t| t.filename != "<io>");
            e
        })
    })
}

/// The builtin `input([prompt])`: the prompt on stdout (no newline), then
/// a line of stdin without its newline; EOFError at the end of stdin.
pub(crate) fn builtin_input() -> Value {
    host_builtin("input", |vm, args, kwargs| {
        use crate::runtime::builtins::Host;
        if let Some((k, _)) = kwargs.first() {
            return Err(PyErr::type_error(format!(
                "input() takes no keyword arguments (got '{k}')"
            )));
        }
        if args.len() > 1 {
            return Err(PyErr::type_error(format!(
                "input expected at most 1 argument, got {}",
                args.len()
            )));
        }
        if let Some(p) = args.first() {
            let text = Host::str(vm, p)?;
            let _ = Host::out(vm).write_all(text.as_bytes());
        }
        let _ = Host::out(vm).flush();
        let mut line = Vec::new();
        use std::io::BufRead;
        std::io::stdin()
            .lock()
            .read_until(b'\n', &mut line)
            .map_err(|e| os_error(&e, None, None).into_py())?;
        if line.is_empty() {
            return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
        }
        if line.ends_with(b"\n") {
            line.pop();
        }
        Ok(Value::str(String::from_utf8_lossy(&line).as_ref()))
    })
}
