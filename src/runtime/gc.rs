//! The cycle collector: frees the container objects that reference
//! counting cannot, those kept alive only by reference cycles.
//!
//! CPython's scheme, in safe Rust. Every container made through a funnel
//! (`Value::list`, `new_dict`, `new_set`, a new instance, class, function,
//! closure cell, bound method, tuple holding a container) registers a
//! `Weak` to itself in a per-thread registry: a push, no unlinking on
//! drop (a dead entry is dropped at the next collection that sees it,
//! which then frees the `Rc`'s block). A collection of a set of entries:
//!
//! 1. upgrade every live entry (one strong reference each, ours) and give
//!    each `gc_refs = strong_count - 1`, the references to it held anywhere;
//! 2. for every object of the set, subtract one from `gc_refs` of each
//!    object of the set it references ([`traverse`]): what is left counts
//!    the references from outside the set (frames, Rust locals, untracked
//!    objects, older generations);
//! 3. the objects left above zero are alive, and so is everything they
//!    reach (a mark from them);
//! 4. the rest is garbage: [`clear`] takes their contents out (a list's
//!    items, a dict's entries, an instance's attributes, a cell's value),
//!    which breaks every cycle, and dropping our references frees them.
//!
//! A traversal reports exactly the strong references an object holds to
//! tracked objects, never one it does not hold; a reference it cannot see
//! (a container borrowed at that moment, a host's Rust value or closure)
//! counts as one from outside, so the worst a missing traversal does is
//! keep garbage alive. Objects of the kinds made on hot paths that cannot
//! change what they hold (iterators, builtin bound methods, dict views,
//! descriptors, slices, frozensets, `super` objects) are not tracked:
//! they cost nothing when made, and a collection that meets one while
//! looking at its objects takes it in as one of them ([`see_through`]),
//! so a cycle through it is found all the same. Weak references die with the garbage; their
//! callbacks run at the next `gc.collect()` (see `weakref.py`).
//!
//! Two generations: new entries are young; a young collection runs when
//! [`THRESHOLD`] containers were made since the last one (checked at the
//! dispatch loop's check-ins, where no borrow is held), its survivors
//! become old; a full collection runs when 100 young ones ran since the
//! last and the old generation has grown by a quarter meanwhile
//! (CPython's rules against quadratic work on a growing heap), and on
//! `gc.collect()`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use rustc_hash::FxHashMap;

use super::Value;
use super::class::{Class, Instance};
use super::dict::Dict;
use super::object::{Function, GenKind, GenState, Generator, Iter, Namespace, NsRef, Watch};
use super::seqobj::Seq;
use super::set::SetObj;
use super::value::Descr;

/// Containers made between young collections (CPython's `threshold0`).
pub const THRESHOLD: u32 = 700;

/// Young collections between full ones, at least (CPython's
/// `threshold1 * threshold2`).
const FULL_MIN_YOUNG_RUNS: u64 = 100;

/// The old generation is pruned while the collector is off once it has
/// this many entries more than twice its size after the last pruning.
const FULL_MIN_GROWTH: usize = 10 * THRESHOLD as usize;

/// A tracked container, weakly held.
#[derive(Debug)]
pub enum Entry {
    /// A list.
    List(Weak<RefCell<Seq>>),
    /// A tuple (only one that holds a container when made).
    Tuple(Weak<Seq>),
    /// A dict.
    Dict(Weak<RefCell<Dict>>),
    /// A set.
    Set(Weak<RefCell<SetObj>>),
    /// An instance.
    Instance(Weak<Instance>),
    /// A class.
    Class(Weak<Class>),
    /// A Python function.
    Function(Weak<Function>),
    /// A closure cell.
    Cell(Weak<RefCell<Value>>),
    /// A bound method.
    BoundMethod(Weak<(Value, Value)>),
    /// A generator, coroutine or async generator.
    Generator(Weak<Generator>),
    /// A namespace functions can hold as their globals (a module's, or
    /// one `exec` made from a dict): not a value of its own.
    Namespace(Weak<Namespace>),
}

