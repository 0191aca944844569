//! Classes and their instances: user classes made by the `class`
//! statement, and the builtin exception classes, which are classes of the
//! same kind (so `class MyError(ValueError)` works like any subclass).
//!
//! A class keeps its method resolution order (C3, as CPython computes
//! it); attribute lookup walks it. Instances keep their attributes in a
//! map; exception instances also keep the traceback collected while they
//! propagated.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::error::{ExcKind, TraceEntry};
use super::object::Builtin;
use super::{PyErr, PyResult, Value};

/// Attributes by name, in the order they were first set (a class's
/// namespace keeps its definition order, as CPython's does).
pub type AttrMap = indexmap::IndexMap<Rc<str>, Value, rustc_hash::FxBuildHasher>;

/// Attributes by name (see [`AttrMap`]).
pub type Attrs = RefCell<AttrMap>;

/// A class.
#[derive(Debug)]
pub struct Class {
    /// `__name__`
    pub name: Rc<str>,
    /// The empty attribute layout the class's instances start from.
    pub layout: Rc<super::layout::Layout>,
    /// `__qualname__`
    pub qualname: Rc<str>,
    /// `__bases__`
    pub bases: Vec<Rc<Class>>,
    /// `__mro__` after the class itself.
    pub mro: Vec<Rc<Class>>,
    /// Class attributes, methods included.
    pub dict: Attrs,
    /// The builtin exception class this is, if it is one.
    pub builtin: Option<ExcKind>,
    /// The nearest builtin exception class in the MRO (the class itself
    /// included), if the class derives from BaseException.
    pub exc_base: Option<ExcKind>,
    /// For a builtin type (`int`, `list`, `type`, ...): what calling it
    /// runs (the constructor).
    pub ctor: Option<&'static Builtin>,
    /// The constructor of the nearest builtin type in the MRO other than
    /// `object` (the class itself included): instances of a subclass of
    /// `list` carry a list (see [`Instance::base`]).
    pub native: Option<&'static Builtin>,
    /// Whether this is a builtin class (a type or an exception class):
    /// its namespace cannot change.
    pub is_builtin: bool,
    /// The version tag: changes whenever this class's namespace or that of
    /// a class in its MRO changes, so a cache keyed by (class, version)
    /// stays valid as long as the tag is the same.
    pub version: std::cell::Cell<u64>,
    /// The classes made with this one among their bases (to change their
    /// tags when this one changes).
    subclasses: RefCell<Vec<std::rc::Weak<Class>>>,
    /// `__new__` and `__init__` as looked up at version tag `.0`.
    make_cache: RefCell<Option<MakeCache>>,
    /// When the class and every class in its MRO but `object` declare
    /// `__slots__` (without `__dict__`): the only attribute names its
    /// instances may have.
    pub slots: Option<Rc<[Rc<str>]>>,
    /// Which attribute hooks the class defines (see [`Class::hooks`]), as
    /// found at version tag `.0`.
    hooks_cache: std::cell::Cell<(u64, u8)>,
    /// Which of [`SPECIALS`] the class or its MRO defines (bit `i` for
    /// `SPECIALS[i]`), as found at version tag `.0`.
    specials_cache: std::cell::Cell<(u64, u32)>,
    /// The metaclass when it is not `type` (`class C(metaclass=M)`, or
    /// inherited from a base): `type(C)`, whose attributes and special
    /// methods the class has.
    pub meta: Option<Rc<Class>>,
}

/// [`Class::hooks`]: a `__getattribute__` other than `object`'s.
pub const HOOK_GETATTRIBUTE: u8 = 1;
/// [`Class::hooks`]: a `__getattr__`.
pub const HOOK_GETATTR: u8 = 2;
/// [`Class::hooks`]: a `__setattr__` other than `object`'s.
pub const HOOK_SETATTR: u8 = 4;
/// [`Class::hooks`]: a `__delattr__` other than `object`'s.
pub const HOOK_DELATTR: u8 = 8;
/// [`Class::hooks`]: a `__get__` (the instances are descriptors).
pub const HOOK_GET: u8 = 16;

/// The special methods whose absence [`Class::has_special`] answers
/// without a lookup: those the interpreter asks an instance for on every
/// comparison, `len`, iteration, truth test and subscript.
const SPECIALS: [&str; 14] = [
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__len__",
    "__iter__",
    "__bool__",
    "__contains__",
    "__getitem__",
    "__hash__",
    "__index__",
    "__next__",
];

/// A class's `__new__` and `__init__` at one version tag.
type MakeCache = (u64, Option<Value>, Option<Value>);

/// The last version tag given out.
static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// An instance of a class.
#[derive(Debug)]
pub struct Instance {
    /// `type(self)`
    pub class: Rc<Class>,
    /// Instance attributes.
    pub dict: RefCell<super::layout::InstAttrs>,
    /// For exceptions: the traceback collected so far, innermost last.
    pub traceback: RefCell<Vec<TraceEntry>>,
    /// What `__hash__` last returned, when the class defines it: dict
    /// keys hash by it (the VM computes it before a dict operation).
    pub hash: std::cell::Cell<Option<i64>>,
    /// The Rust value of a host-defined class's instance (userdata): a
    /// `RefCell<T>`, set once when the instance is made.
    pub native: std::cell::OnceCell<Rc<dyn std::any::Any>>,
    /// For an instance of a subclass of a builtin type: the value of that
    /// type it is (the list of a `class L(list)` instance), set once when
    /// `__new__` makes it.
    pub base: std::cell::OnceCell<Value>,
}

impl Class {
    /// A new class `name` with `bases` (none means `object`) and
    /// attributes `dict`; TypeError when no consistent MRO exists.
    pub fn new(
        name: Rc<str>,
        qualname: Rc<str>,
        bases: Vec<Rc<Class>>,
        dict: AttrMap,
    ) -> PyResult<Rc<Class>> {
        Class::with_meta(name, qualname, bases, dict, None)
    }

