//! Heap objects behind `Value`'s reference-counted variants.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{PyResult, Value};
use crate::bytecode::Code;

/// A module's global namespace. Keys are identifiers: FxHash, not SipHash
/// (no untrusted keys to defend against, and every LOAD_GLOBAL hashes one).
#[derive(Debug)]
pub struct Namespace {
    map: RefCell<super::class::AttrMap>,
    /// Changes whenever a binding does; unique across namespaces.
    version: Cell<u64>,
    /// Changes whenever the set of names does (a name bound for the first
    /// time, unbound, everything replaced), not when a value does: while
    /// it stays, every name keeps its index in `map`. Unique across
    /// namespaces (and never 0), so LOAD_GLOBAL's cache keys an index on it.
    layout: Cell<u64>,
    /// For a class body whose metaclass's `__prepare__` gave a mapping
    /// that is not a plain dict (enum's member-tracking dict): the body's
    /// names are read, stored and deleted through its `__getitem__`,
    /// `__setitem__` and `__delitem__` instead of `map`.
    mapping: RefCell<Option<Value>>,
}

impl Default for Namespace {
    fn default() -> Namespace {
        Namespace {
            map: RefCell::default(),
            version: Cell::new(next_version()),
            layout: Cell::new(next_version()),
            mapping: RefCell::new(None),
        }
    }
}

/// A version number no namespace has had.
fn next_version() -> u64 {
    thread_local! {
        static NEXT: Cell<u64> = const { Cell::new(1) };
    }
    NEXT.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

impl Namespace {
    /// The mapping a class body's names go through, if not this.
    #[inline]
    pub fn mapping(&self) -> Option<Value> {
        self.mapping.borrow().clone()
    }

    /// Makes the names of the class body running on this namespace go
    /// through `m` (see [`Namespace::mapping`]).
    pub fn set_mapping(&self, m: Value) {
        *self.mapping.borrow_mut() = Some(m);
    }

    /// The current version (see the field).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// The current layout (see the field).
    #[inline(always)]
    pub fn layout(&self) -> u64 {
        self.layout.get()
    }

    /// A binding changed, and perhaps the set of names.
    fn changed(&self) {
        self.version.set(next_version());
        self.layout.set(next_version());
    }

    /// The value bound to `name`.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.map.borrow().get(name).cloned()
    }

    /// Where `name` is in the map (valid while the layout stays).
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.map.borrow().get_index_of(name)
    }

    /// The value at index `i` of the map.
    #[inline(always)]
    pub fn value_at(&self, i: usize) -> Option<Value> {
        self.map.borrow().get_index(i).map(|(_, v)| v.clone())
    }

    /// The map itself, for the interpreter's quick path (which reads it
    /// through an unguarded borrow).
    #[inline(always)]
    pub(crate) fn map_cell(&self) -> &RefCell<super::class::AttrMap> {
        &self.map
    }

    /// Binds `name`.
    pub fn set(&self, name: Rc<str>, v: Value) {
        // The old value is dropped after the borrow ends: its drop cannot
        // reach this namespace while it is borrowed.
        let (_, old) = self.map.borrow_mut().insert_full(name, v);
        self.version.set(next_version());
        if old.is_none() {
            self.layout.set(next_version());
        }
        drop(old);
    }
    /// Unbinds every name (what CPython does to a module's dict at
    /// shutdown): breaks the cycles between a module's functions and the
    /// globals they hold.
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.map.borrow_mut());
        self.changed();
        drop(old);
    }

    /// A new dict holding the bindings (what reads of the namespace as a
    /// dict, `Value::Globals`, go through).
    pub fn as_dict(&self) -> PyResult<Value> {
        dict_of(self.items())
    }

    /// Makes the bindings those of `d` (its str keys), after a dict method
    /// changed the copy [`Namespace::as_dict`] made.
    pub fn assign_from(&self, d: &Value) {
        let Some(items) = str_items(d) else { return };
        let old = std::mem::take(&mut *self.map.borrow_mut());
        self.map.borrow_mut().extend(items);
        self.changed();
        drop(old);
    }

    /// Unbinds the name bound last, giving its value (a module emptied at
    /// the end, newest names first, so that what an object's cleanup uses
    /// is still there while it runs).
    pub fn pop_last(&self) -> Option<Value> {
        let last = self.map.borrow_mut().pop();
        self.changed();
        last.map(|(_, v)| v)
    }

    /// Takes every binding out (a class body's namespace becoming the class dict).
    pub fn take(&self) -> super::class::AttrMap {
        self.changed();
        std::mem::take(&mut *self.map.borrow_mut())
    }

    /// Every bound name.
    pub fn names(&self) -> Vec<String> {
        self.map.borrow().keys().map(|k| k.to_string()).collect()
    }

    /// Every bound value (copied out: no borrow is held afterwards).
    pub fn values(&self) -> Vec<Value> {
        self.map.borrow().values().cloned().collect()
    }

    /// Every binding, sorted by name (the map keeps no insertion order).
    pub fn items(&self) -> Vec<(Rc<str>, Value)> {
        let mut v: Vec<(Rc<str>, Value)> = self
            .map
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// Calls `f` on every value it holds (its bindings, and the mapping of
    /// a class body); false if it is borrowed (the collector then counts
    /// its references as ones from outside).
    pub(crate) fn visit_values(&self, f: &mut dyn FnMut(&Value)) -> bool {
        let (Ok(map), Ok(mapping)) = (self.map.try_borrow(), self.mapping.try_borrow()) else {
            return false;
        };
        map.values().for_each(&mut *f);
        mapping.iter().for_each(f);
        true
    }

    /// Takes every binding's value out, for the collector to drop (nothing
    /// if it is borrowed).
    pub(crate) fn try_take_values(&self) -> Vec<Value> {
        let Ok(mut map) = self.map.try_borrow_mut() else {
            return Vec::new();
        };
        let old = std::mem::take(&mut *map);
        drop(map);
        self.changed();
        let mut out: Vec<Value> = old.into_values().collect();
        if let Ok(mut m) = self.mapping.try_borrow_mut() {
            out.extend(m.take());
        }
        out
    }

    /// Unbinds `name`; false if it was not bound.
    pub fn remove(&self, name: &str) -> bool {
        let old = self.map.borrow_mut().shift_remove(name);
        self.changed();
        old.is_some()
    }
}

