//! The builtin functions, and the context they run in (where `print` writes).

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::bytes::{bytearray_builtin, bytes_builtin, memoryview_builtin};
use super::class::{Class, exc_class, object_class};
use super::object::{Builtin, Iter, Namespace, Range};
use super::set::{frozenset_builtin, set_builtin};
use super::value::Descr;
use super::{ExcKind, PyErr, PyResult, Value, ops};
use crate::bytecode::{BinOp, CmpOp};

/// What builtins may use of the VM running them.
pub trait Host: super::format::Stringify {
    /// Where `print` writes.
    fn out(&mut self) -> &mut dyn Write;
    /// What the script assigned to `sys.stdout`, if it rebound it:
    /// `print` without `file=` writes there instead of to [`Host::out`].
    fn rebound_stdout(&mut self) -> Option<Value> {
        None
    }
    /// `sys.settrace`, `sys.setprofile`, `sys.gettrace`, `sys.getprofile`,
    /// `sys._getframe` (the VM's tracing state; see `interp::trace`).
    fn sys_trace(&mut self, what: &str, _args: Vec<Value>) -> PyResult<Value> {
        Err(PyErr::new(
            ExcKind::RuntimeError,
            format!("sys.{what} is not available here"),
        ))
    }
    /// Calls a Python value (function, builtin) with positional arguments.
    fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult<Value>;
    /// Calls a Python value with positional and keyword arguments.
    fn call_kw(&mut self, f: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value>;
    /// `repr(v)`, special methods included.
    fn repr(&mut self, v: &Value) -> PyResult<String>;
    /// `str(v)`, special methods included.
    fn str(&mut self, v: &Value) -> PyResult<String>;
    /// `bool(v)`.
    fn truthy(&mut self, v: &Value) -> PyResult<bool>;
    /// `len(v)`.
    fn len(&mut self, v: &Value) -> PyResult<usize>;
    /// `iter(v)`.
    fn iter(&mut self, v: &Value) -> PyResult<Value>;
    /// `next(it)`, `None` when exhausted.
    fn next(&mut self, it: &Value) -> PyResult<Option<Value>>;
    /// `next(it)` as the builtin: StopIteration when exhausted, the one
    /// the iterator raised (its args kept) when it raised one.
    fn next_or_stop(&mut self, it: &Value) -> PyResult<Value>;
    /// Every item of an iterable.
    fn items(&mut self, v: &Value) -> PyResult<Vec<Value>>;
    /// `a < b`.
    fn less(&mut self, a: &Value, b: &Value) -> PyResult<bool>;
    /// `a == b`.
    fn equal(&mut self, a: &Value, b: &Value) -> PyResult<bool>;
    /// `getattr(v, name)`.
    fn getattr(&mut self, v: &Value, name: &str) -> PyResult<Value>;
    /// `setattr(v, name, value)`.
    fn setattr(&mut self, v: &Value, name: &str, value: Value) -> PyResult<()>;
    /// `__build_class__(body, name, *bases, **keywords)`.
    fn build_class(&mut self, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value>;
    /// `a <op> b`, special methods included.
    fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value>;
    /// Calls special method `name` of `v` (`__abs__`, `__float__`, ...)
    /// if its class has one.
    fn special(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>>;
    /// One step of a generator: `send(sent)`, or `throw(exc)`.
    fn gen_step(
        &mut self,
        g: &Rc<super::object::Generator>,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<Value>;
    /// The key to use for `k` in dict `d` (see `Vm::dict_key`).
    fn dict_key(&mut self, d: &RefCell<super::dict::Dict>, k: &Value) -> PyResult<Value>;
    /// `gen.close()`.
    fn gen_close(&mut self, g: &Rc<super::object::Generator>) -> PyResult<()>;
    /// The elements to use for `items` in an operation on the set `s`
    /// (see `Vm::set_elements`).
    fn set_elements(&mut self, s: Option<&Value>, items: Vec<Value>) -> PyResult<Vec<Value>>;
    /// `delattr(v, name)`.
    fn delattr(&mut self, v: &Value, name: &str) -> PyResult<()>;
    /// `c[k]`.
    fn getitem(&mut self, c: &Value, k: &Value) -> PyResult<Value>;
    /// `c[k] = v`.
    fn setitem(&mut self, c: &Value, k: &Value, v: Value) -> PyResult<()>;
    /// `del c[k]`.
    fn delitem(&mut self, c: &Value, k: &Value) -> PyResult<()>;
    /// `x in c`.
    fn contains(&mut self, c: &Value, x: &Value) -> PyResult<bool>;
    /// `a <op> b` for a comparison operator.
    fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value>;
    /// `type.__new__(meta, name, bases, namespace, **kwargs)` (`meta`
    /// `None` for `type`): a new class.
    fn make_class(
        &mut self,
        meta: Option<Rc<Class>>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value>;
    /// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`,
    /// not the metaclass's own `__call__`.
    fn instantiate(&mut self, cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs)
    -> PyResult<Value>;
    /// `object.__getattribute__` (`value` None, `delete` false),
    /// `object.__setattr__` (`value` Some) or `object.__delattr__`
    /// (`delete`): the generic attribute protocol, without the class's
    /// own hooks.
    fn generic_attr(
        &mut self,
        obj: &Value,
        name: &str,
        value: Option<Value>,
        delete: bool,
    ) -> PyResult<Value>;
    /// A new instance of `cls` with no attributes, carrying `base` (the
    /// builtin value of a subclass of a builtin type), remembered by the VM.
    fn alloc_instance(
        &mut self,
        cls: &Rc<Class>,
        base: Option<Value>,
    ) -> Rc<super::class::Instance>;
    /// `globals()` (`locals` false) or `locals()` of the calling frame, as
    /// a new dict.
    fn names(&mut self, locals: bool) -> PyResult<Value>;
    /// `exec` / `eval` (`eval` true) of source or a code object, in the
    /// given dicts or the calling frame's namespaces.
    fn exec_code(
        &mut self,
        source: &Value,
        globals: Option<&Value>,
        locals: Option<&Value>,
        eval: bool,
    ) -> PyResult<Value>;
}

/// The host type builtins receive.
pub type Ctx = dyn Host;

type Args = Vec<Value>;
type Kwargs = Vec<(Rc<str>, Value)>;

macro_rules! builtins {
    ($($name:literal => $f:ident),* $(,)?) => {
        /// Every builtin function, by name.
        pub static BUILTINS: &[Builtin] = &[$(Builtin { name: $name, call: $f }),*];
    };
}

builtins! {
    "abs" => abs, "all" => all, "any" => any, "bin" => bin, "bool" => bool_, "chr" => chr,
    "bytes" => bytes_builtin, "bytearray" => bytearray_builtin, "memoryview" => memoryview_builtin,
    "dict" => dict, "divmod" => divmod, "enumerate" => enumerate, "filter" => filter, "float" => float, "format" => format,
    "complex" => complex_builtin,
    "frozenset" => frozenset_builtin, "hash" => hash, "hex" => hex,
    "int" => int, "isinstance" => isinstance, "iter" => iter, "len" => len, "list" => list,
    "map" => map, "max" => max, "min" => min, "next" => next, "ord" => ord, "pow" => pow,
    "print" => print, "range" => range, "repr" => repr, "reversed" => reversed, "round" => round,
    "set" => set_builtin,
    "slice" => slice, "sorted" => sorted, "str" => str_, "sum" => sum, "tuple" => tuple, "zip" => zip,
    "type" => type_, "issubclass" => issubclass, "getattr" => getattr, "setattr" => setattr,
    "hasattr" => hasattr, "super" => super_, "staticmethod" => staticmethod,
    "classmethod" => classmethod, "property" => property, "__build_class__" => build_class,
    "exec" => exec_, "eval" => eval_, "compile" => compile_,
    "id" => id, "oct" => oct, "delattr" => delattr, "callable" => callable, "ascii" => ascii,
    "globals" => globals, "locals" => locals, "vars" => vars, "dir" => dir,
}

/// A namespace holding every builtin: the functions, `object`, the
/// exception classes and `NotImplemented`.
pub fn namespace() -> Namespace {
    let ns = Namespace::default();
    for b in BUILTINS {
        // The builtin types are classes; the rest are functions.
        match super::class::constructed_type(b.name) {
            Some(c) => ns.set(Rc::from(b.name), Value::Class(c)),
            None => ns.set(Rc::from(b.name), Value::Builtin(b)),
        }
    }
    ns.set(Rc::from("object"), Value::Class(object_class()));
    for &k in ExcKind::ALL {
        ns.set(Rc::from(k.name()), Value::Class(exc_class(k)));
    }
    ns.set(Rc::from("NotImplemented"), Value::NotImplemented);
    ns.set(Rc::from("Ellipsis"), Value::Ellipsis);
    for alias in ["EnvironmentError", "IOError"] {
        ns.set(Rc::from(alias), Value::Class(exc_class(ExcKind::OSError)));
    }
    ns
}

/// The class of a value (`type(3)` is `int`).
pub(crate) fn type_of(v: &Value) -> Value {
    Value::Class(super::class::class_of_value(v))
}

fn type_(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    match args.as_slice() {
        [v] if kwargs.is_empty() => Ok(type_of(v)),
        // type(name, bases, dict): a new class, as a class statement makes
        // (by the bases' metaclass when they have one).
        [_, Value::Tuple(bases), _] => {
            let classes: Vec<Rc<Class>> = bases
                .iter()
                .filter_map(|b| match b {
                    Value::Class(c) => Some(c.clone()),
                    _ => None,
                })
                .collect();
            match super::class::winner_meta(None, &classes)? {
                Some(m) => ctx.instantiate(&m, args, kwargs),
                None => ctx.make_class(None, args, kwargs),
            }
        }
        [_, _, _] => ctx.make_class(None, args, kwargs),
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

fn issubclass(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("issubclass", &kwargs)?;
    exactly("issubclass", &args, 2)?;
    let Value::Class(c) = &args[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    fn sub(c: &Class, t: &Value) -> PyResult<bool> {
        match t {
            Value::Class(t) => Ok(c.is_subclass(t)),
            Value::Tuple(ts) => {
                for t in ts.iter() {
                    if sub(c, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    if sub(c, &args[1])? {
        return Ok(Value::Bool(true));
    }
    check_hook(ctx, &args[1], "__subclasscheck__", &args[0])
}

fn attr_name(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        other => Err(PyErr::type_error(format!(
            "{what}attribute name must be string, not '{}'",
            other.type_name()
        ))),
    }
}

fn getattr(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("getattr", &kwargs)?;
    if !(2..=3).contains(&args.len()) {
        return Err(PyErr::type_error(format!(
            "getattr expected 2 or 3 arguments, got {}",
            args.len()
        )));
    }
    let name = attr_name(&args[1], "")?;
    match ctx.getattr(&args[0], &name) {
        Err(e) if e.is(ExcKind::AttributeError) && args.len() == 3 => Ok(args[2].clone()),
        r => r,
    }
}

fn hasattr(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("hasattr", &kwargs)?;
    exactly("hasattr", &args, 2)?;
    let name = attr_name(&args[1], "hasattr(): ")?;
    match ctx.getattr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn setattr(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("setattr", &kwargs)?;
    exactly("setattr", &args, 3)?;
    let name = attr_name(&args[1], "")?;
    ctx.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn super_(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("super", &kwargs)?;
    match args.as_slice() {
        [
            Value::Class(c),
            obj @ (Value::Instance(_) | Value::Class(_)),
        ] => {
            let ok = match obj {
                Value::Instance(i) => i.class.is_subclass(c),
                Value::Class(k) => {
                    k.is_subclass(c) || super::class::class_of_value(obj).is_subclass(c)
                }
                _ => false,
            };
            if !ok {
                return Err(PyErr::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            Ok(Value::Super(Rc::new((c.clone(), obj.clone()))))
        }
        [] => Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments")),
        _ => Err(PyErr::type_error(
            "super() argument 1 must be a type and argument 2 an instance of it",
        )),
    }
}

fn staticmethod(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("staticmethod", &kwargs)?;
    exactly("staticmethod", &args, 1)?;
    Ok(Value::Descr(Rc::new(Descr::Static(args[0].clone()))))
}

fn classmethod(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("classmethod", &kwargs)?;
    exactly("classmethod", &args, 1)?;
    Ok(Value::Descr(Rc::new(Descr::ClassMethod(args[0].clone()))))
}

fn property(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let mut parts = [Value::None, Value::None, Value::None, Value::None];
    if args.len() > 4 {
        return Err(PyErr::type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            args.len()
        )));
    }
    for (p, a) in parts.iter_mut().zip(args) {
        *p = a;
    }
    for (k, v) in kwargs {
        match &*k {
            "fget" => parts[0] = v,
            "fset" => parts[1] = v,
            "fdel" => parts[2] = v,
            "doc" => parts[3] = v,
            _ => {
                return Err(PyErr::type_error(format!(
                    "property() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let [fget, fset, fdel, doc] = parts;
    Ok(Value::Descr(Rc::new(Descr::Property {
        fget,
        fset,
        fdel,
        doc,
    })))
}

/// `prop.setter(f)` / `prop.getter(f)` / `prop.deleter(f)`: a copy of
/// the property with one function replaced.
pub static PROPERTY_SETTER: Builtin = Builtin {
    name: "setter",
    call: |_, args, _| property_with(args, 1),
};

/// See [`PROPERTY_SETTER`].
pub static PROPERTY_GETTER: Builtin = Builtin {
    name: "getter",
    call: |_, args, _| property_with(args, 0),
};

/// See [`PROPERTY_SETTER`].
pub static PROPERTY_DELETER: Builtin = Builtin {
    name: "deleter",
    call: |_, args, _| property_with(args, 2),
};

fn property_with(args: Args, which: usize) -> PyResult<Value> {
    match args.as_slice() {
        [Value::Descr(d), f] => match &**d {
            Descr::Property {
                fget,
                fset,
                fdel,
                doc,
            } => {
                let mut parts = [fget.clone(), fset.clone(), fdel.clone()];
                parts[which] = f.clone();
                let [fget, fset, fdel] = parts;
                Ok(Value::Descr(Rc::new(Descr::Property {
                    fget,
                    fset,
                    fdel,
                    doc: doc.clone(),
                })))
            }
            _ => Err(PyErr::type_error("not a property")),
        },
        _ => Err(PyErr::type_error("setter() takes exactly one argument")),
    }
}

fn build_class(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    ctx.build_class(args, kwargs)
}

fn no_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    match kwargs.first() {
        None => Ok(()),
        Some(_) => Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        ))),
    }
}

fn exactly(name: &str, args: &Args, n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(PyErr::type_error(match n {
        1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
        _ => format!("{name} expected {n} arguments, got {}", args.len()),
    }))
}

/// `iter(x)`.
pub fn make_iter(v: &Value) -> PyResult<Value> {
    if let Value::Globals(ns) = v {
        return make_iter(&ns.as_dict()?);
    }
    let it = match v {
        Value::Range(r) if r.big.is_some() => {
            let [start, _, step, len] = r.parts();
            Iter::BigRange {
                next: RefCell::new(start),
                left: RefCell::new(len),
                step,
            }
        }
        Value::Range(r) => Iter::Range {
            next: Cell::new(r.start),
            left: Cell::new(r.len()),
            step: r.step,
        },
        Value::List(l) => Iter::List {
            list: l.clone(),
            index: Cell::new(0),
        },
        Value::Tuple(t) => Iter::Tuple {
            items: t.clone(),
            index: Cell::new(0),
        },
        Value::Str(s) => Iter::Str {
            chars: s.chars().collect(),
            index: Cell::new(0),
        },
        Value::Iter(_) => return Ok(v.clone()),
        // A snapshot, and RuntimeError if the dict changes size meanwhile.
        Value::Dict(d) => {
            let (items, len) = {
                let b = d.borrow();
                (b.keys(), b.map.len())
            };
            Iter::Watched {
                items: items.into(),
                index: Cell::new(0),
                source: super::object::Watch::Dict(d.clone(), len),
                type_name: "dict_keyiterator",
            }
        }
        Value::View(view) => {
            let (items, len) = {
                let b = view.1.borrow();
                (super::dict::view_items(view.0, &b), b.map.len())
            };
            Iter::Watched {
                items: items.into(),
                index: Cell::new(0),
                source: super::object::Watch::Dict(view.1.clone(), len),
                type_name: match view.0 {
                    super::dict::ViewKind::Keys => "dict_keyiterator",
                    super::dict::ViewKind::Values => "dict_valueiterator",
                    super::dict::ViewKind::Items => "dict_itemiterator",
                },
            }
        }
        Value::Set(s) => {
            let (items, len) = {
                let b = s.borrow();
                (b.keys(), b.len())
            };
            Iter::Watched {
                items: items.into(),
                index: Cell::new(0),
                source: super::object::Watch::Set(s.clone(), len),
                type_name: "set_iterator",
            }
        }
        Value::FrozenSet(s) => super::set::iter(s),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => super::bytes::iter(v),
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                v.type_name()
            )));
        }
    };
    Ok(Value::Iter(Rc::new(it)))
}

/// All items of a builtin iterable (iterators that run Python code go
/// through the host: `Host::items`).
pub fn collect(ctx: &mut Ctx, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().to_vec()),
        Value::Tuple(t) => Ok(t.to_vec()),
        Value::Set(s) => Ok(s.borrow().keys()),
        Value::FrozenSet(s) => Ok(s.keys()),
        _ => {
            if let Value::Range(r) = v {
                // As CPython's list(range): its length must be a machine word.
                r.len_checked()?;
            }
            let Value::Iter(it) = make_iter(v)? else {
                unreachable!("make_iter makes iterators")
            };
            let mut out = match v {
                Value::Range(r) => super::alloc::vec_with_capacity(r.checked_len()?)?,
                _ => Vec::new(),
            };
            while let Some(x) = it.next(ctx)? {
                super::alloc::push(&mut out, x)?;
            }
            Ok(out)
        }
    }
}

/// `len(x)` as a number.
pub fn length(v: &Value) -> PyResult<usize> {
    match v {
        Value::Globals(ns) => Ok(ns.names().len()),
        Value::Str(s) => Ok(s.char_len()),
        Value::List(l) => Ok(l.borrow().len()),
        Value::Tuple(t) => Ok(t.len()),
        Value::Range(r) => Ok(r.len_checked()? as usize),
        Value::Dict(d) => Ok(d.borrow().map.len()),
        Value::View(view) => Ok(view.1.borrow().map.len()),
        Value::Set(s) => Ok(s.borrow().len()),
        Value::FrozenSet(s) => Ok(s.len()),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => Ok(super::bytes::len(v)),
        _ => Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            v.type_name()
        ))),
    }
}

/// An int argument as i64 (bools count), or TypeError naming `what`.
/// Replaces each instance among `args` by the int its `__index__` gives
/// (or the int a subclass of int carries), for builtins taking integers.
pub fn indexes(ctx: &mut Ctx, args: &mut [Value]) -> PyResult<()> {
    for a in args.iter_mut() {
        let Value::Instance(i) = a else { continue };
        if let Some(b) = i.base()
            && matches!(b, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        {
            *a = b.clone();
            continue;
        }
        if let Some(r) = ctx.special(a, "__index__")? {
            if !matches!(r, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                return Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    r.type_name()
                )));
            }
            *a = r;
        }
    }
    Ok(())
}

pub fn index_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Instance(i)
            if i.base().is_some_and(|b| {
                matches!(b, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            }) =>
        {
            index_arg(i.base().expect("checked"), what)
        }
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(PyErr::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            v.type_name()
        ))),
    }
}

fn print(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let (mut sep, mut end) = (" ".to_string(), "\n".to_string());
    let (mut file, mut flush) = (Value::None, false);
    for (k, v) in kwargs {
        let slot = match &*k {
            "sep" => &mut sep,
            "end" => &mut end,
            // Any object with `write` (sys.stderr, a user's buffer).
            "file" => {
                file = v;
                continue;
            }
            "flush" => {
                flush = ctx.truthy(&v)?;
                continue;
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for print()"
                )));
            }
        };
        match v {
            Value::None => {}
            Value::Str(s) => *slot = s.as_str().to_owned(),
            other => {
                return Err(PyErr::type_error(format!(
                    "{k} must be None or a string, not {}",
                    other.type_name()
                )));
            }
        }
    }
    if matches!(file, Value::None)
        && let Some(f) = ctx.rebound_stdout()
    {
        if matches!(f, Value::None) {
            // CPython's print does nothing when sys.stdout is None.
            return Ok(Value::None);
        }
        file = f;
    }
    if !matches!(file, Value::None) {
        // Any object with a `write` method (sys.stdout rebound, a
        // user's buffer), given each piece as CPython's print does.
        let write = ctx.getattr(&file, "write")?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                ctx.call(&write, vec![Value::str(sep.clone())])?;
            }
            let text = ctx.str(a)?;
            ctx.call(&write, vec![Value::str(text)])?;
        }
        ctx.call(&write, vec![Value::str(end)])?;
        if flush {
            let f = ctx.getattr(&file, "flush")?;
            ctx.call(&f, Vec::new())?;
        }
        return Ok(Value::None);
    }
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&ctx.str(a)?);
    }
    line.push_str(&end);
    let out = ctx.out();
    out.write_all(line.as_bytes())
        .and_then(|()| if flush { out.flush() } else { Ok(()) })
        .map_err(PyErr::from_write)?;
    Ok(Value::None)
}

