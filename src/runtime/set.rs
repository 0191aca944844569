//! `set` and `frozenset`: an open-addressing hash table laid out as
//! CPython lays out its sets, so that iteration (and so `print`) shows
//! the items in CPython's order.
//!
//! The table's rules, which decide that order:
//! - 8 slots to start; the size is always a power of two.
//! - A key's probe sequence starts at `hash & mask`, looks at up to 9
//!   following slots when they do not wrap around the end, then jumps to
//!   `(i * 5 + 1 + perturb) & mask`, where `perturb` starts as the hash and
//!   loses 5 bits at every jump.
//! - A removed key leaves a dummy slot (hash -1) that searches walk past;
//!   an insertion reuses the last dummy its search walked past.
//! - `fill` counts active and dummy slots; when an insertion into a fresh
//!   slot brings `fill * 5` to `mask * 3` or more, the table is rebuilt
//!   with the smallest size above `used * 4` (`used * 2` past 50,000
//!   items), re-inserting the keys in slot order.
//! - Iteration is in slot order.
//!
//! The operations (`|`, `&`, `-`, `^`, their methods, `copy`, `set(x)`)
//! build their results the way CPython's do, step for step where the
//! steps decide the layout: a union copies its left operand and adds the
//! right one, an intersection walks the smaller operand, and so on.

