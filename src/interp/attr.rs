//! The attribute inline caches: LOAD_ATTR, STORE_ATTR and LOAD_METHOD on
//! instances of classes written in Python.
//!
//! The generic protocol (`objects.rs`) looks a name up along the class's
//! MRO, one hash lookup per class, before it looks in the instance's own
//! attributes, on every access. What it finds depends only on the class's
//! namespace and MRO, which its version tag stands for; so each name of a
//! code object keeps (see [`AttrCache`]) the tags of the classes under
//! which the instance's own attributes come first, and where the class
//! attribute was found. A hit is then a tag compare and at most one lookup
//! in the instance's attributes, usually none: instances keep their
//! attributes under layouts shared per class (`runtime::layout`), and the
//! cache knows the name's slot in the layout an instance last had here, or
//! that the layout lacks the name (so LOAD_METHOD knows nothing shadows
//! the method without a lookup).
//! A few tags per name keep a method that runs on instances of several
//! subclasses (a base class's method) on the quick path.
//!
//! Everything here either answers as the generic protocol would or says
//! [`Miss`] and changes nothing; the caller then runs the generic path and
//! calls [`learn`].

use std::cell::Cell;
use std::rc::Rc;

use crate::bytecode::code::AttrCache;
use crate::runtime::Value;
use crate::runtime::class::{Class, HOOK_GET, HOOK_GETATTRIBUTE, HOOK_SETATTR, Instance};
use crate::runtime::layout::InstAttrs;
use crate::runtime::value::Descr;

/// The generic path must run (the cache does not know, or cannot answer).
pub(crate) struct Miss;

/// The place bit of a function that binds to the instance.
const BIND: u64 = 1 << 32;

/// The place bit of a class attribute read from the class itself (`C.x`,
/// `C.method(...)`), not through an instance.
const ON_CLASS: u64 = 1 << 62;

/// The place of a name that neither the class nor its MRO has, recorded
/// for classes derived from a builtin type (`class L(list)`): `x.append`
/// is the list's method.
const NOWHERE: u64 = 1 << 61;

/// The bit of a tag recorded as known not to qualify (so that the generic
/// path does not learn the same thing again on every access).
const NOT: u64 = 1 << 63;

#[inline(always)]
pub(crate) fn has(tags: &[Cell<u64>; 4], tag: u64) -> bool {
    tags[0].get() == tag || tags[1].get() == tag || tags[2].get() == tag || tags[3].get() == tag
}

/// Whether two names are the same (interned names are the same `Rc`).
#[inline(always)]
fn same(a: &Rc<str>, b: &Rc<str>) -> bool {
    Rc::ptr_eq(a, b) || **a == **b
}

/// `slot` of a name the layout lacks.
pub(crate) const ABSENT: u32 = u32::MAX;

/// Where `name` is among attributes `d`: `Ok(Some(slot))`, or `Ok(None)`
/// when their layout has no such name (the cache learns which, for the
/// layout); `Err` when they are a map, which the caller looks in.
#[inline(always)]
fn slot_of(d: &InstAttrs, e: &AttrCache, name: &str) -> Result<Option<usize>, ()> {
    let id = d.layout_id();
    if id == 0 {
        return Err(());
    }
    if id == e.layout.get() {
        let s = e.slot.get();
        return Ok((s != ABSENT).then_some(s as usize));
    }
    let s = d.find(name).flatten();
    e.layout.set(id);
    e.slot.set(s.map_or(ABSENT, |s| s as u32));
    Ok(s)
}

/// The instance's own attribute `name`: `Ok(None)` when it has none.
#[inline(always)]
fn own(inst: &Instance, e: &AttrCache, name: &Rc<str>) -> Result<Option<Value>, Miss> {
    let d = inst.dict.try_borrow().map_err(|_| Miss)?;
    Ok(match slot_of(&d, e, name) {
        Ok(Some(i)) => d.slot(i).cloned(),
        Ok(None) => None,
        Err(()) => d.get(name).cloned(),
    })
}

