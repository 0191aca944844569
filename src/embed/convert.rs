//! Values crossing between Rust and Python: [`Object`], an owned handle to
//! any Python object, and the conversion traits [`IntoPy`] and [`FromPy`].

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::{Error, Result};
use crate::runtime::dict::{Dict, new_dict};
use crate::runtime::{ExcKind, PyErr, Value};

/// An owned reference to a Python object: a function to call later, a list
/// the script filled, an instance. Cloning it clones the reference, not
/// the object. It belongs to the VM (and the thread) that made it.
///
/// ```
/// let mut vm = framevm::Vm::new();
/// vm.exec("nums = [3, 1, 2]\nnums.sort()", "<host>").unwrap();
/// let nums: framevm::Object = vm.globals().get("nums").unwrap();
/// assert_eq!(nums.type_name(), "list");
/// assert_eq!(nums.to_string(), "[1, 2, 3]");
/// let v: Vec<i64> = nums.extract().unwrap();
/// assert_eq!(v, [1, 2, 3]);
/// ```
#[derive(Clone)]
pub struct Object(pub(crate) Value);

impl Object {
    /// `None`.
    pub fn none() -> Object {
        Object(Value::None)
    }

    /// `type(obj).__name__`.
    pub fn type_name(&self) -> &str {
        self.0.type_name()
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        matches!(self.0, Value::None)
    }

    /// Whether both handles refer to the same object (Python's `is`).
    pub fn is(&self, other: &Object) -> bool {
        crate::runtime::ops::is(&self.0, &other.0)
    }

    /// The object converted to a Rust value.
    pub fn extract<T: FromPy>(&self) -> Result<T> {
        T::from_py(self)
    }

    /// The `repr` of builtin values without calling Python code (an
    /// instance's own `__repr__` runs through [`Vm::repr`](super::Vm::repr)).
    pub fn plain_repr(&self) -> String {
        self.0.repr()
    }
}

impl std::fmt::Display for Object {
    /// `str(obj)` of builtin values (without calling Python code).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.to_str())
    }
}

impl std::fmt::Debug for Object {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Object({})", self.0.repr())
    }
}

/// A Rust value that becomes a Python object: `bool`, every integer type,
/// `f32`/`f64`, `String`/`&str`, `()` (None), `Option<T>`, `Vec<T>` and
/// slices (lists), tuples (tuples), maps (dicts), `BigInt`, [`Object`].
pub trait IntoPy {
    /// The Python object for `self`.
    fn into_py(self) -> Result<Object>;
}

/// A Rust value made from a Python object; a wrong type is a `TypeError`
/// naming both types, an int out of the target's range an `OverflowError`.
pub trait FromPy: Sized {
    /// `obj` as `Self`.
    fn from_py(obj: &Object) -> Result<Self>;
}

fn wrong_type(obj: &Object, want: &str) -> Error {
    Error::type_error(format!(
        "'{}' object cannot be converted to {want}",
        obj.type_name()
    ))
}

impl IntoPy for Object {
    fn into_py(self) -> Result<Object> {
        Ok(self)
    }
}

impl IntoPy for &Object {
    fn into_py(self) -> Result<Object> {
        Ok(self.clone())
    }
}

impl FromPy for Object {
    fn from_py(obj: &Object) -> Result<Object> {
        Ok(obj.clone())
    }
}

impl IntoPy for () {
    fn into_py(self) -> Result<Object> {
        Ok(Object::none())
    }
}

impl FromPy for () {
    fn from_py(obj: &Object) -> Result<()> {
        if obj.is_none() {
            Ok(())
        } else {
            Err(wrong_type(obj, "()"))
        }
    }
}

impl IntoPy for bool {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::Bool(self)))
    }
}

impl FromPy for bool {
    /// Only `True` and `False` (use [`Vm::is_true`](super::Vm::is_true) for
    /// Python's truth of any object).
    fn from_py(obj: &Object) -> Result<bool> {
        match obj.0 {
            Value::Bool(b) => Ok(b),
            _ => Err(wrong_type(obj, "bool")),
        }
    }
}