    /// [`Class::new`] with a metaclass named by the class statement (or
    /// by `M.__new__` through `type.__new__(M, ...)`); the metaclass of
    /// the class is the most derived of it and the bases' metaclasses
    /// (`None` stands for `type`).
    pub fn with_meta(
        name: Rc<str>,
        qualname: Rc<str>,
        bases: Vec<Rc<Class>>,
        dict: AttrMap,
        meta: Option<Rc<Class>>,
    ) -> PyResult<Rc<Class>> {
        let meta = winner_meta(meta, &bases)?;
        let bases = if bases.is_empty() {
            vec![object_class()]
        } else {
            bases
        };
        for b in &bases {
            if b.is_builtin && !b.subclassable() {
                return Err(PyErr::type_error(format!(
                    "type '{}' is not an acceptable base type",
                    b.name
                )));
            }
        }
        let mro = c3(&bases)?;
        let exc_base = mro.iter().find_map(|c| c.builtin);
        // Instances carry at most one builtin value: every builtin base
        // type must be one of the others' subclasses (or superclasses).
        let natives: Vec<&Rc<Class>> = bases.iter().filter_map(|b| b.native_class()).collect();
        if let Some(first) = natives.first() {
            let most = natives
                .iter()
                .copied()
                .fold(*first, |m, c| if c.is_subclass(m) { c } else { m });
            if natives.iter().any(|c| !most.is_subclass(c)) {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
        }
        let native = mro.iter().find_map(|c| c.native);
        // `__new__` is a static method, `__init_subclass__` and
        // `__class_getitem__` class methods, declared so or not.
        let mut dict = dict;
        for (name, static_) in [
            ("__new__", true),
            ("__init_subclass__", false),
            ("__class_getitem__", false),
        ] {
            if let Some(f @ Value::Function(_)) = dict.get(name).cloned() {
                let d = if static_ {
                    super::value::Descr::Static(f)
                } else {
                    super::value::Descr::ClassMethod(f)
                };
                dict.insert(Rc::from(name), Value::Descr(Rc::new(d)));
            }
        }
        let slots = slot_names(&dict, &mro)?;
        // Every class has a `__doc__` of its own, as CPython's type_new sets.
        if !dict.contains_key("__doc__") {
            dict.insert(Rc::from("__doc__"), Value::None);
        }
        // Instances of a class and of its subclasses share layouts, so a
        // base class's method finds `self.x` in one slot for them all.
        let layout = match bases.first() {
            Some(b) if !b.is_builtin => b.layout.clone(),
            _ => super::layout::Layout::root(),
        };
        let cls = Rc::new(Class {
            name,
            layout,
            qualname,
            bases,
            mro,
            dict: RefCell::new(dict),
            builtin: None,
            exc_base,
            ctor: None,
            native,
            is_builtin: false,
            version: std::cell::Cell::new(next_version()),
            subclasses: RefCell::default(),
            make_cache: RefCell::default(),
            hooks_cache: std::cell::Cell::new((0, 0)),
            specials_cache: std::cell::Cell::new((0, 0)),
            slots,
            meta,
        });
        for b in &cls.bases {
            let mut subs = b.subclasses.borrow_mut();
            subs.retain(|w| w.strong_count() > 0);
            subs.push(Rc::downgrade(&cls));
        }
        Ok(cls)
    }

    /// The module the class was defined in (`__module__`); `None` for
    /// the builtin classes, whose reprs name no module.
    pub fn module(&self) -> Option<String> {
        if self.is_builtin {
            return None;
        }
        match self.dict.borrow().get("__module__") {
            Some(Value::Str(m)) if m.as_str() == "builtins" => None,
            Some(Value::Str(m)) => Some(m.to_string()),
            _ => Some("__main__".to_string()),
        }
    }

    /// The builtin type in the MRO (the class itself included) whose
    /// values instances carry, if any (`object` does not count).
    pub fn native_class(self: &Rc<Class>) -> Option<&Rc<Class>> {
        self.native?;
        if self.ctor.is_some() {
            return Some(self);
        }
        self.mro
            .iter()
            .find(|c| c.ctor.is_some() && c.native.is_some())
    }

    /// Whether a class statement may name this builtin class as a base.
    fn subclassable(&self) -> bool {
        !matches!(
            &*self.name,
            "bool"
                | "range"
                | "slice"
                | "memoryview"
                | "NoneType"
                | "NotImplementedType"
                | "ellipsis"
                | "function"
                | "builtin_function_or_method"
                | "method"
                | "generator"
                | "code"
                | "cell"
                | "module"
        ) && (self.ctor.is_some() || self.builtin.is_some() || self.mro.is_empty())
    }

    /// `__new__` and `__init__` of the class (looked up once per version
    /// of the class: instantiation asks each time).
    pub fn new_and_init(&self) -> (Option<Value>, Option<Value>) {
        let v = self.version.get();
        if let Some((at, new, init)) = &*self.make_cache.borrow()
            && *at == v
        {
            return (new.clone(), init.clone());
        }
        let (new, init) = (self.lookup("__new__"), self.lookup("__init__"));
        let old = self
            .make_cache
            .borrow_mut()
            .replace((v, new.clone(), init.clone()));
        drop(old);
        (new, init)
    }

    /// The attribute hooks the class defines (`HOOK_*` bits), found once
    /// per version of the class (attribute access asks each time).
    #[inline]
    pub fn hooks(&self) -> u8 {
        let v = self.version.get();
        let (at, bits) = self.hooks_cache.get();
        if at == v {
            return bits;
        }
        let user = |name: &str, builtin: &Builtin| match self.lookup(name) {
            None => false,
            Some(Value::Builtin(b)) => !std::ptr::eq(b, builtin),
            Some(_) => true,
        };
        let mut bits = 0;
        if user("__getattribute__", &OBJECT_GETATTRIBUTE) {
            bits |= HOOK_GETATTRIBUTE;
        }
        if self.lookup("__getattr__").is_some() {
            bits |= HOOK_GETATTR;
        }
        if user("__setattr__", &OBJECT_SETATTR) {
            bits |= HOOK_SETATTR;
        }
        if user("__delattr__", &OBJECT_DELATTR) {
            bits |= HOOK_DELATTR;
        }
        if self.lookup("__get__").is_some() {
            bits |= HOOK_GET;
        }
        self.hooks_cache.set((v, bits));
        bits
    }

    /// Whether the class or a class in its MRO defines special method
    /// `name`, found once per version of the class; `None` when `name` is
    /// not one of those kept (see [`SPECIALS`]): the caller looks it up.
    #[inline]
    pub fn has_special(&self, name: &str) -> Option<bool> {
        let bit = SPECIALS.iter().position(|s| *s == name)?;
        let v = self.version.get();
        let (at, mut bits) = self.specials_cache.get();
        if at != v {
            bits = 0;
            for (i, s) in SPECIALS.iter().enumerate() {
                if self.lookup(s).is_some() {
                    bits |= 1 << i;
                }
            }
            self.specials_cache.set((v, bits));
        }
        Some(bits & (1 << bit) != 0)
    }

    /// Drops the cached lookups (their values may close reference cycles).
    /// Calls `f` with the values the constructor cache holds (for the
    /// cycle collector); false when the cache is borrowed.
    pub(crate) fn visit_cache(&self, f: &mut dyn FnMut(&Value)) -> bool {
        let Ok(cache) = self.make_cache.try_borrow() else {
            return false;
        };
        if let Some((_, new, init)) = &*cache {
            new.iter().chain(init.iter()).for_each(f);
        }
        true
    }

    pub fn clear_caches(&self) {
        let old = self.make_cache.borrow_mut().take();
        drop(old);
    }

    /// Records a change of this class's namespace: its version tag and its
    /// subclasses' change.
    pub fn modified(&self) {
        self.version.set(next_version());
        let subs: Vec<Rc<Class>> = self
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .collect();
        for s in subs {
            s.modified();
        }
    }

    /// Sets a class attribute (the old value is dropped after the borrow ends).
    pub fn set_attr(&self, name: Rc<str>, v: Value) {
        let old = self.dict.borrow_mut().insert(name, v);
        self.modified();
        drop(old);
    }

    /// Removes a class attribute, returning it.
    pub fn remove_attr(&self, name: &str) -> Option<Value> {
        let old = self.dict.borrow_mut().shift_remove(name);
        if old.is_some() {
            self.modified();
        }
        old
    }

    /// The attribute `name` of the class or the first class of its MRO
    /// that has it.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        self.mro
            .iter()
            .find_map(|c| c.dict.borrow().get(name).cloned())
    }