use std::cell::{Cell, Ref, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use super::builtins::{Ctx, make_iter};
use super::hash::hash;
use super::object::{Builtin, Iter};
use super::{ExcKind, PyErr, PyResult, Value, ops};
use crate::bytecode::{BinOp, CmpOp};

/// Slots in a new table (CPython's `PySet_MINSIZE`).
const MIN_SIZE: usize = 8;

/// Slots looked at next to a probe before jumping elsewhere.
const LINEAR_PROBES: usize = 9;

/// Bits of the hash that each jump of a probe sequence brings in.
const PERTURB_SHIFT: u32 = 5;

/// The hash of a dummy slot (no real hash is -1).
const DUMMY: i64 = -1;

/// One slot: unused (`Empty`, hash 0), dummy (`Empty`, hash -1) or active.
#[derive(Clone, Debug)]
struct Slot {
    hash: i64,
    key: Value,
}

impl Slot {
    const UNUSED: Slot = Slot {
        hash: 0,
        key: Value::Empty,
    };

    fn is_unused(&self) -> bool {
        self.hash == 0 && matches!(self.key, Value::Empty)
    }

    fn is_active(&self) -> bool {
        !matches!(self.key, Value::Empty)
    }
}

/// The contents of a set or frozenset.
#[derive(Debug)]
pub struct SetObj {
    /// `mask + 1` slots.
    table: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots: `len(s)`.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
    /// A frozenset's hash, once computed.
    hash: Cell<Option<i64>>,
}

impl Default for SetObj {
    fn default() -> SetObj {
        SetObj::new()
    }
}

impl Drop for SetObj {
    fn drop(&mut self) {
        if self.used > 0 {
            // Through the trashcan: deeply nested frozensets drop iteratively.
            let keys = std::mem::take(&mut self.table)
                .into_iter()
                .filter(Slot::is_active)
                .map(|s| s.key)
                .collect();
            super::seqobj::release(keys);
        }
    }
}

/// The outcome of a search for a key.
enum Found {
    /// At this active slot.
    At(usize),
    /// Absent: the search ended at this unused slot, having walked past
    /// this dummy last (if any).
    Absent(usize, Option<usize>),
}

/// Whether a slot's key is `key`: the same object, or equal.
fn same_key(slot_key: &Value, key: &Value) -> PyResult<bool> {
    Ok(ops::is(slot_key, key) || ops::eq_checked(slot_key, key)?)
}

impl SetObj {
    /// An empty set.
    pub fn new() -> SetObj {
        SetObj {
            table: vec![Slot::UNUSED; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            hash: Cell::new(None),
        }
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The keys and their hashes, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (&Value, i64)> {
        self.table
            .iter()
            .filter(|s| s.is_active())
            .map(|s| (&s.key, s.hash))
    }

    /// The keys, in table order.
    pub fn keys(&self) -> Vec<Value> {
        self.entries().map(|(k, _)| k.clone()).collect()
    }

    /// Searches for `key` along its probe sequence.
    fn find(&self, key: &Value, hash: i64) -> PyResult<Found> {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        let mut dummy = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let slot = &self.table[j];
                if slot.is_unused() {
                    return Ok(Found::Absent(j, dummy));
                }
                if slot.hash == hash && slot.is_active() {
                    if same_key(&slot.key, key)? {
                        return Ok(Found::At(j));
                    }
                } else if slot.hash == DUMMY {
                    dummy = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        }
    }

    /// The keys whose hash is `hash` along its probe sequence: those an
    /// equal key would be compared with.
    pub fn colliding(&self, hash: i64) -> Vec<Value> {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        let mut out = Vec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for slot in &self.table[i..=i + probes] {
                if slot.is_unused() {
                    return out;
                }
                if slot.hash == hash && slot.is_active() {
                    out.push(slot.key.clone());
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        }
    }

    /// Whether `key` (whose hash is `hash`) is in the set.
    pub fn contains_entry(&self, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.find(key, hash)?, Found::At(_)))
    }

    /// Adds `key` unless an equal key is there; true if it was added.
    pub fn add_entry(&mut self, key: Value, hash: i64) -> PyResult<bool> {
        match self.find(&key, hash)? {
            Found::At(_) => Ok(false),
            Found::Absent(_, Some(dummy)) => {
                self.table[dummy] = Slot { hash, key };
                self.used += 1;
                self.hash.set(None);
                Ok(true)
            }
            Found::Absent(unused, None) => {
                self.table[unused] = Slot { hash, key };
                self.fill += 1;
                self.used += 1;
                self.hash.set(None);
                if self.fill * 5 >= self.mask() * 3 {
                    self.resize(self.grown_size())?;
                }
                Ok(true)
            }
        }
    }

    /// Hashes `key` and adds it.
    pub fn add(&mut self, key: Value) -> PyResult<()> {
        let h = hash(&key)?;
        self.add_entry(key, h).map(drop)
    }

    /// Removes `key` (whose hash is `hash`), leaving a dummy; the key
    /// removed, if it was there.
    pub fn discard_entry(&mut self, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        let Found::At(i) = self.find(key, hash)? else {
            return Ok(None);
        };
        let old = std::mem::replace(
            &mut self.table[i],
            Slot {
                hash: DUMMY,
                key: Value::Empty,
            },
        );
        self.used -= 1;
        self.hash.set(None);
        Ok(Some(old.key))
    }

    /// The `minused` a table that has filled up is rebuilt for.
    fn grown_size(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Rebuilds the table with the smallest size above `minused`, dropping
    /// dummies and re-inserting the keys in slot order.
    /// Moves the keys to a table for `minused` (MemoryError if it cannot
    /// be had: the set stays as it was).
    fn resize(&mut self, minused: usize) -> PyResult<()> {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            // Already the smallest size, and no dummies to purge.
            return Ok(());
        }
        let mut table = super::alloc::vec_with_capacity(size)?;
        table.resize(size, Slot::UNUSED);
        let old = std::mem::replace(&mut self.table, table);
        self.fill = self.used;
        let mask = size - 1;
        for slot in old {
            if slot.is_active() {
                insert_clean(&mut self.table, mask, slot.key, slot.hash);
            }
        }
        Ok(())
    }

    /// Adds every key of `other` (CPython's `set_merge`); `other` is not
    /// this set.
    pub fn merge(&mut self, other: &SetObj) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        // One resize up front, expecting few keys in common.
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2)?;
        }
        self.hash.set(None);
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            // Same size, nothing here, no dummies there: copy slot for slot.
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            // Nothing here: no key can already be present.
            let mask = self.mask();
            for (k, h) in other.entries() {
                insert_clean(&mut self.table, mask, k.clone(), h);
            }
            self.fill = other.used;
            self.used = other.used;
            return Ok(());
        }
        for (k, h) in other.entries() {
            self.add_entry(k.clone(), h)?;
        }
        Ok(())
    }

    /// Removes every key, back to 8 slots (`pop`'s finger stays).
    pub fn clear(&mut self) -> Vec<Value> {
        let old = std::mem::replace(&mut self.table, vec![Slot::UNUSED; MIN_SIZE]);
        self.fill = 0;
        self.used = 0;
        self.hash.set(None);
        old.into_iter()
            .filter(Slot::is_active)
            .map(|s| s.key)
            .collect()
    }

    /// `s.pop()`: the first key from the finger on, in slot order.
    pub fn pop(&mut self) -> PyResult<Value> {
        if self.used == 0 {
            // KeyError('pop from an empty set'): the message is its one argument.
            return Err(super::dict::key_error(&Value::str("pop from an empty set")));
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.table[i].is_active() {
            i = if i == mask { 0 } else { i + 1 };
        }
        let old = std::mem::replace(
            &mut self.table[i],
            Slot {
                hash: DUMMY,
                key: Value::Empty,
            },
        );
        self.used -= 1;
        self.finger = i + 1;
        Ok(old.key)
    }

    /// Exchanges the contents of two sets (not their `pop` fingers).
    fn swap_bodies(&mut self, other: &mut SetObj) {
        std::mem::swap(&mut self.table, &mut other.table);
        std::mem::swap(&mut self.fill, &mut other.fill);
        std::mem::swap(&mut self.used, &mut other.used);
        self.hash.set(None);
        other.hash.set(None);
    }

    /// A frozenset's hash, as CPython computes it: an order-independent
    /// mix of the keys' hashes and the size (cached).
    pub fn frozen_hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut h = 0u64;
        for (_, kh) in self.entries() {
            h ^= shuffle(kh as u64);
        }
        h ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        // Disperse the patterns that nested frozensets produce.
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
        if h == u64::MAX {
            h = 590_923_713;
        }
        self.hash.set(Some(h as i64));
        h as i64
    }
}

/// Puts a key known to be absent into a table without dummies.
fn insert_clean(table: &mut [Slot], mask: usize, key: Value, hash: i64) {
    let mut i = hash as usize & mask;
    let mut perturb = hash as u64;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if let Some(slot) = table[i..=i + probes].iter_mut().find(|s| !s.is_active()) {
            *slot = Slot { hash, key };
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize)
            & mask;
    }
}

/// A copy laid out as CPython's `set.copy()` lays it out (MemoryError
/// when its table cannot be had: merging into an empty set compares
/// nothing, so that is the only error).
pub fn copy(s: &SetObj) -> PyResult<SetObj> {
    let mut out = SetObj::new();
    out.merge(s)?;
    Ok(out)
}

// ---------------------------------------------------------------------
// Values: sets and frozensets as operands.

/// The table of a set or frozenset value, borrowed.
pub enum SetRef<'a> {
    /// A set's table.
    Set(Ref<'a, SetObj>),
    /// A frozenset's table.
    Frozen(&'a SetObj),
}

impl Deref for SetRef<'_> {
    type Target = SetObj;
    fn deref(&self) -> &SetObj {
        match self {
            SetRef::Set(s) => s,
            SetRef::Frozen(s) => s,
        }
    }
}

