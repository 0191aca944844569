//! The builtin functions, and the context they run in (where `print` writes).

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::bytes::{bytearray_builtin, bytes_builtin, memoryview_builtin};
use super::class::{Class, builtin_type, exc_class, object_class};
use super::object::{Builtin, Iter, Namespace, Range};
use super::set::{frozenset_builtin, set_builtin};
use super::value::Descr;
use super::{ExcKind, PyErr, PyResult, Value, ops};
use crate::bytecode::{BinOp, CmpOp};

/// What builtins may use of the VM running them.
pub trait Host: super::format::Stringify {
    /// Where `print` writes.
    fn out(&mut self) -> &mut dyn Write;
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
    /// `__build_class__(body, name, *bases)`.
    fn build_class(&mut self, args: Vec<Value>) -> PyResult<Value>;
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
    "frozenset" => frozenset_builtin, "hash" => hash, "hex" => hex,
    "int" => int, "isinstance" => isinstance, "iter" => iter, "len" => len, "list" => list,
    "map" => map, "max" => max, "min" => min, "next" => next, "ord" => ord, "pow" => pow,
    "print" => print, "range" => range, "repr" => repr, "reversed" => reversed, "round" => round,
    "set" => set_builtin,
    "slice" => slice, "sorted" => sorted, "str" => str_, "sum" => sum, "tuple" => tuple, "zip" => zip,
    "type" => type_, "issubclass" => issubclass, "getattr" => getattr, "setattr" => setattr,
    "hasattr" => hasattr, "super" => super_, "staticmethod" => staticmethod,
    "classmethod" => classmethod, "property" => property, "__build_class__" => build_class,
}

/// A namespace holding every builtin: the functions, `object`, the
/// exception classes and `NotImplemented`.
pub fn namespace() -> Namespace {
    let ns = Namespace::default();
    for b in BUILTINS {
        ns.set(Rc::from(b.name), Value::Builtin(b));
    }
    ns.set(Rc::from("object"), Value::Class(object_class()));
    for &k in ExcKind::ALL {
        ns.set(Rc::from(k.name()), Value::Class(exc_class(k)));
    }
    ns.set(Rc::from("NotImplemented"), Value::NotImplemented);
    ns
}

/// The builtin that stands for the type of a builtin value (`type(3)` is
/// `int`), or a class named after the type for those without one.
fn type_of(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        return Value::Class(i.class.clone());
    }
    let name = v.type_name();
    if let Some(b) = BUILTINS.iter().find(|b| b.name == name) {
        return Value::Builtin(b);
    }
    if let Value::Class(_) = v {
        return Value::Builtin(&TYPE);
    }
    Value::Class(builtin_type(name))
}

static TYPE: Builtin = Builtin {
    name: "type",
    call: type_,
};

fn type_(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("type", &kwargs)?;
    match args.as_slice() {
        [v] => Ok(type_of(v)),
        _ => Err(PyErr::type_error("type() takes 1 argument")),
    }
}