fn len(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("len", &kwargs)?;
    exactly("len", &args, 1)?;
    Ok(Value::Int(ctx.len(&args[0])? as i64))
}

fn range(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("range", &kwargs)?;
    indexes(ctx, &mut args)?;
    let ints: Vec<BigInt> = args
        .iter()
        .map(|a| match a {
            Value::BigInt(b) => Ok((**b).clone()),
            _ => index_arg(a, "").map(BigInt::from),
        })
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match &ints[..] {
        [stop] => (BigInt::zero(), stop.clone(), BigInt::from(1)),
        [start, stop] => (start.clone(), stop.clone(), BigInt::from(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        [] => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )));
        }
    };
    if step.is_zero() {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range::new(start, stop, step))))
}

fn abs(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("abs", &kwargs)?;
    exactly("abs", &args, 1)?;
    if let Some(r) = ctx.special(&args[0], "__abs__")? {
        return Ok(r);
    }
    match super::class::native_value(&args[0]) {
        Value::Int(i) => Ok(i
            .checked_abs()
            .map(Value::Int)
            .unwrap_or_else(|| Value::from_bigint(BigInt::from(*i).abs()))),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Complex(c) => {
            let r = c.re.hypot(c.im);
            if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "absolute value too large",
                ));
            }
            Ok(Value::Float(r))
        }
        v => Err(PyErr::type_error(format!(
            "bad operand type for abs(): '{}'",
            v.type_name()
        ))),
    }
}

