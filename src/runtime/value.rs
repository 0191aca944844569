//! `Value`: what a frame slot, a constant or a container item holds.
//!
//! Two words: a tag and a payload. Small ints, floats, bools and None live
//! in the payload, so the hot path never allocates for them; everything
//! else is a reference-counted pointer, freed deterministically when its
//! last reference goes; the cycle collector (`gc`) frees the cycles.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use super::PyResult;
use super::class::{Class, Instance};
use super::float;
use super::object::{Builtin, Function, Iter, Range};
use super::seqobj::Seq;
use crate::bytecode::Code;
use crate::frame::Slot;

/// Calls `$m!` with every variant that holds an `Rc` (the interpreter's
/// inline reference counting matches on them).
macro_rules! for_each_rc_variant {
    ($m:ident) => {
        $m!(
            BigInt,
            Str,
            Tuple,
            List,
            Dict,
            Set,
            FrozenSet,
            View,
            Range,
            Iter,
            Function,
            Code,
            Cell,
            Slice,
            Method,
            Class,
            Instance,
            BoundMethod,
            Descr,
            Super,
            Generator,
            HostFn,
            Bytes,
            ByteArray,
            MemoryView,
            Module,
            Complex,
            Globals
        )
    };
}

pub(crate) use for_each_rc_variant;