/// A tracked object, held strongly during a collection.
enum Obj {
    /// A value of a tracked kind.
    V(Value),
    /// A namespace.
    Ns(Rc<Namespace>),
}

impl Entry {
    fn alive(&self) -> bool {
        match self {
            Entry::List(w) => w.strong_count() > 0,
            Entry::Tuple(w) => w.strong_count() > 0,
            Entry::Dict(w) => w.strong_count() > 0,
            Entry::Set(w) => w.strong_count() > 0,
            Entry::Instance(w) => w.strong_count() > 0,
            Entry::Class(w) => w.strong_count() > 0,
            Entry::Function(w) => w.strong_count() > 0,
            Entry::Cell(w) => w.strong_count() > 0,
            Entry::BoundMethod(w) => w.strong_count() > 0,
            Entry::Generator(w) => w.strong_count() > 0,
            Entry::Namespace(w) => w.strong_count() > 0,
        }
    }

    fn upgrade_obj(&self) -> Option<Obj> {
        match self {
            Entry::Namespace(w) => w.upgrade().map(Obj::Ns),
            e => e.upgrade().map(Obj::V),
        }
    }

    fn upgrade(&self) -> Option<Value> {
        Some(match self {
            Entry::List(w) => Value::List(w.upgrade()?),
            Entry::Tuple(w) => Value::Tuple(w.upgrade()?),
            Entry::Dict(w) => Value::Dict(w.upgrade()?),
            Entry::Set(w) => Value::Set(w.upgrade()?),
            Entry::Instance(w) => Value::Instance(w.upgrade()?),
            Entry::Class(w) => Value::Class(w.upgrade()?),
            Entry::Function(w) => Value::Function(w.upgrade()?),
            Entry::Cell(w) => Value::Cell(w.upgrade()?),
            Entry::BoundMethod(w) => Value::BoundMethod(w.upgrade()?),
            Entry::Generator(w) => Value::Generator(w.upgrade()?),
            Entry::Namespace(_) => return None,
        })
    }
}

/// The per-thread registry and switches.
struct Registry {
    /// Entries made since the last collection.
    young: RefCell<Vec<Entry>>,
    /// Survivors of collections.
    old: RefCell<Vec<Entry>>,
    /// Containers tracked since the last collection.
    made: Cell<u32>,
    /// `gc.set_threshold`'s first figure (0: no automatic collection).
    threshold: Cell<u32>,
    /// `gc.enable()` / `gc.disable()`.
    enabled: Cell<bool>,
    /// A collection is running (a drop inside it cannot start another).
    collecting: Cell<bool>,
    /// Old entries after the last full collection.
    old_after_full: Cell<usize>,
    /// Young entries found alive by the last pruning (the first ones).
    young_checked: Cell<usize>,
    /// Young entries after the last pruning of all of them.
    young_after_retain: Cell<usize>,
    /// Young collections run before the last full one.
    young_at_full: Cell<u64>,
    /// Collections run: young, full.
    runs: [Cell<u64>; 2],
    /// Objects freed: by young, by full collections.
    freed: [Cell<u64>; 2],
}

thread_local! {
    static GC: Registry = const {
        Registry {
            young: RefCell::new(Vec::new()),
            old: RefCell::new(Vec::new()),
            made: Cell::new(0),
            threshold: Cell::new(THRESHOLD),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            old_after_full: Cell::new(0),
            young_at_full: Cell::new(0),
            young_checked: Cell::new(0),
            young_after_retain: Cell::new(0),
            runs: [Cell::new(0), Cell::new(0)],
            freed: [Cell::new(0), Cell::new(0)],
        }
    };
}