/// The table of `v`, if it is a set or frozenset.
pub fn view(v: &Value) -> Option<SetRef<'_>> {
    match v {
        Value::Set(s) => Some(SetRef::Set(s.borrow())),
        Value::FrozenSet(s) => Some(SetRef::Frozen(s)),
        _ => None,
    }
}

/// Whether `v` is a set or frozenset.
pub fn is_set(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

/// Whether `a` and `b` are the same set object.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Set(x), Value::Set(y)) => Rc::ptr_eq(x, y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// A set value.
pub fn new_set(s: SetObj) -> Value {
    super::gc::set(s)
}

/// A frozenset value.
pub fn new_frozenset(s: SetObj) -> Value {
    Value::FrozenSet(Rc::new(s))
}

/// `s` as a value of the same type as `like` (a set or frozenset).
fn like(like: &Value, s: SetObj) -> Value {
    match like {
        Value::FrozenSet(_) => new_frozenset(s),
        _ => new_set(s),
    }
}

/// Calls `f` on each item of `v`, a builtin iterable (see [`walks`]);
/// `f` returns false to stop.
fn each(v: &Value, mut f: impl FnMut(Value) -> PyResult<bool>) -> PyResult<()> {
    let Value::Iter(it) = make_iter(v)? else {
        unreachable!("make_iter makes iterators")
    };
    while let Some(x) = it.next_builtin() {
        if !f(x)? {
            break;
        }
    }
    Ok(())
}

/// Whether the set code can walk `v` itself: a builtin iterable whose
/// items come without running Python code. Anything else (iterators,
/// generators, instances, non-iterables) goes through the host first
/// (`Host::items`), which also raises "not iterable".
pub fn walks(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::View(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
    )
}

/// Whether `v` is an instance or a tuple holding one: its hash (its
/// class's `__hash__`) and equality (`__eq__`) need the VM, through
/// `Host::set_elements`, before a set operation.
pub fn needs_vm(v: &Value) -> bool {
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        match v {
            Value::Instance(_) => return true,
            Value::Tuple(t) => todo.extend(t.iter()),
            _ => {}
        }
    }
    false
}

/// The items of `v`, a builtin iterable other than a set, when one of them
/// needs the VM (see [`needs_vm`]).
pub fn instance_items(v: &Value) -> Option<Vec<Value>> {
    let items = match v {
        Value::List(l) => l.borrow().to_vec(),
        Value::Tuple(t) => t.to_vec(),
        Value::Dict(d) => d.borrow().keys(),
        Value::View(view) => super::dict::view_items(view.0, &view.1.borrow()),
        _ => return None,
    };
    items.iter().any(needs_vm).then_some(items)
}

/// Adds the items of `other` (CPython's `set_update_internal`). `other`
/// must not be the set `s` is borrowed from.
fn update_internal(s: &mut SetObj, other: &Value) -> PyResult<()> {
    if let Some(o) = view(other) {
        return s.merge(&o);
    }
    if let Value::Dict(d) = other {
        let d = d.borrow();
        let n = d.map.len();
        if (s.fill + n) * 5 >= s.mask() * 3 {
            s.resize((s.used + n) * 2)?;
        }
        for k in d.map.keys() {
            s.add(k.0.clone())?;
        }
        return Ok(());
    }
    each(other, |x| s.add(x).map(|()| true))
}

/// `set(iterable)` / `frozenset(iterable)`'s contents.
pub fn from_iterable(v: &Value) -> PyResult<SetObj> {
    let mut s = SetObj::new();
    update_internal(&mut s, v)?;
    Ok(s)
}

/// Items of a set or frozenset as a frozenset (to look up a set in a set,
/// as CPython retries with `frozenset(key)` when `key` is a set).
fn frozen_key(key: &Value) -> PyResult<Option<Value>> {
    Ok(match key {
        Value::Set(s) => Some(new_frozenset(copy(&s.borrow())?)),
        _ => None,
    })
}

/// Hashes `key`, or, for a set, the equal frozenset: (key, hash).
fn hashed_key(key: &Value) -> PyResult<(Value, i64)> {
    match hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => match frozen_key(key)? {
            Some(f) if e.kind == ExcKind::TypeError => {
                let h = hash(&f)?;
                Ok((f, h))
            }
            _ => Err(e),
        },
    }
}

/// `key in s`.
pub fn contains(s: &Value, key: &Value) -> PyResult<bool> {
    let (key, h) = hashed_key(key)?;
    let s = view(s).expect("a set");
    s.contains_entry(&key, h)
}

/// The intersection of two tables: the smaller one walked, each key kept
/// if the other has it (on equal sizes, `b` is walked).
fn intersect(a: &SetObj, b: &SetObj) -> PyResult<SetObj> {
    let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
    let mut out = SetObj::new();
    for (k, h) in small.entries() {
        if big.contains_entry(k, h)? {
            out.add_entry(k.clone(), h)?;
        }
    }
    Ok(out)
}