fn str_(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if args.len() > 1 || !kwargs.is_empty() {
        return super::bytes::str_decode(args, kwargs);
    }
    match args.first() {
        None => Ok(Value::str("")),
        Some(v) => Ok(Value::str(ctx.str(v)?)),
    }
}

fn hash(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("hash", &kwargs)?;
    exactly("hash", &args, 1)?;
    // An instance's `__hash__` runs in the VM (which caches its result).
    let v = ctx.set_elements(None, args)?;
    Ok(Value::Int(super::hash::hash(&v[0])?))
}

fn repr(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("repr", &kwargs)?;
    exactly("repr", &args, 1)?;
    Ok(Value::str(ctx.repr(&args[0])?))
}

fn bool_(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("bool", &kwargs)?;
    match args.first() {
        Some(v) => Ok(Value::Bool(ctx.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// CPython's default limit on the digits of an int converted from or to
/// decimal text (`sys.get_int_max_str_digits()`), against quadratic time.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// ValueError for an int too long to convert to decimal text.
pub fn int_too_long_for_str() -> PyErr {
    PyErr::value_error(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `int(s, base)` for a string, as CPython reads it: blanks around, a
/// sign, for bases 0, 2, 8 and 16 a `0b`/`0o`/`0x` prefix (base 0 takes
/// the base from it, and refuses other leading zeros), `_` between
/// digits, and at most 4300 digits in a base that is not a power of 2.
pub fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let bad = || {
        PyErr::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            Value::str(s).repr()
        ))
    };
    let t = s.trim();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.get(..2).map(str::to_ascii_lowercase);
    let prefixed = |p: &str, b: u32| (base == b || base == 0) && lower.as_deref() == Some(p);
    let (radix, digits, had_prefix) = if prefixed("0x", 16) {
        (16, &t[2..], true)
    } else if prefixed("0o", 8) {
        (8, &t[2..], true)
    } else if prefixed("0b", 2) {
        (2, &t[2..], true)
    } else if base == 0 {
        (10, t, false)
    } else {
        (base, t, false)
    };
    // `_` only between digits (or right after a prefix).
    let d = digits
        .strip_prefix('_')
        .filter(|_| had_prefix)
        .unwrap_or(digits);
    if d.is_empty() || d.starts_with('_') || d.ends_with('_') || d.contains("__") {
        return Err(bad());
    }
    let clean: String = d.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return Err(bad());
    }
    // Base 0 allows leading zeros only in zero itself.
    if base == 0 && !had_prefix && clean.starts_with('0') && clean.chars().any(|c| c != '0') {
        return Err(bad());
    }
    if !radix.is_power_of_two() && clean.len() > INT_MAX_STR_DIGITS {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(bad)?;
    Ok(Value::from_bigint(if negative { -n } else { n }))
}

fn int(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let [v @ Value::Instance(_)] = args.as_slice()
        && kwargs.is_empty()
        && let Some(r) = ctx.special(v, "__int__")?
    {
        return match r {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(r),
            other => Err(PyErr::type_error(format!(
                "__int__ returned non-int (type {})",
                other.type_name()
            ))),
        };
    }
    for a in args.iter_mut() {
        if let Value::Instance(i) = a
            && let Some(b) = i.base()
        {
            *a = b.clone();
        }
    }
    if args.len() + kwargs.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let mut base = None;
    for (k, v) in kwargs {
        match &*k {
            "base" if args.len() < 2 && base.is_none() => base = Some(v),
            "base" => {
                return Err(PyErr::type_error(
                    "argument for int() given by name ('base') and position (2)",
                ));
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for int()"
                )));
            }
        }
    }
    if args.len() == 2 {
        base = args.pop();
    }
    if let Some(b) = base {
        let b = index_arg(&b, "")?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return match args.first() {
            Some(Value::Str(s)) => parse_int(s, b as u32),
            Some(v @ (Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_))) => {
                parse_int(&super::bytes::latin1(v), b as u32)
            }
            Some(_) => Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            )),
            None => Err(PyErr::type_error("int() missing string argument")),
        };
    }
    match args.as_slice() {
        [] => Ok(Value::Int(0)),
        [Value::Int(_) | Value::BigInt(_)] => Ok(args[0].clone()),
        [Value::Bool(b)] => Ok(Value::Int(*b as i64)),
        [Value::Float(f)] => float_to_int(f.trunc()),
        [Value::Str(s)] => parse_int(s, 10),
        [b @ (Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_))] => {
            parse_int(&super::bytes::latin1(b), 10)
        }
        [v] => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ))),
        _ => unreachable!("at most one argument is left"),
    }
}