thread_local! {
    /// A collection finalized generators: their frames wait in the VM's
    /// graveyard (see [`take_finalized`]).
    static FINALIZED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a collection since the last call finalized generators, whose
/// frames the VM must now close (then a second collection frees what
/// they held in cycles).
pub fn take_finalized() -> bool {
    FINALIZED.try_with(|f| f.replace(false)).unwrap_or(false)
}

/// Registers a new container.
#[inline]
pub fn track(e: Entry) {
    // During thread teardown the registry may be gone: the object is then
    // simply not tracked.
    let _ = GC.try_with(move |g| {
        if let Ok(mut young) = g.young.try_borrow_mut() {
            young.push(e);
            let made = g.made.get().wrapping_add(1);
            g.made.set(made);
            if made >= OVERDUE {
                drop(young);
                prune_in(g);
            }
        }
    });
}

/// Containers made with no check-in to collect them (a host calling
/// short scripts, a builtin looping in Rust): past this many the young
/// entries are pruned where they are made, so that the blocks of dead
/// objects do not pile up.
const OVERDUE: u32 = 8 * THRESHOLD;

/// A new list, tracked.
#[inline]
pub fn list(items: Seq) -> Value {
    let rc = Rc::new(RefCell::new(items));
    track(Entry::List(Rc::downgrade(&rc)));
    Value::List(rc)
}

/// A new dict, tracked.
#[inline]
pub fn dict(d: Dict) -> Value {
    let rc = Rc::new(RefCell::new(d));
    track(Entry::Dict(Rc::downgrade(&rc)));
    Value::Dict(rc)
}

/// A new set, tracked.
#[inline]
pub fn set(s: SetObj) -> Value {
    let rc = Rc::new(RefCell::new(s));
    track(Entry::Set(Rc::downgrade(&rc)));
    Value::Set(rc)
}

/// A new tuple, tracked when an item is a container that can be part of a
/// cycle (a tuple of ints and strs never is, as CPython untracks those).
#[inline]
pub fn tuple(items: Seq) -> Value {
    let track_it = items.iter().any(holds_refs);
    let rc = Rc::new(items);
    if track_it {
        track(Entry::Tuple(Rc::downgrade(&rc)));
    }
    Value::Tuple(rc)
}

/// A new namespace for module globals, tracked (a function defined in it
/// holds it: the two make a cycle).
pub fn namespace(ns: Namespace) -> Rc<Namespace> {
    let rc = Rc::new(ns);
    track(Entry::Namespace(Rc::downgrade(&rc)));
    rc
}

/// A new function, tracked.
#[inline]
pub fn function(f: Function) -> Value {
    let rc = Rc::new(f);
    track(Entry::Function(Rc::downgrade(&rc)));
    Value::Function(rc)
}

/// A new bound method, tracked.
#[inline]
pub fn bound_method(receiver: Value, func: Value) -> Value {
    let rc = Rc::new((receiver, func));
    track(Entry::BoundMethod(Rc::downgrade(&rc)));
    Value::BoundMethod(rc)
}

/// A new generator, tracked.
#[inline]
pub fn generator(g: Generator) -> Value {
    let rc = Rc::new(g);
    track(Entry::Generator(Rc::downgrade(&rc)));
    Value::Generator(rc)
}

/// Whether an automatic collection is due (for the dispatch loop's
/// check-ins: cheap). With the collector disabled (or a threshold of 0)
/// the registry is still pruned of dead entries as often.
#[inline]
pub fn due() -> bool {
    GC.try_with(|g| {
        let t = g.threshold.get();
        let t = if t == 0 { THRESHOLD } else { t };
        g.made.get() >= t && !g.collecting.get()
    })
    .unwrap_or(false)
}

/// Runs the collection that is due: young, or full when the old
/// generation has grown enough. Gives the number of objects freed.
pub fn collect_due() -> usize {
    if !GC
        .try_with(|g| g.enabled.get() && g.threshold.get() != 0)
        .unwrap_or(false)
    {
        prune();
        return 0;
    }
    let full = GC
        .try_with(|g| {
            let base = g.old_after_full.get();
            g.runs[0].get() - g.young_at_full.get() >= FULL_MIN_YOUNG_RUNS
                && g.old.borrow().len() > base + base / 4
        })
        .unwrap_or(false);
    collect(full)
}

/// Drops the entries of objects already freed (what keeps the registry
/// proportional to the live containers while the collector is off): the
/// young ones every time, the old ones when they have doubled.
fn prune() {
    let _ = GC.try_with(prune_in);
}

#[cold]
fn prune_in(g: &Registry) {
    if g.collecting.get() {
        return;
    }
    let (Ok(mut young), Ok(mut old)) = (g.young.try_borrow_mut(), g.old.try_borrow_mut()) else {
        return;
    };
    g.made.set(0);
    // The entries stay young (collected as such once the collector runs
    // again, as CPython's generation 0 is); only those made since the
    // last pruning are looked at, and all of them once they have doubled,
    // so pruning costs a constant per container made.
    // (Dropping a dead `Weak` frees its block; no value drops.)
    let from = g.young_checked.get().min(young.len());
    let fresh: Vec<Entry> = young.split_off(from);
    young.extend(fresh.into_iter().filter(Entry::alive));
    if young.len() >= 2 * g.young_after_retain.get() + FULL_MIN_GROWTH {
        young.retain(Entry::alive);
        g.young_after_retain.set(young.len());
    }
    g.young_checked.set(young.len());
    if old.len() >= 2 * g.old_after_full.get() + FULL_MIN_GROWTH {
        old.retain(Entry::alive);
        g.old_after_full.set(old.len());
    }
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    let _ = GC.try_with(|g| g.enabled.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    GC.try_with(|g| g.enabled.get()).unwrap_or(false)
}

/// `gc.set_threshold(n)` (0 turns automatic collection off).
pub fn set_threshold(n: u32) {
    let _ = GC.try_with(|g| g.threshold.set(n));
}

/// `gc.get_threshold()[0]`.
pub fn threshold() -> u32 {
    GC.try_with(|g| g.threshold.get()).unwrap_or(THRESHOLD)
}

/// `gc.get_count()`: containers made since the last collection, old
/// entries (live or not yet pruned).
pub fn counts() -> (u32, usize) {
    GC.try_with(|g| (g.made.get(), g.old.borrow().len()))
        .unwrap_or((0, 0))
}

/// Collections run and objects freed, young then full (`gc.get_stats()`).
pub fn stats() -> [(u64, u64); 2] {
    GC.try_with(|g| {
        [
            (g.runs[0].get(), g.freed[0].get()),
            (g.runs[1].get(), g.freed[1].get()),
        ]
    })
    .unwrap_or([(0, 0); 2])
}

/// Whether `v` is an object the collector tracks (`gc.is_tracked`; a
/// tuple of plain values is not, as in CPython).
pub fn is_tracked(v: &Value) -> bool {
    let Some(a) = addr(v) else { return false };
    GC.try_with(|g| {
        let hit = |es: &Vec<Entry>| {
            es.iter()
                .any(|e| e.upgrade().is_some_and(|o| addr(&o) == Some(a)))
        };
        hit(&g.young.borrow()) || hit(&g.old.borrow())
    })
    .unwrap_or(false)
}

/// Runs a collection now: of the young generation, or of every tracked
/// object (`full`). Gives the number of objects found unreachable and
/// freed. Does nothing inside another collection.
pub fn collect(full: bool) -> usize {
    let Ok(Some(set)) = GC.try_with(|g| {
        if g.collecting.replace(true) {
            return None;
        }
        g.made.set(0);
        g.young_checked.set(0);
        g.young_after_retain.set(0);
        let mut set = std::mem::take(&mut *g.young.borrow_mut());
        if full {
            let mut old = std::mem::take(&mut *g.old.borrow_mut());
            old.append(&mut set);
            set = old;
        }
        Some(set)
    }) else {
        return 0;
    };
    let (survivors, freed) = run(set);
    let _ = GC.try_with(|g| {
        let mut old = g.old.borrow_mut();
        old.extend(survivors);
        let k = usize::from(full);
        g.runs[k].set(g.runs[k].get() + 1);
        g.freed[k].set(g.freed[k].get() + freed as u64);
        if full {
            g.old_after_full.set(old.len());
            g.young_at_full.set(g.runs[0].get());
        }
        g.collecting.set(false);
    });
    freed
}

/// The address of a tracked kind of object (its identity).
#[inline]
fn addr(v: &Value) -> Option<usize> {
    Some(match v {
        Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
        _ => return None,
    })
}

/// The strong count of a tracked kind of object.
fn strong_count(v: &Value) -> usize {
    match v {
        Value::List(r) => Rc::strong_count(r),
        Value::Tuple(r) => Rc::strong_count(r),
        Value::Dict(r) => Rc::strong_count(r),
        Value::Set(r) => Rc::strong_count(r),
        Value::Instance(r) => Rc::strong_count(r),
        Value::Class(r) => Rc::strong_count(r),
        Value::Function(r) => Rc::strong_count(r),
        Value::Cell(r) => Rc::strong_count(r),
        Value::BoundMethod(r) => Rc::strong_count(r),
        Value::Generator(r) => Rc::strong_count(r),
        Value::Iter(r) => Rc::strong_count(r),
        Value::Method(r) => Rc::strong_count(r),
        Value::View(r) => Rc::strong_count(r),
        Value::Descr(r) => Rc::strong_count(r),
        Value::Slice(r) => Rc::strong_count(r),
        Value::FrozenSet(r) => Rc::strong_count(r),
        Value::Super(r) => Rc::strong_count(r),
        Value::Globals(r) => Rc::strong_count(r),
        Value::Module(r) => Rc::strong_count(r),
        _ => 0,
    }
}

/// A strong reference a traversal reports.
#[derive(Clone, Copy)]
enum Ref<'a> {
    /// To an object known by its address alone (a class, a closure cell,
    /// a namespace held as a bare `Rc`).
    Addr(usize),
    /// To a value of a tracked or a see-through kind.
    Val(&'a Value),
    /// To an iterator held as a bare `Rc` (one nested in another).
    Iter(&'a Rc<Iter>),
}

/// Whether values of `v`'s kind are seen through: objects that are not
/// tracked (most are made on hot paths: iterators, builtin bound methods,
/// dict views, descriptors, slices, frozensets, `super` objects, module
/// and namespace views) but can hold a container and so be part of a
/// cycle. None of them can change what it holds after it is made. A
/// collection reaching one from the objects it collects takes it in as
/// one of them for that collection (see [`run`]), so a cycle through it
/// is found as one through tracked objects is.
#[inline]
fn see_through(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Method(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::View(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Descr(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Super(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Globals(r) => Rc::as_ptr(r) as *const u8 as usize,
        Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
        _ => return None,
    })
}

/// Whether `v` can hold a reference a collection must see: a tracked or a
/// see-through kind.
#[inline]
fn holds_refs(v: &Value) -> bool {
    addr(v).is_some() || see_through(v).is_some()
}

/// Calls `visit` with every strong reference `v` holds to an object of a
/// tracked or see-through kind (one call per reference; addresses of
/// other kinds are harmless, they match no entry). False when `v` could
/// not be looked into (borrowed): its references then count as ones from
/// outside.
fn traverse(v: &Value, visit: &mut dyn FnMut(Ref)) -> bool {
    fn val(x: &Value, visit: &mut dyn FnMut(Ref)) {
        if holds_refs(x) {
            visit(Ref::Val(x));
        }
    }
    fn rc<T>(r: &Rc<T>, visit: &mut dyn FnMut(Ref)) {
        visit(Ref::Addr(Rc::as_ptr(r) as *const u8 as usize));
    }
    match v {
        Value::List(l) => {
            let Ok(l) = l.try_borrow() else { return false };
            l.iter().for_each(|x| val(x, visit));
        }
        Value::Tuple(t) => t.iter().for_each(|x| val(x, visit)),
        Value::Dict(d) => {
            let Ok(d) = d.try_borrow() else { return false };
            for (k, x) in d.map.iter() {
                val(&k.0, visit);
                val(x, visit);
            }
        }
        Value::Set(s) => {
            let Ok(s) = s.try_borrow() else { return false };
            s.entries().for_each(|(k, _)| val(k, visit));
        }
        Value::FrozenSet(s) => s.entries().for_each(|(k, _)| val(k, visit)),
        Value::Instance(i) => {
            let Ok(d) = i.dict.try_borrow() else {
                return false;
            };
            d.values().for_each(|x| val(x, visit));
            if let Some(b) = i.base.get() {
                val(b, visit);
            }
            rc(&i.class, visit);
        }
        Value::Class(c) => {
            let Ok(d) = c.dict.try_borrow() else {
                return false;
            };
            d.values().for_each(|x| val(x, visit));
            if !c.visit_cache(&mut |x| val(x, visit)) {
                return false;
            }
            for b in c.bases.iter().chain(c.mro.iter()).chain(c.meta.iter()) {
                rc(b, visit);
            }
        }
        Value::Function(f) => {
            let Ok(d) = f.dict.try_borrow() else {
                return false;
            };
            d.values().for_each(|x| val(x, visit));
            f.defaults.iter().for_each(|x| val(x, visit));
            f.kwdefaults.iter().for_each(|(_, x)| val(x, visit));
            f.closure.iter().for_each(|c| rc(c, visit));
            rc(&f.globals, visit);
        }
        Value::Cell(c) => {
            let Ok(c) = c.try_borrow() else { return false };
            val(&c, visit);
        }
        Value::BoundMethod(m) => {
            val(&m.0, visit);
            val(&m.1, visit);
        }
        Value::Generator(g) => {
            let Ok(e) = g.exc_state.try_borrow() else {
                return false;
            };
            if let Some(x) = &*e {
                val(x, visit);
            }
            rc(&g.func, visit);
            match &g.kind {
                GenKind::Wrapper(c) => rc(c, visit),
                GenKind::AsyncOp(op) => rc(&op.agen, visit),
                _ => {}
            }
            // What its suspended frame holds (nothing while it runs:
            // its frame is then on the call chain, a root).
            crate::interp::visit_suspended(g, &mut |x| val(x, visit));
        }
        Value::Iter(it) => traverse_iter(it, visit),
        Value::Method(m) => val(&m.0, visit),
        Value::View(view) => rc(&view.1, visit),
        Value::Descr(d) => match &**d {
            Descr::Static(f) | Descr::ClassMethod(f) => val(f, visit),
            Descr::Property {
                fget,
                fset,
                fdel,
                doc,
            } => [fget, fset, fdel, doc]
                .into_iter()
                .for_each(|x| val(x, visit)),
        },
        Value::Slice(s) => s.iter().for_each(|x| val(x, visit)),
        Value::Super(s) => {
            rc(&s.0, visit);
            val(&s.1, visit);
        }
        Value::Globals(g) => match &**g {
            NsRef::Ns(ns) => rc(ns, visit),
            NsRef::Inst(i) => rc(i, visit),
        },
        Value::Module(m) => rc(&m.globals, visit),
        _ => {}
    }
    true
}

/// [`traverse`] for an iterator: what it goes over, and what it calls.
fn traverse_iter(it: &Iter, visit: &mut dyn FnMut(Ref)) {
    fn val(x: &Value, visit: &mut dyn FnMut(Ref)) {
        if holds_refs(x) {
            visit(Ref::Val(x));
        }
    }
    fn rc<T>(r: &Rc<T>, visit: &mut dyn FnMut(Ref)) {
        visit(Ref::Addr(Rc::as_ptr(r) as *const u8 as usize));
    }
    match it {
        Iter::Range { .. } | Iter::BigRange { .. } | Iter::Str { .. } => {}
        Iter::List { list, .. } | Iter::ListRev { list, .. } => rc(list, visit),
        Iter::Tuple { items, .. } => rc(items, visit),
        Iter::Enumerate { inner, .. } | Iter::Filter { inner, .. } => {
            visit(Ref::Iter(inner));
            if let Iter::Filter { func, .. } = it {
                val(func, visit);
            }
        }
        Iter::Zip { inners } => inners.iter().for_each(|i| visit(Ref::Iter(i))),
        Iter::ZipStrict { inners } => inners.iter().for_each(|i| visit(Ref::Iter(i))),
        Iter::Map { func, inners } => {
            val(func, visit);
            inners.iter().for_each(|i| visit(Ref::Iter(i)));
        }
        Iter::Lazy(v) | Iter::Bytes { src: v, .. } | Iter::GetItem { obj: v, .. } => val(v, visit),
        Iter::Set { items, .. } => items.iter().for_each(|x| val(x, visit)),
        Iter::Watched { items, source, .. } => {
            items.iter().for_each(|x| val(x, visit));
            match source {
                Watch::Dict(d, _) => rc(d, visit),
                Watch::Set(s, _) => rc(s, visit),
            }
        }
        Iter::Call { func, sentinel, .. } => {
            val(func, visit);
            val(sentinel, visit);
        }
    }
}

/// Takes out what garbage object `v` holds, into `junk` (dropped once
/// every garbage object is cleared): this breaks the cycles through it.
/// Objects that cannot change after they are made (tuples, bound
/// methods) hold nothing made after them, so every cycle has a member
/// that can be cleared.
fn clear(v: &Value, junk: &mut Vec<Value>) {
    match v {
        Value::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                junk.append(&mut l);
            }
        }
        Value::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                for (k, x) in std::mem::take(&mut d.map) {
                    junk.push(k.0);
                    junk.push(x);
                }
            }
        }
        Value::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                junk.extend(s.clear());
            }
        }
        Value::Instance(i) => {
            if let Ok(mut d) = i.dict.try_borrow_mut() {
                junk.extend(d.take_values());
            }
        }
        Value::Class(c) => {
            c.clear_caches();
            if let Ok(mut d) = c.dict.try_borrow_mut() {
                junk.extend(std::mem::take(&mut *d).into_values());
            }
        }
        Value::Function(f) => {
            if let Ok(mut d) = f.dict.try_borrow_mut() {
                junk.extend(std::mem::take(&mut *d).into_values());
            }
        }
        Value::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                junk.push(std::mem::replace(&mut *c, Value::Empty));
            }
        }
        Value::Generator(g) => {
            if let Ok(mut e) = g.exc_state.try_borrow_mut() {
                junk.extend(e.take());
            }
        }
        _ => {}
    }
}