/// `s.intersection(other)` for one `other`.
fn intersection(s: &Value, other: &Value) -> PyResult<SetObj> {
    let this = view(s).expect("a set");
    if same(s, other) {
        return copy(&this);
    }
    if let Some(o) = view(other) {
        return intersect(&this, &o);
    }
    let mut out = SetObj::new();
    each(other, |x| {
        let h = hash(&x)?;
        if this.contains_entry(&x, h)? {
            out.add_entry(x, h)?;
            // Nothing more can be found once every key was.
            if out.used >= this.used {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    Ok(out)
}

/// Removes the items of `other` from `s` (CPython's
/// `set_difference_update_internal`); `other` is not `s`.
fn difference_update_internal(s: &mut SetObj, other: &Value) -> PyResult<()> {
    if let Some(o) = view(other) {
        if (o.used >> 3) > s.used {
            // A much larger other: only the common keys matter.
            let common = intersect(s, &o)?;
            discard_all(s, &common)?;
        } else {
            discard_all(s, &o)?;
        }
    } else {
        each(other, |x| {
            let h = hash(&x)?;
            s.discard_entry(&x, h)?;
            Ok(true)
        })?;
    }
    // Purge the dummies when they are more than a quarter of the table.
    if s.fill - s.used > s.mask() / 4 {
        s.resize(s.grown_size())?;
    }
    Ok(())
}

/// Discards every key of `keys` from `s`.
fn discard_all(s: &mut SetObj, keys: &SetObj) -> PyResult<()> {
    for (k, h) in keys.entries() {
        s.discard_entry(k, h)?;
    }
    Ok(())
}

/// `s - other` / `s.difference(other)` for one `other`.
fn difference(s: &Value, other: &Value) -> PyResult<SetObj> {
    let this = view(s).expect("a set");
    let other_len = match other {
        Value::Dict(d) => Some(d.borrow().map.len()),
        _ => view(other).map(|o| o.used),
    };
    if other_len.is_none_or(|n| (this.used >> 2) > n) {
        // Not a set or dict, or much smaller: cheaper to copy `s` and
        // remove what `other` holds.
        let mut out = copy(&this)?;
        drop(this);
        difference_update_internal(&mut out, other)?;
        return Ok(out);
    }
    let mut out = SetObj::new();
    if let Value::Dict(d) = other {
        let d = d.borrow();
        for (k, h) in this.entries() {
            if d.get(k)?.is_none() {
                out.add_entry(k.clone(), h)?;
            }
        }
        return Ok(out);
    }
    let o = view(other).expect("a set");
    for (k, h) in this.entries() {
        if !o.contains_entry(k, h)? {
            out.add_entry(k.clone(), h)?;
        }
    }
    Ok(out)
}

/// Toggles each key of `other` in `s` (CPython's
/// `set_symmetric_difference_update`); `other` is not `s`.
fn symmetric_difference_update(s: &mut SetObj, other: &Value) -> PyResult<()> {
    fn toggle(s: &mut SetObj, k: &Value, h: i64) -> PyResult<()> {
        if s.discard_entry(k, h)?.is_none() {
            s.add_entry(k.clone(), h)?;
        }
        Ok(())
    }
    if let Value::Dict(d) = other {
        let keys = d.borrow().keys();
        for k in &keys {
            toggle(s, k, hash(k)?)?;
        }
        return Ok(());
    }
    if let Some(o) = view(other) {
        for (k, h) in o.entries() {
            toggle(s, k, h)?;
        }
        return Ok(());
    }
    let o = from_iterable(other)?;
    for (k, h) in o.entries() {
        toggle(s, k, h)?;
    }
    Ok(())
}

/// `s ^ other` / `s.symmetric_difference(other)`: a new set of `other`'s
/// items, toggled by `s`'s.
fn symmetric_difference(s: &Value, other: &Value) -> PyResult<SetObj> {
    let mut out = from_iterable(other)?;
    symmetric_difference_update(&mut out, s)?;
    Ok(out)
}

/// Whether every key of `a` is in `b`.
fn subset(a: &SetObj, b: &SetObj) -> PyResult<bool> {
    if a.used > b.used {
        return Ok(false);
    }
    for (k, h) in a.entries() {
        if !b.contains_entry(k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `s.issubset(other)`.
fn issubset(s: &Value, other: &Value) -> PyResult<bool> {
    match view(other) {
        Some(o) => subset(&view(s).expect("a set"), &o),
        None => {
            let o = from_iterable(other)?;
            subset(&view(s).expect("a set"), &o)
        }
    }
}

/// `s.issuperset(other)`.
fn issuperset(s: &Value, other: &Value) -> PyResult<bool> {
    if let Some(o) = view(other) {
        return subset(&o, &view(s).expect("a set"));
    }
    let this = view(s).expect("a set");
    let mut all = true;
    each(other, |x| {
        all = this.contains_entry(&x, hash(&x)?)?;
        Ok(all)
    })?;
    Ok(all)
}

/// `s.isdisjoint(other)`.
fn isdisjoint(s: &Value, other: &Value) -> PyResult<bool> {
    let this = view(s).expect("a set");
    if same(s, other) {
        return Ok(this.is_empty());
    }
    if let Some(o) = view(other) {
        let (big, small) = if o.used > this.used {
            (&*o, &*this)
        } else {
            (&*this, &*o)
        };
        for (k, h) in small.entries() {
            if big.contains_entry(k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let mut disjoint = true;
    each(other, |x| {
        disjoint = !this.contains_entry(&x, hash(&x)?)?;
        Ok(disjoint)
    })?;
    Ok(disjoint)
}

/// `a == b` for two sets or frozensets.
pub fn eq(a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (view(a).expect("a set"), view(b).expect("a set"));
    if x.used != y.used {
        return Ok(false);
    }
    if let (Some(hx), Some(hy)) = (x.hash.get(), y.hash.get())
        && hx != hy
    {
        return Ok(false);
    }
    subset(&x, &y)
}

/// `a <op> b` between sets: `<=` and `<` are subset tests, `>=` and `>`
/// superset tests.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (view(a).expect("a set"), view(b).expect("a set"));
    match op {
        CmpOp::Le => subset(&x, &y),
        CmpOp::Ge => subset(&y, &x),
        CmpOp::Lt => Ok(x.used < y.used && subset(&x, &y)?),
        CmpOp::Gt => Ok(x.used > y.used && subset(&y, &x)?),
        CmpOp::Eq => eq(a, b),
        CmpOp::Ne => Ok(!eq(a, b)?),
        CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot => Ok(false),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` between sets and frozensets; the
/// result has `a`'s type.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let out = match op {
        BinOp::Or => {
            let mut out = copy(&view(a).expect("a set"))?;
            if !same(a, b) {
                update_internal(&mut out, b)?;
            }
            out
        }
        BinOp::And => intersection(a, b)?,
        BinOp::Sub => difference(a, b)?,
        BinOp::Xor => symmetric_difference(a, b)?,
        _ => unreachable!("only set operators are asked of binary"),
    };
    Ok(like(a, out))
}

/// `s |= other`, `s &= other`, `s -= other`, `s ^= other` on a set;
/// None when `other` is not a set or frozenset (the operator is then
/// unsupported).
pub fn inplace(op: BinOp, s: &Rc<RefCell<SetObj>>, other: &Value) -> Option<PyResult<()>> {
    if !is_set(other) {
        return None;
    }
    let this = Value::Set(s.clone());
    Some(match op {
        BinOp::Or => update(s, other),
        BinOp::And => intersection(&this, other).map(|new| replace(s, new)),
        BinOp::Sub => difference_update(s, other),
        BinOp::Xor => symmetric_difference_update_of(s, other),
        _ => unreachable!("only set operators are asked of inplace"),
    })
}

/// Replaces a set's contents by `new`'s (dropping the old ones after the
/// set is released).
fn replace(s: &RefCell<SetObj>, mut new: SetObj) {
    s.borrow_mut().swap_bodies(&mut new);
    drop(new);
}

/// Empties a set (dropping its keys after the set is released).
fn clear(s: &RefCell<SetObj>) {
    let old = s.borrow_mut().clear();
    drop(old);
}

/// `s.update(other)` for one `other` (SET_UPDATE too).
pub fn update(s: &Rc<RefCell<SetObj>>, other: &Value) -> PyResult<()> {
    if let Value::Set(o) = other
        && Rc::ptr_eq(s, o)
    {
        return Ok(());
    }
    update_internal(&mut s.borrow_mut(), other)
}

/// `s.difference_update(other)` for one `other`.
fn difference_update(s: &Rc<RefCell<SetObj>>, other: &Value) -> PyResult<()> {
    if let Value::Set(o) = other
        && Rc::ptr_eq(s, o)
    {
        clear(s);
        return Ok(());
    }
    let mut this = s.borrow_mut();
    difference_update_internal(&mut this, other)
}

/// `s.symmetric_difference_update(other)`.
fn symmetric_difference_update_of(s: &Rc<RefCell<SetObj>>, other: &Value) -> PyResult<()> {
    if let Value::Set(o) = other
        && Rc::ptr_eq(s, o)
    {
        clear(s);
        return Ok(());
    }
    let mut this = s.borrow_mut();
    symmetric_difference_update(&mut this, other)
}

/// A set made of `items`, added in order (BUILD_SET, and constants).
pub fn from_items(items: Vec<Value>) -> PyResult<SetObj> {
    let mut s = SetObj::new();
    for v in items {
        s.add(v)?;
    }
    Ok(s)
}

/// An iterator over a snapshot of the set's keys.
pub fn iter(s: &SetObj) -> Iter {
    Iter::Set {
        items: s.keys().into(),
        index: Cell::new(0),
    }
}

// ---------------------------------------------------------------------
// Builtins and methods.

type Args = Vec<Value>;
type Kwargs = Vec<(Rc<str>, Value)>;

/// The arguments from `from` on, each one the set code cannot walk (see
/// [`walks`]) replaced by a list of its items, taken now through the host
/// (running its `__iter__` or generator code), as other builtins take them;
/// items that are instances are replaced by the elements the receiver
/// (`args[0]`, for methods) should use for them (`Host::set_elements`).
fn walkable(ctx: &mut Ctx, mut args: Args, from: usize) -> PyResult<Args> {
    let receiver = (from == 1).then(|| args[0].clone());
    for a in args.iter_mut().skip(from) {
        if !walks(a) {
            *a = Value::list(ctx.items(a)?);
        }
        if let Some(items) = instance_items(a) {
            *a = Value::list(ctx.set_elements(receiver.as_ref(), items)?);
        }
    }
    Ok(args)
}

/// The element the set `s` should use for `x` (see `Host::set_elements`).
fn element(ctx: &mut Ctx, s: &Value, x: &Value) -> PyResult<Value> {
    if !needs_vm(x) {
        return Ok(x.clone());
    }
    let mut one = ctx.set_elements(Some(s), vec![x.clone()])?;
    Ok(one.pop().expect("one element for one item"))
}

/// `set()`, `set(iterable)`.
pub fn set_builtin(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let s = construct(ctx, "set", args, &kwargs)?;
    Ok(new_set(s))
}

/// `frozenset()`, `frozenset(iterable)`; a frozenset is returned as is.
pub fn frozenset_builtin(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let ([v @ Value::FrozenSet(_)], []) = (args.as_slice(), kwargs.as_slice()) {
        return Ok(v.clone());
    }
    let s = construct(ctx, "frozenset", args, &kwargs)?;
    Ok(new_frozenset(s))
}

/// The contents of `set(*args)` / `frozenset(*args)`.
fn construct(ctx: &mut Ctx, name: &str, args: Args, kwargs: &Kwargs) -> PyResult<SetObj> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len()
        )));
    }
    match walkable(ctx, args, 0)?.first() {
        None => Ok(SetObj::new()),
        Some(v) => from_iterable(v),
    }
}

/// Whose method was called: `set.union` wants a set for `self`,
/// `frozenset.union` a frozenset.
#[derive(Clone, Copy)]
enum Owner {
    Set,
    FrozenSet,
}

impl Owner {
    fn name(self) -> &'static str {
        match self {
            Owner::Set => "set",
            Owner::FrozenSet => "frozenset",
        }
    }
}

macro_rules! methods {
    ($table:ident, $owner:expr; $($name:literal => $f:ident),* $(,)?) => {
        /// The type's methods, by name.
        pub static $table: &[Builtin] = &[$(Builtin {
            name: $name,
            call: {
                fn call(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
                    $f($owner, ctx, args, kw)
                }
                call
            },
        }),*];
    };
}

methods!(SET_METHODS, Owner::Set; "add" => add, "clear" => clear_method, "copy" => copy_method,
    "discard" => discard, "difference" => difference_method,
    "difference_update" => difference_update_method, "intersection" => intersection_method,
    "intersection_update" => intersection_update_method, "isdisjoint" => isdisjoint_method,
    "issubset" => issubset_method, "issuperset" => issuperset_method, "pop" => pop,
    "remove" => remove, "symmetric_difference" => symmetric_difference_method,
    "symmetric_difference_update" => symmetric_difference_update_method,
    "union" => union, "update" => update_method);

methods!(FROZENSET_METHODS, Owner::FrozenSet; "copy" => copy_method,
    "difference" => difference_method, "intersection" => intersection_method,
    "isdisjoint" => isdisjoint_method, "issubset" => issubset_method,
    "issuperset" => issuperset_method, "symmetric_difference" => symmetric_difference_method,
    "union" => union);

/// `set.name` / `frozenset.name`: the method, unbound (it checks that its
/// first argument is of the type).
pub fn unbound(type_name: &str, name: &str) -> Option<&'static Builtin> {
    let table = match type_name {
        "set" => SET_METHODS,
        "frozenset" => FROZENSET_METHODS,
        _ => return None,
    };
    table.iter().find(|m| m.name == name)
}

/// Checks a method's arguments as CPython's calling conventions do: a
/// `self` of the owner's type, no keywords, and `n` arguments after
/// `self` (None: any number).
fn check(owner: Owner, name: &str, args: &Args, kw: &Kwargs, n: Option<usize>) -> PyResult<()> {
    let t = owner.name();
    let Some(this) = args.first() else {
        return Err(PyErr::type_error(format!(
            "unbound method {t}.{name}() needs an argument"
        )));
    };
    let owned = match owner {
        Owner::Set => matches!(this, Value::Set(_)),
        Owner::FrozenSet => matches!(this, Value::FrozenSet(_)),
    };
    if !owned {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for '{t}' objects doesn't apply to a '{}' object",
            this.type_name()
        )));
    }
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{t}.{name}() takes no keyword arguments"
        )));
    }
    let given = args.len() - 1;
    match n {
        Some(0) if given != 0 => Err(PyErr::type_error(format!(
            "{t}.{name}() takes no arguments ({given} given)"
        ))),
        Some(1) if given != 1 => Err(PyErr::type_error(format!(
            "{t}.{name}() takes exactly one argument ({given} given)"
        ))),
        _ => Ok(()),
    }
}

/// The receiver of a `set` method (`check` made sure it is a set).
fn receiver(args: &Args) -> &Rc<RefCell<SetObj>> {
    match &args[0] {
        Value::Set(s) => s,
        _ => unreachable!("check() lets only sets through"),
    }
}

fn add(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "add", &args, &kw, Some(1))?;
    let key = element(ctx, &args[0], &args[1])?;
    let h = hash(&key)?;
    receiver(&args).borrow_mut().add_entry(key, h)?;
    Ok(Value::None)
}

fn clear_method(owner: Owner, _: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "clear", &args, &kw, Some(0))?;
    clear(receiver(&args));
    Ok(Value::None)
}

fn copy_method(owner: Owner, _: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "copy", &args, &kw, Some(0))?;
    match &args[0] {
        // An immutable copy would be the same: CPython returns the frozenset itself.
        Value::FrozenSet(_) => Ok(args[0].clone()),
        s => Ok(new_set(copy(&view(s).expect("a set"))?)),
    }
}

/// Removes `key` (or, for a set, the equal frozenset); whether it was there.
fn discard_key(s: &RefCell<SetObj>, key: &Value) -> PyResult<bool> {
    let (key, h) = hashed_key(key)?;
    let removed = s.borrow_mut().discard_entry(&key, h)?;
    Ok(removed.is_some())
}

fn discard(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "discard", &args, &kw, Some(1))?;
    let key = element(ctx, &args[0], &args[1])?;
    discard_key(receiver(&args), &key)?;
    Ok(Value::None)
}

fn remove(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "remove", &args, &kw, Some(1))?;
    let key = element(ctx, &args[0], &args[1])?;
    if !discard_key(receiver(&args), &key)? {
        return Err(super::dict::key_error(&args[1]));
    }
    Ok(Value::None)
}

fn pop(owner: Owner, _: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "pop", &args, &kw, Some(0))?;
    let key = receiver(&args).borrow_mut().pop()?;
    Ok(key)
}

fn union(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "union", &args, &kw, None)?;
    let args = walkable(ctx, args, 1)?;
    let s = &args[0];
    let mut out = copy(&view(s).expect("a set"))?;
    for other in &args[1..] {
        if !same(s, other) {
            update_internal(&mut out, other)?;
        }
    }
    Ok(like(s, out))
}

fn update_method(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "update", &args, &kw, None)?;
    let args = walkable(ctx, args, 1)?;
    for other in &args[1..] {
        update(receiver(&args), other)?;
    }
    Ok(Value::None)
}

/// `s.intersection(*others)`'s contents.
fn intersection_all(args: &Args) -> PyResult<SetObj> {
    let s = &args[0];
    let Some(first) = args.get(1) else {
        return copy(&view(s).expect("a set"));
    };
    let mut out = intersection(s, first)?;
    for other in &args[2..] {
        out = intersection(&like(s, out), other)?;
    }
    Ok(out)
}

fn intersection_method(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "intersection", &args, &kw, None)?;
    let args = walkable(ctx, args, 1)?;
    let out = intersection_all(&args)?;
    Ok(like(&args[0], out))
}

fn intersection_update_method(
    owner: Owner,
    ctx: &mut Ctx,
    args: Args,
    kw: Kwargs,
) -> PyResult<Value> {
    check(owner, "intersection_update", &args, &kw, None)?;
    let args = walkable(ctx, args, 1)?;
    let new = intersection_all(&args)?;
    replace(receiver(&args), new);
    Ok(Value::None)
}

fn difference_method(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "difference", &args, &kw, None)?;
    let args = walkable(ctx, args, 1)?;
    let s = &args[0];
    let Some(first) = args.get(1) else {
        return Ok(like(s, copy(&view(s).expect("a set"))?));
    };
    let mut out = difference(s, first)?;
    for other in &args[2..] {
        difference_update_internal(&mut out, other)?;
    }
    Ok(like(s, out))
}

fn difference_update_method(
    owner: Owner,
    ctx: &mut Ctx,
    args: Args,
    kw: Kwargs,
) -> PyResult<Value> {
    check(owner, "difference_update", &args, &kw, None)?;
    let args = walkable(ctx, args, 1)?;
    for other in &args[1..] {
        difference_update(receiver(&args), other)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_method(
    owner: Owner,
    ctx: &mut Ctx,
    args: Args,
    kw: Kwargs,
) -> PyResult<Value> {
    check(owner, "symmetric_difference", &args, &kw, Some(1))?;
    let args = walkable(ctx, args, 1)?;
    let out = symmetric_difference(&args[0], &args[1])?;
    Ok(like(&args[0], out))
}

fn symmetric_difference_update_method(
    owner: Owner,
    ctx: &mut Ctx,
    args: Args,
    kw: Kwargs,
) -> PyResult<Value> {
    check(owner, "symmetric_difference_update", &args, &kw, Some(1))?;
    let args = walkable(ctx, args, 1)?;
    symmetric_difference_update_of(receiver(&args), &args[1])?;
    Ok(Value::None)
}

fn issubset_method(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "issubset", &args, &kw, Some(1))?;
    let args = walkable(ctx, args, 1)?;
    Ok(Value::Bool(issubset(&args[0], &args[1])?))
}

fn issuperset_method(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "issuperset", &args, &kw, Some(1))?;
    let args = walkable(ctx, args, 1)?;
    Ok(Value::Bool(issuperset(&args[0], &args[1])?))
}

fn isdisjoint_method(owner: Owner, ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    check(owner, "isdisjoint", &args, &kw, Some(1))?;
    let args = walkable(ctx, args, 1)?;
    Ok(Value::Bool(isdisjoint(&args[0], &args[1])?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_of(items: &[Value]) -> Value {
        new_set(from_items(items.to_vec()).unwrap())
    }

    fn ints(items: &[i64]) -> Value {
        set_of(&items.iter().map(|i| Value::Int(*i)).collect::<Vec<_>>())
    }

    fn order(v: &Value) -> String {
        Value::list(view(v).unwrap().keys()).repr()
    }

    #[test]
    fn iteration_follows_cpython_table_order() {
        // python3.11 -c "print(list(set([5, 13, 21, 1])), list(set([10, 100, 1000])),
        //     list(set([0, 8, 16, 1, 9])))"
        assert_eq!(order(&ints(&[5, 13, 21, 1])), "[1, 13, 21, 5]");
        assert_eq!(order(&ints(&[10, 100, 1000])), "[1000, 10, 100]");
        assert_eq!(order(&ints(&[0, 8, 16, 1, 9])), "[0, 1, 8, 9, 16]");
        // python3.11 -c "print(list(set([-1, -2, 2**61, 2**61 - 1, 7.0, 0.25])))"
        let mixed = set_of(&[
            Value::Int(-1),
            Value::Int(-2),
            Value::from_bigint(num_bigint::BigInt::from(1u64 << 61)),
            Value::Int((1 << 61) - 1),
            Value::Float(7.0),
            Value::Float(0.25),
        ]);
        assert_eq!(
            order(&mixed),
            "[2305843009213693951, 2305843009213693952, 0.25, 7.0, -2, -1]"
        );
    }

    #[test]
    fn removal_leaves_dummies_that_insertion_reuses() {
        // python3.11 -c "s = set(range(10)); s.discard(3); s.discard(4); s.add(19); print(list(s))"
        let s = ints(&(0..10).collect::<Vec<_>>());
        let Value::Set(rc) = &s else { unreachable!() };
        for k in [3, 4] {
            let removed = rc.borrow_mut().discard_entry(&Value::Int(k), k).unwrap();
            assert!(removed.is_some());
        }
        rc.borrow_mut().add(Value::Int(19)).unwrap();
        assert_eq!(order(&s), "[0, 1, 2, 5, 6, 7, 8, 9, 19]");
        // python3.11 -c "s = set(range(100)); s -= set(range(0, 100, 2)); print(list(s)[:12])"
        let s = ints(&(0..100).collect::<Vec<_>>());
        let Value::Set(rc) = &s else { unreachable!() };
        let evens = ints(&(0..100).step_by(2).collect::<Vec<_>>());
        inplace(BinOp::Sub, rc, &evens).unwrap().unwrap();
        assert!(order(&s).starts_with("[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, "));
    }

    #[test]
    fn pop_resumes_after_the_last_popped_slot() {
        // python3.11 -c "s = set([1, 2, 3, 9]); print(s.pop(), s.pop()); s.add(17);
        //     print(s.pop(), list(s))"
        let s = ints(&[1, 2, 3, 9]);
        let Value::Set(rc) = &s else { unreachable!() };
        let pop = || rc.borrow_mut().pop().unwrap().repr();
        assert_eq!((pop(), pop()), ("1".into(), "2".into()));
        rc.borrow_mut().add(Value::Int(17)).unwrap();
        assert_eq!(pop(), "3");
        assert_eq!(order(&s), "[17, 9]");
        rc.borrow_mut().clear();
        let e = rc.borrow_mut().pop().unwrap_err();
        assert_eq!(e.last_line(), "KeyError: 'pop from an empty set'");
    }

    #[test]
    fn operators_build_results_as_cpython() {
        // python3.11 -c "a = set([1, 2, 3, 4, 5, 40, 80]); b = set([5, 4, 80, 160, 7]);
        //     print(list(a | b), list(a & b), list(b & a), list(a - b), list(a ^ b))"
        let a = ints(&[1, 2, 3, 4, 5, 40, 80]);
        let b = ints(&[5, 4, 80, 160, 7]);
        let op = |op, x: &Value, y: &Value| order(&binary(op, x, y).unwrap());
        assert_eq!(op(BinOp::Or, &a, &b), "[160, 1, 2, 3, 4, 5, 7, 40, 80]");
        assert_eq!(op(BinOp::And, &a, &b), "[80, 4, 5]");
        assert_eq!(op(BinOp::And, &b, &a), "[80, 4, 5]");
        assert_eq!(op(BinOp::Sub, &a, &b), "[40, 1, 2, 3]");
        assert_eq!(op(BinOp::Xor, &a, &b), "[160, 1, 2, 3, 7, 40]");
        // The result takes the left operand's type.
        let f = new_frozenset(from_items(vec![Value::Int(1)]).unwrap());
        assert_eq!(binary(BinOp::Or, &f, &a).unwrap().type_name(), "frozenset");
        assert_eq!(binary(BinOp::Or, &a, &f).unwrap().type_name(), "set");
    }

    #[test]
    fn frozenset_hash_is_cpythons() {
        // python3.11 -c "print(hash(frozenset([1, 2, 3])), hash(frozenset()),
        //     hash(frozenset([(1, 2), -1, 0.5])))"
        let h = |items: Vec<Value>| from_items(items).unwrap().frozen_hash();
        assert_eq!(
            h(vec![Value::Int(1), Value::Int(2), Value::Int(3)]),
            -272_375_401_224_217_160
        );
        assert_eq!(h(vec![]), 133_146_708_735_736);
        let pair = Value::tuple(vec![Value::Int(1), Value::Int(2)]);
        assert_eq!(
            h(vec![pair, Value::Int(-1), Value::Float(0.5)]),
            226_818_664_056_529_219
        );
    }

    #[test]
    fn sets_compare_by_contents_and_subsets() {
        let (small, big) = (ints(&[1, 2]), ints(&[3, 2, 1]));
        let frozen = new_frozenset(from_items(vec![Value::Int(2), Value::Int(1)]).unwrap());
        assert!(eq(&small, &frozen).unwrap());
        assert!(!eq(&small, &big).unwrap());
        assert!(compare(CmpOp::Lt, &small, &big).unwrap());
        assert!(compare(CmpOp::Le, &small, &frozen).unwrap());
        assert!(!compare(CmpOp::Lt, &small, &frozen).unwrap());
        assert!(compare(CmpOp::Gt, &big, &frozen).unwrap());
        // A set is found in a set of frozensets by its contents.
        let outer = set_of(&[frozen]);
        assert!(contains(&outer, &small).unwrap());
        let e = contains(&outer, &Value::list(vec![])).unwrap_err();
        assert_eq!(e.last_line(), "TypeError: unhashable type: 'list'");
    }

    #[test]
    fn updating_a_set_with_itself_is_safe() {
        let s = ints(&[1, 2, 3]);
        let Value::Set(rc) = &s else { unreachable!() };
        update(rc, &s).unwrap();
        assert_eq!(order(&s), "[1, 2, 3]");
        inplace(BinOp::And, rc, &s).unwrap().unwrap();
        assert_eq!(order(&s), "[1, 2, 3]");
        inplace(BinOp::Xor, rc, &s).unwrap().unwrap();
        assert_eq!(order(&s), "[]");
        assert!(inplace(BinOp::Or, rc, &Value::list(vec![])).is_none());
    }
}