/// A Python value.
#[derive(Clone, Debug)]
pub enum Value {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A float.
    Float(f64),
    /// `NotImplemented`
    NotImplemented,
    /// `...`
    Ellipsis,
    /// A builtin function.
    Builtin(&'static Builtin),
    // Every variant from here to `Empty` holds an `Rc` (see
    // `for_each_rc_variant`): the ones above have the low tags, so the
    // interpreter's inline reference counting tests one range.
    /// An int that does not fit in 64 bits (always: see [`Value::from_bigint`]).
    BigInt(Rc<BigInt>),
    /// A str.
    Str(Rc<super::pystr::PyStr>),
    /// A tuple.
    Tuple(Rc<Seq>),
    /// A list.
    List(Rc<RefCell<Seq>>),
    /// A dict.
    Dict(Rc<RefCell<super::dict::Dict>>),
    /// A set.
    Set(Rc<RefCell<super::set::SetObj>>),
    /// A frozenset (its hash is cached inside).
    FrozenSet(Rc<super::set::SetObj>),
    /// `dict.keys()` / `.values()` / `.items()`.
    View(Rc<(super::dict::ViewKind, Rc<RefCell<super::dict::Dict>>)>),
    /// A range.
    Range(Rc<Range>),
    /// An iterator.
    Iter(Rc<Iter>),
    /// A Python function.
    Function(Rc<Function>),
    /// A code object (a constant of the code that defines a function).
    Code(Rc<Code>),
    /// A closure cell (on the stack only while building a closure).
    Cell(Rc<RefCell<Value>>),
    /// `slice(start, stop, step)`.
    Slice(Rc<[Value; 3]>),
    /// A builtin method bound to its receiver (`lst.append`).
    Method(Rc<(Value, &'static Builtin)>),
    /// A class.
    Class(Rc<Class>),
    /// An instance of a class.
    Instance(Rc<Instance>),
    /// A Python function bound to its first argument: (self, function).
    BoundMethod(Rc<(Value, Value)>),
    /// `staticmethod`, `classmethod` or `property` around functions.
    Descr(Rc<Descr>),
    /// `super(cls, obj)`: lookups start after `cls` in `obj`'s MRO.
    Super(Rc<(Rc<Class>, Value)>),
    /// A generator.
    Generator(Rc<super::object::Generator>),
    /// A function the host wrote in Rust (a closure with its state).
    HostFn(Rc<super::object::HostFn>),
    /// A bytes object.
    Bytes(Rc<Vec<u8>>),
    /// A bytearray.
    ByteArray(Rc<RefCell<Vec<u8>>>),
    /// A memoryview over a bytes or bytearray.
    MemoryView(Rc<super::bytes::MemView>),
    /// A module: its name and its globals.
    Module(Rc<crate::interp::import::Module>),
    /// A complex number.
    Complex(Rc<super::complex::Complex>),
    /// A namespace (a module's globals, a class body's locals) as the
    /// dict `globals()`, `locals()` and `f.__globals__` give: reads and
    /// writes go to the namespace itself.
    Globals(Rc<super::object::NsRef>),
    /// An unbound local or cell (CPython's NULL); never seen by Python code.
    /// Last: the plain values that are copied as they are have the lowest
    /// tags, so the interpreter's quick paths test them with one compare.
    Empty,
}

/// What `staticmethod`, `classmethod` and `property` make.
#[derive(Debug)]
pub enum Descr {
    /// `staticmethod(f)`: the function, unbound.
    Static(Value),
    /// `classmethod(f)`: the function, bound to the class.
    ClassMethod(Value),
    /// `property(fget, fset, fdel, doc)` (any may be None).
    Property {
        /// The getter.
        fget: Value,
        /// The setter.
        fset: Value,
        /// The deleter.
        fdel: Value,
        /// `__doc__`.
        doc: Value,
    },
}

/// Writes the repr of values the plain repr cannot (instances with
/// `__repr__`): `None` leaves the value to the plain repr.
pub type ReprHook<'a> = &'a mut dyn FnMut(&Value) -> Option<PyResult<String>>;

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Slot for Value {
    const EMPTY: Value = Value::Empty;
}

impl Value {
    /// A tuple value.
    pub fn tuple(items: Vec<Value>) -> Value {
        super::gc::tuple(Seq::from(items))
    }

    /// A list value.
    pub fn list(items: Vec<Value>) -> Value {
        super::gc::list(Seq::from(items))
    }

    /// A str value.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Rc::new(super::pystr::PyStr::new(s.into())))
    }

    /// An int, small when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    /// The int as a big int, if it is an int (bools count, as in Python).
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// `type(x).__name__`.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Class(_) => "type",
            Value::Globals(_) => "dict",
            Value::Instance(i) => &i.class.name,
            Value::BoundMethod(_) => "method",
            Value::Descr(d) => match **d {
                Descr::Static(_) => "staticmethod",
                Descr::ClassMethod(_) => "classmethod",
                Descr::Property { .. } => "property",
            },
            Value::Super(_) => "super",
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
            Value::Generator(g) => g.type_name(),
            Value::Bytes(_) => "bytes",
            Value::ByteArray(_) => "bytearray",
            Value::MemoryView(_) => "memoryview",
            Value::Module(_) => "module",
            Value::Complex(_) => "complex",
            Value::Empty => "NULL",
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::View(v) => v.0.name(),
            Value::Range(_) => "range",
            Value::Iter(it) => match **it {
                Iter::Range { .. } => "range_iterator",
                Iter::BigRange { .. } => "longrange_iterator",
                Iter::List { .. } => "list_iterator",
                Iter::Tuple { .. } => "tuple_iterator",
                Iter::Str { .. } => "str_ascii_iterator",
                Iter::Enumerate { .. } => "enumerate",
                Iter::Zip { .. } => "zip",
                Iter::Lazy(_) => "iterator",
                Iter::Set { .. } => "set_iterator",
                Iter::Bytes { ref src, .. } => super::bytes::iter_name(src),
                Iter::Watched { type_name, .. } => type_name,
                Iter::Map { .. } => "map",
                Iter::Filter { .. } => "filter",
                Iter::GetItem { .. } => "iterator",
                Iter::ZipStrict { .. } => "zip",
                Iter::Call { .. } => "callable_iterator",
                Iter::ListRev { .. } => "list_reverseiterator",
            },
            Value::Function(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Code(_) => "code",
            Value::Cell(_) => "cell",
            Value::Slice(_) => "slice",
            Value::Method(_) => "builtin_function_or_method",
            Value::HostFn(_) => "builtin_function_or_method",
        }
    }

    /// Whether the value holds no reference (a small int, float, bool,
    /// None, ...): copying its bits is a clone, and dropping it does nothing.
    #[inline(always)]
    pub fn is_plain(&self) -> bool {
        matches!(
            self,
            Value::Empty
                | Value::None
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::NotImplemented
                | Value::Ellipsis
        )
    }

    /// `bool(x)`.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Empty | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().map.is_empty(),
            Value::Globals(ns) => !ns.names().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::View(v) => !v.1.borrow().map.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
                super::bytes::len(self) != 0
            }
            _ => true,
        }
    }

    /// `repr(x)` of values without a Python-level `__repr__` (instances
    /// print as `object.__repr__` does).
    pub fn repr(&self) -> String {
        self.repr_with(&mut |_| None)
            .unwrap_or_else(|e| format!("<repr failed: {}>", e.last_line()))
    }

    /// `repr(x)`, with `hook` writing what the plain repr cannot.
    pub fn repr_with(&self, hook: ReprHook) -> PyResult<String> {
        let mut out = String::new();
        self.write_repr(&mut out, hook)?;
        Ok(out)
    }

    /// `str(x)`.
    pub fn to_str(&self) -> String {
        match self {
            Value::Str(s) => s.as_str().to_owned(),
            _ => self.repr(),
        }
    }

    fn write_repr(&self, out: &mut String, hook: ReprHook) -> PyResult<()> {
        if let Some(text) = hook(self) {
            out.push_str(&text?);
            return Ok(());
        }
        // A container already being printed (it contains itself) prints as
        // CPython does, `[...]`; nesting deeper than the guard is elided
        // instead of overflowing the Rust stack.
        let addr = match self {
            Value::List(l) => Some((Rc::as_ptr(l) as usize, "[...]")),
            Value::Dict(d) => Some((Rc::as_ptr(d) as usize, "{...}")),
            Value::Globals(n) => Some((n.addr(), "{...}")),
            Value::Tuple(t) => Some((Rc::as_ptr(t) as usize, "(...)")),
            Value::Set(s) => Some((Rc::as_ptr(s) as usize, "set(...)")),
            Value::FrozenSet(s) => Some((Rc::as_ptr(s) as usize, "frozenset(...)")),
            _ => None,
        };
        let Some((addr, elided)) = addr else {
            return self.write_repr_inner(out, hook);
        };
        let entered = REPR_ACTIVE.with(|active| {
            let mut active = active.borrow_mut();
            if active.len() >= 1000 || active.contains(&addr) {
                false
            } else {
                active.push(addr);
                true
            }
        });
        if !entered {
            out.push_str(elided);
            return Ok(());
        }
        let r = self.write_repr_inner(out, hook);
        REPR_ACTIVE.with(|active| active.borrow_mut().pop());
        r
    }

    fn write_repr_inner(&self, out: &mut String, hook: ReprHook) -> PyResult<()> {
        use std::fmt::Write;
        match self {
            Value::Empty => out.push_str("<NULL>"),
            Value::Globals(ns) => ns.as_dict()?.write_repr_inner(out, hook)?,
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::BigInt(b) => {
                // CPython's limit on decimal text (4300 digits): ValueError.
                let limit = super::builtins::INT_MAX_STR_DIGITS;
                if b.bits() > (limit as u64 + 4) * 10 / 3 {
                    return Err(super::builtins::int_too_long_for_str());
                }
                let text = b.to_string();
                if text.trim_start_matches('-').len() > limit {
                    return Err(super::builtins::int_too_long_for_str());
                }
                out.push_str(&text);
            }
            Value::Float(f) => out.push_str(&float::repr(*f)),
            Value::Str(s) => write_str_repr(s, out),
            Value::Tuple(t) => {
                out.push('(');
                for (i, v) in t.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.write_repr(out, hook)?;
                }
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            // A `__repr__` inside may change the container: no borrow is
            // held across it; as CPython, the length is read again each step.
            Value::List(l) => {
                out.push('[');
                let mut i = 0;
                let item = |i: usize| l.borrow().get(i).cloned();
                while let Some(v) = item(i) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.write_repr(out, hook)?;
                    i += 1;
                }
                out.push(']');
            }
            Value::Dict(d) => {
                out.push('{');
                // By position (holes skipped), read again each step.
                let mut i = 0;
                let mut first = true;
                let entry = |i: usize| {
                    let d = d.borrow();
                    d.map
                        .slot(i)
                        .map(|e| e.map(|(k, v)| (k.0.clone(), v.clone())))
                };
                while let Some(e) = entry(i) {
                    i += 1;
                    let Some((k, v)) = e else { continue };
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    k.write_repr(out, hook)?;
                    out.push_str(": ");
                    v.write_repr(out, hook)?;
                }
                out.push('}');
            }
            Value::Set(s) => {
                let keys = s.borrow().keys();
                write_set_repr(&keys, "set", false, out, hook)?;
            }
            Value::FrozenSet(s) => write_set_repr(&s.keys(), "frozenset", true, out, hook)?,
            Value::View(v) => {
                out.push_str(v.0.name());
                out.push_str("([");
                let items = super::dict::view_items(v.0, &v.1.borrow());
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out, hook)?;
                }
                out.push_str("])");
            }
            Value::Range(r) if r.big.is_some() => {
                let [start, stop, step, _] = r.parts();
                if step == num_bigint::BigInt::from(1) {
                    let _ = write!(out, "range({start}, {stop})");
                } else {
                    let _ = write!(out, "range({start}, {stop}, {step})");
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    let _ = write!(out, "range({}, {})", r.start, r.stop);
                } else {
                    let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
                }
            }
            Value::Function(f) => {
                let _ = write!(
                    out,
                    "<function {} at {:#x}>",
                    f.code.qualname(),
                    Rc::as_ptr(f) as usize
                );
            }
            Value::Builtin(b) => {
                let _ = write!(out, "<built-in function {}>", b.name);
            }
            Value::HostFn(h) => {
                let _ = write!(out, "<built-in function {}>", h.name);
            }
            Value::Code(c) => {
                let _ = write!(
                    out,
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    c.name(),
                    Rc::as_ptr(c) as usize,
                    c.filename(),
                    c.firstlineno()
                );
            }
            Value::Iter(_) => {
                let _ = write!(out, "<{} object>", self.type_name());
            }
            Value::Cell(_) => out.push_str("<cell>"),
            Value::Slice(parts) => {
                out.push_str("slice(");
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    p.write_repr(out, hook)?;
                }
                out.push(')');
            }
            Value::Method(m) => {
                if let (true, Value::Str(name)) = (super::typemethods::is_unbound(m.1), &m.0) {
                    // `str.upper`: the method of the type, not bound.
                    let _ = write!(out, "<method '{name}' of '{}' objects>", m.1.name);
                } else {
                    let _ = write!(
                        out,
                        "<built-in method {} of {} object>",
                        m.1.name,
                        m.0.type_name()
                    );
                }
            }
            Value::Class(c) => match c.module() {
                None => {
                    let _ = write!(out, "<class '{}'>", c.qualname);
                }
                Some(m) => {
                    let _ = write!(out, "<class '{m}.{}'>", c.qualname);
                }
            },
            Value::Instance(i) => {
                if i.class.is_exception() {
                    out.push_str(&i.class.name);
                    let args = super::class::exc_args(i);
                    out.push('(');
                    for (n, a) in args.iter().enumerate() {
                        if n > 0 {
                            out.push_str(", ");
                        }
                        a.write_repr(out, hook)?;
                    }
                    out.push(')');
                } else if let Some(base) = i.base() {
                    base.write_repr(out, hook)?;
                } else if i.class.is_builtin && &*i.class.name == "GenericAlias" {
                    // `list[int]`: the origin's name, the arguments' reprs
                    // (classes by their names).
                    let name = |v: &Value| match v {
                        Value::Class(c) if c.module().is_none() => c.qualname.to_string(),
                        Value::Class(c) => {
                            format!("{}.{}", c.module().unwrap_or_default(), c.qualname)
                        }
                        other => other.repr(),
                    };
                    out.push_str(&i.get("__origin__").map(|o| name(&o)).unwrap_or_default());
                    out.push('[');
                    if let Some(Value::Tuple(args)) = i.get("__args__") {
                        let parts: Vec<String> = args.iter().map(name).collect();
                        out.push_str(&parts.join(", "));
                    }
                    out.push(']');
                } else {
                    let module = i.class.module();
                    let _ = write!(
                        out,
                        "<{}{}{} object at {:#x}>",
                        module.as_deref().unwrap_or(""),
                        if module.is_some() { "." } else { "" },
                        i.class.qualname,
                        Rc::as_ptr(i) as usize
                    );
                }
            }
            Value::BoundMethod(m) => {
                let name = match &m.1 {
                    Value::Function(f) => f.code.qualname().to_string(),
                    other => other.type_name().to_string(),
                };
                out.push_str(&format!("<bound method {name} of "));
                m.0.write_repr(out, hook)?;
                out.push('>');
            }
            Value::Super(sup) => {
                let _ = write!(out, "<super: <class '{}'>, ", sup.0.name);
                match &sup.1 {
                    Value::Class(c) => {
                        let _ = write!(out, "<{} object>>", c.name);
                    }
                    other => {
                        let _ = write!(out, "<{} object>>", other.type_name());
                    }
                }
            }
            Value::Descr(_) => {
                let _ = write!(out, "<{} object>", self.type_name());
            }
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
                out.push_str(&super::bytes::repr(self));
            }
            Value::Module(m) => out.push_str(&m.repr()),
            Value::Complex(c) => out.push_str(&super::complex::repr(c)),
            Value::Generator(g) => {
                let _ = match &g.kind {
                    super::object::GenKind::Wrapper(_) | super::object::GenKind::AsyncOp(_) => {
                        write!(
                            out,
                            "<{} object at {:#x}>",
                            g.type_name(),
                            Rc::as_ptr(g) as usize
                        )
                    }
                    _ => write!(
                        out,
                        "<{} object {} at {:#x}>",
                        g.type_name(),
                        g.func.code.qualname(),
                        Rc::as_ptr(g) as usize
                    ),
                };
            }
        }
        Ok(())
    }
}

