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

/// Attributes by name.
pub type Attrs = RefCell<FxHashMap<Rc<str>, Value>>;

/// A class.
#[derive(Debug)]
pub struct Class {
    /// `__name__`
    pub name: Rc<str>,
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
}

/// An instance of a class.
#[derive(Debug)]
pub struct Instance {
    /// `type(self)`
    pub class: Rc<Class>,
    /// Instance attributes.
    pub dict: Attrs,
    /// For exceptions: the traceback collected so far, innermost last.
    pub traceback: RefCell<Vec<TraceEntry>>,
    /// What `__hash__` last returned, when the class defines it: dict
    /// keys hash by it (the VM computes it before a dict operation).
    pub hash: std::cell::Cell<Option<i64>>,
    /// The Rust value of a host-defined class's instance (userdata): a
    /// `RefCell<T>`, set once when the instance is made.
    pub native: std::cell::OnceCell<Rc<dyn std::any::Any>>,
}

impl Class {
    /// A new class `name` with `bases` (none means `object`) and
    /// attributes `dict`; TypeError when no consistent MRO exists.
    pub fn new(
        name: Rc<str>,
        qualname: Rc<str>,
        bases: Vec<Rc<Class>>,
        dict: FxHashMap<Rc<str>, Value>,
    ) -> PyResult<Rc<Class>> {
        let bases = if bases.is_empty() {
            vec![object_class()]
        } else {
            bases
        };
        let mro = c3(&bases)?;
        let exc_base = mro.iter().find_map(|c| c.builtin);
        Ok(Rc::new(Class {
            name,
            qualname,
            bases,
            mro,
            dict: RefCell::new(dict),
            builtin: None,
            exc_base,
        }))
    }

    /// The module the class was defined in (its own `__module__`, as
    /// the class body set it), for reprs.
    pub fn module_name(&self) -> Rc<String> {
        match self.dict.borrow().get("__module__") {
            Some(Value::Str(m)) => m.clone(),
            _ => Rc::new(String::from("__main__")),
        }
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
            class,
            dict: RefCell::default(),
            traceback: RefCell::default(),
            hash: std::cell::Cell::new(None),
            native: std::cell::OnceCell::new(),
        }
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
        qualname: Rc::from(name),
        bases,
        mro,
        dict: RefCell::default(),
        builtin,
        exc_base: builtin,
    })
}

fn make_builtins() -> Builtins {
    let object = builtin_class("object", Vec::new(), None);
    object
        .dict
        .borrow_mut()
        .insert(Rc::from("__init__"), Value::Builtin(&OBJECT_INIT));
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
        // So that `super().__str__()` in a subclass finds them.
        d.insert(Rc::from("__str__"), Value::Builtin(&EXC_STR));
        d.insert(Rc::from("__repr__"), Value::Builtin(&EXC_REPR));
    }
    Builtins { object, exc }
}

thread_local! {
    static TYPE_CLASSES: RefCell<FxHashMap<String, Rc<Class>>> = RefCell::default();
}

/// A class standing for a builtin type that has no builtin function of its
/// name (`type(None)`): made once per name.
pub fn builtin_type(name: &str) -> Rc<Class> {
    TYPE_CLASSES.with(|t| {
        t.borrow_mut()
            .entry(name.to_string())
            .or_insert_with(|| builtin_class(name, vec![object_class()], None))
            .clone()
    })
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

/// Whether `b` is a method of a builtin class (it binds to an instance).
pub fn is_method(b: &Builtin) -> bool {
    [&OBJECT_INIT, &EXC_INIT, &EXC_STR, &EXC_REPR]
        .iter()
        .any(|m| std::ptr::eq(*m, b))
}

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