/// A new dict of name bindings.
fn dict_of(items: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
    let mut d = super::dict::Dict::default();
    for (k, v) in items {
        d.set(Value::str(&*k), v)?;
    }
    Ok(super::dict::new_dict(d))
}

/// The str-keyed entries of dict `d` (None if it is no dict).
fn str_items(d: &Value) -> Option<Vec<(Rc<str>, Value)>> {
    let Value::Dict(d) = d else { return None };
    let items = d
        .borrow()
        .map
        .iter()
        .filter_map(|(k, v)| match &k.0 {
            Value::Str(s) => Some((Rc::from(s.as_str()), v.clone())),
            _ => None,
        })
        .collect();
    Some(items)
}

/// What a live `dict` view of names reads and writes (`Value::Globals`):
/// a module's or class body's namespace (`globals()`, `locals()`,
/// `f.__globals__`), or an instance's attributes (`obj.__dict__`).
#[derive(Debug, Clone)]
pub enum NsRef {
    /// A namespace (writes bump its version, as every binding does).
    Ns(Rc<Namespace>),
    /// An instance's attribute map.
    Inst(Rc<super::class::Instance>),
}

impl NsRef {
    /// The value bound to `name`.
    pub fn get(&self, name: &str) -> Option<Value> {
        match self {
            NsRef::Ns(n) => n.get(name),
            NsRef::Inst(i) => i.dict.borrow().get(name).cloned(),
        }
    }