/// Whether `v` is a generator with a suspended frame (garbage that must
/// be finalized, closed by the VM, before the rest can be cleared).
fn needs_finalizer(v: &Value) -> bool {
    matches!(v, Value::Generator(g)
        if matches!(g.state.try_borrow().as_deref(), Ok(GenState::Suspended(_))))
}

fn obj_addr(o: &Obj) -> Option<usize> {
    match o {
        Obj::V(v) => addr(v),
        Obj::Ns(ns) => Some(Rc::as_ptr(ns) as *const u8 as usize),
    }
}

fn obj_count(o: &Obj) -> usize {
    match o {
        Obj::V(v) => strong_count(v),
        Obj::Ns(ns) => Rc::strong_count(ns),
    }
}

/// [`traverse`] for any object of a collection: a namespace holds its
/// values (and a class body's mapping).
fn obj_traverse(o: &Obj, visit: &mut dyn FnMut(Ref)) -> bool {
    match o {
        Obj::V(v) => traverse(v, visit),
        Obj::Ns(ns) => ns.visit_values(&mut |x| {
            if holds_refs(x) {
                visit(Ref::Val(x));
            }
        }),
    }
}

/// The address a reference is to.
#[inline]
fn ref_addr(r: Ref) -> usize {
    match r {
        Ref::Addr(a) => a,
        Ref::Val(v) => addr(v).or_else(|| see_through(v)).unwrap_or(0),
        Ref::Iter(it) => Rc::as_ptr(it) as *const u8 as usize,
    }
}