fn issubclass(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("issubclass", &kwargs)?;
    exactly("issubclass", &args, 2)?;
    if let Value::Builtin(b) = &args[0] {
        // Builtin types: each its own, bool a subclass of int, all of object.
        fn sub(b: &Builtin, t: &Value) -> PyResult<bool> {
            match t {
                Value::Builtin(t) => Ok(b.name == t.name || (b.name == "bool" && t.name == "int")),
                Value::Class(c) => Ok(c.name.as_ref() == "object" && c.mro.is_empty()),
                Value::Tuple(ts) => {
                    for t in ts.iter() {
                        if sub(b, t)? {
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
        return Ok(Value::Bool(sub(b, &args[1])?));
    }
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
    Ok(Value::Bool(sub(c, &args[1])?))
}

fn attr_name(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok((**s).clone()),
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
                Value::Class(k) => k.is_subclass(c),
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
    let mut parts = [Value::None, Value::None];
    for (i, a) in args.into_iter().enumerate() {
        match parts.get_mut(i) {
            Some(p) => *p = a,
            None => return Err(PyErr::type_error("property() takes at most 4 arguments")),
        }
    }
    for (k, v) in kwargs {
        match &*k {
            "fget" => parts[0] = v,
            "fset" => parts[1] = v,
            "fdel" | "doc" => {}
            _ => {
                return Err(PyErr::type_error(format!(
                    "property() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let [fget, fset] = parts;
    Ok(Value::Descr(Rc::new(Descr::Property { fget, fset })))
}

/// `prop.setter(f)` / `prop.getter(f)`: a copy of the property with one
/// function replaced.
pub static PROPERTY_SETTER: Builtin = Builtin {
    name: "setter",
    call: |_, args, _| property_with(args, true),
};

/// See [`PROPERTY_SETTER`].
pub static PROPERTY_GETTER: Builtin = Builtin {
    name: "getter",
    call: |_, args, _| property_with(args, false),
};

fn property_with(args: Args, setter: bool) -> PyResult<Value> {
    match args.as_slice() {
        [Value::Descr(d), f] => match &**d {
            Descr::Property { fget, fset } => {
                let (fget, fset) = if setter {
                    (fget.clone(), f.clone())
                } else {
                    (f.clone(), fset.clone())
                };
                Ok(Value::Descr(Rc::new(Descr::Property { fget, fset })))
            }
            _ => Err(PyErr::type_error("not a property")),
        },
        _ => Err(PyErr::type_error("setter() takes exactly one argument")),
    }
}

fn build_class(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let Some((k, _)) = kwargs.first() {
        return Err(PyErr::type_error(format!(
            "__build_class__() got an unsupported keyword argument '{k}'"
        )));
    }
    ctx.build_class(args)
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
    let it = match v {
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
        // A snapshot: CPython raises if the dict changes size meanwhile.
        Value::Dict(d) => Iter::List {
            list: Rc::new(RefCell::new(d.borrow().keys().into())),
            index: Cell::new(0),
        },
        Value::View(view) => Iter::List {
            list: Rc::new(RefCell::new(
                super::dict::view_items(view.0, &view.1.borrow()).into(),
            )),
            index: Cell::new(0),
        },
        Value::Set(s) => super::set::iter(&s.borrow()),
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
        Value::Str(s) => Ok(s.chars().count()),
        Value::List(l) => Ok(l.borrow().len()),
        Value::Tuple(t) => Ok(t.len()),
        Value::Range(r) => r.checked_len(),
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
pub fn index_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
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
    for (k, v) in kwargs {
        let slot = match &*k {
            "sep" => &mut sep,
            "end" => &mut end,
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for print()"
                )));
            }
        };
        match v {
            Value::None => {}
            Value::Str(s) => *slot = (*s).clone(),
            other => {
                return Err(PyErr::type_error(format!(
                    "{k} must be None or a string, not {}",
                    other.type_name()
                )));
            }
        }
    }
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&ctx.str(a)?);
    }
    line.push_str(&end);
    ctx.out()
        .write_all(line.as_bytes())
        .map_err(PyErr::from_write)?;
    Ok(Value::None)
}

fn len(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("len", &kwargs)?;
    exactly("len", &args, 1)?;
    Ok(Value::Int(ctx.len(&args[0])? as i64))
}

fn range(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("range", &kwargs)?;
    let ints: Vec<i64> = args
        .iter()
        .map(|a| index_arg(a, ""))
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
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
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

fn abs(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("abs", &kwargs)?;
    exactly("abs", &args, 1)?;
    if let Some(r) = ctx.special(&args[0], "__abs__")? {
        return Ok(r);
    }
    match &args[0] {
        Value::Int(i) => Ok(i
            .checked_abs()
            .map(Value::Int)
            .unwrap_or_else(|| Value::from_bigint(BigInt::from(*i).abs()))),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
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

/// `int(s)` for a string, with CPython's error message.
pub fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let t = s.trim().replace('_', "");
    let ok = !t.is_empty()
        && !s.trim().starts_with('_')
        && !s.trim().ends_with('_')
        && !s.contains("__");
    let parsed = if ok {
        BigInt::parse_bytes(t.as_bytes(), base)
    } else {
        None
    };
    parsed.map(Value::from_bigint).ok_or_else(|| {
        PyErr::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            Value::str(s).repr()
        ))
    })
}

fn int(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let [v @ Value::Instance(_)] = args.as_slice()
        && let Some(r) = ctx.special(v, "__int__")?
    {
        return Ok(r);
    }
    no_kwargs("int", &kwargs)?;
    match args.as_slice() {
        [] => Ok(Value::Int(0)),
        [Value::Int(_) | Value::BigInt(_)] => Ok(args[0].clone()),
        [Value::Bool(b)] => Ok(Value::Int(*b as i64)),
        [Value::Float(f)] => float_to_int(f.trunc()),
        [Value::Str(s)] => parse_int(s, 10),
        [
            b @ (Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_)),
            rest @ ..,
        ] if rest.len() <= 1 => {
            let text = super::bytes::latin1(b);
            let mut args = args.clone();
            args[0] = Value::str(text);
            int(ctx, args, kwargs)
        }
        [Value::Str(s), b] => {
            let b = index_arg(b, "")?;
            if !(2..=36).contains(&b) {
                return Err(PyErr::value_error(
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            parse_int(s, b as u32)
        }
        [v] => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ))),
        _ => Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        ))),
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

fn float(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let [v @ Value::Instance(_)] = args.as_slice()
        && let Some(r) = ctx.special(v, "__float__")?
    {
        return Ok(r);
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
                _ if t.chars().all(|c| c.is_ascii_digit() || "+-.e_".contains(c)) => {
                    t.replace('_', "").parse().ok()
                }
                _ => None,
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

fn dict(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let mut d = super::dict::Dict::default();
    match args.as_slice() {
        [] => {}
        [Value::Dict(src)] => d = src.borrow().clone(),
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
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut err = None;
    let mut less = |x: &Value, y: &Value| -> bool {
        if err.is_some() {
            return false;
        }
        match host.less(x, y) {
            Ok(v) => v,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    };
    // Python sorts with `<` only; reverse keeps equal items in their order.
    order.sort_by(|&a, &b| {
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        if less(x, y) {
            std::cmp::Ordering::Less
        } else if less(y, x) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
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
    let mut start = match args.get(1) {
        Some(v) => index_arg(v, "")?,
        None => 0,
    };
    for (k, v) in kwargs {
        match &*k {
            "start" => start = index_arg(&v, "")?,
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
        count: Cell::new(start),
    })))
}

fn zip(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("zip", &kwargs)?;
    let inners = args
        .iter()
        .map(|a| inner_iter(ctx, a))
        .collect::<PyResult<_>>()?;
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
        return Ok(Value::Iter(Rc::new(r.reversed())));
    }
    let mut items = match &args[0] {
        Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Range(_)
        | Value::Bytes(_)
        | Value::ByteArray(_)
        | Value::MemoryView(_) => ctx.items(&args[0])?,
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

/// map() and filter() run their function eagerly (the result is iterated
/// as CPython's lazy iterators are, but side effects happen at once).
fn map(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("map", &kwargs)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let f = &args[0];
    let iters: Vec<Rc<Iter>> = args[1..]
        .iter()
        .map(|a| inner_iter(host, a))
        .collect::<PyResult<_>>()?;
    let mut out = Vec::new();
    'outer: loop {
        let mut call_args = Vec::with_capacity(iters.len());
        for it in &iters {
            match it.next(host)? {
                Some(v) => call_args.push(v),
                None => break 'outer,
            }
        }
        out.push(host.call(f, call_args)?);
    }
    Ok(list_iter(out))
}

fn filter(host: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("filter", &kwargs)?;
    exactly("filter", &args, 2)?;
    let mut out = Vec::new();
    for v in host.items(&args[1])? {
        let keep = match &args[0] {
            Value::None => host.truthy(&v)?,
            f => {
                let r = host.call(f, vec![v.clone()])?;
                host.truthy(&r)?
            }
        };
        if keep {
            out.push(v);
        }
    }
    Ok(list_iter(out))
}

fn matches_type(v: &Value, t: &Value) -> PyResult<bool> {
    match t {
        Value::Tuple(ts) => {
            for t in ts.iter() {
                if matches_type(v, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Builtin(b)
            if [
                "int",
                "float",
                "str",
                "bool",
                "list",
                "tuple",
                "dict",
                "range",
                "slice",
                "set",
                "frozenset",
                "bytes",
                "bytearray",
                "memoryview",
            ]
            .contains(&b.name) =>
        {
            Ok(match b.name {
                // bool is a subclass of int.
                "int" => matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
                name => v.type_name() == name,
            })
        }
        Value::Class(c) => Ok(match v {
            Value::Instance(i) => i.class.is_subclass(c),
            Value::Class(_) => false,
            // Every value is an object.
            _ => c.name.as_ref() == "object" && c.mro.is_empty(),
        }),
        Value::Builtin(b) if b.name == "type" => Ok(matches!(v, Value::Class(_))),
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn isinstance(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("isinstance", &kwargs)?;
    exactly("isinstance", &args, 2)?;
    Ok(Value::Bool(matches_type(&args[0], &args[1])?))
}

fn round(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("round", &kwargs)?;
    let digits = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(index_arg(v, "")?),
    };
    match (args.first(), digits) {
        (Some(Value::Float(f)), None) => float_to_int(f.round_ties_even()),
        (Some(Value::Float(f)), Some(n)) => {
            if !f.is_finite() || n > 300 {
                return Ok(Value::Float(*f));
            }
            if n < -300 {
                return Ok(Value::Float(0.0_f64.copysign(*f)));
            }
            // Correctly rounded, half to even on the exact binary value, as CPython.
            let v = if n >= 0 {
                format!("{:.*}", n as usize, f).parse::<f64>().unwrap_or(*f)
            } else {
                let scale = 10f64.powi((-n) as i32);
                (f / scale).round_ties_even() * scale
            };
            Ok(Value::Float(v))
        }
        (Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))), d) => {
            let b = v.as_bigint().expect("an int");
            match d {
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

fn sum(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("sum", &kwargs)?;
    let (items, start) = match args.as_slice() {
        [it] => (ctx.items(it)?, Value::Int(0)),
        [it, start] => (ctx.items(it)?, start.clone()),
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
    items
        .iter()
        .try_fold(start, |acc, v| ctx.binary(BinOp::Add, &acc, v))
}

fn chr(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("chr", &kwargs)?;
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

fn pow(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("pow", &kwargs)?;
    match args.as_slice() {
        [a, b] => ops::binary(BinOp::Pow, a, b),
        [a, b, m] => {
            let (Some(a), Some(b), Some(m)) = (a.as_bigint(), b.as_bigint(), m.as_bigint()) else {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m.is_zero() {
                return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
            }
            if b.is_negative() {
                return Err(PyErr::value_error(
                    "base is not invertible for the given modulus",
                ));
            }
            let r = a.modpow(&b, &m);
            // modpow's result has the sign of the dividend; Python's that of the modulus.
            let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
                r + &m
            } else {
                r
            };
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

fn hex(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("hex", &kwargs)?;
    radix("hex", &args, "0x", 16)
}

fn bin(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("bin", &kwargs)?;
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
    exactly("iter", &args, 1)?;
    ctx.iter(&args[0])
}

fn next(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("next", &kwargs)?;
    match args.as_slice() {
        // A generator's StopIteration carries its return value.
        [Value::Generator(g)] => ctx.gen_step(g, Value::None, None),
        [it] => ctx
            .next(it)?
            .ok_or_else(|| PyErr::new(ExcKind::StopIteration, "")),
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