macro_rules! ints {
    ($($t:ty),*) => {$(
        impl IntoPy for $t {
            fn into_py(self) -> Result<Object> {
                Ok(Object(match i64::try_from(self) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::from_bigint(BigInt::from(self)),
                }))
            }
        }

        impl FromPy for $t {
            fn from_py(obj: &Object) -> Result<$t> {
                let out_of_range = || {
                    Error::from_py(PyErr::new(
                        ExcKind::OverflowError,
                        format!("int {} out of range for {}", obj.0.repr(), stringify!($t)),
                    ))
                };
                match &obj.0 {
                    Value::Int(i) => <$t>::try_from(*i).map_err(|_| out_of_range()),
                    Value::Bool(b) => Ok(<$t>::from(*b)),
                    Value::BigInt(b) => <$t>::try_from(&**b).map_err(|_| out_of_range()),
                    _ => Err(wrong_type(obj, stringify!($t))),
                }
            }
        }
    )*};
}

ints!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl IntoPy for BigInt {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::from_bigint(self)))
    }
}

impl FromPy for BigInt {
    fn from_py(obj: &Object) -> Result<BigInt> {
        obj.0.as_bigint().ok_or_else(|| wrong_type(obj, "BigInt"))
    }
}

impl IntoPy for f64 {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::Float(self)))
    }
}

impl IntoPy for f32 {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::Float(f64::from(self))))
    }
}

impl FromPy for f64 {
    /// A float, or an int converted as Python's `float(n)` does.
    fn from_py(obj: &Object) -> Result<f64> {
        match &obj.0 {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(f64::from(u8::from(*b))),
            Value::BigInt(b) => b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| {
                Error::from_py(PyErr::new(
                    ExcKind::OverflowError,
                    "int too large to convert to float",
                ))
            }),
            _ => Err(wrong_type(obj, "f64")),
        }
    }
}

impl FromPy for f32 {
    fn from_py(obj: &Object) -> Result<f32> {
        f64::from_py(obj)
            .map(|f| f as f32)
            .map_err(|_| wrong_type(obj, "f32"))
    }
}

impl IntoPy for String {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::str(self)))
    }
}

impl IntoPy for &str {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::str(self)))
    }
}

impl IntoPy for &String {
    fn into_py(self) -> Result<Object> {
        Ok(Object(Value::str(self.as_str())))
    }
}