/// The class attribute at `place` (see [`AttrCache::class_attr`]),
/// checked to be `name` still.
#[inline(always)]
fn class_attr(cls: &Class, place: u64, name: &Rc<str>) -> Option<Value> {
    at_place(cls, place, |k, v| same(k, name).then(|| v.clone()))
}

/// Gives `f` the key and value at `place` in the namespace of `cls` or
/// of the class of its MRO that the place names (inside the borrow).
#[inline(always)]
fn at_place<R>(
    cls: &Class,
    place: u64,
    f: impl FnOnce(&Rc<str>, &Value) -> Option<R>,
) -> Option<R> {
    let depth = ((place & !ON_CLASS) >> 33) as usize;
    let c = match depth {
        0 => cls,
        d => cls.mro.get(d - 1)?,
    };
    let d = c.dict.try_borrow().ok()?;
    let (k, v) = d.get_index(place as u32 as usize)?;
    f(k, v)
}

/// Whether the instance has an attribute `name` (which would shadow a
/// method of its class); `None` when its attributes are borrowed.
#[inline(always)]
fn shadowed(inst: &Instance, e: &AttrCache, name: &str) -> Option<bool> {
    let d = inst.dict.try_borrow().ok()?;
    Some(
        !d.is_empty()
            && match slot_of(&d, e, name) {
                Ok(s) => s.is_some(),
                Err(()) => d.contains_key(name),
            },
    )
}

/// Records `place` for `tag` in a free slot of the class-attribute cache,
/// or over the one `next` picks.
fn put_place(e: &AttrCache, tag: u64, place: u64) {
    let slot = match e.class_attr.iter().find(|c| c.get().0 == 0) {
        Some(free) => free,
        None => &e.class_attr[e.next.get() as usize % 4],
    };
    slot.set((tag, place));
}

/// The place of `name`'s class attribute under `tag`, if cached.
#[inline(always)]
fn place_of(e: &AttrCache, tag: u64) -> Option<u64> {
    e.class_attr
        .iter()
        .map(Cell::get)
        .find(|&(t, _)| t == tag)
        .map(|(_, p)| p)
}

/// LOAD_ATTR of `name` on `inst` (`obj` is the same instance as a value).
#[inline(always)]
pub(crate) fn load(
    obj: &Value,
    inst: &Instance,
    e: &AttrCache,
    name: &Rc<str>,
) -> Result<Value, Miss> {
    let tag = inst.class.version.get();
    if !has(&e.load, tag) {
        return Err(Miss);
    }
    if let Some(v) = own(inst, e, name)? {
        return Ok(v);
    }
    let place = place_of(e, tag).ok_or(Miss)?;
    let a = class_attr(&inst.class, place, name).ok_or(Miss)?;
    Ok(if place & BIND != 0 {
        crate::runtime::gc::bound_method(obj.clone(), a)
    } else {
        a
    })
}

/// LOAD_METHOD of `name` on `inst`: the class's function, when the
/// instance has no attribute of that name.
#[inline(always)]
pub(crate) fn method(inst: &Instance, e: &AttrCache, name: &Rc<str>) -> Result<Value, Miss> {
    let tag = inst.class.version.get();
    let place = place_of(e, tag).ok_or(Miss)?;
    if place & BIND == 0 || !has(&e.load, tag) {
        return Err(Miss);
    }
    if shadowed(inst, e, name) != Some(false) {
        return Err(Miss);
    }
    class_attr(&inst.class, place, name).ok_or(Miss)
}

/// LOAD_METHOD's quick form of [`method`]: only when the cache knows the
/// instance's layout lacks the name (or the instance has no attributes)
/// and the class attribute's key is `name` itself; gives the function to
/// `take` inside the namespace's borrow. Calls nothing else, so that the
/// threaded quick handler stays a leaf.
#[inline(always)]
pub(crate) fn method_quick<R>(
    inst: &Instance,
    e: &AttrCache,
    name: &Rc<str>,
    take: impl FnOnce(&Value) -> R,
) -> Option<R> {
    let tag = inst.class.version.get();
    let place = place_of(e, tag)?;
    if place & BIND == 0 || !has(&e.load, tag) {
        return None;
    }
    {
        let d = inst.dict.try_borrow().ok()?;
        if !d.is_empty() && (d.layout_id() != e.layout.get() || e.slot.get() != ABSENT) {
            return None;
        }
    }
    at_place(&inst.class, place, |k, v| {
        Rc::ptr_eq(k, name).then(|| take(v))
    })
}