    /// Binds `name`.
    pub fn set(&self, name: Rc<str>, v: Value) {
        match self {
            NsRef::Ns(n) => n.set(name, v),
            NsRef::Inst(i) => {
                let old = i.dict.borrow_mut().insert(name, v);
                drop(old);
            }
        }
    }

    /// Unbinds `name`; false if it was not bound.
    pub fn remove(&self, name: &str) -> bool {
        match self {
            NsRef::Ns(n) => n.remove(name),
            NsRef::Inst(i) => {
                let old = i.dict.borrow_mut().shift_remove(name);
                old.is_some()
            }
        }
    }

    /// Every bound name.
    pub fn names(&self) -> Vec<String> {
        match self {
            NsRef::Ns(n) => n.names(),
            NsRef::Inst(i) => i.dict.borrow().keys().map(|k| k.to_string()).collect(),
        }
    }

    /// A new dict of the bindings (an instance's in the order they were made).
    pub fn as_dict(&self) -> PyResult<Value> {
        match self {
            NsRef::Ns(n) => n.as_dict(),
            NsRef::Inst(i) => {
                let items: Vec<(Rc<str>, Value)> = i
                    .dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                dict_of(items)
            }
        }
    }

    /// Makes the bindings those of dict `d` (its str keys).
    pub fn assign_from(&self, d: &Value) {
        match self {
            NsRef::Ns(n) => n.assign_from(d),
            NsRef::Inst(i) => {
                let Some(items) = str_items(d) else { return };
                let old = i.dict.borrow_mut().replace(items);
                drop(old);
            }
        }
    }

    /// Where the bindings live (for `is` and for repr's cycle guard).
    pub fn addr(&self) -> usize {
        match self {
            NsRef::Ns(n) => Rc::as_ptr(n) as usize,
            NsRef::Inst(i) => Rc::as_ptr(i) as usize,
        }
    }

    /// The namespace, if this views one.
    pub fn namespace(&self) -> Option<&Rc<Namespace>> {
        match self {
            NsRef::Ns(n) => Some(n),
            NsRef::Inst(_) => None,
        }
    }
}

/// A Python function: code, the globals it was defined in, defaults and
/// closure cells.
#[derive(Debug)]
pub struct Function {
    /// The code object.
    pub code: Rc<Code>,
    /// Globals of the defining module.
    pub globals: Rc<Namespace>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// Cells for the code's free variables.
    pub closure: Vec<Rc<RefCell<Value>>>,
    /// Attributes set on the function (`f.calls = 0`, `f.__name__ = ...`).
    pub dict: super::class::Attrs,
}