/// A whole float as an int (what `int(x)` and `round(x)` give after
/// truncating or rounding), with CPython's errors for NaN and infinities.
fn float_to_int(whole: f64) -> PyResult<Value> {
    if whole.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if whole.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(if whole.abs() < 9.0e18 {
        Value::Int(whole as i64)
    } else {
        Value::from_bigint(float_to_bigint(whole))
    })
}

fn float_to_bigint(f: f64) -> BigInt {
    // Exact: every float beyond 2^53 is an integer times a power of two.
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mantissa);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 { -v } else { v }
}

/// A decimal float literal as `float()` reads it (lowercased, trimmed):
/// `_` only between two digits, digits on some side of the point, an
/// exponent with digits.
fn parse_float(t: &str) -> Option<f64> {
    let b = t.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    // Digits with single underscores between them; how many digits.
    let digits = |i: &mut usize| -> Option<usize> {
        let mut n = 0;
        while *i < b.len() {
            if b[*i].is_ascii_digit() {
                n += 1;
                *i += 1;
            } else if b[*i] == b'_' && n > 0 && b.get(*i + 1).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            } else {
                break;
            }
        }
        Some(n)
    };
    let int_digits = digits(&mut i)?;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digits(&mut i)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if b.get(i) == Some(&b'e') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    t.replace('_', "").parse().ok()
}

fn float(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let [v @ Value::Instance(_)] = args.as_slice()
        && let Some(r) = ctx.special(v, "__float__")?
    {
        return Ok(r);
    }
    if let [v @ Value::Instance(_)] = args.as_slice() {
        args[0] = super::class::native_value(v).clone();
    }
    no_kwargs("float", &kwargs)?;
    match args.as_slice() {
        [] => Ok(Value::Float(0.0)),
        [Value::Float(f)] => Ok(Value::Float(*f)),
        [Value::Int(i)] => Ok(Value::Float(*i as f64)),
        [Value::Bool(b)] => Ok(Value::Float(*b as i64 as f64)),
        [Value::BigInt(b)] => Ok(Value::Float(ops::int_to_f64(b)?)),
        [Value::Str(s)] => {
            let t = s.trim().to_ascii_lowercase();
            let v = match t.as_str() {
                "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                _ => parse_float(&t),
            };
            v.map(Value::Float).ok_or_else(|| {
                PyErr::value_error(format!(
                    "could not convert string to float: {}",
                    Value::str(&***s).repr()
                ))
            })
        }
        [v] => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            v.type_name()
        ))),
        _ => Err(PyErr::type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

fn list(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("list", &kwargs)?;
    let items = match args.first() {
        None => Vec::new(),
        Some(v) => ctx.items(v)?,
    };
    Ok(Value::list(items))
}

/// The (key, value) pairs of `v` if it is a mapping that is not a dict
/// (an object with `keys()`: read through `keys()` and `__getitem__`, as
/// `dict(m)` and `d.update(m)` read one); None for anything else.
pub(crate) fn mapping_pairs(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Vec<(Value, Value)>>> {
    if !matches!(v, Value::Instance(_)) {
        return Ok(None);
    }
    let Ok(keys) = ctx.getattr(v, "keys") else {
        return Ok(None);
    };
    let keys = ctx.call(&keys, Vec::new())?;
    let mut out = Vec::new();
    for k in ctx.items(&keys)? {
        let value = ctx.getitem(v, &k)?;
        out.push((k, value));
    }
    Ok(Some(out))
}

fn dict(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let mut d = super::dict::Dict::default();
    match args.as_slice() {
        [] => {}
        [Value::Dict(src)] => d = src.borrow().clone(),
        [other] if let Some(pairs) = mapping_pairs(ctx, other)? => {
            for (k, v) in pairs {
                d.set(k, v)?;
            }
        }
        [other] => {
            for (i, item) in ctx.items(other)?.into_iter().enumerate() {
                let pair = ctx.items(&item).map_err(|_| {
                    PyErr::type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                })?;
                let [k, v]: [Value; 2] = pair.try_into().map_err(|p: Vec<Value>| {
                    PyErr::value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        p.len()
                    ))
                })?;
                d.set(k, v)?;
            }
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "dict expected at most 1 argument, got {}",
                args.len()
            )));
        }
    }
    for (k, v) in kwargs {
        d.set(Value::str(&*k), v)?;
    }
    Ok(super::dict::new_dict(d))
}