/// CPython's set repr: `{1, 2}`, `frozenset({1, 2})`, and `set()` /
/// `frozenset()` when empty.
fn write_set_repr(
    keys: &[Value],
    name: &str,
    named: bool,
    out: &mut String,
    hook: ReprHook,
) -> PyResult<()> {
    if keys.is_empty() {
        out.push_str(name);
        out.push_str("()");
        return Ok(());
    }
    if named {
        out.push_str(name);
        out.push('(');
    }
    out.push('{');
    for (i, v) in keys.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        v.write_repr(out, hook)?;
    }
    out.push('}');
    if named {
        out.push(')');
    }
    Ok(())
}

thread_local! {
    /// Containers whose repr is being written, innermost last.
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// CPython's str repr: single quotes unless the text has a single quote and
/// no double quote; escapes for the quote, backslash and control characters.
fn write_str_repr(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(Value::str("it's").repr(), "\"it's\"");
        assert_eq!(Value::str("a'b\"c").repr(), "'a\\'b\"c'");
        assert_eq!(Value::str("tab\there\n").repr(), "'tab\\there\\n'");
        let t = Value::tuple(vec![Value::Int(1)]);
        assert_eq!(t.repr(), "(1,)");
        let l = Value::list(vec![
            Value::None,
            Value::Bool(true),
            Value::Float(0.5),
            Value::str("x"),
        ]);
        assert_eq!(l.repr(), "[None, True, 0.5, 'x']");
        assert_eq!(
            Value::from_bigint(BigInt::from(2).pow(70)).repr(),
            "1180591620717411303424"
        );
        assert!(matches!(Value::from_bigint(BigInt::from(5)), Value::Int(5)));
    }
}
