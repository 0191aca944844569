//! `dict`: insertion-ordered, keys compared and hashed by Python's rules
//! (numbers equal across int, float and bool share one key).

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::ordmap::OrdMap;
use super::{ExcKind, PyErr, PyResult, Value, ops};

/// A hashable value used as a dict key.
#[derive(Clone, Debug)]
pub struct Key(pub Value);

impl Key {
    /// `v` as a key, or TypeError for unhashable values.
    pub fn new(v: Value) -> PyResult<Key> {
        check_hashable(&v)?;
        Ok(Key(v))
    }
}

fn check_hashable(v: &Value) -> PyResult<()> {
    match v {
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => Err(
            PyErr::type_error(format!("unhashable type: '{}'", v.type_name())),
        ),
        Value::Tuple(t) => t.iter().try_for_each(check_hashable),
        _ => Ok(()),
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        // Identity first, as CPython's lookups (a NaN key finds itself).
        ops::is(&self.0, &other.0) || ops::eq(&self.0, &other.0)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(&self.0, h);
    }
}

/// Equal numbers hash alike: integral values hash as their integer.
/// Tuples nested deeper than 256 levels hash by their outer levels only,
/// which keeps equal values hashing alike without deep recursion.
fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    hash_at(v, h, 0)
}

fn hash_at<H: Hasher>(v: &Value, h: &mut H, depth: u32) {
    match v {
        Value::Int(i) => hash_int(*i, h),
        Value::Bool(b) => hash_int(*b as i64, h),
        Value::BigInt(b) => match b.to_i64() {
            Some(i) => hash_int(i, h),
            None => b.hash(h),
        },
        Value::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                match f.to_i64() {
                    Some(i) => hash_int(i, h),
                    None => {
                        let whole: BigInt =
                            num_traits::FromPrimitive::from_f64(*f).unwrap_or_default();
                        whole.hash(h)
                    }
                }
            } else {
                f.to_bits().hash(h);
            }
        }
        Value::Str(s) => s.hash(h),
        Value::Tuple(t) => {
            t.len().hash(h);
            if depth < 256 {
                t.iter().for_each(|x| hash_at(x, h, depth + 1));
            }
        }
        Value::None => 0x5f3759dfu32.hash(h),
        // By `__hash__` when the class defines it, else by identity.
        Value::Instance(i) => match i.hash.get() {
            Some(x) => hash_int(x, h),
            None => (Rc::as_ptr(i) as usize).hash(h),
        },
        Value::Class(c) => (Rc::as_ptr(c) as usize).hash(h),
        Value::FrozenSet(s) => s.frozen_hash().hash(h),
        // Identity-compared objects: hash their address.
        other => std::mem::discriminant(other).hash(h),
    }
}

fn hash_int<H: Hasher>(i: i64, h: &mut H) {
    // Every integral value in i64's range hashes here (ints, bools,
    // floats, a big int that fits), the rest as big ints.
    h.write_i64(i);
}

/// A lookup that records every key the table compares it with (same
/// hash bucket) and matches only the identical object.
struct Probe<'a> {
    key: &'a Value,
    seen: RefCell<Vec<Value>>,
}

impl Hash for Probe<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(self.key, h);
    }
}

impl indexmap::Equivalent<Key> for Probe<'_> {
    fn equivalent(&self, k: &Key) -> bool {
        if ops::is(self.key, &k.0) {
            return true;
        }
        self.seen.borrow_mut().push(k.0.clone());
        false
    }
}

/// A dict's contents.
#[derive(Clone, Debug, Default)]
pub struct Dict {
    /// Entries in insertion order.
    pub map: OrdMap<Key, Value>,
}

impl Dict {
    /// `d[k]`.
    pub fn get(&self, k: &Value) -> PyResult<Option<Value>> {
        check_hashable(k)?;
        Ok(self.map.get(&Key(k.clone())).cloned())
    }
    /// `d[k] = v` (a new key goes last; an existing key keeps its place
    /// and its original key object, as in CPython).
    pub fn set(&mut self, k: Value, v: Value) -> PyResult<()> {
        let key = Key::new(k)?;
        match self.map.get_mut(&key) {
            Some(slot) => *slot = v,
            None => {
                self.map.insert(key, v);
            }
        }
        Ok(())
    }
    /// Removes `k`, keeping the order of the rest.
    pub fn remove(&mut self, k: &Value) -> PyResult<Option<Value>> {
        check_hashable(k)?;
        Ok(self.map.shift_remove(&Key(k.clone())))
    }
    /// The keys that hash like `k` (candidates for a `__eq__` that only
    /// the VM can call), `k` itself first if it is a key.
    pub fn colliding_keys(&self, k: &Value) -> Vec<Value> {
        let probe = Probe {
            key: k,
            seen: RefCell::new(Vec::new()),
        };
        if let Some((_, key, _)) = self.map.get_full(&probe) {
            return vec![key.0.clone()];
        }
        probe.seen.into_inner()
    }
    /// Keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.map.keys().map(|k| k.0.clone()).collect()
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        if !self.map.is_empty() {
            // Through the trashcan, so deeply nested dicts cannot overflow the stack.
            let items: Vec<Value> = std::mem::take(&mut self.map)
                .into_iter()
                .flat_map(|(k, v)| [k.0, v])
                .collect();
            super::seqobj::release(items);
        }
    }
}

/// A new dict value.
pub fn new_dict(d: Dict) -> Value {
    super::gc::dict(d)
}

/// KeyError for a missing key: its message is the key's repr.
pub fn key_error(k: &Value) -> PyErr {
    // The object is made now: its args hold the key itself, not its repr.
    let inst =
        super::class::new_exception(super::class::exc_class(ExcKind::KeyError), vec![k.clone()]);
    let mut e = PyErr::from_object(&inst);
    e.msg = k.repr();
    e
}

/// `dict.keys()`, `.values()`, `.items()`: a live view of the dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// `dict_keys`
    Keys,
    /// `dict_values`
    Values,
    /// `dict_items`
    Items,
}

impl ViewKind {
    /// The view type's name.
    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

/// The items a view shows, now.
pub fn view_items(kind: ViewKind, d: &Dict) -> Vec<Value> {
    match kind {
        ViewKind::Keys => d.keys(),
        ViewKind::Values => d.map.values().cloned().collect(),
        ViewKind::Items => d
            .map
            .iter()
            .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
            .collect(),
    }
}
