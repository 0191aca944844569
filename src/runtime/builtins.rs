//! The builtin functions, and the context they run in (where `print` writes).

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::object::{Builtin, Iter, Namespace, Range};
use super::{ExcKind, PyErr, PyResult, Value, ops};
use crate::bytecode::{BinOp, CmpOp};

/// What builtins may touch: the program's standard output.
pub struct Ctx {
    /// Where `print` writes (buffered; flushed by the VM at exit and before
    /// a traceback).
    pub out: Box<dyn Write>,
}

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
    "divmod" => divmod, "float" => float, "hex" => hex, "int" => int, "iter" => iter, "len" => len,
    "list" => list, "max" => max, "min" => min, "next" => next, "ord" => ord, "pow" => pow,
    "print" => print, "range" => range, "repr" => repr, "str" => str_, "sum" => sum, "tuple" => tuple,
}

/// A namespace holding every builtin.
pub fn namespace() -> Namespace {
    let ns = Namespace::default();
    for b in BUILTINS {
        ns.set(Rc::from(b.name), Value::Builtin(b));
    }
    ns
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
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                v.type_name()
            )));
        }
    };
    Ok(Value::Iter(Rc::new(it)))
}

/// All items of an iterable.
pub fn collect(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok((**t).clone()),
        _ => {
            let Value::Iter(it) = make_iter(v)? else {
                unreachable!("make_iter makes iterators")
            };
            let mut out = Vec::new();
            while let Some(x) = it.next() {
                out.push(x);
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
        Value::Range(r) => Ok(r.len() as usize),
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
        line.push_str(&a.to_str());
    }
    line.push_str(&end);
    ctx.out
        .write_all(line.as_bytes())
        .map_err(|e| PyErr::new(ExcKind::ValueError, format!("print: {e}")))?;
    Ok(Value::None)
}

fn len(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("len", &kwargs)?;
    exactly("len", &args, 1)?;
    Ok(Value::Int(length(&args[0])? as i64))
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

fn abs(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("abs", &kwargs)?;
    exactly("abs", &args, 1)?;
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

fn str_(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("str", &kwargs)?;
    match args.first() {
        None => Ok(Value::str("")),
        Some(v) => Ok(Value::str(v.to_str())),
    }
}

fn repr(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("repr", &kwargs)?;
    exactly("repr", &args, 1)?;
    Ok(Value::str(args[0].repr()))
}

fn bool_(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("bool", &kwargs)?;
    Ok(Value::Bool(args.first().is_some_and(Value::truthy)))
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

fn int(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("int", &kwargs)?;
    match args.as_slice() {
        [] => Ok(Value::Int(0)),
        [Value::Int(_) | Value::BigInt(_)] => Ok(args[0].clone()),
        [Value::Bool(b)] => Ok(Value::Int(*b as i64)),
        [Value::Float(f)] => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                ));
            }
            let t = f.trunc();
            Ok(if t.abs() < 9.0e18 {
                Value::Int(t as i64)
            } else {
                Value::from_bigint(float_to_bigint(t))
            })
        }
        [Value::Str(s)] => parse_int(s, 10),
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

fn float(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
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

fn list(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("list", &kwargs)?;
    let items = match args.first() {
        None => Vec::new(),
        Some(v) => collect(v)?,
    };
    Ok(Value::List(Rc::new(RefCell::new(items))))
}

fn tuple(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("tuple", &kwargs)?;
    match args.first() {
        None => Ok(Value::Tuple(Rc::new(Vec::new()))),
        Some(Value::Tuple(_)) => Ok(args[0].clone()),
        Some(v) => Ok(Value::Tuple(Rc::new(collect(v)?))),
    }
}

fn min_max(name: &str, args: Args, want: CmpOp) -> PyResult<Value> {
    let items = match args.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => collect(&args[0])?,
        _ => args,
    };
    let mut best: Option<Value> = None;
    for v in items {
        best = Some(match best {
            None => v,
            Some(b) => {
                if ops::compare(want, &v, &b)?.truthy() {
                    v
                } else {
                    b
                }
            }
        });
    }
    best.ok_or_else(|| PyErr::value_error(format!("{name}() arg is an empty sequence")))
}

fn max(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("max", &kwargs)?;
    min_max("max", args, CmpOp::Gt)
}

fn min(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("min", &kwargs)?;
    min_max("min", args, CmpOp::Lt)
}

fn sum(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("sum", &kwargs)?;
    let (items, start) = match args.as_slice() {
        [it] => (collect(it)?, Value::Int(0)),
        [it, start] => (collect(it)?, start.clone()),
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
        .try_fold(start, |acc, v| ops::binary(BinOp::Add, &acc, v))
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
    Ok(Value::Tuple(Rc::new(vec![q, r])))
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

fn any(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("any", &kwargs)?;
    exactly("any", &args, 1)?;
    Ok(Value::Bool(collect(&args[0])?.iter().any(Value::truthy)))
}

fn all(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("all", &kwargs)?;
    exactly("all", &args, 1)?;
    Ok(Value::Bool(collect(&args[0])?.iter().all(Value::truthy)))
}

fn iter(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("iter", &kwargs)?;
    exactly("iter", &args, 1)?;
    make_iter(&args[0])
}

fn next(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("next", &kwargs)?;
    match args.as_slice() {
        [Value::Iter(it)] => it
            .next()
            .ok_or_else(|| PyErr::new(ExcKind::StopIteration, "")),
        [Value::Iter(it), default] => Ok(it.next().unwrap_or_else(|| default.clone())),
        [v, ..] => Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            v.type_name()
        ))),
        [] => Err(PyErr::type_error(
            "next expected at least 1 argument, got 0",
        )),
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