/// `complex(real=0, imag=0)`, `complex("1+2j")`, `complex(x)` through
/// `x.__complex__()` or `x.__float__()`.
fn complex_builtin(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    use super::complex::{Complex, of, parse, value};
    let mut parts: [Option<Value>; 2] = [None, None];
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    for (p, a) in parts.iter_mut().zip(args) {
        *p = Some(a);
    }
    for (k, v) in kwargs {
        match &*k {
            "real" => parts[0] = Some(v),
            "imag" => parts[1] = Some(v),
            _ => {
                return Err(PyErr::type_error(format!(
                    "complex() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let [re, im] = parts;
    let mut number = |v: Value, which: &str| -> PyResult<Complex> {
        let v = super::class::native_value(&v).clone();
        if let Value::Instance(_) = v {
            for name in ["__complex__", "__float__", "__index__"] {
                if let Some(r) = ctx.special(&v, name)? {
                    if let Some(c) = of(&r) {
                        return c;
                    }
                    return Err(PyErr::type_error(format!(
                        "{name} returned non-{} (type {})",
                        if name == "__complex__" {
                            "complex"
                        } else {
                            "float"
                        },
                        r.type_name()
                    )));
                }
            }
        }
        match of(&v) {
            Some(c) => c,
            None => Err(PyErr::type_error(format!(
                "complex() {which} must be a number, not '{}'",
                v.type_name()
            ))),
        }
    };
    if let Some(Value::Str(s)) = &re {
        if im.is_some() {
            return Err(PyErr::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let c = parse(s)?;
        return Ok(value(c.re, c.im));
    }
    if let Some(Value::Str(_)) = &im {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    let is_complex = |v: &Option<Value>| matches!(v, Some(Value::Complex(_)));
    let (r_complex, i_complex) = (is_complex(&re), is_complex(&im));
    let r = match re {
        Some(v) => number(v, "first argument")?,
        None => Complex { re: 0.0, im: 0.0 },
    };
    let Some(im) = im else {
        return Ok(value(r.re, r.im));
    };
    let i = number(im, "second argument")?;
    // (a + bj) + (c + dj)j, the cross terms only for complex arguments
    // (so signed zeros stay as CPython keeps them).
    let re = if i_complex { r.re - i.im } else { r.re };
    let imag = if r_complex { r.im + i.re } else { i.re };
    Ok(value(re, imag))
}

fn format(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("format", &kwargs)?;
    let spec = match args.get(1) {
        None => "",
        Some(Value::Str(s)) => s.as_str(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )));
        }
    };
    let Some(v) = args.first() else {
        return Err(PyErr::type_error(
            "format expected at least 1 argument, got 0",
        ));
    };
    Ok(Value::str(super::format::format_value(ctx, v, spec)?))
}

fn tuple(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("tuple", &kwargs)?;
    match args.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(Value::Tuple(_)) => Ok(args[0].clone()),
        Some(v) => Ok(Value::tuple(ctx.items(v)?)),
    }
}

fn min_max(host: &mut Ctx, name: &str, args: Args, kwargs: Kwargs, want: CmpOp) -> PyResult<Value> {
    let (mut key, mut default) = (None, None);
    for (k, v) in kwargs {
        match &*k {
            "key" if !matches!(v, Value::None) => key = Some(v),
            "key" => {}
            "default" => default = Some(v),
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                )));
            }
        }
    }
    let items = match args.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => host.items(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => host.call(f, vec![v.clone()])?,
            None => v.clone(),
        };
        best = Some(match best {
            None => (k, v),
            Some((bk, bv)) => {
                let better = if want == CmpOp::Lt {
                    host.less(&k, &bk)?
                } else {
                    host.less(&bk, &k)?
                };
                if better { (k, v) } else { (bk, bv) }
            }
        });
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!(
            "{name}() arg is an empty sequence"
        ))),
    }
}

fn max(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    min_max(host, "max", args, kwargs, CmpOp::Gt)
}

fn min(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    min_max(host, "min", args, kwargs, CmpOp::Lt)
}

/// A stable merge sort of `0..n` by `less` (which may fail, or answer
/// inconsistently: a Python `__lt__` can, and this must neither panic
/// nor loop); the first error stops it.
fn merge_sort(
    n: usize,
    less: &mut dyn FnMut(usize, usize) -> PyResult<bool>,
) -> PyResult<Vec<usize>> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut buf = a.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in &mut buf[start..end] {
                // The right one goes first only when strictly less: stable.
                if r < end && (l >= mid || less(a[r], a[l])?) {
                    *slot = a[r];
                    r += 1;
                } else {
                    *slot = a[l];
                    l += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut a, &mut buf);
        width *= 2;
    }
    Ok(a)
}

/// Sorts `items` stably by `<` on their keys, as `list.sort` does.
pub fn sort_values(
    host: &mut Ctx,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(f) => items
            .iter()
            .map(|v| host.call(f, vec![v.clone()]))
            .collect::<PyResult<_>>()?,
        None => items.clone(),
    };
    // Python sorts with `<` only; reverse keeps equal items in their order.
    let order = merge_sort(items.len(), &mut |a, b| {
        if reverse {
            host.less(&keys[b], &keys[a])
        } else {
            host.less(&keys[a], &keys[b])
        }
    })?;
    let mut slots: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = order
        .into_iter()
        .map(|i| slots[i].take().expect("each index once"))
        .collect();
    Ok(())
}

/// `key=` and `reverse=` of sorted() and list.sort().
pub fn sort_kwargs(name: &str, kwargs: Kwargs) -> PyResult<(Option<Value>, bool)> {
    let (mut key, mut reverse) = (None, false);
    for (k, v) in kwargs {
        match &*k {
            "key" => key = (!matches!(v, Value::None)).then_some(v),
            "reverse" => reverse = v.truthy(),
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                )));
            }
        }
    }
    Ok((key, reverse))
}