impl FromPy for String {
    fn from_py(obj: &Object) -> Result<String> {
        match &obj.0 {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            _ => Err(wrong_type(obj, "String")),
        }
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_py(self) -> Result<Object> {
        match self {
            Some(v) => v.into_py(),
            None => Ok(Object::none()),
        }
    }
}

impl<T: FromPy> FromPy for Option<T> {
    /// `None` for None, else the value converted.
    fn from_py(obj: &Object) -> Result<Option<T>> {
        if obj.is_none() {
            Ok(None)
        } else {
            T::from_py(obj).map(Some)
        }
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    fn into_py(self) -> Result<Object> {
        let items = self
            .into_iter()
            .map(|v| v.into_py().map(|o| o.0))
            .collect::<Result<Vec<_>>>()?;
        Ok(Object(Value::list(items)))
    }
}

impl<T: IntoPy + Clone> IntoPy for &[T] {
    fn into_py(self) -> Result<Object> {
        self.to_vec().into_py()
    }
}

/// The items of a list or tuple, copied out (no borrow is held while they
/// convert).
fn sequence_items(obj: &Object, want: &str) -> Result<Vec<Value>> {
    match &obj.0 {
        Value::List(l) => Ok(l.borrow().to_vec()),
        Value::Tuple(t) => Ok(t.to_vec()),
        _ => Err(wrong_type(obj, want)),
    }
}

impl<T: FromPy> FromPy for Vec<T> {
    /// A list or tuple, each item converted.
    fn from_py(obj: &Object) -> Result<Vec<T>> {
        sequence_items(obj, "Vec")?
            .into_iter()
            .map(|v| T::from_py(&Object(v)))
            .collect()
    }
}

macro_rules! tuples {
    ($($n:literal: ($($t:ident $i:tt),+);)*) => {$(
        impl<$($t: IntoPy),+> IntoPy for ($($t,)+) {
            fn into_py(self) -> Result<Object> {
                Ok(Object(Value::tuple(vec![$(self.$i.into_py()?.0),+])))
            }
        }

        impl<$($t: FromPy),+> FromPy for ($($t,)+) {
            /// A tuple or list of exactly this length.
            fn from_py(obj: &Object) -> Result<Self> {
                let items = sequence_items(obj, concat!("a tuple of ", $n))?;
                if items.len() != $n {
                    return Err(Error::value_error(format!(
                        "expected a sequence of {} items, got {}",
                        $n,
                        items.len()
                    )));
                }
                Ok(($($t::from_py(&Object(items[$i].clone()))?,)+))
            }
        }
    )*};
}

/// Calls `$m!` with the tuple arities the conversions cover: `n: (Type
/// index, ...)` for 1 to 8 elements.
macro_rules! for_each_tuple {
    ($m:ident) => {
        $m! {
            1: (A 0);
            2: (A 0, B 1);
            3: (A 0, B 1, C 2);
            4: (A 0, B 1, C 2, D 3);
            5: (A 0, B 1, C 2, D 3, E 4);
            6: (A 0, B 1, C 2, D 3, E 4, F 5);
            7: (A 0, B 1, C 2, D 3, E 4, F 5, G 6);
            8: (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
        }
    };
}

pub(crate) use for_each_tuple;

for_each_tuple!(tuples);

/// A dict from key-value pairs (keys must be hashable builtin values).
fn dict_of(pairs: impl Iterator<Item = Result<(Object, Object)>>) -> Result<Object> {
    let mut d = Dict::default();
    for pair in pairs {
        let (k, v) = pair?;
        d.set(k.0, v.0).map_err(Error::from_py)?;
    }
    Ok(Object(new_dict(d)))
}

/// The (key, value) pairs of a dict, copied out.
fn dict_items(obj: &Object, want: &str) -> Result<Vec<(Value, Value)>> {
    match &obj.0 {
        Value::Dict(d) => Ok(d
            .borrow()
            .map
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect()),
        _ => Err(wrong_type(obj, want)),
    }
}

impl<K: IntoPy, V: IntoPy, S> IntoPy for HashMap<K, V, S> {
    fn into_py(self) -> Result<Object> {
        dict_of(
            self.into_iter()
                .map(|(k, v)| Ok((k.into_py()?, v.into_py()?))),
        )
    }
}

impl<K: FromPy + Eq + Hash, V: FromPy, S: BuildHasher + Default> FromPy for HashMap<K, V, S> {
    fn from_py(obj: &Object) -> Result<Self> {
        dict_items(obj, "HashMap")?
            .into_iter()
            .map(|(k, v)| Ok((K::from_py(&Object(k))?, V::from_py(&Object(v))?)))
            .collect()
    }
}

impl<K: IntoPy, V: IntoPy> IntoPy for BTreeMap<K, V> {
    fn into_py(self) -> Result<Object> {
        dict_of(
            self.into_iter()
                .map(|(k, v)| Ok((k.into_py()?, v.into_py()?))),
        )
    }
}

impl<K: FromPy + Ord, V: FromPy> FromPy for BTreeMap<K, V> {
    fn from_py(obj: &Object) -> Result<Self> {
        dict_items(obj, "BTreeMap")?
            .into_iter()
            .map(|(k, v)| Ok((K::from_py(&Object(k))?, V::from_py(&Object(v))?)))
            .collect()
    }
}

impl<K: IntoPy, V: IntoPy, S> IntoPy for indexmap::IndexMap<K, V, S> {
    /// A dict in the map's order.
    fn into_py(self) -> Result<Object> {
        dict_of(
            self.into_iter()
                .map(|(k, v)| Ok((k.into_py()?, v.into_py()?))),
        )
    }
}

impl<K: FromPy + Eq + Hash, V: FromPy, S: BuildHasher + Default> FromPy
    for indexmap::IndexMap<K, V, S>
{
    /// In the dict's order.
    fn from_py(obj: &Object) -> Result<Self> {
        dict_items(obj, "IndexMap")?
            .into_iter()
            .map(|(k, v)| Ok((K::from_py(&Object(k))?, V::from_py(&Object(v))?)))
            .collect()
    }
}

impl From<Value> for Object {
    fn from(v: Value) -> Object {
        Object(v)
    }
}