/// LOAD_METHOD of `name` on an instance of a subclass of a builtin type
/// whose classes do not have the name (known under the class's tag): the
/// method of the builtin value the instance carries, and that value, if
/// it has one and no instance attribute shadows it.
#[inline]
pub(crate) fn base_method(
    inst: &Instance,
    e: &AttrCache,
    name: &Rc<str>,
) -> Option<(&'static crate::runtime::object::Builtin, Value)> {
    let tag = inst.class.version.get();
    if place_of(e, tag) != Some(NOWHERE) || !has(&e.load, tag) {
        return None;
    }
    let base = inst.base()?;
    if shadowed(inst, e, name)? {
        return None;
    }
    crate::runtime::methods::lookup(base, name).map(|m| (m, base.clone()))
}

/// What [`class_load`] found.
pub(crate) enum ClassHit {
    /// The attribute, as reading it from the class gives it.
    Plain(Value),
    /// A class method's function: bound to the class when read, called
    /// with the class first by CALL_METHOD.
    ClassMethod(Value),
}

/// LOAD_ATTR or LOAD_METHOD of `name` on the class `cls` itself (a class
/// whose metaclass is `type`), when the cache knows where the generic
/// lookup finds it.
#[inline]
pub(crate) fn class_load(cls: &Class, e: &AttrCache, name: &Rc<str>) -> Result<ClassHit, Miss> {
    let place = place_of(e, cls.version.get()).ok_or(Miss)?;
    if place & ON_CLASS == 0 {
        return Err(Miss);
    }
    let a = class_attr(cls, place, name).ok_or(Miss)?;
    // What `bind_descr` gives with no instance: calls nothing, except
    // for an instance whose class has `__get__`.
    Ok(match &a {
        Value::Instance(d) if d.class.hooks() & HOOK_GET != 0 => return Err(Miss),
        Value::Descr(d) => match &**d {
            Descr::Static(f) => ClassHit::Plain(f.clone()),
            Descr::ClassMethod(f) => ClassHit::ClassMethod(f.clone()),
            Descr::Property { .. } => ClassHit::Plain(a),
        },
        _ => ClassHit::Plain(a),
    })
}

/// After the generic path read `name` from the class `cls` itself:
/// records where it found it, unless the tag has a place already.
#[inline]
pub(crate) fn learn_class(cls: &Class, e: &AttrCache, name: &Rc<str>) {
    let tag = cls.version.get();
    if cls.meta.is_some() || cls.is_builtin || &**name == "__doc__" || place_of(e, tag).is_some() {
        return;
    }
    learn_class_place(cls, e, name);
}

#[cold]
fn learn_class_place(cls: &Class, e: &AttrCache, name: &Rc<str>) {
    let tag = cls.version.get();
    let found = std::iter::once(cls)
        .chain(cls.mro.iter().map(|c| &**c))
        .enumerate()
        .find_map(|(depth, c)| {
            let d = c.dict.try_borrow().ok()?;
            let (i, _, _) = d.get_full(&**name)?;
            Some((depth as u64, i as u64))
        });
    if let Some((depth, i)) = found
        && i >> 32 == 0
        && depth < 1 << 28
    {
        put_place(e, tag, ON_CLASS | depth << 33 | i);
        e.next.set(e.next.get().wrapping_add(1));
    }
}

