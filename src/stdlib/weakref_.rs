//! `_weakref`: weak references to instances, classes and functions, the
//! handles behind `weakref.py`. A handle holds a `Weak` to the object's
//! `Rc`, so it never keeps the object alive and says when it is gone.

use std::rc::{Rc, Weak};

use super::{obj, type_err, val};
use crate::embed::Result;
use crate::runtime::Value;
use crate::runtime::class::{Class as PyClass, Instance};
use crate::runtime::object::Function;
use crate::{Args, Class, UserData, Vm};

/// A weak reference to an object.
pub(super) enum Handle {
    Instance(Weak<Instance>),
    Class(Weak<PyClass>),
    Function(Weak<Function>),
}

impl Handle {
    fn get(&self) -> Value {
        match self {
            Handle::Instance(w) => w.upgrade().map_or(Value::None, Value::Instance),
            Handle::Class(w) => w.upgrade().map_or(Value::None, Value::Class),
            Handle::Function(w) => w.upgrade().map_or(Value::None, Value::Function),
        }
    }
}

impl UserData for Handle {
    const NAME: &'static str = "_weakhandle";
    fn register(_class: &mut Class<Self>) {}
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("_weakref")
        .function("new", |vm, args: Args| {
            super::arity("new", &args, 1, 1)?;
            let h = match val(&args.positional[0]) {
                Value::Instance(i) => Handle::Instance(Rc::downgrade(i)),
                Value::Class(c) => Handle::Class(Rc::downgrade(c)),
                Value::Function(f) => Handle::Function(Rc::downgrade(f)),
                v => {
                    return Err(type_err(format!(
                        "cannot create weak reference to '{}' object",
                        v.type_name()
                    )));
                }
            };
            vm.create_userdata(h)
        })
        .function("get", |vm, args: Args| {
            super::arity("get", &args, 1, 1)?;
            vm.with_userdata(&args.positional[0], |h: &Handle| obj(h.get()))
        })
        .function("alive", |vm, args: Args| {
            super::arity("alive", &args, 1, 1)?;
            vm.with_userdata(&args.positional[0], |h: &Handle| {
                !matches!(h.get(), Value::None)
            })
        })
        .register()
}
