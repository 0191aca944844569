//! `_heapq`: the heap operations of `heapq` on plain lists, in Rust
//! (heapq.py imports them over its Python versions). Items are compared
//! with `<` only, through the VM, so a user's `__lt__` may run at any
//! comparison: no borrow of the list is held across one, and a list
//! whose size changes under a comparison is a RuntimeError, as in
//! CPython.

use std::cell::RefCell;
use std::rc::Rc;

use super::{arity, err, obj, type_err, val};
use crate::embed::Result;
use crate::runtime::builtins::Host;
use crate::runtime::seqobj::Seq;
use crate::runtime::{ExcKind, Value};
use crate::{Args, Error, Object, Vm};

type List = Rc<RefCell<Seq>>;

fn list_arg(name: &str, which: &str, o: &Object) -> Result<List> {
    match val(o) {
        Value::List(l) => Ok(l.clone()),
        v => Err(type_err(format!(
            "{name}() {which} must be list, not {}",
            v.type_name()
        ))),
    }
}

fn item(l: &List, i: usize) -> Result<Value> {
    l.borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| err(ExcKind::RuntimeError, "list changed size during iteration"))
}

/// `a < b`, then a check that the list kept its size `n`.
fn less(vm: &mut Vm, l: &List, n: usize, a: &Value, b: &Value) -> Result<bool> {
    let r = Host::less(vm, a, b).map_err(Error::from_py)?;
    if l.borrow().len() != n {
        return Err(err(
            ExcKind::RuntimeError,
            "list changed size during iteration",
        ));
    }
    Ok(r)
}

fn set(l: &List, i: usize, v: Value) {
    if let Some(slot) = l.borrow_mut().get_mut(i) {
        *slot = v;
    }
}

/// The item at `pos` moves towards the root (no further than `start`)
/// while it is smaller than its parent.
fn sift_up(vm: &mut Vm, l: &List, start: usize, mut pos: usize) -> Result<()> {
    let n = l.borrow().len();
    let x = item(l, pos)?;
    while pos > start {
        let parent = (pos - 1) >> 1;
        let p = item(l, parent)?;
        if !less(vm, l, n, &x, &p)? {
            break;
        }
        set(l, pos, p);
        pos = parent;
    }
    set(l, pos, x);
    Ok(())
}

/// The item at `pos` goes down the path of smaller children to a leaf,
/// then up to where it belongs.
fn sift_down(vm: &mut Vm, l: &List, pos: usize) -> Result<()> {
    let n = l.borrow().len();
    let start = pos;
    let x = item(l, pos)?;
    let mut pos = pos;
    let mut child = 2 * pos + 1;
    while child < n {
        let right = child + 1;
        if right < n {
            let (c, r) = (item(l, child)?, item(l, right)?);
            if !less(vm, l, n, &c, &r)? {
                child = right;
            }
        }
        let c = item(l, child)?;
        set(l, pos, c);
        pos = child;
        child = 2 * pos + 1;
    }
    set(l, pos, x);
    sift_up(vm, l, start, pos)
}

fn heappush(vm: &mut Vm, args: &Args) -> Result<()> {
    arity("heappush", args, 2, 2)?;
    let l = list_arg("heappush", "argument 1", &args.positional[0])?;
    let n = {
        let mut b = l.borrow_mut();
        b.push(val(&args.positional[1]).clone());
        b.len()
    };
    sift_up(vm, &l, 0, n - 1)
}

fn heappop(vm: &mut Vm, args: &Args) -> Result<Object> {
    arity("_heapq.heappop", args, 1, 1)?;
    let l = list_arg("heappop", "argument", &args.positional[0])?;
    let last = l
        .borrow_mut()
        .pop()
        .ok_or_else(|| err(ExcKind::IndexError, "index out of range"))?;
    let top = {
        let mut b = l.borrow_mut();
        match b.first_mut() {
            None => return Ok(obj(last)),
            Some(slot) => std::mem::replace(slot, last),
        }
    };
    sift_down(vm, &l, 0)?;
    Ok(obj(top))
}

fn heapreplace(vm: &mut Vm, args: &Args) -> Result<Object> {
    arity("heapreplace", args, 2, 2)?;
    let l = list_arg("heapreplace", "argument 1", &args.positional[0])?;
    let top = {
        let mut b = l.borrow_mut();
        match b.first_mut() {
            None => return Err(err(ExcKind::IndexError, "index out of range")),
            Some(slot) => std::mem::replace(slot, val(&args.positional[1]).clone()),
        }
    };
    sift_down(vm, &l, 0)?;
    Ok(obj(top))
}

fn heappushpop(vm: &mut Vm, args: &Args) -> Result<Object> {
    arity("heappushpop", args, 2, 2)?;
    let l = list_arg("heappushpop", "argument 1", &args.positional[0])?;
    let x = val(&args.positional[1]).clone();
    let n = l.borrow().len();
    if n == 0 {
        return Ok(obj(x));
    }
    let top = item(&l, 0)?;
    if !less(vm, &l, n, &top, &x)? {
        return Ok(obj(x));
    }
    let top = {
        let mut b = l.borrow_mut();
        match b.first_mut() {
            None => return Ok(obj(x)),
            Some(slot) => std::mem::replace(slot, x),
        }
    };
    sift_down(vm, &l, 0)?;
    Ok(obj(top))
}

fn heapify(vm: &mut Vm, args: &Args) -> Result<()> {
    arity("_heapq.heapify", args, 1, 1)?;
    let l = list_arg("heapify", "argument", &args.positional[0])?;
    let n = l.borrow().len();
    for i in (0..n / 2).rev() {
        sift_down(vm, &l, i)?;
    }
    Ok(())
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("_heapq")
        .function("heappush", |vm, args: Args| heappush(vm, &args))
        .function("heappop", |vm, args: Args| heappop(vm, &args))
        .function("heapreplace", |vm, args: Args| heapreplace(vm, &args))
        .function("heappushpop", |vm, args: Args| heappushpop(vm, &args))
        .function("heapify", |vm, args: Args| heapify(vm, &args))
        .register()
}