/// A builtin's body: positional arguments, then keyword arguments.
pub type BuiltinFn =
    fn(&mut super::builtins::Ctx, Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value>;

/// The positional arguments of a host function: a handful without an
/// allocation.
pub type HostArgs = smallvec::SmallVec<[Value; 8]>;

/// A host function's body: the VM (to call back into), positional
/// arguments, keyword arguments.
pub type HostFnBody =
    dyn Fn(&mut crate::interp::Vm, HostArgs, Vec<(Rc<str>, Value)>) -> PyResult<Value>;

/// A function written by the host in Rust: a closure, with whatever state
/// it captured.
pub struct HostFn {
    /// `__name__`.
    pub name: Rc<str>,
    /// Found on a class through an instance, it binds the instance as its
    /// first argument, as a Python function does (a userdata method).
    pub method: bool,
    /// The closure.
    pub call: Box<HostFnBody>,
}

impl std::fmt::Debug for HostFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// A builtin function.
pub struct Builtin {
    /// Its name.
    pub name: &'static str,
    /// Positional arguments, then keyword arguments as (name, value).
    pub call: BuiltinFn,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// `range(start, stop, step)`; step is never 0. When the three and the
/// length fit a machine word (`big` is None) the i64 fields are the range;
/// otherwise `big` holds it and the i64 fields are unused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// Bound (excluded).
    pub stop: i64,
    /// Step, non-zero.
    pub step: i64,
    /// The range when it is beyond machine words.
    pub big: Option<Rc<BigRange>>,
}

/// A range of big ints.
#[derive(Debug, PartialEq, Eq)]
pub struct BigRange {
    /// First value.
    pub start: num_bigint::BigInt,
    /// Bound (excluded).
    pub stop: num_bigint::BigInt,
    /// Step, non-zero.
    pub step: num_bigint::BigInt,
    /// Number of values.
    pub len: num_bigint::BigInt,
}

impl Range {
    /// A range of machine words (`None` if its length is not one).
    pub fn small(start: i64, stop: i64, step: i64) -> Option<Range> {
        let r = Range {
            start,
            stop,
            step,
            big: None,
        };
        (Self::count(start as i128, stop as i128, step as i128) <= i64::MAX as i128).then_some(r)
    }

    /// Any range (step non-zero).
    pub fn new(
        start: num_bigint::BigInt,
        stop: num_bigint::BigInt,
        step: num_bigint::BigInt,
    ) -> Range {
        use num_traits::ToPrimitive;
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64())
            && let Some(r) = Range::small(a, b, c)
        {
            return r;
        }
        let zero = num_bigint::BigInt::from(0);
        let (lo, hi, st) = if step > zero {
            (&start, &stop, step.clone())
        } else {
            (&stop, &start, -&step)
        };
        let len = if lo >= hi {
            zero
        } else {
            (hi - lo - 1u32) / st + 1u32
        };
        Range {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Rc::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        }
    }

    fn count(start: i128, stop: i128, step: i128) -> i128 {
        let (lo, hi, step) = if step > 0 {
            (start, stop, step)
        } else {
            (stop, start, -step)
        };
        if lo >= hi {
            0
        } else {
            (hi - lo - 1) / step + 1
        }
    }

    /// Number of values (of a machine-word range; see `len_big`).
    pub fn len(&self) -> i64 {
        match &self.big {
            None => Self::count(self.start as i128, self.stop as i128, self.step as i128) as i64,
            Some(b) => num_traits::ToPrimitive::to_i64(&b.len).unwrap_or(i64::MAX),
        }
    }

    /// Number of values, or OverflowError past a machine word (`len()`).
    pub fn len_checked(&self) -> super::PyResult<i64> {
        match &self.big {
            None => Ok(self.len()),
            Some(b) => num_traits::ToPrimitive::to_i64(&b.len).ok_or_else(|| {
                super::PyErr::new(
                    super::ExcKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                )
            }),
        }
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        match &self.big {
            None => self.len() == 0,
            Some(b) => num_traits::Zero::is_zero(&b.len),
        }
    }

    /// (start, stop, step, len) as big ints.
    pub fn parts(&self) -> [num_bigint::BigInt; 4] {
        use num_bigint::BigInt;
        match &self.big {
            None => [
                BigInt::from(self.start),
                BigInt::from(self.stop),
                BigInt::from(self.step),
                BigInt::from(self.len()),
            ],
            Some(b) => [
                b.start.clone(),
                b.stop.clone(),
                b.step.clone(),
                b.len.clone(),
            ],
        }
    }

    /// Number of values as `len()` gives it: OverflowError past
    /// `sys.maxsize` (`range(-2**63, 2**63 - 1)` has 2**64 - 1), as CPython.
    pub fn checked_len(&self) -> PyResult<usize> {
        usize::try_from(self.len()).map_err(|_| {
            super::PyErr::new(
                super::ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })
    }

    /// `reversed(range)`: an iterator from the last value down, made at
    /// once whatever the length (the count of values left is kept as
    /// `len()`'s bits, so 2**64 - 1 values iterate too).
    pub fn reversed(&self) -> Iter {
        let n = self.len();
        let last = if n == 0 {
            self.start
        } else {
            // An element of the range: fits.
            (self.start as i128 + (n as u64 as i128 - 1) * self.step as i128) as i64
        };
        Iter::Range {
            next: Cell::new(last),
            left: Cell::new(n),
            step: self.step.wrapping_neg(),
        }
    }
}

/// Iterator states.
#[derive(Debug)]
pub enum Iter {
    /// Over a range.
    Range {
        /// The value to give next.
        next: Cell<i64>,
        /// How many are left.
        left: Cell<i64>,
        /// The range's step.
        step: i64,
    },
    /// Over a range beyond machine words.
    BigRange {
        /// The value to give next.
        next: RefCell<num_bigint::BigInt>,
        /// How many are left.
        left: RefCell<num_bigint::BigInt>,
        /// The range's step.
        step: num_bigint::BigInt,
    },
    /// Over a list (sees changes made while iterating, as CPython's does).
    List {
        /// The list.
        list: Rc<RefCell<super::seqobj::Seq>>,
        /// Index of the next item.
        index: Cell<usize>,
    },
    /// Over a tuple.
    Tuple {
        /// The items.
        items: Rc<super::seqobj::Seq>,
        /// Index of the next item.
        index: Cell<usize>,
    },
    /// `enumerate(inner, start)`.
    Enumerate {
        /// What is counted.
        inner: Rc<Iter>,
        /// The next count (an int, past a machine word too).
        count: RefCell<Value>,
    },
    /// `zip(*inners)`: stops at the shortest.
    Zip {
        /// One iterator per argument.
        inners: Vec<Rc<Iter>>,
    },
    /// Over a generator or an iterator object: each step may run
    /// Python code.
    Lazy(Value),
    /// Over a set or frozenset: its keys when iteration began, in table
    /// order (CPython raises if the set changes size meanwhile).
    Set {
        /// The keys.
        items: super::seqobj::Seq,
        /// Index of the next one.
        index: Cell<usize>,
    },
    /// Over the bytes of a bytes, bytearray or memoryview (ints; sees
    /// changes to a bytearray, as CPython's does).
    Bytes {
        /// What is iterated.
        src: Value,
        /// Index of the next byte.
        index: Cell<usize>,
    },
    /// Over a dict, a dict view or a set: its items when iteration began,
    /// and the container, whose size must not change meanwhile (CPython
    /// raises RuntimeError when it does).
    Watched {
        /// The items.
        items: super::seqobj::Seq,
        /// Index of the next one.
        index: Cell<usize>,
        /// The container and its size when iteration began.
        source: Watch,
        /// The iterator's type name.
        type_name: &'static str,
    },
    /// `map(func, *inners)`: calls `func` on one item of each, as asked.
    Map {
        /// The function.
        func: Value,
        /// One iterator per iterable; stops at the shortest (boxed: keeps
        /// `Iter` no larger than its other variants).
        inners: Box<[Rc<Iter>]>,
    },
    /// `filter(func, inner)`: the items for which `func` (None: the item
    /// itself) is true, found as asked.
    Filter {
        /// The predicate, or None.
        func: Value,
        /// What is filtered.
        inner: Rc<Iter>,
    },
    /// `zip(*inners, strict=True)`: ValueError when one ends before the others.
    ZipStrict {
        /// One iterator per argument.
        inners: Box<[Rc<Iter>]>,
    },
    /// `iter(func, sentinel)`: calls `func` until it returns `sentinel`.
    Call {
        /// What is called.
        func: Value,
        /// The value that ends the iteration.
        sentinel: Value,
        /// Whether the sentinel was seen.
        done: Cell<bool>,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError
    /// (or StopIteration).
    GetItem {
        /// The object with `__getitem__`.
        obj: Value,
        /// The next index.
        index: Cell<i64>,
    },
    /// `reversed(list)`: from the end down, seeing the list's changes as
    /// CPython's `list_reverseiterator` does.
    ListRev {
        /// The list.
        list: Rc<RefCell<super::seqobj::Seq>>,
        /// How many items are left to give (the next index plus one).
        left: Cell<usize>,
    },
    /// Over the characters of a string.
    Str {
        /// The characters.
        chars: Vec<char>,
        /// Index of the next one.
        index: Cell<usize>,
    },
}

/// The container a `Watched` iterator goes over, with its size then.
#[derive(Debug)]
pub enum Watch {
    /// A dict (or a view of one).
    Dict(Rc<RefCell<super::dict::Dict>>, usize),
    /// A set.
    Set(Rc<RefCell<super::set::SetObj>>, usize),
}

impl Watch {
    /// RuntimeError if the container's size changed.
    fn check(&self) -> PyResult<()> {
        let (now, then, what) = match self {
            Watch::Dict(d, n) => (d.borrow().map.len(), *n, "dictionary"),
            Watch::Set(s, n) => (s.borrow().len(), *n, "Set"),
        };
        if now != then {
            return Err(super::PyErr::new(
                super::ExcKind::RuntimeError,
                format!("{what} changed size during iteration"),
            ));
        }
        Ok(())
    }
}

impl Iter {
    /// The next item, or `None` when exhausted; `h` runs the Python code a
    /// lazy iterator's step needs.
    pub fn next(&self, h: &mut super::builtins::Ctx) -> PyResult<Option<Value>> {
        Ok(match self {
            Iter::Lazy(v) => return h.next(v),
            Iter::Watched { source, .. } => {
                source.check()?;
                self.next_plain()
            }
            Iter::Enumerate { inner, count } => {
                let Some(v) = inner.next(h)? else {
                    return Ok(None);
                };
                let next = match &*count.borrow() {
                    Value::Int(n) => n.checked_add(1).map_or_else(
                        || Value::from_bigint(num_bigint::BigInt::from(*n) + 1),
                        Value::Int,
                    ),
                    other => Value::from_bigint(other.as_bigint().unwrap_or_default() + 1),
                };
                let n = count.replace(next);
                Some(Value::tuple(vec![n, v]))
            }
            Iter::Zip { inners } => {
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(inners.len());
                for it in inners {
                    match it.next(h)? {
                        Some(v) => items.push(v),
                        None => return Ok(None),
                    }
                }
                Some(Value::tuple(items))
            }
            Iter::Map { func, inners } => {
                let mut args = Vec::with_capacity(inners.len());
                for it in inners {
                    match it.next(h)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Some(h.call(func, args)?)
            }
            Iter::ZipStrict { inners } => {
                // "arguments 1-k" (the ones before the k+1-th).
                let before = |k: usize| {
                    if k == 1 {
                        "argument 1".to_string()
                    } else {
                        format!("arguments 1-{k}")
                    }
                };
                let mut items = Vec::with_capacity(inners.len());
                for (i, it) in inners.iter().enumerate() {
                    match it.next(h)? {
                        Some(v) => items.push(v),
                        None if i == 0 => {
                            // The first ended: so must every other.
                            for (j, other) in inners.iter().enumerate().skip(1) {
                                if other.next(h)?.is_some() {
                                    return Err(super::PyErr::value_error(format!(
                                        "zip() argument {} is longer than {}",
                                        j + 1,
                                        before(j)
                                    )));
                                }
                            }
                            return Ok(None);
                        }
                        None => {
                            return Err(super::PyErr::value_error(format!(
                                "zip() argument {} is shorter than {}",
                                i + 1,
                                before(i)
                            )));
                        }
                    }
                }
                Some(Value::tuple(items))
            }
            Iter::Call {
                func,
                sentinel,
                done,
            } => {
                if done.get() {
                    return Ok(None);
                }
                let v = h.call(func, Vec::new())?;
                if h.equal(&v, sentinel)? {
                    done.set(true);
                    return Ok(None);
                }
                Some(v)
            }
            Iter::GetItem { obj, index } => {
                let i = index.get();
                match h.getitem(obj, &Value::Int(i)) {
                    Ok(v) => {
                        index.set(i + 1);
                        Some(v)
                    }
                    Err(e)
                        if e.is(super::ExcKind::IndexError)
                            || e.is(super::ExcKind::StopIteration) =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            Iter::Filter { func, inner } => loop {
                let Some(v) = inner.next(h)? else {
                    return Ok(None);
                };
                let keep = match func {
                    Value::None => h.truthy(&v)?,
                    f => {
                        let r = h.call(f, vec![v.clone()])?;
                        h.truthy(&r)?
                    }
                };
                if keep {
                    break Some(v);
                }
            },
            _ => self.next_plain(),
        })
    }

    /// For a range iterator, its next int (`Some(None)` when exhausted);
    /// `None` for other iterators. Inline: FOR_ITER's common case.
    #[inline(always)]
    pub fn next_in_range(&self) -> Option<Option<Value>> {
        let Iter::Range { next, left, step } = self else {
            return None;
        };
        if left.get() == 0 {
            return Some(None);
        }
        let v = next.get();
        left.set(left.get() - 1);
        next.set(v.wrapping_add(*step));
        Some(Some(Value::Int(v)))
    }

    /// The next item of an iterator over a builtin iterable (what
    /// `make_iter` makes: never `Lazy`, enumerate or zip).
    pub fn next_builtin(&self) -> Option<Value> {
        self.next_plain()
    }

    /// The next item of an iterator that runs no Python code (not
    /// `Lazy`, nor enumerate or zip around one).
    fn next_plain(&self) -> Option<Value> {
        match self {
            Iter::Range { .. } => self.next_in_range().flatten(),
            Iter::List { list, index } => {
                let i = index.get();
                let v = list.borrow().get(i).cloned()?;
                index.set(i + 1);
                Some(v)
            }
            Iter::Tuple { items, index } => {
                let i = index.get();
                let v = items.get(i).cloned()?;
                index.set(i + 1);
                Some(v)
            }
            Iter::Lazy(_)
            | Iter::Enumerate { .. }
            | Iter::Zip { .. }
            | Iter::Map { .. }
            | Iter::Filter { .. }
            | Iter::ZipStrict { .. }
            | Iter::Call { .. }
            | Iter::GetItem { .. } => None,
            Iter::ListRev { list, left } => {
                let n = left.get();
                if n == 0 {
                    return None;
                }
                let list = list.borrow();
                // A list that shrank meanwhile ends the iteration.
                let v = if n <= list.len() {
                    list.get(n - 1).cloned()
                } else {
                    None
                };
                left.set(if v.is_some() { n - 1 } else { 0 });
                v
            }
            Iter::Set { items, index } => {
                let i = index.get();
                let v = items.get(i).cloned()?;
                index.set(i + 1);
                Some(v)
            }
            Iter::Bytes { src, index } => {
                let i = index.get();
                let v = super::bytes::item_at(src, i)?;
                index.set(i + 1);
                Some(v)
            }
            Iter::BigRange { next, left, step } => {
                if num_traits::Zero::is_zero(&*left.borrow()) {
                    return None;
                }
                *left.borrow_mut() -= 1u32;
                let v = next.borrow().clone();
                *next.borrow_mut() += step;
                Some(Value::from_bigint(v))
            }
            Iter::Watched { items, index, .. } => {
                let i = index.get();
                let v = items.get(i).cloned()?;
                index.set(i + 1);
                Some(v)
            }
            Iter::Str { chars, index } => {
                let i = index.get();
                let c = *chars.get(i)?;
                index.set(i + 1);
                Some(Value::str(c.to_string()))
            }
        }
    }
}

/// Where a generator's frame is.
#[derive(Debug)]
pub enum GenState {
    /// Suspended (or not yet started): the frame, off the call chain.
    Suspended(crate::frame::FramePtr<Value>),
    /// Running now (its frame is on the call chain).
    Running,
    /// Returned or raised: the frame is gone.
    Done,
}

/// Frames of generators dropped while suspended, with the functions that
/// keep their code alive, until the VM gives them back to its allocator
/// (a drop cannot reach the allocator itself).
pub type Graveyard = Rc<RefCell<Vec<(crate::frame::FramePtr<Value>, Rc<Function>)>>>;

/// A generator: a function's frame that runs in steps.
#[derive(Debug)]
pub struct Generator {
    /// The generator function (its code and globals outlive the frame).
    pub func: Rc<Function>,
    /// Where the frame is.
    pub state: RefCell<GenState>,
    /// Where a suspended frame goes when the generator is dropped.
    pub graveyard: Graveyard,
    /// The exception its frame was handling when it yielded (a generator
    /// keeps its own, as CPython's `gi_exc_state`).
    pub exc_state: RefCell<Option<Value>>,
    /// Generator, coroutine, or the iterator a coroutine's `__await__`
    /// gives.
    pub kind: GenKind,
}

/// What a [`Generator`] is to Python: the frame machinery is one.
#[derive(Debug)]
pub enum GenKind {
    /// A generator (the call of a function that yields).
    Generator,
    /// A coroutine (the call of an `async def` function).
    Coroutine,
    /// `coro.__await__()`: an iterator stepping that coroutine (its own
    /// state is unused: every step goes to the coroutine).
    Wrapper(Rc<Generator>),
    /// An async generator (the call of an `async def` function that
    /// yields).
    AsyncGenerator,
    /// What `__anext__`, `asend`, `athrow` or `aclose` of an async
    /// generator returns: an awaitable that runs the generator to its next
    /// value (its own state is unused).
    AsyncOp(AsyncOp),
}

/// One pending `asend`/`athrow`/`aclose` of an async generator.
#[derive(Debug)]
pub struct AsyncOp {
    /// The async generator it steps.
    pub agen: Rc<Generator>,
    /// What it does.
    pub what: AsyncOpKind,
    /// Not started, running, or finished (it cannot be awaited again).
    pub state: std::cell::Cell<AsyncOpState>,
}

/// What an [`AsyncOp`] sends into its async generator first.
#[derive(Debug)]
pub enum AsyncOpKind {
    /// `__anext__()` (None) or `asend(v)`: this value.
    Send(RefCell<Option<Value>>),
    /// `athrow(exc)`: this exception object.
    Throw(RefCell<Option<Value>>),
    /// `aclose()`: GeneratorExit.
    Close,
}

/// Where an [`AsyncOp`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncOpState {
    /// Not stepped yet.
    Init,
    /// Stepped, waiting for the generator's next value.
    Iter,
    /// Done: stepping it again is an error.
    Closed,
}

impl Generator {
    /// The generator whose frame a step runs: a wrapper's coroutine.
    pub fn target(self: &Rc<Self>) -> &Rc<Generator> {
        match &self.kind {
            GenKind::Wrapper(c) => c,
            _ => self,
        }
    }

    /// Whether this is a coroutine object (not a wrapper of one).
    pub fn is_coroutine(&self) -> bool {
        matches!(self.kind, GenKind::Coroutine)
    }

    /// Whether this is an iterator (`iter`, `next`, `for` take it): not
    /// a coroutine or an async generator.
    pub fn iterates(&self) -> bool {
        !matches!(self.kind, GenKind::Coroutine | GenKind::AsyncGenerator)
    }

    /// What CPython's messages call it: "generator", "coroutine",
    /// "async generator".
    pub fn what(&self) -> &'static str {
        match self.kind {
            GenKind::AsyncGenerator => "async generator",
            _ => self.type_name(),
        }
    }

    /// The type's name: `generator`, `coroutine`, `coroutine_wrapper`.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::Wrapper(_) => "coroutine_wrapper",
            GenKind::AsyncGenerator => "async_generator",
            GenKind::AsyncOp(AsyncOp {
                what: AsyncOpKind::Send(_),
                ..
            }) => "async_generator_asend",
            GenKind::AsyncOp(_) => "async_generator_athrow",
        }
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        let state = std::mem::replace(self.state.get_mut(), GenState::Done);
        if let GenState::Suspended(fp) = state {
            self.graveyard.borrow_mut().push((fp, self.func.clone()));
        }
    }
}
