//! Subscripts and slices of str, list, tuple and range, with Python's
//! index rules (negative indices, clamped slice bounds, extended slices).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::builtins::small_index;
use super::object::Range;
use super::{ExcKind, PyErr, PyResult, Value};

/// A slice object's parts, before they meet a length.
#[derive(Clone, Debug, PartialEq)]
pub struct SliceSpec {
    /// start, stop, step as given (None when omitted).
    pub parts: [Option<i64>; 3],
}

/// A slice object from BUILD_SLICE's (or `slice()`'s) 1 to 3 values.
pub fn slice_of(items: &[Value]) -> PyResult<Value> {
    let mut parts = [Value::None, Value::None, Value::None];
    if items.len() == 1 {
        parts[1] = items[0].clone();
    } else {
        for (i, v) in items.iter().enumerate() {
            parts[i] = v.clone();
        }
    }
    Ok(Value::Slice(Rc::new(parts)))
}

pub(crate) fn as_slice(v: &Value) -> Option<PyResult<SliceSpec>> {
    let Value::Slice(t) = v else { return None };
    let mut parts = [None; 3];
    for i in 0..3 {
        parts[i] = match &t[i] {
            Value::None => None,
            // Bounds beyond a machine word clip to it, as CPython's.
            Value::BigInt(b) => Some(if b.is_negative() {
                i64::MIN + 1
            } else {
                i64::MAX
            }),
            other => match small_index(other) {
                Some(n) => Some(n),
                None => {
                    return Some(Err(PyErr::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )));
                }
            },
        };
    }
    Some(Ok(SliceSpec { parts }))
}

/// [`adjust`] in big ints (for ranges): start, stop and step.
fn adjust_big(parts: &[Value; 3], len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let part = |v: &Value| -> PyResult<Option<BigInt>> {
        match v {
            Value::None => Ok(None),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(v.as_bigint()),
            _ => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = part(&parts[2])?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let back = step.is_negative();
    let clamp = |v: Option<BigInt>, default: BigInt| -> BigInt {
        let Some(mut i) = v else { return default };
        if i.is_negative() {
            i += len;
            if i.is_negative() {
                i = if back {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                };
            }
        } else if &i >= len {
            i = if back { len - 1u32 } else { len.clone() };
        }
        i
    };
    let (lo, hi) = if back {
        (len - 1u32, BigInt::from(-1))
    } else {
        (BigInt::zero(), len.clone())
    };
    let start = clamp(part(&parts[0])?, lo);
    let stop = clamp(part(&parts[1])?, hi);
    Ok((start, stop, step))
}

/// Start, stop and step of a slice applied to a sequence of `len`
/// (CPython's `PySlice_AdjustIndices`), and how many items it selects.
pub fn adjust(spec: &SliceSpec, len: i64) -> PyResult<(i64, i64, i64, i64)> {
    let step = spec.parts[2].unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lo_default, hi_default) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut i) => {
                if i < 0 {
                    i += len;
                    if i < 0 {
                        i = if step < 0 { -1 } else { 0 };
                    }
                } else if i >= len {
                    i = if step < 0 { len - 1 } else { len };
                }
                i
            }
        }
    };
    let start = clamp(spec.parts[0], lo_default);
    let stop = clamp(spec.parts[1], hi_default);
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn index(kind: &str, i: &Value, len: usize) -> PyResult<usize> {
    let Some(n) = small_index(i) else {
        if let Value::BigInt(_) = i {
            return Err(PyErr::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        return Err(PyErr::type_error(format!(
            "{kind} indices must be integers or slices, not {}",
            i.type_name()
        )));
    };
    let len = len as i64;
    let k = if n < 0 { n + len } else { n };
    if k < 0 || k >= len {
        return Err(PyErr::new(
            ExcKind::IndexError,
            format!("{kind} index out of range"),
        ));
    }
    Ok(k as usize)
}

fn pick<T: Clone>(items: &[T], start: i64, step: i64, count: i64) -> Vec<T> {
    if count <= 0 {
        return Vec::new();
    }
    // (`adjust` keeps every picked index in range.)
    let (first, n) = (start as usize, count as usize);
    match step {
        1 => items[first..first + n].to_vec(),
        -1 => items[first + 1 - n..=first].iter().rev().cloned().collect(),
        _ => (0..count)
            .map(|k| items[(start + k * step) as usize].clone())
            .collect(),
    }
}

/// `container[i]`.
pub fn getitem(container: &Value, i: &Value) -> PyResult<Value> {
    if let (Value::Globals(ns), Value::Str(k)) = (container, i) {
        return ns.get(k).ok_or_else(|| super::dict::key_error(i));
    }
    match container {
        Value::List(l) => {
            let items = l.borrow();
            if let Some(spec) = as_slice(i) {
                let (start, _, step, count) = adjust(&spec?, items.len() as i64)?;
                return Ok(Value::list(pick(&items, start, step, count)));
            }
            Ok(items[index("list", i, items.len())?].clone())
        }
        Value::Tuple(t) => {
            if let Some(spec) = as_slice(i) {
                let (start, _, step, count) = adjust(&spec?, t.len() as i64)?;
                return Ok(Value::tuple(pick(t, start, step, count)));
            }
            Ok(t[index("tuple", i, t.len())?].clone())
        }
        // Characters by position: O(1) for ASCII text, a short walk from
        // the string's offset table otherwise (see `PyStr`).
        Value::Str(s) => {
            let n = s.char_len();
            if let Some(spec) = as_slice(i) {
                let (start, _, step, count) = adjust(&spec?, n as i64)?;
                let count = count.max(0) as usize;
                if step == 1 {
                    let start = start as usize;
                    return Ok(Value::str(s.char_slice(start, start + count)));
                }
                if s.is_ascii_text() {
                    let picked = pick(s.as_bytes(), start, step, count as i64);
                    return Ok(Value::str(String::from_utf8(picked).unwrap_or_default()));
                }
                let chars: Vec<char> = s.chars().collect();
                return Ok(Value::str(
                    pick(&chars, start, step, count as i64)
                        .into_iter()
                        .collect::<String>(),
                ));
            }
            Ok(Value::str(s.char_at(index("string", i, n)?)))
        }
        Value::Range(r) => {
            // In big ints: the values may pass machine words.
            let [first, _, step, len] = r.parts();
            if let Value::Slice(parts) = i {
                // As CPython: the values at the slice's start and stop
                // indices, and the steps multiplied.
                let (start, stop, k) = adjust_big(parts, &len)?;
                let new_first = &first + &step * start;
                let new_stop = &first + &step * stop;
                return Ok(Value::Range(Rc::new(Range::new(
                    new_first,
                    new_stop,
                    step * k,
                ))));
            }
            let k = match i {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    i.as_bigint().unwrap_or_default()
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "range indices must be integers or slices, not {}",
                        other.type_name()
                    )));
                }
            };
            let k = if k.is_negative() { k + &len } else { k };
            if k.is_negative() || k >= len {
                return Err(PyErr::new(
                    ExcKind::IndexError,
                    "range object index out of range",
                ));
            }
            Ok(Value::from_bigint(first + step * k))
        }
        Value::Dict(d) => {
            let found = d.borrow().get(i)?;
            found.ok_or_else(|| super::dict::key_error(i))
        }
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            super::bytes::getitem(container, i)
        }
        other => Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `container[i] = value`. A slice assignment takes `value`'s items:
/// callers give iterables that run Python code as a list already.
pub fn setitem(container: &Value, i: &Value, value: Value) -> PyResult<()> {
    if let Value::Globals(ns) = container {
        // A namespace binds names only (CPython's module dicts take any
        // key; a framevm namespace refuses one that is not a str).
        let Value::Str(k) = i else {
            return Err(PyErr::type_error(format!(
                "a namespace's keys must be str, not {}",
                i.type_name()
            )));
        };
        ns.set(Rc::from(k.as_str()), value);
        return Ok(());
    }
    match container {
        Value::List(l) => {
            if let Some(spec) = as_slice(i) {
                let spec = spec?;
                let new = match &value {
                    // A list no one else holds (`a[:k] = a[k::-1]`'s new
                    // list): its items move over, without a copy.
                    Value::List(l) if std::rc::Rc::strong_count(l) == 1 => {
                        std::mem::take(&mut *l.borrow_mut()).into_vec()
                    }
                    Value::List(l) => l.borrow().to_vec(),
                    Value::Tuple(t) => t.to_vec(),
                    _ => {
                        let Value::Iter(it) = super::builtins::make_iter(&value)
                            .map_err(|_| PyErr::type_error("can only assign an iterable"))?
                        else {
                            unreachable!("make_iter makes iterators")
                        };
                        let mut out = Vec::new();
                        while let Some(x) = it.next_builtin() {
                            out.push(x);
                        }
                        out
                    }
                };
                let mut items = l.borrow_mut();
                let (start, stop, step, count) = adjust(&spec, items.len() as i64)?;
                if step == 1 {
                    let (start, stop) = (start as usize, stop.max(start) as usize);
                    if new.len() == stop - start {
                        // As many items as it replaces (`a[:k] = a[k::-1]`):
                        // in place, with no splice.
                        for (slot, v) in items[start..stop].iter_mut().zip(new) {
                            *slot = v;
                        }
                    } else {
                        items.splice(start..stop, new);
                    }
                    return Ok(());
                }
                if new.len() as i64 != count {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {count}",
                        new.len()
                    )));
                }
                for (k, v) in new.into_iter().enumerate() {
                    items[(start + k as i64 * step) as usize] = v;
                }
                return Ok(());
            }
            let mut items = l.borrow_mut();
            let k = index("list assignment", i, items.len())?;
            let old = std::mem::replace(&mut items[k], value);
            drop(items);
            drop(old);
            Ok(())
        }
        Value::Dict(d) => d.borrow_mut().set(i.clone(), value),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            super::bytes::setitem(container, i, value)
        }
        other => Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

/// `del container[i]`.
pub fn delitem(container: &Value, i: &Value) -> PyResult<()> {
    if let Value::Globals(ns) = container {
        return match i {
            Value::Str(k) if ns.remove(k) => Ok(()),
            _ => Err(super::dict::key_error(i)),
        };
    }
    match container {
        Value::List(l) => {
            let mut items = l.borrow_mut();
            if let Some(spec) = as_slice(i) {
                let (start, _, step, count) = adjust(&spec?, items.len() as i64)?;
                let mut doomed: Vec<usize> =
                    (0..count).map(|k| (start + k * step) as usize).collect();
                doomed.sort_unstable();
                for k in doomed.into_iter().rev() {
                    items.remove(k);
                }
                return Ok(());
            }
            let k = index("list assignment", i, items.len())?;
            let old = items.remove(k);
            drop(items);
            drop(old);
            Ok(())
        }
        Value::Dict(d) => {
            let old = d.borrow_mut().remove(i)?;
            match old {
                Some(v) => {
                    drop(v);
                    Ok(())
                }
                None => Err(super::dict::key_error(i)),
            }
        }
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            super::bytes::delitem(container, i)
        }
        other => Err(PyErr::type_error(format!(
            "'{}' object doesn't support item deletion",
            other.type_name()
        ))),
    }
}