/// STORE_ATTR of `name` on `inst`: `Err(v)` gives the value back when the
/// generic path must run.
#[inline(always)]
pub(crate) fn store(inst: &Instance, e: &AttrCache, name: &Rc<str>, v: Value) -> Result<(), Value> {
    if !has(&e.store, inst.class.version.get()) {
        return Err(v);
    }
    let Ok(mut d) = inst.dict.try_borrow_mut() else {
        return Err(v);
    };
    let old = match slot_of(&d, e, name) {
        Ok(Some(i)) => match d.slot_mut(i) {
            Some(slot) => std::mem::replace(slot, v),
            None => return Err(v),
        },
        Ok(None) => {
            d.insert_new(name.clone(), v);
            return Ok(());
        }
        Err(()) => match d.insert(name.clone(), v) {
            Some(old) => old,
            None => return Ok(()),
        },
    };
    // The old value goes after the borrow ends (its `__del__` may look
    // at this instance).
    drop(d);
    drop(old);
    Ok(())
}

/// Whether a class attribute leaves the instance's own attributes first,
/// for reading and for assigning, whatever happens elsewhere: not a
/// property, not an instance (whose class may gain `__get__` or `__set__`
/// at any time without this class's tag changing).
fn inert(a: &Value) -> bool {
    match a {
        Value::Instance(_) => false,
        Value::Descr(d) => !matches!(**d, Descr::Property { .. }),
        _ => true,
    }
}

/// Adds `tag` to `tags` unless it is there, overwriting the slot `next` picks.
fn add(tags: &[Cell<u64>; 4], tag: u64, next: &Cell<u8>) {
    if has(tags, tag) {
        return;
    }
    if let Some(free) = tags.iter().find(|t| t.get() == 0) {
        free.set(tag);
        return;
    }
    tags[next.get() as usize % 4].set(tag);
}

/// After the generic path ran for `name` on an instance of `cls`: learns
/// what it does under the class's tag, unless that is known already (for
/// loads, or for stores when `store`).
#[inline]
pub(crate) fn learn_new(cls: &Class, e: &AttrCache, name: &Rc<str>, store: bool) {
    let tag = cls.version.get();
    let tags = if store { &e.store } else { &e.load };
    if !has(tags, tag) && !has(tags, tag | NOT) {
        learn(cls, e, name);
    }
}

/// Records in `e` what the generic protocol does with `name` on instances
/// of `cls` (after it ran: the class's tag is the one it ran under).
#[cold]
fn learn(cls: &Class, e: &AttrCache, name: &Rc<str>) {
    let tag = cls.version.get();
    let hooks = cls.hooks();
    // (The hooks are found under the same tag: looking them up changes
    // nothing.)
    let found = std::iter::once(cls)
        .chain(cls.mro.iter().map(|c| &**c))
        .enumerate()
        .find_map(|(depth, c)| {
            let d = c.dict.try_borrow().ok()?;
            let (i, _, v) = d.get_full(&**name)?;
            Some((depth as u64, i as u64, v.clone()))
        });
    let plain = found.as_ref().is_none_or(|(_, _, a)| inert(a));
    let next = &e.next;
    let load = plain && hooks & HOOK_GETATTRIBUTE == 0;
    add(&e.load, if load { tag } else { tag | NOT }, next);
    if load && found.is_none() && cls.native.is_some() && place_of(e, tag).is_none() {
        // Nothing in the class: a subclass of a builtin type's instance
        // finds the method of the value it carries (see `base_method`).
        put_place(e, tag, NOWHERE);
    }
    if load && let Some((depth, i, a)) = &found {
        let bind = match a {
            Value::Function(_) => Some(BIND),
            Value::HostFn(h) if h.method => Some(BIND),
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::BigInt(_)
            | Value::Str(_)
            | Value::Tuple(_) => Some(0),
            _ => None,
        };
        if let Some(bind) = bind
            && i >> 32 == 0
            && place_of(e, tag).is_none()
        {
            put_place(e, tag, depth << 33 | bind | i);
        }
    }
    let slots_allow = cls
        .slots
        .as_ref()
        .is_none_or(|s| s.iter().any(|s| **s == **name));
    // (Assigning `__dict__` replaces the attributes: the generic path.)
    let store = plain && hooks & HOOK_SETATTR == 0 && slots_allow && &**name != "__dict__";
    add(&e.store, if store { tag } else { tag | NOT }, next);
    next.set(next.get().wrapping_add(1));
}