    /// The attribute `name` of this class's metaclass when a class written
    /// in Python defines it (`type`'s own are left to the callers, which
    /// implement them).
    pub fn meta_lookup(&self, name: &str) -> Option<Value> {
        let meta = self.meta.as_ref()?;
        std::iter::once(&**meta)
            .chain(meta.mro.iter().map(|c| &**c))
            .filter(|c| !c.is_builtin)
            .find_map(|c| c.dict.borrow().get(name).cloned())
    }

    /// The attribute `name` from the classes of this class's MRO that come
    /// after `after` (what `super(after, obj)` sees).
    pub fn lookup_after(&self, after: &Rc<Class>, name: &str) -> Option<Value> {
        let all = std::iter::once(self).chain(self.mro.iter().map(|c| &**c));
        let mut seen = false;
        for c in all {
            if seen && let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
            if std::ptr::eq(c, &**after) {
                seen = true;
            }
        }
        None
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|c| std::ptr::eq(&**c, other))
    }

    /// `__mro__` as a tuple.
    pub fn mro_tuple(self: &Rc<Class>) -> Value {
        let mut items = vec![Value::Class(self.clone())];
        items.extend(self.mro.iter().map(|c| Value::Class(c.clone())));
        Value::tuple(items)
    }

    /// Whether instances are exceptions.
    pub fn is_exception(&self) -> bool {
        self.exc_base.is_some()
    }
}

/// The attribute names instances of a class with namespace `dict` and
/// MRO `mro` (after the class) are limited to, if `__slots__` limits them.
fn slot_names(dict: &AttrMap, mro: &[Rc<Class>]) -> PyResult<Option<Rc<[Rc<str>]>>> {
    let Some(decl) = dict.get("__slots__") else {
        return Ok(None);
    };
    let items: Vec<Value> = match decl {
        Value::Str(_) => vec![decl.clone()],
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().to_vec(),
        Value::Dict(d) => d.borrow().keys(),
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            )));
        }
    };
    let mut names: Vec<Rc<str>> = Vec::new();
    for it in items {
        let Value::Str(n) = it else {
            return Err(PyErr::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                it.type_name()
            )));
        };
        if n.as_str() == "__dict__" {
            return Ok(None);
        }
        if dict.contains_key(n.as_str()) {
            return Err(PyErr::value_error(format!(
                "'{n}' in __slots__ conflicts with class variable"
            )));
        }
        names.push(Rc::from(n.as_str()));
    }
    // Every base but object (and the builtin types) limits its instances too.
    for c in mro {
        if c.is_builtin {
            continue;
        }
        match &c.slots {
            Some(more) => names.extend(more.iter().cloned()),
            None => return Ok(None),
        }
    }
    names.push(Rc::from("__weakref__"));
    Ok(Some(names.into()))
}