/// The object a reference is to when it is of a see-through kind (a
/// collection takes it in when it first meets it).
fn see_through_value(r: Ref) -> Option<Value> {
    match r {
        Ref::Addr(_) => None,
        Ref::Val(v) => see_through(v).map(|_| v.clone()),
        Ref::Iter(it) => Some(Value::Iter(it.clone())),
    }
}

/// Collects `set`: gives back the entries of the objects that survive
/// and the number freed.
fn run(set: Vec<Entry>) -> (Vec<Entry>, usize) {
    // 1. Our strong reference to each live object; dead entries go.
    let mut entries = Vec::with_capacity(set.len());
    let mut objs = Vec::with_capacity(set.len());
    for e in set {
        if let Some(v) = e.upgrade_obj() {
            objs.push(v);
            entries.push(e);
        }
    }
    let n = objs.len();
    let mut index: FxHashMap<usize, usize> = FxHashMap::default();
    index.reserve(n);
    for (i, v) in objs.iter().enumerate() {
        if let Some(a) = obj_addr(v) {
            index.insert(a, i);
        }
    }
    // 2. References from outside the set (ours excluded): each object's
    // strong count less the references the set's objects hold to it. An
    // object of a see-through kind met on the way joins the set (its own
    // references are then looked at in turn); the counts are added once
    // every reference is seen, when no temporary one is held.
    let mut refs: Vec<isize> = vec![0; n];
    let mut opaque = vec![false; n];
    let mut i = 0;
    while i < objs.len() {
        let mut joined = Vec::new();
        let seen = obj_traverse(&objs[i], &mut |r| {
            let a = ref_addr(r);
            if let Some(&j) = index.get(&a) {
                refs[j] -= 1;
            } else if let Some(v) = see_through_value(r) {
                index.insert(a, objs.len() + joined.len());
                joined.push(v);
                refs.push(-1);
            }
        });
        opaque[i] = !seen;
        opaque.resize(opaque.len() + joined.len(), false);
        objs.extend(joined.into_iter().map(Obj::V));
        i += 1;
    }
    for (r, o) in refs.iter_mut().zip(&objs) {
        *r += obj_count(o) as isize - 1;
    }
    let n = objs.len();
    // 3. Alive: referenced from outside, looked into by nobody, and what
    // those reach.
    let mut alive = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..n {
        debug_assert!(
            refs[i] >= 0,
            "a traversal reported a reference twice: {} {}",
            refs[i],
            match &objs[i] {
                Obj::V(v) => v.type_name(),
                Obj::Ns(_) => "namespace",
            }
        );
        if refs[i] > 0 || opaque[i] {
            alive[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        obj_traverse(&objs[i], &mut |r| {
            if let Some(&j) = index.get(&ref_addr(r))
                && !alive[j]
            {
                alive[j] = true;
                stack.push(j);
            }
        });
    }
    // 4. The rest is garbage. Suspended generators among it are
    // finalized first (CPython 3.4's order): their frames go to the VM,
    // which closes them, and nothing else is cleared this time, so their
    // `finally` blocks see the objects whole; what the frames held is
    // freed when they are released, and any cycle left by the next
    // collection. Otherwise: empty the garbage, then let go.
    let mut junk = Vec::new();
    let mut freed = 0;
    let finalizing: Vec<usize> = (0..n)
        .filter(|&i| !alive[i] && matches!(&objs[i], Obj::V(v) if needs_finalizer(v)))
        .collect();
    if !finalizing.is_empty() {
        for &i in &finalizing {
            if let Obj::V(Value::Generator(g)) = &objs[i]
                && crate::interp::finalize_generator(g)
            {
                freed += 1;
            }
        }
        let _ = FINALIZED.try_with(|f| f.set(true));
        // Everything stays tracked (the generators too: they are done).
        alive.iter_mut().for_each(|a| *a = true);
    }
    for (v, &live) in objs.iter().zip(&alive) {
        if !live {
            match v {
                Obj::V(v) => clear(v, &mut junk),
                Obj::Ns(ns) => junk.extend(ns.try_take_values()),
            }
            freed += 1;
        }
    }
    drop(objs);
    // Through the trashcan: what the garbage held may nest deeply.
    super::seqobj::release(junk);
    let survivors = entries
        .into_iter()
        .zip(alive)
        .filter_map(|(e, live)| live.then_some(e))
        .collect();
    (survivors, freed)
}

#[cfg(test)]
mod tests;