fn sorted(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let (key, reverse) = sort_kwargs("sort", kwargs)?;
    let mut items = host.items(&args[0])?;
    sort_values(host, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

/// An iterator over `v`: for generators and instances, one that steps
/// them lazily.
fn inner_iter(ctx: &mut Ctx, v: &Value) -> PyResult<Rc<Iter>> {
    let it = match v {
        Value::Instance(_) | Value::Generator(_) => Value::Iter(Rc::new(Iter::Lazy(ctx.iter(v)?))),
        _ => make_iter(v)?,
    };
    match it {
        Value::Iter(it) => Ok(it),
        _ => unreachable!("make_iter makes iterators"),
    }
}

fn enumerate(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let int_arg = |v: &Value| match v {
        Value::BigInt(_) => Ok(v.clone()),
        _ => index_arg(v, "").map(Value::Int),
    };
    let mut start = match args.get(1) {
        Some(v) => int_arg(v)?,
        None => Value::Int(0),
    };
    let mut args = args;
    for (k, v) in kwargs {
        match &*k {
            "start" => start = int_arg(&v)?,
            "iterable" if args.is_empty() => args.push(v),
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )));
            }
        }
    }
    let Some(it) = args.first() else {
        return Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable' (pos 1)",
        ));
    };
    Ok(Value::Iter(Rc::new(Iter::Enumerate {
        inner: inner_iter(ctx, it)?,
        count: RefCell::new(start),
    })))
}

fn zip(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in kwargs {
        if &*k != "strict" {
            return Err(PyErr::type_error(format!(
                "zip() got an unexpected keyword argument '{k}'"
            )));
        }
        strict = ctx.truthy(&v)?;
    }
    let inners: Vec<Rc<Iter>> = args
        .iter()
        .map(|a| inner_iter(ctx, a))
        .collect::<PyResult<_>>()?;
    if strict {
        return Ok(Value::Iter(Rc::new(Iter::ZipStrict {
            inners: inners.into_boxed_slice(),
        })));
    }
    Ok(Value::Iter(Rc::new(Iter::Zip { inners })))
}

fn list_iter(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(Iter::List {
        list: Rc::new(RefCell::new(items.into())),
        index: Cell::new(0),
    }))
}

fn reversed(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("reversed", &kwargs)?;
    exactly("reversed", &args, 1)?;
    if let Value::Range(r) = &args[0] {
        // The same values backwards, at once: last, last - step, ...
        let [start, _, step, len] = r.parts();
        let last = &start + &step * (&len - 1u32);
        let back = Range::new(last, start - &step, -step);
        return make_iter(&Value::Range(Rc::new(back)));
    }
    let mut items = match &args[0] {
        Value::List(l) => {
            return Ok(Value::Iter(Rc::new(Iter::ListRev {
                list: l.clone(),
                left: Cell::new(l.borrow().len()),
            })));
        }
        // Immutable: their items now are their items then.
        Value::Tuple(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_)
        | Value::MemoryView(_) => ctx.items(&args[0])?,
        Value::Dict(_) | Value::View(_) => ctx.items(&args[0])?,
        v @ Value::Instance(_) => {
            if let Some(r) = ctx.special(v, "__reversed__")? {
                return Ok(r);
            }
            // The sequence protocol: __len__ and __getitem__.
            let n = ctx.len(v)?;
            let getitem = ctx.getattr(v, "__getitem__")?;
            let mut items = Vec::with_capacity(n);
            for i in 0..n {
                items.push(ctx.call(&getitem, vec![Value::Int(i as i64)])?);
            }
            items
        }
        // A class whose metaclass defines __reversed__ (enum's).
        v @ Value::Class(c) if c.meta.is_some() => match ctx.special(v, "__reversed__")? {
            Some(r) => return Ok(r),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    v.type_name()
                )));
            }
        },
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                other.type_name()
            )));
        }
    };
    items.reverse();
    Ok(list_iter(items))
}

/// `map(func, *iterables)`: a lazy iterator, as CPython's.
fn map(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("map", &kwargs)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let inners: Vec<Rc<Iter>> = args[1..]
        .iter()
        .map(|a| inner_iter(host, a))
        .collect::<PyResult<_>>()?;
    Ok(Value::Iter(Rc::new(Iter::Map {
        func: args[0].clone(),
        inners: inners.into_boxed_slice(),
    })))
}

/// `filter(func, iterable)`: a lazy iterator, as CPython's.
fn filter(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("filter", &kwargs)?;
    exactly("filter", &args, 2)?;
    Ok(Value::Iter(Rc::new(Iter::Filter {
        func: args[0].clone(),
        inner: inner_iter(host, &args[1])?,
    })))
}

pub(crate) fn matches_type(v: &Value, t: &Value) -> PyResult<bool> {
    match t {
        Value::Tuple(ts) => {
            for t in ts.iter() {
                if matches_type(v, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Class(c) => Ok(match v {
            Value::Instance(i) => i.class.is_subclass(c),
            Value::Class(k) if k.meta.is_some() => super::class::class_of_value(v).is_subclass(c),
            // Every value is an object.
            _ if c.mro.is_empty() => true,
            // A builtin value: its type's name, bool a subclass of int.
            _ => {
                c.is_builtin
                    && c.builtin.is_none()
                    && (v.type_name() == &*c.name
                        || (matches!(v, Value::Bool(_)) && &*c.name == "int"))
            }
        }),
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn isinstance(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("isinstance", &kwargs)?;
    exactly("isinstance", &args, 2)?;
    if matches_type(&args[0], &args[1])? {
        return Ok(Value::Bool(true));
    }
    // A metaclass's `__instancecheck__` (an ABC's registered classes).
    check_hook(ctx, &args[1], "__instancecheck__", &args[0])
}

/// `cls.__instancecheck__(x)` / `cls.__subclasscheck__(x)` when the
/// metaclass of `cls` defines it, else false.
fn check_hook(ctx: &mut Ctx, cls: &Value, name: &str, x: &Value) -> PyResult<Value> {
    if let Value::Class(c) = cls
        && c.meta_lookup(name).is_some()
    {
        let m = ctx.getattr(cls, name)?;
        let r = ctx.call(&m, vec![x.clone()])?;
        return Ok(Value::Bool(ctx.truthy(&r)?));
    }
    Ok(Value::Bool(false))
}

/// `round(x, n)` for a float: correctly rounded, half to even on the
/// exact binary value, as CPython (which gives x back past 323 digits and
/// a zero before -308).
fn round_float(x: f64, n: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 || n > 323 {
        return Ok(x);
    }
    if n < -308 {
        return Ok(0.0_f64.copysign(x));
    }
    if n >= 0 {
        // Rust's fixed formatting is exact, half to even.
        return Ok(format!("{x:.*}", n as usize).parse::<f64>().unwrap_or(x));
    }
    // |x| = m * 2**e exactly; the nearest multiple of 10**k, half to even.
    let k = n.unsigned_abs() as u32;
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if biased == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), biased - 1075)
    };
    let scale = num_traits::pow::Pow::pow(BigInt::from(10), k);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, scale.clone())
    } else {
        (BigInt::from(m), &scale << (-e) as usize)
    };
    let (q, r) = num_integer::Integer::div_rem(&num, &den);
    let twice: BigInt = &r * 2;
    let up = twice > den || (twice == den && num_integer::Integer::is_odd(&q));
    let q = if up { q + 1 } else { q };
    let v = (q * scale).to_f64().unwrap_or(f64::INFINITY);
    if !v.is_finite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        ));
    }
    Ok(v.copysign(x))
}