/// The C3 linearisation of a class with `bases` (without the class itself).
fn c3(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // The first head that is in no other sequence's tail.
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, h))));
        let Some(head) = head else {
            let names: Vec<&str> = bases.iter().map(|b| &*b.name).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

impl Instance {
    /// A new instance with no attributes.
    pub fn new(class: Rc<Class>) -> Instance {
        Instance {
            dict: RefCell::new(super::layout::InstAttrs::new(&class.layout)),
            class,
            traceback: RefCell::default(),
            hash: std::cell::Cell::new(None),
            native: std::cell::OnceCell::new(),
            base: std::cell::OnceCell::new(),
        }
    }

    /// The builtin value this instance is (see [`Instance::base`]).
    pub fn base(&self) -> Option<&Value> {
        self.base.get()
    }

    /// An instance attribute.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }

    /// Sets an instance attribute (the old value is dropped after the borrow ends).
    pub fn set(&self, name: Rc<str>, v: Value) {
        let old = self.dict.borrow_mut().insert(name, v);
        drop(old);
    }
}

/// The builtin classes, made once per thread (values are not `Send`).
struct Builtins {
    object: Rc<Class>,
    exc: Vec<Rc<Class>>,
    /// The builtin types by name: those with a constructor made at once,
    /// the others (`NoneType`, `function`) when first asked for.
    types: RefCell<FxHashMap<String, Rc<Class>>>,
}

thread_local! {
    static BUILTIN_CLASSES: Builtins = make_builtins();
}

fn builtin_class(name: &str, bases: Vec<Rc<Class>>, builtin: Option<ExcKind>) -> Rc<Class> {
    let mut mro = Vec::new();
    if let Some(b) = bases.first() {
        mro.push(b.clone());
        mro.extend(b.mro.iter().cloned());
    }
    Rc::new(Class {
        name: Rc::from(name),
        layout: super::layout::Layout::root(),
        qualname: Rc::from(name),
        bases,
        mro,
        dict: RefCell::default(),
        builtin,
        exc_base: builtin,
        ctor: None,
        native: None,
        is_builtin: true,
        version: std::cell::Cell::new(next_version()),
        subclasses: RefCell::default(),
        make_cache: RefCell::default(),
        hooks_cache: std::cell::Cell::new((0, 0)),
        specials_cache: std::cell::Cell::new((0, 0)),
        slots: None,
        meta: None,
    })
}

/// The metaclass of a new class: the most derived of the one asked for
/// and those of the bases (`None` is `type`); CPython's TypeError when
/// none of them derives from all the others.
pub fn winner_meta(asked: Option<Rc<Class>>, bases: &[Rc<Class>]) -> PyResult<Option<Rc<Class>>> {
    let mut winner = asked.filter(|m| !m.is_builtin);
    for m in bases.iter().filter_map(|b| b.meta.as_ref()) {
        winner = match winner {
            None => Some(m.clone()),
            Some(w) if m.is_subclass(&w) => Some(m.clone()),
            Some(w) if w.is_subclass(m) => Some(w),
            Some(_) => {
                return Err(PyErr::type_error(
                    "metaclass conflict: the metaclass of a derived class must be a \
                     (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        };
    }
    Ok(winner)
}

/// The builtin types that calling makes values of, each named as its
/// constructor in `builtins::BUILTINS`.
const CONSTRUCTED: &[&str] = &[
    "type",
    "int",
    "bool",
    "float",
    "complex",
    "str",
    "bytes",
    "bytearray",
    "memoryview",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "super",
    "staticmethod",
    "classmethod",
    "property",
];

fn make_builtins() -> Builtins {
    let object = builtin_class("object", Vec::new(), None);
    {
        let mut d = object.dict.borrow_mut();
        d.insert(Rc::from("__init__"), Value::Builtin(&OBJECT_INIT));
        d.insert(Rc::from("__new__"), Value::Builtin(&OBJECT_NEW));
        d.insert(
            Rc::from("__getattribute__"),
            Value::Builtin(&OBJECT_GETATTRIBUTE),
        );
        d.insert(Rc::from("__setattr__"), Value::Builtin(&OBJECT_SETATTR));
        d.insert(Rc::from("__delattr__"), Value::Builtin(&OBJECT_DELATTR));
        d.insert(
            Rc::from("__init_subclass__"),
            Value::Builtin(&OBJECT_INIT_SUBCLASS),
        );
    }
    let mut exc: Vec<Rc<Class>> = Vec::with_capacity(ExcKind::ALL.len());
    for &k in ExcKind::ALL {
        // ALL lists bases first, so the parent already exists.
        let base = match k.parent() {
            Some(p) => exc[p as usize].clone(),
            None => object.clone(),
        };
        let c = builtin_class(k.name(), vec![base], Some(k));
        exc.push(c);
    }
    {
        let mut d = exc[ExcKind::BaseException as usize].dict.borrow_mut();
        d.insert(Rc::from("__init__"), Value::Builtin(&EXC_INIT));
        d.insert(Rc::from("__new__"), Value::Builtin(&EXC_NEW));
        // So that `super().__str__()` in a subclass finds them.
        d.insert(Rc::from("__str__"), Value::Builtin(&EXC_STR));
        d.insert(Rc::from("__repr__"), Value::Builtin(&EXC_REPR));
    }
    let mut types: FxHashMap<String, Rc<Class>> = FxHashMap::default();
    for &name in CONSTRUCTED {
        let base = if name == "bool" {
            types["int"].clone()
        } else {
            object.clone()
        };
        let ctor = super::builtins::BUILTINS
            .iter()
            .find(|b| b.name == name)
            .expect("every constructed type has its builtin");
        let mut c = builtin_class(name, vec![base], None);
        let cm = Rc::get_mut(&mut c).expect("just made");
        cm.ctor = Some(ctor);
        cm.native = Some(ctor);
        {
            let mut d = cm.dict.borrow_mut();
            d.insert(Rc::from("__new__"), Value::Builtin(&TYPE_NEW));
            if let Some(init) = native_init(name) {
                d.insert(Rc::from("__init__"), Value::Builtin(init));
            }
            if name == "type" {
                d.insert(Rc::from("__call__"), Value::Builtin(&TYPE_CALL));
            }
        }
        types.insert(name.to_string(), c);
    }
    types.insert("object".to_string(), object.clone());
    Builtins {
        object,
        exc,
        types: RefCell::new(types),
    }
}

/// The class of the builtin type `name`: made once per name (a type
/// with no constructor, as `NoneType`, is made when first asked for).
pub fn builtin_type(name: &str) -> Rc<Class> {
    BUILTIN_CLASSES.with(|b| {
        if let Some(c) = b.types.borrow().get(name) {
            return c.clone();
        }
        let mut c = builtin_class(name, vec![b.object.clone()], None);
        if name == "function" {
            let cm = Rc::get_mut(&mut c).expect("just made");
            cm.ctor = Some(&FUNCTION_NEW);
        }
        b.types.borrow_mut().insert(name.to_string(), c.clone());
        c
    })
}

/// The class of the builtin type `name` if it is one made with a
/// constructor (`int`, `list`, ...).
pub fn constructed_type(name: &str) -> Option<Rc<Class>> {
    BUILTIN_CLASSES.with(|b| {
        b.types
            .borrow()
            .get(name)
            .filter(|c| c.ctor.is_some())
            .cloned()
    })
}

/// The class of `v` (`type(v)`).
pub fn class_of_value(v: &Value) -> Rc<Class> {
    match v {
        Value::Instance(i) => i.class.clone(),
        Value::Class(c) if c.meta.is_some() => c.meta.clone().expect("checked"),
        _ => builtin_type(v.type_name()),
    }
}

/// The class `object`.
pub fn object_class() -> Rc<Class> {
    BUILTIN_CLASSES.with(|b| b.object.clone())
}

/// The class of a builtin exception.
pub fn exc_class(kind: ExcKind) -> Rc<Class> {
    BUILTIN_CLASSES.with(|b| b.exc[kind as usize].clone())
}

/// `object.__init__(self)`: takes nothing else.
pub static OBJECT_INIT: Builtin = Builtin {
    name: "__init__",
    call: |_, args, _| {
        if args.len() > 1 {
            return Err(PyErr::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        Ok(Value::None)
    },
};

/// `BaseException.__init__(self, *args)`: sets `args`.
pub static EXC_INIT: Builtin = Builtin {
    name: "__init__",
    call: |_, mut args, kwargs| {
        if let Some((k, _)) = kwargs.first() {
            return Err(PyErr::type_error(format!(
                "BaseException.__init__() got an unexpected keyword argument '{k}'"
            )));
        }
        if args.is_empty() {
            return Err(PyErr::type_error(
                "descriptor '__init__' of 'BaseException' object needs an argument",
            ));
        }
        let this = args.remove(0);
        if let Value::Instance(i) = &this {
            i.set(Rc::from("args"), Value::tuple(args));
        }
        Ok(Value::None)
    },
};

/// `object.__getattribute__(self, name)`: the attribute as the generic
/// lookup finds it (descriptors, then the instance dict, then the class).
pub static OBJECT_GETATTRIBUTE: Builtin = Builtin {
    name: "__getattribute__",
    call: |ctx, args, _| match args.as_slice() {
        [this, Value::Str(name)] => ctx.generic_attr(this, name, None, false),
        _ => Err(PyErr::type_error(
            "expected 1 argument: the attribute name (a str)",
        )),
    },
};

/// `object.__init_subclass__(cls)`: does nothing, takes no keywords.
pub static OBJECT_INIT_SUBCLASS: Builtin = Builtin {
    name: "__init_subclass__",
    call: |_, args, kw| {
        if let Some((k, _)) = kw.first() {
            let name = match args.first() {
                Some(Value::Class(c)) => c.name.to_string(),
                _ => "object".to_string(),
            };
            return Err(PyErr::type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments ('{k}' given)"
            )));
        }
        Ok(Value::None)
    },
};

/// `object.__setattr__(self, name, value)`.
pub static OBJECT_SETATTR: Builtin = Builtin {
    name: "__setattr__",
    call: |ctx, mut args, _| {
        if args.len() != 3 || !matches!(args[1], Value::Str(_)) {
            return Err(PyErr::type_error(
                "expected 2 arguments: the attribute name (a str) and its value",
            ));
        }
        let v = args.pop().expect("three");
        let Value::Str(name) = &args[1] else {
            unreachable!("checked")
        };
        ctx.generic_attr(&args[0], name, Some(v), false)
    },
};

/// `object.__delattr__(self, name)`.
pub static OBJECT_DELATTR: Builtin = Builtin {
    name: "__delattr__",
    call: |ctx, args, _| match args.as_slice() {
        [this, Value::Str(name)] => ctx.generic_attr(this, name, None, true),
        _ => Err(PyErr::type_error(
            "expected 1 argument: the attribute name (a str)",
        )),
    },
};

/// Whether `b` is a method of a builtin class (it binds to an instance).
pub fn is_method(b: &Builtin) -> bool {
    [
        &OBJECT_INIT,
        &OBJECT_GETATTRIBUTE,
        &OBJECT_SETATTR,
        &OBJECT_DELATTR,
        &EXC_INIT,
        &EXC_STR,
        &EXC_REPR,
        &LIST_INIT,
        &DICT_INIT,
        &SET_INIT,
        &BYTEARRAY_INIT,
    ]
    .iter()
    .any(|m| std::ptr::eq(*m, b))
}

/// Whether `b` is the `__new__` of a builtin class (static: it takes
/// the class first, and does not bind).
pub fn is_new(b: &Builtin) -> bool {
    [&OBJECT_NEW, &EXC_NEW, &TYPE_NEW]
        .iter()
        .any(|m| std::ptr::eq(*m, b))
}

/// The class argument of a `__new__`, checked to be a subclass of `of`.
fn new_class_arg(args: &[Value], of: &str) -> PyResult<Rc<Class>> {
    match args.first() {
        Some(Value::Class(c)) => Ok(c.clone()),
        Some(other) => Err(PyErr::type_error(format!(
            "{of}.__new__(X): X is not a type object ({})",
            other.type_name()
        ))),
        None => Err(PyErr::type_error(format!(
            "{of}.__new__(): not enough arguments"
        ))),
    }
}

/// `object.__new__(cls, ...)`: a new instance of `cls` with no attributes.
pub static OBJECT_NEW: Builtin = Builtin {
    name: "__new__",
    call: |ctx, args, _| {
        let cls = new_class_arg(&args, "object")?;
        if cls.is_exception() {
            return Err(PyErr::type_error(format!(
                "object.__new__({}) is not safe, use BaseException.__new__()",
                cls.name
            )));
        }
        if let Some(n) = cls.native_class() {
            return Err(PyErr::type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                cls.name, n.name
            )));
        }
        Ok(Value::Instance(ctx.alloc_instance(&cls, None)))
    },
};

/// `BaseException.__new__(cls, *args)`: an exception with those args.
pub static EXC_NEW: Builtin = Builtin {
    name: "__new__",
    call: |_, mut args, _| {
        let cls = new_class_arg(&args, "BaseException")?;
        if !cls.is_exception() {
            return Err(PyErr::type_error(format!(
                "BaseException.__new__({}): {} is not a subtype of BaseException",
                cls.name, cls.name
            )));
        }
        args.remove(0);
        Ok(Value::Instance(new_exception(cls, args)))
    },
};

/// Whether instances of the builtin type `name` change after they are
/// made: those are made empty by `__new__` and filled by `__init__`.
pub fn mutable_type(name: &str) -> bool {
    matches!(name, "list" | "dict" | "set" | "bytearray")
}

/// `T.__new__(cls, *args)` of a builtin type T: `T(*args)` when `cls` is T
/// itself; for a subclass, an instance carrying that value (made empty
/// for the mutable types, whose `__init__` fills it).
pub static TYPE_NEW: Builtin = Builtin {
    name: "__new__",
    call: |ctx, mut args, kw| {
        let cls = new_class_arg(&args, "type")?;
        let Some(native) = cls.native_class().cloned() else {
            return Err(PyErr::type_error(format!(
                "{}.__new__() needs a subclass of a builtin type",
                cls.name
            )));
        };
        let ctor = native.ctor.expect("a native class has a constructor");
        args.remove(0);
        // `type.__new__(M, name, bases, namespace)`: a class of metaclass M.
        if &*native.name == "type" && args.len() == 3 {
            let meta = (!Rc::ptr_eq(&native, &cls)).then_some(cls);
            return ctx.make_class(meta, args, kw);
        }
        if Rc::ptr_eq(&native, &cls) {
            return (ctor.call)(ctx, args, kw);
        }
        let base = if mutable_type(&native.name) {
            (ctor.call)(ctx, Vec::new(), Vec::new())?
        } else {
            (ctor.call)(ctx, args, kw)?
        };
        Ok(Value::Instance(ctx.alloc_instance(&cls, Some(base))))
    },
};

/// `type.__init__(cls, ...)`: the class is made by then.
pub static TYPE_INIT: Builtin = Builtin {
    name: "__init__",
    call: |_, args, _| match args.len() {
        1 | 2 | 4 => Ok(Value::None),
        _ => Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments")),
    },
};

/// `type.__call__(cls, *args, **kwargs)`: `__new__` and `__init__` (what
/// a metaclass's own `__call__` reaches through `super()`).
pub static TYPE_CALL: Builtin = Builtin {
    name: "__call__",
    call: |ctx, mut args, kw| {
        let cls = match args.first() {
            Some(Value::Class(c)) => c.clone(),
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "descriptor '__call__' requires a 'type' object but received a '{}'",
                    other.type_name()
                )));
            }
            None => {
                return Err(PyErr::type_error(
                    "descriptor '__call__' of 'type' object needs an argument",
                ));
            }
        };
        args.remove(0);
        ctx.instantiate(&cls, args, kw)
    },
};

