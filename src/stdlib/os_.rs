//! `_os`: the file-system and process calls `os.py` is written over.
//! Every call touching files raises PermissionError when the host
//! switched file access off; `environ` is then empty.

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use super::fileio::{check_allowed, os_error, path_arg};
use super::{err, obj};
use crate::embed::Result;
use crate::runtime::dict::{Dict, new_dict};
use crate::runtime::{ExcKind, Value};
use crate::{Object, Vm};

/// `stat(path)` as a tuple: (st_mode, st_ino, st_dev, st_nlink, st_uid,
/// st_gid, st_size, st_atime, st_mtime, st_ctime).
fn stat(vm: &mut Vm, path: &Object, follow: bool) -> Result<Object> {
    check_allowed(vm)?;
    let p = path_arg("stat", path)?;
    let m = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    }
    .map_err(|e| os_error(&e, Some(&p), None))?;
    let time = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    Ok(obj(Value::tuple(vec![
        Value::Int(i64::from(m.mode())),
        Value::Int(m.ino() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(i64::from(m.uid())),
        Value::Int(i64::from(m.gid())),
        Value::Int(m.size() as i64),
        time(m.atime(), m.atime_nsec()),
        time(m.mtime(), m.mtime_nsec()),
        time(m.ctime(), m.ctime_nsec()),
    ])))
}

/// `uname()`'s five strings (sysname, nodename, release, version,
/// machine), read from `/proc/sys/kernel` where there is one (a VM
/// without file access gives only what the build knows).
fn uname(vm: &Vm) -> Value {
    let kernel = |name: &str| {
        if vm.host.no_files {
            return None;
        }
        std::fs::read_to_string(format!("/proc/sys/kernel/{name}"))
            .ok()
            .map(|s| s.trim_end_matches('\n').to_string())
    };
    let os = std::env::consts::OS;
    let sysname = kernel("ostype").unwrap_or_else(|| match os {
        "linux" => "Linux".to_string(),
        "macos" => "Darwin".to_string(),
        other => other.to_string(),
    });
    let fields = [
        sysname,
        kernel("hostname").unwrap_or_default(),
        kernel("osrelease").unwrap_or_default(),
        kernel("version").unwrap_or_default(),
        std::env::consts::ARCH.to_string(),
    ];
    Value::tuple(fields.iter().map(|f| Value::str(f.as_str())).collect())
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let mut env = Dict::default();
    if !vm.host.no_files {
        for (k, v) in std::env::vars_os() {
            env.set(
                Value::str(k.to_string_lossy().as_ref()),
                Value::str(v.to_string_lossy().as_ref()),
            )
            .map_err(crate::Error::from_py)?;
        }
    }
    vm.module("_os")
        .constant("environ", obj(new_dict(env)))
        .function("getpid", |_vm, (): ()| Ok(i64::from(std::process::id())))
        .function("urandom", |_vm, (n,): (i64,)| {
            let n = usize::try_from(n)
                .map_err(|_| err(ExcKind::ValueError, "negative argument not allowed"))?;
            crate::runtime::alloc::ensure(n).map_err(crate::Error::from_py)?;
            let mut buf = vec![0u8; n];
            getrandom::getrandom(&mut buf)
                .map_err(|e| err(ExcKind::OSError, format!("urandom: {e}")))?;
            Ok(Object(crate::runtime::bytes::bytes(buf)))
        })
        .function("getcwd", |vm, (): ()| {
            check_allowed(vm)?;
            let d = std::env::current_dir().map_err(|e| os_error(&e, None, None))?;
            Ok(d.display().to_string())
        })
        .function("chdir", |vm, (p,): (Object,)| {
            check_allowed(vm)?;
            let p = path_arg("chdir", &p)?;
            std::env::set_current_dir(&p).map_err(|e| os_error(&e, Some(&p), None))
        })
        .function("listdir", |vm, (p,): (Object,)| {
            check_allowed(vm)?;
            let p = path_arg("listdir", &p)?;
            let mut names = Vec::new();
            for e in std::fs::read_dir(&p).map_err(|e| os_error(&e, Some(&p), None))? {
                let e = e.map_err(|e| os_error(&e, Some(&p), None))?;
                names.push(e.file_name().to_string_lossy().into_owned());
            }
            Ok(names)
        })
        .function("remove", |vm, (p,): (Object,)| {
            check_allowed(vm)?;
            let p = path_arg("remove", &p)?;
            // unlink(2) on a folder gives EISDIR as CPython reports it.
            if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
                return Err(super::fileio::errno_error(21, Some(&p), None));
            }
            std::fs::remove_file(&p).map_err(|e| os_error(&e, Some(&p), None))
        })
        .function("rename", |vm, (a, b): (Object, Object)| {
            check_allowed(vm)?;
            let a = path_arg("rename", &a)?;
            let b = path_arg("rename", &b)?;
            std::fs::rename(&a, &b).map_err(|e| os_error(&e, Some(&a), Some(&b)))
        })
        .function("mkdir", |vm, (p, mode): (Object, i64)| {
            check_allowed(vm)?;
            let p = path_arg("mkdir", &p)?;
            std::fs::create_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
            if mode != 0o777 {
                let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode as u32));
            }
            Ok(())
        })
        .function("rmdir", |vm, (p,): (Object,)| {
            check_allowed(vm)?;
            let p = path_arg("rmdir", &p)?;
            std::fs::remove_dir(&p).map_err(|e| os_error(&e, Some(&p), None))
        })
        .function("stat", |vm, (p,): (Object,)| stat(vm, &p, true))
        .function("lstat", |vm, (p,): (Object,)| stat(vm, &p, false))
        .function("uname", |vm, (): ()| Ok(obj(uname(vm))))
        .register()
}