fn round(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("round", &kwargs)?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    if let Some(v @ Value::Instance(_)) = args.first() {
        if let Some(m) = ctx
            .getattr(v, "__round__")
            .ok()
            .filter(|_| matches!(v, Value::Instance(i) if i.class.lookup("__round__").is_some()))
        {
            let rest = args[1..].to_vec();
            return ctx.call(&m, rest);
        }
        args[0] = super::class::native_value(v).clone();
    }
    // ndigits beyond a machine word clip to it (CPython's
    // PyNumber_AsSsize_t with no error).
    let digits = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::BigInt(b)) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Some(v) => Some(index_arg(v, "")?),
    };
    match (args.first(), digits) {
        (Some(Value::Float(f)), None) => float_to_int(f.round_ties_even()),
        (Some(Value::Float(f)), Some(n)) => round_float(*f, n).map(Value::Float),
        (Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))), d) => {
            let b = v.as_bigint().unwrap_or_default();
            match d {
                // 10**-n is beyond the int: the result is 0.
                Some(n) if n < 0 && n.unsigned_abs() > b.bits() / 3 + 2 => Ok(Value::Int(0)),
                Some(n) if n < 0 => {
                    let m = num_traits::pow::Pow::pow(BigInt::from(10), (-n) as u32);
                    let (q, r) = num_integer::Integer::div_mod_floor(&b, &m);
                    let twice = &r * 2;
                    let up = twice > m || (twice == m && num_integer::Integer::is_odd(&q));
                    Ok(Value::from_bigint((if up { q + 1 } else { q }) * m))
                }
                _ => Ok(Value::from_bigint(b)),
            }
        }
        (Some(v), _) => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            v.type_name()
        ))),
        (None, _) => Err(PyErr::type_error(
            "round() missing required argument 'number' (pos 1)",
        )),
    }
}

fn slice(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("slice", &kwargs)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "slice expected at least 1 argument, got {}",
            args.len()
        )));
    }
    super::seq::slice_of(&args)
}

fn sum(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    for (k, v) in kwargs {
        if &*k != "start" || args.len() != 1 {
            return Err(PyErr::type_error(if &*k == "start" {
                "argument for sum() given by name ('start') and position (2)".to_string()
            } else {
                format!("sum() got an unexpected keyword argument '{k}'")
            }));
        }
        args.push(v);
    }
    let (it, start) = match args.as_slice() {
        [it] => (it.clone(), Value::Int(0)),
        [it, start] => (it.clone(), start.clone()),
        _ => {
            return Err(PyErr::type_error(format!(
                "sum() takes at most 2 arguments ({} given)",
                args.len()
            )));
        }
    };
    if let Value::Str(_) = start {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    // Item by item: `sum(range(10**9))` holds no list.
    let iter = ctx.iter(&it)?;
    let mut acc = start;
    while let Some(v) = ctx.next(&iter)? {
        acc = ctx.binary(BinOp::Add, &acc, &v)?;
    }
    Ok(acc)
}

fn chr(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("chr", &kwargs)?;
    indexes(ctx, &mut args)?;
    exactly("chr", &args, 1)?;
    let i = index_arg(&args[0], "")?;
    u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .map(|c| Value::str(c.to_string()))
        .ok_or_else(|| PyErr::value_error("chr() arg not in range(0x110000)"))
}

fn ord(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("ord", &kwargs)?;
    exactly("ord", &args, 1)?;
    match &args[0] {
        Value::Str(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(_) | Value::ByteArray(_) => match super::bytes::buf(&args[0]) {
            Some(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            b => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.map_or(0, |b| b.len())
            ))),
        },
        v => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            v.type_name()
        ))),
    }
}

fn divmod(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("divmod", &kwargs)?;
    exactly("divmod", &args, 2)?;
    let q = ops::binary(BinOp::FloorDiv, &args[0], &args[1]).map_err(|e| divmod_err(e, &args))?;
    let r = ops::binary(BinOp::Mod, &args[0], &args[1]).map_err(|e| divmod_err(e, &args))?;
    Ok(Value::tuple(vec![q, r]))
}

fn divmod_err(mut e: PyErr, args: &Args) -> PyErr {
    if e.kind == ExcKind::TypeError {
        e.msg = format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            args[0].type_name(),
            args[1].type_name()
        );
    } else if matches!(args[1], Value::Float(_)) || matches!(args[0], Value::Float(_)) {
        e.msg = "float divmod()".into();
    }
    e
}

/// The inverse of `a` modulo `m` (both non-negative, m > 0), or
/// ValueError when they share a factor.
fn inverse_mod(a: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    let e = num_integer::Integer::extended_gcd(a, m);
    if !num_traits::One::is_one(&e.gcd) {
        return Err(PyErr::value_error(
            "base is not invertible for the given modulus",
        ));
    }
    Ok(num_integer::Integer::mod_floor(&e.x, m))
}

fn pow(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("pow", &kwargs)?;
    match args.as_slice() {
        [a, b] | [a, b, Value::None] => ops::binary(BinOp::Pow, a, b),
        [a, b, m] => {
            let (Some(a), Some(b), Some(m)) = (a.as_bigint(), b.as_bigint(), m.as_bigint()) else {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m.is_zero() {
                return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
            }
            // As CPython: work modulo |m|, a negative exponent through the
            // inverse of the base, then give the result m's sign.
            let modulus = m.abs();
            let base = num_integer::Integer::mod_floor(&a, &modulus);
            let (base, exp) = if b.is_negative() {
                (inverse_mod(&base, &modulus)?, -b)
            } else {
                (base, b)
            };
            let mut r = base.modpow(&exp, &modulus);
            if m.is_negative() && !r.is_zero() {
                r -= &modulus;
            }
            Ok(Value::from_bigint(r))
        }
        _ => Err(PyErr::type_error(format!(
            "pow expected 2 or 3 arguments, got {}",
            args.len()
        ))),
    }
}

fn radix(name: &str, args: &Args, prefix: &str, base: u32) -> PyResult<Value> {
    exactly(name, args, 1)?;
    let Some(b) = args[0].as_bigint() else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_name()
        )));
    };
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::str(format!(
        "{sign}{prefix}{}",
        b.abs().to_str_radix(base)
    )))
}

fn hex(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("hex", &kwargs)?;
    indexes(ctx, &mut args)?;
    radix("hex", &args, "0x", 16)
}

fn bin(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("bin", &kwargs)?;
    indexes(ctx, &mut args)?;
    radix("bin", &args, "0b", 2)
}