/// `function(code, globals, name=None, argdefs=None, closure=None)`: a
/// function of a code object (`type(f)(f.__code__, {...})`), its globals a
/// namespace made from the dict.
pub static FUNCTION_NEW: Builtin = Builtin {
    name: "function",
    call: |_, args, kw| {
        let mut slots: [Option<Value>; 5] = Default::default();
        for (i, a) in args.into_iter().enumerate() {
            match slots.get_mut(i) {
                Some(s) => *s = Some(a),
                None => return Err(PyErr::type_error("function expected at most 5 arguments")),
            }
        }
        for (k, v) in kw {
            let i = ["code", "globals", "name", "argdefs", "closure"]
                .iter()
                .position(|n| **n == *k)
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "function() got an unexpected keyword argument '{k}'"
                    ))
                })?;
            slots[i] = Some(v);
        }
        let [code, globals, name, argdefs, closure] = slots;
        let Some(Value::Code(code)) = code else {
            return Err(PyErr::type_error(
                "function() argument 'code' must be code, not ".to_string()
                    + code.as_ref().map_or("nothing", arg_type),
            ));
        };
        let Some(Value::Dict(g)) = globals else {
            return Err(PyErr::type_error(
                "function() argument 'globals' must be dict, not ".to_string()
                    + globals.as_ref().map_or("nothing", arg_type),
            ));
        };
        let ns = Rc::new(super::object::Namespace::default());
        for (k, v) in g.borrow().map.iter() {
            if let Value::Str(k) = &k.0 {
                ns.set(Rc::from(k.as_str()), v.clone());
            }
        }
        let defaults = match argdefs {
            None | Some(Value::None) => Vec::new(),
            Some(Value::Tuple(t)) => t.to_vec(),
            Some(_) => return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple")),
        };
        let cells = match closure {
            None | Some(Value::None) => Vec::new(),
            Some(Value::Tuple(t)) => t
                .iter()
                .map(|c| match c {
                    Value::Cell(c) => Ok(c.clone()),
                    other => Err(PyErr::type_error(format!(
                        "arg 5 (closure) expected cell, found {}",
                        other.type_name()
                    ))),
                })
                .collect::<PyResult<Vec<_>>>()?,
            Some(_) => return Err(PyErr::type_error("arg 5 (closure) must be tuple")),
        };
        if cells.len() != code.freevars().len() {
            return Err(PyErr::type_error(format!(
                "{} requires closure of length {}, not {}",
                code.name(),
                code.freevars().len(),
                cells.len()
            )));
        }
        let f = super::object::Function {
            code,
            globals: ns,
            defaults,
            kwdefaults: Vec::new(),
            closure: cells,
            dict: Default::default(),
        };
        if let Some(n @ Value::Str(_)) = name {
            f.dict.borrow_mut().insert(Rc::from("__name__"), n);
        }
        Ok(super::gc::function(f))
    },
};

