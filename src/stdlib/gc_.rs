//! `_gc`: the cycle collector's switches and entry point
//! (`crate::runtime::gc`), under `gc.py`.

use super::{arity, err, obj, type_err, val};
use crate::Vm;
use crate::embed::Result;
use crate::runtime::{ExcKind, Value, gc};

fn int_arg(v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        v => Err(type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("_gc")
        .function("collect", |vm, args: crate::Args| {
            arity("collect", &args, 1, 1)?;
            let full = int_arg(val(&args.positional[0]))? != 0;
            let mut n = gc::collect(full);
            // Garbage generators were finalized: closed now, then what
            // they held in cycles is collected.
            if gc::take_finalized() {
                vm.bury();
                n += gc::collect(full);
            }
            Ok(n as i64)
        })
        .function("enable", |_vm, args: crate::Args| {
            arity("enable", &args, 0, 0)?;
            gc::set_enabled(true);
            Ok(())
        })
        .function("disable", |_vm, args: crate::Args| {
            arity("disable", &args, 0, 0)?;
            gc::set_enabled(false);
            Ok(())
        })
        .function("isenabled", |_vm, args: crate::Args| {
            arity("isenabled", &args, 0, 0)?;
            Ok(gc::is_enabled())
        })
        .function("get_count", |_vm, args: crate::Args| {
            arity("get_count", &args, 0, 0)?;
            let (made, _) = gc::counts();
            Ok(obj(Value::tuple(vec![
                Value::Int(i64::from(made)),
                Value::Int(0),
                Value::Int(0),
            ])))
        })
        .function("get_threshold", |_vm, args: crate::Args| {
            arity("get_threshold", &args, 0, 0)?;
            Ok(i64::from(gc::threshold()))
        })
        .function("set_threshold", |_vm, args: crate::Args| {
            arity("set_threshold", &args, 1, 1)?;
            let n = int_arg(val(&args.positional[0]))?;
            let n = u32::try_from(n.max(0)).map_err(|_| {
                err(
                    ExcKind::OverflowError,
                    "signed integer is greater than maximum",
                )
            })?;
            gc::set_threshold(n);
            Ok(())
        })
        .function("is_tracked", |_vm, args: crate::Args| {
            arity("is_tracked", &args, 1, 1)?;
            Ok(gc::is_tracked(val(&args.positional[0])))
        })
        .function("stats", |_vm, args: crate::Args| {
            arity("stats", &args, 0, 0)?;
            let s = gc::stats();
            Ok(obj(Value::tuple(
                s.iter()
                    .flat_map(|&(runs, freed)| [Value::Int(runs as i64), Value::Int(freed as i64)])
                    .collect(),
            )))
        })
        .register()
}