fn any(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("any", &kwargs)?;
    exactly("any", &args, 1)?;
    let it = ctx.iter(&args[0])?;
    while let Some(v) = ctx.next(&it)? {
        if ctx.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("all", &kwargs)?;
    exactly("all", &args, 1)?;
    let it = ctx.iter(&args[0])?;
    while let Some(v) = ctx.next(&it)? {
        if !ctx.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn iter(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("iter", &kwargs)?;
    match args.as_slice() {
        [v] => ctx.iter(v),
        // iter(f, sentinel): calls f until it returns the sentinel.
        [f, sentinel] => {
            if !is_callable(f) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(Value::Iter(Rc::new(Iter::Call {
                func: f.clone(),
                sentinel: sentinel.clone(),
                done: Cell::new(false),
            })))
        }
        _ => Err(PyErr::type_error(format!(
            "iter expected at most 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn next(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("next", &kwargs)?;
    match args.as_slice() {
        // A generator's StopIteration carries its return value.
        [Value::Generator(g)] if g.iterates() => ctx.gen_step(g, Value::None, None),
        [it] => ctx.next_or_stop(it),
        [it, default] => Ok(ctx.next(it)?.unwrap_or_else(|| default.clone())),
        _ => Err(PyErr::type_error(format!(
            "next expected at least 1 argument, got {}",
            args.len()
        ))),
    }
}

/// Converts an index argument to i64 for big ints that still fit (used by subscripts).
pub fn small_index(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => b.to_i64(),
        _ => None,
    }
}

/// `id(x)`: the address of a heap value; for the values kept in the
/// `Value` word itself (small ints, floats, None, ...), a number made from
/// their bits, so equal ones share an id as CPython's cached ones do.
fn id(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("id", &kwargs)?;
    exactly("id", &args, 1)?;
    let v = &args[0];
    macro_rules! address {
        ($($variant:ident),*) => {
            match v {
                $(Value::$variant(rc) => Some(Rc::as_ptr(rc) as *const u8 as usize as u64),)*
                Value::Builtin(b) => Some(*b as *const Builtin as usize as u64),
                _ => None,
            }
        };
    }
    let addr = match v {
        // A live view of names is the namespace (or instance) it views.
        Value::Globals(ns) => Some(ns.addr() as u64),
        _ => super::value::for_each_rc_variant!(address),
    };
    let n = match addr {
        Some(a) => a,
        None => {
            let (tag, bits): (u64, u64) = match v {
                Value::None => (1, 0),
                Value::Bool(b) => (2, *b as u64),
                Value::Int(i) => (3, *i as u64),
                Value::Float(f) => (4, f.to_bits()),
                Value::NotImplemented => (5, 0),
                Value::Ellipsis => (6, 0),
                _ => (7, 0),
            };
            // splitmix64 of the pair, even and below 2^62 like an address.
            let mut z = bits ^ tag.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) & 0x3fff_ffff_ffff_fff0
        }
    };
    Ok(Value::Int(n as i64))
}

fn oct(ctx: &mut Ctx, mut args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("oct", &kwargs)?;
    indexes(ctx, &mut args)?;
    radix("oct", &args, "0o", 8)
}

fn delattr(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("delattr", &kwargs)?;
    exactly("delattr", &args, 2)?;
    let name = attr_name(&args[1], "")?;
    ctx.delattr(&args[0], &name)?;
    Ok(Value::None)
}

/// Whether calling `v` can work: functions, builtins, methods, classes,
/// and instances whose class defines `__call__`.
pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::Method(_)
        | Value::BoundMethod(_)
        | Value::Class(_) => true,
        Value::Descr(d) => matches!(**d, Descr::Static(_)),
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

fn callable(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("callable", &kwargs)?;
    exactly("callable", &args, 1)?;
    Ok(Value::Bool(is_callable(&args[0])))
}

/// `ascii(x)`: `repr(x)` with every non-ASCII character escaped.
fn ascii(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("ascii", &kwargs)?;
    exactly("ascii", &args, 1)?;
    let r = ctx.repr(&args[0])?;
    Ok(Value::str(ascii_escape(&r)))
}

/// `s` with non-ASCII characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_escape(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        let _ = match n {
            0..=0x7f => {
                out.push(c);
                Ok(())
            }
            0x80..=0xff => write!(out, "\\x{n:02x}"),
            0x100..=0xffff => write!(out, "\\u{n:04x}"),
            _ => write!(out, "\\U{n:08x}"),
        };
    }
    out
}

fn globals(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("globals", &kwargs)?;
    exactly("globals", &args, 0)?;
    ctx.names(false)
}

fn locals(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("locals", &kwargs)?;
    exactly("locals", &args, 0)?;
    ctx.names(true)
}

/// The attributes of a class's own namespace, as a dict.
pub(crate) fn class_dict(c: &Class) -> PyResult<Value> {
    let items: Vec<(Rc<str>, Value)> = c
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut d = super::dict::Dict::default();
    for (k, v) in items {
        d.set(Value::str(&*k), v)?;
    }
    Ok(super::dict::new_dict(d))
}

fn vars(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("vars", &kwargs)?;
    match args.as_slice() {
        [] => ctx.names(true),
        [Value::Class(c)] => class_dict(c),
        [v @ Value::Instance(_)] => ctx.getattr(v, "__dict__"),
        [Value::Function(f)] => {
            let items: Vec<(Rc<str>, Value)> = f
                .dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut d = super::dict::Dict::default();
            for (k, v) in items {
                d.set(Value::str(&*k), v)?;
            }
            Ok(super::dict::new_dict(d))
        }
        [_] => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
        _ => Err(PyErr::type_error(format!(
            "vars expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

/// `dir(x)`: the sorted names of x's attributes (its own, its class's and
/// their bases'; for builtin values, their type's methods).
fn dir(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("dir", &kwargs)?;
    let mut names: Vec<String> = Vec::new();
    let class_names = |ctx: &mut Ctx, c: &Class, names: &mut Vec<String>| {
        for c in std::iter::once(c).chain(c.mro.iter().map(|c| &**c)) {
            names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
            // A builtin type: the methods of its values (of an empty one).
            if let Some(ctor) = c.ctor
                && let Ok(proto) = (ctor.call)(ctx, Vec::new(), Vec::new())
                && !matches!(proto, Value::Class(_))
            {
                names.extend(
                    super::methods::names(&proto)
                        .into_iter()
                        .map(str::to_string),
                );
            }
        }
    };
    match args.as_slice() {
        [] => {
            let names_dict = match ctx.names(true)? {
                Value::Globals(ns) => ns.as_dict()?,
                other => other,
            };
            let Value::Dict(d) = names_dict else {
                return Ok(Value::list(Vec::new()));
            };
            for k in d.borrow().keys() {
                if let Value::Str(s) = k {
                    names.push(s.as_str().to_owned());
                }
            }
        }
        [v @ Value::Instance(i)] => {
            if let Some(r) = ctx.special(v, "__dir__")? {
                let mut items = ctx.items(&r)?;
                super::builtins::sort_values(ctx, &mut items, None, false)?;
                return Ok(Value::list(items));
            }
            names.extend(i.dict.borrow().keys().map(|k| k.to_string()));
            class_names(ctx, &i.class, &mut names);
            names.push("__class__".to_string());
        }
        [Value::Class(c)] => class_names(ctx, c, &mut names),
        [Value::Module(m)] => names.extend(m.globals.names()),
        [v] => names.extend(super::methods::names(v).into_iter().map(str::to_string)),
        _ => {
            return Err(PyErr::type_error(format!(
                "dir expected at most 1 argument, got {}",
                args.len()
            )));
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

/// The (source, globals, locals) of `exec` / `eval`.
fn exec_args<'a>(
    what: &str,
    args: &'a [Value],
    kwargs: &'a Kwargs,
) -> PyResult<(&'a Value, Option<&'a Value>, Option<&'a Value>)> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{what} expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let (mut globals, mut locals) = (args.get(1), args.get(2));
    for (k, v) in kwargs {
        match &**k {
            "globals" if globals.is_none() => globals = Some(v),
            "locals" if locals.is_none() => locals = Some(v),
            _ => {
                return Err(PyErr::type_error(format!(
                    "{what}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    Ok((&args[0], globals, locals))
}

fn exec_(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let (source, globals, locals) = exec_args("exec", &args, &kwargs)?;
    ctx.exec_code(source, globals, locals, false)
}

fn eval_(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let (source, globals, locals) = exec_args("eval", &args, &kwargs)?;
    ctx.exec_code(source, globals, locals, true)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`
/// (the flags are accepted and ignored).
fn compile_(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let mut slots: [Option<Value>; 3] = Default::default();
    for (i, a) in args.iter().take(3).enumerate() {
        slots[i] = Some(a.clone());
    }
    for (k, v) in kwargs {
        let i = match &*k {
            "source" => 0,
            "filename" => 1,
            "mode" => 2,
            "flags" | "dont_inherit" | "optimize" | "_feature_version" => continue,
            _ => {
                return Err(PyErr::type_error(format!(
                    "compile() got an unexpected keyword argument '{k}'"
                )));
            }
        };
        slots[i] = Some(v);
    }
    let [Some(source), Some(filename), Some(mode)] = slots else {
        return Err(PyErr::type_error(
            "compile() missing required argument (source, filename and mode are needed)",
        ));
    };
    let (Value::Str(filename), Value::Str(mode)) = (&filename, &mode) else {
        return Err(PyErr::type_error("compile() filename and mode must be str"));
    };
    crate::interp::eval::compile_value(&source, filename, mode)
}