/// A wrong argument's type as CPython's argument errors name it.
fn arg_type(v: &Value) -> &str {
    match v {
        Value::None => "None",
        _ => v.type_name(),
    }
}

/// The `__init__` of a mutable builtin type, if it has one of its own.
fn native_init(name: &str) -> Option<&'static Builtin> {
    Some(match name {
        "type" => &TYPE_INIT,
        "list" => &LIST_INIT,
        "dict" => &DICT_INIT,
        "set" => &SET_INIT,
        "bytearray" => &BYTEARRAY_INIT,
        _ => return None,
    })
}

/// The builtin value `v` is: itself, or the base of an instance of a
/// subclass of a builtin type.
pub fn native_value(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.base().unwrap_or(v),
        _ => v,
    }
}

/// `T.__init__(self, *args)` of a mutable builtin type: empties `self`,
/// then fills it as `T(*args)` would.
fn reinit(
    ctx: &mut super::builtins::Ctx,
    type_name: &str,
    mut args: Vec<Value>,
    kw: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' of '{type_name}' object needs an argument"
        )));
    }
    let this = args.remove(0);
    let target = native_value(&this).clone();
    if target.type_name() != type_name {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '{type_name}' object but received a '{}'",
            this.type_name()
        )));
    }
    let ctor = constructed_type(type_name)
        .and_then(|c| c.ctor)
        .expect("a builtin type");
    let fresh = (ctor.call)(ctx, args, kw)?;
    match (&target, fresh) {
        (Value::List(l), Value::List(f)) => {
            let items = std::mem::take(&mut *f.borrow_mut());
            let old = std::mem::replace(&mut *l.borrow_mut(), items);
            drop(old);
        }
        (Value::Dict(d), Value::Dict(f)) => {
            let items = std::mem::take(&mut *f.borrow_mut());
            let old = std::mem::replace(&mut *d.borrow_mut(), items);
            drop(old);
        }
        (Value::Set(s), Value::Set(f)) => {
            let items = std::mem::take(&mut *f.borrow_mut());
            let old = std::mem::replace(&mut *s.borrow_mut(), items);
            drop(old);
        }
        (Value::ByteArray(b), Value::ByteArray(f)) => {
            let items = std::mem::take(&mut *f.borrow_mut());
            *b.borrow_mut() = items;
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `list.__init__(self, iterable=())`.
pub static LIST_INIT: Builtin = Builtin {
    name: "__init__",
    call: |ctx, args, kw| reinit(ctx, "list", args, kw),
};

/// `dict.__init__(self, *args, **kwargs)`.
pub static DICT_INIT: Builtin = Builtin {
    name: "__init__",
    call: |ctx, args, kw| reinit(ctx, "dict", args, kw),
};

/// `set.__init__(self, iterable=())`.
pub static SET_INIT: Builtin = Builtin {
    name: "__init__",
    call: |ctx, args, kw| reinit(ctx, "set", args, kw),
};

/// `bytearray.__init__(self, source=b'')`.
pub static BYTEARRAY_INIT: Builtin = Builtin {
    name: "__init__",
    call: |ctx, args, kw| reinit(ctx, "bytearray", args, kw),
};

/// `BaseException.__str__(self)`.
pub static EXC_STR: Builtin = Builtin {
    name: "__str__",
    call: |ctx, args, _| match args.first() {
        Some(Value::Instance(i)) if i.class.is_exception() => Ok(Value::str(exc_str(ctx, i)?)),
        _ => Err(PyErr::type_error(
            "descriptor '__str__' of 'BaseException' object needs an argument",
        )),
    },
};

/// `BaseException.__repr__(self)`: `Name(arg, ...)`.
pub static EXC_REPR: Builtin = Builtin {
    name: "__repr__",
    call: |ctx, args, _| match args.first() {
        Some(Value::Instance(i)) if i.class.is_exception() => {
            let mut parts = Vec::new();
            for a in exc_args(i) {
                parts.push(ctx.repr(&a)?);
            }
            Ok(Value::str(format!(
                "{}({})",
                i.class.name,
                parts.join(", ")
            )))
        }
        _ => Err(PyErr::type_error(
            "descriptor '__repr__' of 'BaseException' object needs an argument",
        )),
    },
};

/// `str(e)` as BaseException (and KeyError, OSError) give it: nothing for
/// no arguments, the one argument's str, else the arguments' tuple.
pub fn exc_str(ctx: &mut super::builtins::Ctx, inst: &Instance) -> PyResult<String> {
    let args = exc_args(inst);
    let base = inst.class.exc_base;
    match args.len() {
        0 => Ok(String::new()),
        1 if base == Some(ExcKind::KeyError) => ctx.repr(&args[0]),
        2 if base.is_some_and(|k| k.is_a(ExcKind::OSError)) && inst.get("errno").is_some() => {
            let attr = |n: &str| inst.get(n).unwrap_or(Value::None);
            let mut text = format!(
                "[Errno {}] {}",
                ctx.str(&attr("errno"))?,
                ctx.str(&attr("strerror"))?
            );
            if !matches!(attr("filename"), Value::None) {
                text = format!("{text}: {}", ctx.repr(&attr("filename"))?);
                if !matches!(attr("filename2"), Value::None) {
                    text = format!("{text} -> {}", ctx.repr(&attr("filename2"))?);
                }
            }
            Ok(text)
        }
        // SyntaxError(msg, (filename, lineno, ...)): "msg (file, line n)".
        2 if base.is_some_and(|k| k.is_a(ExcKind::SyntaxError))
            && matches!(args[1], Value::Tuple(_)) =>
        {
            let msg = ctx.str(&args[0])?;
            let file = match exc_attr(inst, "filename") {
                Some(Value::Str(f)) => {
                    let f: &str = &f;
                    Some(f.rsplit('/').next().unwrap_or(f).to_string())
                }
                _ => None,
            };
            let line = match exc_attr(inst, "lineno") {
                Some(Value::Int(n)) => Some(n),
                _ => None,
            };
            Ok(match (file, line) {
                (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
                (Some(f), None) => format!("{msg} ({f})"),
                (None, Some(n)) => format!("{msg} (line {n})"),
                (None, None) => msg,
            })
        }
        1 => ctx.str(&args[0]),
        _ => ctx.repr(&Value::tuple(args)),
    }
}

/// A new exception object of `class` with `args`, as `class(*args)`
/// makes before `__init__` runs. An OSError given (errno, strerror,
/// filename[, winerror, filename2]) keeps the first two as its args.
pub fn new_exception(class: Rc<Class>, mut args: Vec<Value>) -> Rc<Instance> {
    let os = class.exc_base.is_some_and(|k| k.is_a(ExcKind::OSError));
    let inst = Instance::new(class);
    if os && (2..=5).contains(&args.len()) {
        let names = ["errno", "strerror", "filename", "winerror", "filename2"];
        for (n, v) in names.iter().zip(args.iter()) {
            if *n != "winerror" {
                inst.set(Rc::from(*n), v.clone());
            }
        }
        args.truncate(2);
    }
    inst.set(Rc::from("args"), Value::tuple(args));
    Rc::new(inst)
}

/// The class `OSError(errno, strerror, ...)` makes: the subclass for that
/// errno (2 is FileNotFoundError, ...), as CPython picks it; any other
/// class stays as it is.
pub fn os_error_class(class: &Rc<Class>, args: &[Value]) -> Rc<Class> {
    if class.builtin != Some(ExcKind::OSError) || args.len() < 2 {
        return class.clone();
    }
    use ExcKind::*;
    let kind = match args[0] {
        Value::Int(1 | 13) => PermissionError,
        Value::Int(2) => FileNotFoundError,
        Value::Int(3) => ProcessLookupError,
        Value::Int(4) => InterruptedError,
        Value::Int(10) => ChildProcessError,
        Value::Int(11 | 114 | 115) => BlockingIOError,
        Value::Int(17) => FileExistsError,
        Value::Int(20) => NotADirectoryError,
        Value::Int(21) => IsADirectoryError,
        Value::Int(32 | 108) => BrokenPipeError,
        Value::Int(103) => ConnectionAbortedError,
        Value::Int(104) => ConnectionResetError,
        Value::Int(110) => TimeoutError,
        Value::Int(111) => ConnectionRefusedError,
        _ => return class.clone(),
    };
    exc_class(kind)
}

/// The exception object of an error raised by Rust code.
pub fn exception_object(err: &PyErr) -> Rc<Instance> {
    let args = if err.msg.is_empty() {
        Vec::new()
    } else {
        vec![Value::str(err.msg.clone())]
    };
    let inst = new_exception(exc_class(err.kind), args);
    if err.kind == ExcKind::StopIteration {
        inst.set(Rc::from("value"), Value::None);
    }
    inst
}

/// The `args` of an exception object, as a slice-able vector.
pub fn exc_args(inst: &Instance) -> Vec<Value> {
    match inst.get("args") {
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

/// `SystemExit.code`: set by `__init__` from the arguments (none: None,
/// one: that argument, more: their tuple), unless assigned since.
pub fn system_exit_code(inst: &Instance) -> Value {
    if let Some(c) = inst.get("code") {
        return c;
    }
    let mut args = exc_args(inst);
    match args.len() {
        0 => Value::None,
        1 => args.remove(0),
        _ => Value::tuple(args),
    }
}

/// The attributes builtin exception classes derive from their arguments
/// (`StopIteration.value`, `SystemExit.code`, `OSError.errno`, ...), when
/// not assigned on the instance.
pub fn exc_attr(inst: &Instance, name: &str) -> Option<Value> {
    let base = inst.class.exc_base?;
    let arg = |i: usize| exc_args(inst).into_iter().nth(i).unwrap_or(Value::None);
    Some(match name {
        "value" if base == ExcKind::StopIteration || base == ExcKind::StopAsyncIteration => arg(0),
        "code" if base == ExcKind::SystemExit => system_exit_code(inst),
        // Set by `new_exception` when given; None when not.
        "errno" | "strerror" | "filename" | "filename2" if base.is_a(ExcKind::OSError) => {
            Value::None
        }
        "msg" if base.is_a(ExcKind::SyntaxError) => arg(0),
        "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset"
            if base.is_a(ExcKind::SyntaxError) =>
        {
            let i = [
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
            ]
            .iter()
            .position(|n| *n == name)
            .unwrap_or(0);
            match arg(1) {
                Value::Tuple(t) => t.get(i).cloned().unwrap_or(Value::None),
                _ => Value::None,
            }
        }
        "encoding" | "object" | "start" | "end" | "reason"
            if base == ExcKind::UnicodeDecodeError || base == ExcKind::UnicodeEncodeError =>
        {
            let i = ["encoding", "object", "start", "end", "reason"]
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0);
            arg(i)
        }
        "name" | "path" if base.is_a(ExcKind::ImportError) => Value::None,
        "name" if base.is_a(ExcKind::NameError) || base == ExcKind::AttributeError => Value::None,
        _ => return None,
    })
}

impl PyErr {
    /// The error raising exception object `v` (an instance of an exception
    /// class): its traceback continues the one it already has.
    pub fn from_object(inst: &Rc<Instance>) -> PyErr {
        let mut e = PyErr::new(
            inst.class.exc_base.unwrap_or(ExcKind::BaseException),
            String::new(),
        );
        e.traceback = inst.traceback.borrow().clone();
        e.value = Some(Value::Instance(inst.clone()));
        e
    }

    /// The exception object, made now if the error has none yet; the
    /// traceback collected so far moves into it.
    pub fn object(&mut self) -> Rc<Instance> {
        let inst = match &self.value {
            Some(Value::Instance(i)) => i.clone(),
            _ => {
                let i = exception_object(self);
                self.value = Some(Value::Instance(i.clone()));
                i
            }
        };
        *inst.traceback.borrow_mut() = self.traceback.clone();
        inst
    }
}
