//! The rest of the builtin types' methods (with `methods.rs`, every method
//! of CPython 3.11's str, list, tuple, dict and set), the methods and data
//! attributes of int, float, range and slice, and the special methods of
//! builtin values: `x.__len__()`, `d.__getitem__(k)`, `it.__next__()` are
//! the operations themselves (one table maps each name to its operation).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

use super::builtins::{Ctx, index_arg};
use super::methods::{arity, bounds, char_window, locate, str_arg, str_format, str_list, string};
use super::object::{Builtin, Range};
use super::{ExcKind, PyErr, PyResult, Value, ops};
use crate::bytecode::{BinOp, CmpOp};

type Args = Vec<Value>;
type Kwargs = Vec<(Rc<str>, Value)>;

macro_rules! methods {
    ($table:ident: $($name:literal => $f:ident),* $(,)?) => {
        static $table: &[Builtin] = &[$(Builtin { name: $name, call: $f }),*];
    };
}

methods!(STR: "rindex" => str_rindex, "partition" => str_partition, "rpartition" => str_rpartition,
    "expandtabs" => str_expandtabs, "casefold" => str_casefold, "isidentifier" => str_isidentifier,
    "isnumeric" => str_isnumeric, "isdecimal" => str_isdecimal, "isprintable" => str_isprintable,
    "istitle" => str_istitle, "isascii" => str_isascii, "removeprefix" => str_removeprefix,
    "removesuffix" => str_removesuffix, "rsplit" => str_rsplit, "translate" => str_translate,
    "maketrans" => str_maketrans, "format_map" => str_format_map, "splitlines" => str_splitlines, "startswith" => str_startswith,
    "endswith" => str_endswith);
methods!(TUPLE: "count" => tuple_count, "index" => tuple_index);
methods!(DICT: "popitem" => dict_popitem, "fromkeys" => dict_fromkeys);
methods!(INT: "bit_length" => int_bit_length, "bit_count" => int_bit_count,
    "as_integer_ratio" => int_as_integer_ratio, "conjugate" => num_conjugate);
methods!(FLOAT: "is_integer" => float_is_integer, "as_integer_ratio" => float_as_integer_ratio,
    "hex" => float_hex, "fromhex" => float_fromhex, "conjugate" => num_conjugate);
methods!(COMPLEX: "conjugate" => complex_conjugate);
methods!(RANGE: "index" => range_index, "count" => range_count);
methods!(SLICE: "indices" => slice_indices);

/// The method `name` of `obj`'s type that `methods.rs` does not have:
/// from the tables above, else a special method the value supports.
pub fn lookup(obj: &Value, name: &str) -> Option<&'static Builtin> {
    let table: &[Builtin] = match obj {
        Value::Str(_) => STR,
        Value::Tuple(_) => TUPLE,
        Value::Dict(_) => DICT,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => INT,
        Value::Float(_) => FLOAT,
        Value::Complex(_) => COMPLEX,
        Value::Range(_) => RANGE,
        Value::Slice(_) => SLICE,
        _ => &[],
    };
    if let Some(m) = table.iter().find(|m| m.name == name) {
        return Some(m);
    }
    if name.starts_with("__") && supports(obj, name) {
        return DUNDERS.iter().find(|m| m.name == name);
    }
    None
}

/// The names of the methods of `obj`'s type found here.
pub fn names(obj: &Value) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = match obj {
        Value::Str(_) => STR,
        Value::Tuple(_) => TUPLE,
        Value::Dict(_) => DICT,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => INT,
        Value::Float(_) => FLOAT,
        Value::Range(_) => RANGE,
        Value::Slice(_) => SLICE,
        _ => &[],
    }
    .iter()
    .map(|m| m.name)
    .collect();
    out.extend(DUNDERS.iter().map(|m| m.name).filter(|n| supports(obj, n)));
    out.push("__class__");
    out
}

/// A data attribute of a builtin value (`r.start`, `x.real`, `v.__class__`).
pub fn attr(obj: &Value, name: &str) -> Option<Value> {
    Some(match (obj, name) {
        (_, "__class__") => super::builtins::type_of(obj),
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => obj.clone(),
        (Value::Bool(b), "real" | "numerator") => Value::Int(*b as i64),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => Value::Int(0),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => Value::Int(1),
        (Value::Float(_), "real") => obj.clone(),
        (Value::Complex(c), "real") => Value::Float(c.re),
        (Value::Complex(c), "imag") => Value::Float(c.im),
        (Value::Float(_), "imag") => Value::Float(0.0),
        (Value::Range(r), "start") => Value::Int(r.start),
        (Value::Range(r), "stop") => Value::Int(r.stop),
        (Value::Range(r), "step") => Value::Int(r.step),
        (Value::Slice(s), "start") => s[0].clone(),
        (Value::Slice(s), "stop") => s[1].clone(),
        (Value::Slice(s), "step") => s[2].clone(),
        _ => return None,
    })
}

/// The class-level functions of the builtin types that take no instance
/// (`dict.fromkeys`, `str.maketrans`, `float.fromhex`), by type and name.
pub fn type_attr(type_name: &str, name: &str) -> Option<Value> {
    static DICT_FROMKEYS: Builtin = Builtin {
        name: "fromkeys",
        call: |ctx, mut args, kw| {
            args.insert(0, Value::None);
            dict_fromkeys(ctx, args, kw)
        },
    };
    static STR_MAKETRANS: Builtin = Builtin {
        name: "maketrans",
        call: |ctx, mut args, kw| {
            args.insert(0, Value::None);
            str_maketrans(ctx, args, kw)
        },
    };
    static FLOAT_FROMHEX: Builtin = Builtin {
        name: "fromhex",
        call: |ctx, mut args, kw| {
            args.insert(0, Value::None);
            float_fromhex(ctx, args, kw)
        },
    };
    Some(Value::Builtin(match (type_name, name) {
        ("dict", "fromkeys") => &DICT_FROMKEYS,
        ("str", "maketrans") => &STR_MAKETRANS,
        ("float", "fromhex") => &FLOAT_FROMHEX,
        _ => return unbound(type_name, name),
    }))
}

macro_rules! unbound_methods {
    ($($static:ident: $tname:literal, $proto:expr, $check:pat => ;)*) => {
        $(
            /// The methods of one builtin type taken from the type
            /// (`str.upper`): the receiver holds the method's name, the
            /// first argument is the instance.
            static $static: Builtin = Builtin {
                name: $tname,
                call: |ctx, mut args, kw| {
                    let name = match args.first() {
                        Some(Value::Str(s)) => s.to_string(),
                        _ => return Err(PyErr::new(ExcKind::SystemError, "unbound method without a name")),
                    };
                    args.remove(0);
                    // An instance of a subclass: the value it carries.
                    if let Some(Value::Instance(i)) = args.first()
                        && let Some(b) = i.base()
                    {
                        args[0] = b.clone();
                    }
                    let Some(this) = args.first() else {
                        return Err(PyErr::type_error(format!(
                            "unbound method {}.{name}() needs an argument",
                            $tname
                        )));
                    };
                    if !matches!(this, $check) {
                        return Err(PyErr::type_error(format!(
                            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                            $tname,
                            this.type_name()
                        )));
                    }
                    match super::methods::lookup(this, &name) {
                        Some(m) => (m.call)(ctx, args, kw),
                        None => Err(PyErr::new(
                            ExcKind::AttributeError,
                            format!("type object '{}' has no attribute '{name}'", $tname),
                        )),
                    }
                },
            };
        )*

        /// `T.name` for a method of builtin type T, if it has one.
        fn unbound(type_name: &str, name: &str) -> Option<Value> {
            let (proto, b): (Value, &'static Builtin) = match type_name {
                $($tname => ($proto, &$static),)*
                _ => return None,
            };
            super::methods::lookup(&proto, name)?;
            Some(Value::Method(Rc::new((Value::str(name), b))))
        }

        /// Whether `b` is the caller of an unbound method (see `unbound`).
        pub fn is_unbound(b: &Builtin) -> bool {
            false $(|| std::ptr::eq(b, &$static))*
        }
    };
}

unbound_methods! {
    STR_UNBOUND: "str", Value::str(""), Value::Str(_) => ;
    LIST_UNBOUND: "list", Value::list(Vec::new()), Value::List(_) => ;
    TUPLE_UNBOUND: "tuple", Value::tuple(Vec::new()), Value::Tuple(_) => ;
    DICT_UNBOUND: "dict", super::dict::new_dict(super::dict::Dict::default()), Value::Dict(_) => ;
    INT_UNBOUND: "int", Value::Int(0), Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => ;
    FLOAT_UNBOUND: "float", Value::Float(0.0), Value::Float(_) => ;
}

// ---- str ----

fn str_rindex(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    match locate("rindex", &args, &kw, true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn sep_arg(v: &Value) -> PyResult<&str> {
    match v {
        Value::Str(s) if s.is_empty() => Err(PyErr::value_error("empty separator")),
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "must be str, not {}",
            other.type_name()
        ))),
    }
}

fn str_partition(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("partition", &args, &kw, 1, 1)?;
    let (s, sep) = (string(&args), sep_arg(&args[1])?);
    let parts = match s.find(sep) {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None => [s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(*p)).collect()))
}

fn str_rpartition(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("rpartition", &args, &kw, 1, 1)?;
    let (s, sep) = (string(&args), sep_arg(&args[1])?);
    let parts = match s.rfind(sep) {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None => ["", "", s],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(*p)).collect()))
}

/// Positional arguments after the receiver, with keyword arguments named
/// `names` put in their places (None where not given).
fn params(
    name: &str,
    mut args: Args,
    kw: Kwargs,
    names: &[&str],
) -> PyResult<(Value, Vec<Option<Value>>)> {
    if args.is_empty() {
        return Err(PyErr::type_error(format!("{name}() needs its receiver")));
    }
    let this = args.remove(0);
    if args.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut out: Vec<Option<Value>> = names.iter().map(|_| None).collect();
    for (slot, a) in out.iter_mut().zip(args) {
        *slot = Some(a);
    }
    for (k, v) in kw {
        match names.iter().position(|n| **n == *k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(_) => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{k}') and position"
                )));
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    Ok((this, out))
}

/// A builtin method's keyword arguments named `names` (its parameters
/// after the receiver, in order) moved to their positions; a position left
/// before a given one is None (the methods read None as "not given").
pub fn positional(name: &str, args: Args, kw: Kwargs, names: &[&str]) -> PyResult<(Args, Kwargs)> {
    if kw.is_empty() {
        return Ok((args, kw));
    }
    let (this, parts) = params(name, args, kw, names)?;
    let last = parts.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
    let mut out = vec![this];
    out.extend(
        parts
            .into_iter()
            .take(last)
            .map(|p| p.unwrap_or(Value::None)),
    );
    Ok((out, Vec::new()))
}

fn str_splitlines(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let (this, p) = params("splitlines", args, kw, &["keepends"])?;
    let keep = p[0].as_ref().is_some_and(Value::truthy);
    let Value::Str(s) = this else {
        return Err(PyErr::type_error("splitlines() needs a str"));
    };
    // CPython's line boundaries: \n \r \r\n \v \f \x1c-\x1e \x85 \u2028 \u2029.
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        )
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
            it.next();
            end += 1;
        }
        lines.push(s[start..if keep { end } else { i }].to_string());
        start = end;
    }
    if start < s.len() {
        lines.push(s[start..].to_string());
    }
    Ok(str_list(lines))
}

fn str_expandtabs(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let (this, p) = params("expandtabs", args, kw, &["tabsize"])?;
    let size = match &p[0] {
        Some(v) => index_arg(v, "")?,
        None => 8,
    };
    let Value::Str(s) = this else {
        return Err(PyErr::type_error("expandtabs() needs a str"));
    };
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(out))
}

fn str_casefold(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("casefold", &args, &kw, 0, 0)?;
    let mut out = String::new();
    for c in string(&args).chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Ok(Value::str(out))
}

fn pred(args: &Args, kw: &Kwargs, name: &str, empty: bool, f: fn(char) -> bool) -> PyResult<Value> {
    arity(name, args, kw, 0, 0)?;
    let s = string(args);
    Ok(Value::Bool(if s.is_empty() {
        empty
    } else {
        s.chars().all(f)
    }))
}

fn str_isidentifier(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("isidentifier", &args, &kw, 0, 0)?;
    let mut cs = string(&args).chars();
    let ok = match cs.next() {
        Some(c) => (c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric()),
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn str_isnumeric(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pred(&args, &kw, "isnumeric", false, char::is_numeric)
}

/// Unicode decimal digits (category Nd) of the common scripts.
fn is_decimal(c: char) -> bool {
    let n = c as u32;
    c.is_ascii_digit()
        || [
            0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
            0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
        ]
        .iter()
        .any(|&z| (z..z + 10).contains(&n))
}

fn str_isdecimal(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pred(&args, &kw, "isdecimal", false, is_decimal)
}

fn str_isprintable(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pred(&args, &kw, "isprintable", true, |c| {
        c == ' ' || !(c.is_control() || c.is_whitespace() || ('\u{2028}'..='\u{2029}').contains(&c))
    })
}

fn str_isascii(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pred(&args, &kw, "isascii", true, |c| c.is_ascii())
}

fn str_istitle(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("istitle", &args, &kw, 0, 0)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in string(&args).chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn str_removeprefix(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("removeprefix", &args, &kw, 1, 1)?;
    let s = string(&args);
    let p = str_arg("removeprefix()", &args[1], "str")?;
    Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
}

fn str_removesuffix(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("removesuffix", &args, &kw, 1, 1)?;
    let s = string(&args);
    let p = str_arg("removesuffix()", &args[1], "str")?;
    Ok(Value::str(s.strip_suffix(p).unwrap_or(s)))
}

fn str_rsplit(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let (this, p) = params("rsplit", args, kw, &["sep", "maxsplit"])?;
    let Value::Str(s) = this else {
        return Err(PyErr::type_error("rsplit() needs a str"));
    };
    let max = match &p[1] {
        Some(v) => index_arg(v, "")?,
        None => -1,
    };
    let mut parts: Vec<String> = Vec::new();
    match &p[0] {
        None | Some(Value::None) => {
            // Runs of whitespace, from the right; what is left of the
            // last split keeps its leading whitespace stripped off only
            // on the right.
            let mut rest: &str = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(rest.to_string());
                    rest = "";
                    break;
                }
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let w = rest[i..].chars().next().map_or(1, char::len_utf8);
                        parts.push(rest[i + w..].to_string());
                        rest = rest[..i].trim_end();
                    }
                    None => {
                        parts.push(rest.to_string());
                        rest = "";
                    }
                }
            }
            let _ = rest;
        }
        Some(v) => {
            let sep = sep_arg(v)?;
            let mut rest: &str = &s;
            loop {
                if max >= 0 && parts.len() as i64 == max {
                    break;
                }
                match rest.rfind(sep) {
                    Some(i) => {
                        parts.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            parts.push(rest.to_string());
        }
    }
    parts.reverse();
    Ok(str_list(parts))
}

fn str_translate(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("translate", &args, &kw, 1, 1)?;
    let s = string(&args).to_string();
    let table = &args[1];
    let mut out = String::new();
    for c in s.chars() {
        match ctx.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(&r),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ));
                }
            },
            Ok(_) => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ));
            }
            Err(e) if e.is(ExcKind::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(out))
}

fn str_maketrans(_: &mut Ctx, mut args: Args, kw: Kwargs) -> PyResult<Value> {
    // Called on a str: its receiver is not an argument.
    args.remove(0);
    if let Some((k, _)) = kw.first() {
        return Err(PyErr::type_error(format!(
            "maketrans() takes no keyword arguments ('{k}' given)"
        )));
    }
    let mut d = super::dict::Dict::default();
    match args.as_slice() {
        [Value::Dict(m)] => {
            let items: Vec<(Value, Value)> = m
                .borrow()
                .map
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().map_or(0, |c| c as i64))
                    }
                    Value::Int(_) => k.clone(),
                    Value::Str(_) => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    _ => {
                        return Err(PyErr::type_error(
                            "keys in translate table must be strings or integers",
                        ));
                    }
                };
                d.set(key, v)?;
            }
        }
        [_] => {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        [x, y, rest @ ..] if rest.len() <= 1 => {
            let x = str_arg("maketrans()", x, "str")?;
            let y = str_arg("maketrans()", y, "str")?;
            if x.chars().count() != y.chars().count() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                d.set(Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = rest.first() {
                for c in str_arg("maketrans()", z, "str")?.chars() {
                    d.set(Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                args.len()
            )));
        }
    }
    Ok(super::dict::new_dict(d))
}

fn str_format_map(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("format_map", &args, &kw, 1, 1)?;
    let Value::Dict(m) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "format_map() argument must be a dict here, not '{}'",
            args[1].type_name()
        )));
    };
    let mut named: Kwargs = Vec::new();
    for (k, v) in m.borrow().map.iter() {
        if let Value::Str(s) = &k.0 {
            named.push((Rc::from(s.as_str()), v.clone()));
        }
    }
    str_format(ctx, vec![args[0].clone()], named)
}

/// startswith / endswith: a str or a tuple of them, within `[start:end]`.
fn affix(args: &Args, kw: &Kwargs, name: &str, at_end: bool) -> PyResult<Value> {
    arity(name, args, kw, 1, 3)?;
    let (w, _) = char_window(string(args), args, 2)?;
    // An empty window past the end matches nothing, even "" (as CPython).
    let len = string(args).chars().count();
    if let Some(start) = args.get(2).filter(|v| !matches!(v, Value::None)) {
        let start = index_arg(start, "")?;
        let start = if start < 0 { start + len as i64 } else { start };
        if start > len as i64 {
            return Ok(Value::Bool(false));
        }
    }
    let test = |p: &str| {
        if at_end {
            w.ends_with(p)
        } else {
            w.starts_with(p)
        }
    };
    match &args[1] {
        Value::Str(p) => Ok(Value::Bool(test(p))),
        Value::Tuple(t) => {
            for p in t.iter() {
                let p = match p {
                    Value::Str(p) => p,
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            other.type_name()
                        )));
                    }
                };
                if test(p) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
    }
}

fn str_startswith(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    affix(&args, &kw, "startswith", false)
}

fn str_endswith(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    affix(&args, &kw, "endswith", true)
}

// ---- tuple ----

fn tuple_items(args: &Args) -> Vec<Value> {
    match &args[0] {
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn tuple_count(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("count", &args, &kw, 1, 1)?;
    let mut n = 0;
    for v in tuple_items(&args) {
        if ctx.equal(&v, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("index", &args, &kw, 1, 3)?;
    let items = tuple_items(&args);
    let (a, b) = bounds(&args, 2, items.len())?;
    for (i, v) in items.iter().enumerate().take(b).skip(a) {
        if ctx.equal(v, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

// ---- dict ----

fn dict_popitem(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("popitem", &args, &kw, 0, 0)?;
    let last = super::methods::dict(&args).borrow_mut().map.pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.0.clone(), v])),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            "'popitem(): dictionary is empty'",
        )),
    }
}

fn dict_fromkeys(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("fromkeys", &args, &kw, 1, 2)?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let d = Rc::new(std::cell::RefCell::new(super::dict::Dict::default()));
    for k in ctx.items(&args[1])? {
        let k = ctx.dict_key(&d, &k)?;
        d.borrow_mut().set(k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

// ---- int and float ----

fn int_arg(args: &Args) -> BigInt {
    args[0].as_bigint().unwrap_or_default()
}

fn int_bit_length(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("bit_length", &args, &kw, 0, 0)?;
    Ok(Value::Int(int_arg(&args).magnitude().bits() as i64))
}

fn int_bit_count(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("bit_count", &args, &kw, 0, 0)?;
    let n: u64 = int_arg(&args)
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(n as i64))
}

fn int_as_integer_ratio(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("as_integer_ratio", &args, &kw, 0, 0)?;
    Ok(Value::tuple(vec![
        Value::from_bigint(int_arg(&args)),
        Value::Int(1),
    ]))
}

fn num_conjugate(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("conjugate", &args, &kw, 0, 0)?;
    Ok(match &args[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn complex_conjugate(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("conjugate", &args, &kw, 0, 0)?;
    match &args[0] {
        Value::Complex(c) => Ok(super::complex::value(c.re, -c.im)),
        other => Ok(other.clone()),
    }
}

fn float_of(args: &Args) -> f64 {
    match args[0] {
        Value::Float(f) => f,
        _ => 0.0,
    }
}

fn float_is_integer(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("is_integer", &args, &kw, 0, 0)?;
    let f = float_of(&args);
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

/// A finite float's exact value as mantissa · 2^exponent (mantissa odd or 0).
fn decompose(f: f64) -> (BigInt, i64) {
    if f == 0.0 {
        return (BigInt::zero(), 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    let m = BigInt::from(m);
    (if f < 0.0 { -m } else { m }, e)
}

fn float_as_integer_ratio(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("as_integer_ratio", &args, &kw, 0, 0)?;
    let f = float_of(&args);
    if f.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = decompose(f);
    let (num, den) = if e >= 0 {
        (m << e as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-e) as usize)
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("hex", &args, &kw, 0, 0)?;
    let f = float_of(&args);
    if f.is_nan() {
        return Ok(Value::str("nan"));
    }
    if f.is_infinite() {
        return Ok(Value::str(if f < 0.0 { "-inf" } else { "inf" }));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(Value::str(format!("{sign}0x0.0p+0")));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    Ok(Value::str(format!("{sign}0x{lead}.{frac:013x}p{e:+}")))
}

fn float_fromhex(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("fromhex", &args, &kw, 1, 1)?;
    let s = str_arg("fromhex()", &args[1], "str")?;
    parse_hex_float(s.trim())
        .map(Value::Float)
        .ok_or_else(|| PyErr::value_error("invalid hexadecimal floating-point string"))
}

/// `float.fromhex`'s syntax: [sign] ['0x'] hexdigits ['.' hexdigits] ['p' exponent],
/// or inf / infinity / nan.
fn parse_hex_float(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let v = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        let body = lower.strip_prefix("0x").unwrap_or(&lower);
        let (mant, exp) = match body.split_once('p') {
            Some((m, e)) => (m, e.parse::<i64>().ok()?),
            None => (body, 0),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut m = BigInt::zero();
        for c in int.chars().chain(frac.chars()) {
            m = m * 16 + c.to_digit(16)?;
        }
        let e = exp.checked_sub(4 * frac.len() as i64)?;
        // Exact, then one rounding: the mantissa scaled by 2^e.
        ldexp(&m, e)
    };
    Some(if neg { -v } else { v })
}

/// `m · 2^e` as the nearest float (one rounding while `m` has at most 53
/// significant bits, as the hex strings `float.hex` writes have).
fn ldexp(m: &BigInt, e: i64) -> f64 {
    let bits = m.bits() as i64;
    // Keep 64 significant bits at most: the rest only decides the rounding.
    let (m, e) = if bits > 64 {
        (m >> (bits - 64) as usize, e + bits - 64)
    } else {
        (m.clone(), e)
    };
    let mut x = m.to_f64().unwrap_or(f64::INFINITY);
    let mut e = e;
    while e > 0 && x.is_finite() {
        let k = e.min(1000);
        x *= 2f64.powi(k as i32);
        e -= k;
    }
    while e < 0 && x != 0.0 {
        let k = (-e).min(1000);
        x /= 2f64.powi(k as i32);
        e += k;
    }
    x
}

// ---- range and slice ----

fn range_of(args: &Args) -> Range {
    match &args[0] {
        Value::Range(r) => (**r).clone(),
        _ => Range {
            start: 0,
            stop: 0,
            step: 1,
            big: None,
        },
    }
}

/// Where int `x` is in `r`, if it is.
fn range_position(r: &Range, x: &Value) -> Option<i64> {
    let x = match x {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    let off = x as i128 - r.start as i128;
    if off % r.step as i128 != 0 {
        return None;
    }
    let i = off / r.step as i128;
    (i >= 0 && i < r.len() as i128).then_some(i as i64)
}

fn range_index(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("index", &args, &kw, 1, 1)?;
    let r = range_of(&args);
    if let Some(i) = range_position(&r, &args[1]) {
        return Ok(Value::Int(i));
    }
    if !matches!(args[1], Value::Int(_) | Value::Bool(_)) {
        // Anything else equal to one of the values (a float 2.0).
        for i in 0..r.len() {
            let v = Value::Int(r.start + i * r.step);
            if ctx.equal(&v, &args[1])? {
                return Ok(Value::Int(i));
            }
        }
    }
    let shown = ctx.repr(&args[1])?;
    Err(PyErr::value_error(format!("{shown} is not in range")))
}

fn range_count(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("count", &args, &kw, 1, 1)?;
    let r = range_of(&args);
    if matches!(args[1], Value::Int(_) | Value::Bool(_)) {
        return Ok(Value::Int(range_position(&r, &args[1]).is_some() as i64));
    }
    let mut n = 0;
    for i in 0..r.len() {
        if ctx.equal(&Value::Int(r.start + i * r.step), &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn slice_indices(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("indices", &args, &kw, 1, 1)?;
    let Value::Slice(s) = &args[0] else {
        return Err(PyErr::type_error("indices() needs a slice"));
    };
    let len = index_arg(&args[1], "")?;
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let part = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            v => index_arg(v, "").map(Some).map_err(|_| {
                PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )
            }),
        }
    };
    let spec = super::seq::SliceSpec {
        parts: [part(&s[0])?, part(&s[1])?, part(&s[2])?],
    };
    let (start, stop, step, _) = super::seq::adjust(&spec, len)?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}

// ---- special methods of builtin values ----

macro_rules! dunders {
    ($($name:literal),* $(,)?) => {
        /// One builtin per special method name, each running the operation.
        static DUNDERS: &[Builtin] = &[$(Builtin {
            name: $name,
            call: |ctx, args, kw| dunder(ctx, $name, args, kw),
        }),*];
    };
}

dunders!(
    "__len__",
    "__contains__",
    "__iter__",
    "__next__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__repr__",
    "__str__",
    "__hash__",
    "__bool__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__add__",
    "__sub__",
    "__mul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__pow__",
    "__lshift__",
    "__rshift__",
    "__and__",
    "__or__",
    "__xor__",
    "__radd__",
    "__rsub__",
    "__rmul__",
    "__rtruediv__",
    "__rfloordiv__",
    "__rmod__",
    "__rpow__",
    "__rlshift__",
    "__rrshift__",
    "__rand__",
    "__ror__",
    "__rxor__",
    "__iadd__",
    "__imul__",
    "__ior__",
    "__iand__",
    "__isub__",
    "__ixor__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__invert__",
    "__int__",
    "__float__",
    "__index__",
    "__format__",
    "__reversed__",
);

/// The operators by special method name: (operator, reflected, in place).
fn operator(name: &str) -> Option<(BinOp, bool, bool)> {
    let base = name.trim_start_matches("__").trim_end_matches("__");
    let (body, reflected, inplace) = match base.as_bytes().first() {
        Some(b'r') if base != "rshift" => (&base[1..], true, false),
        Some(b'i') if base != "invert" && base != "index" && base != "int" => {
            (&base[1..], false, true)
        }
        _ => (base, false, false),
    };
    let op = match body {
        "add" => BinOp::Add,
        "sub" => BinOp::Sub,
        "mul" => BinOp::Mul,
        "truediv" => BinOp::TrueDiv,
        "floordiv" => BinOp::FloorDiv,
        "mod" => BinOp::Mod,
        "pow" => BinOp::Pow,
        "lshift" => BinOp::Lshift,
        "rshift" => BinOp::Rshift,
        "and" => BinOp::And,
        "or" => BinOp::Or,
        "xor" => BinOp::Xor,
        _ => return None,
    };
    Some((op, reflected, inplace))
}

/// Whether builtin value `v` has special method `name`.
fn supports(v: &Value, name: &str) -> bool {
    use Value as V;
    let number = matches!(v, V::Int(_) | V::Bool(_) | V::BigInt(_) | V::Float(_));
    let int = matches!(v, V::Int(_) | V::Bool(_) | V::BigInt(_));
    let sized = matches!(
        v,
        V::Str(_)
            | V::Tuple(_)
            | V::List(_)
            | V::Dict(_)
            | V::Set(_)
            | V::FrozenSet(_)
            | V::Range(_)
            | V::View(_)
    );
    let setlike = matches!(v, V::Set(_) | V::FrozenSet(_));
    match name {
        "__repr__" | "__str__" | "__eq__" | "__ne__" | "__format__" => !matches!(v, V::Empty),
        "__hash__" => !matches!(v, V::List(_) | V::Dict(_) | V::Set(_) | V::Empty),
        "__lt__" | "__le__" | "__gt__" | "__ge__" => {
            number || setlike || matches!(v, V::Str(_) | V::Tuple(_) | V::List(_))
        }
        "__len__" | "__contains__" => sized,
        "__iter__" => sized || matches!(v, V::Iter(_)),
        "__next__" => matches!(v, V::Iter(_)),
        "__getitem__" => {
            matches!(
                v,
                V::Str(_) | V::Tuple(_) | V::List(_) | V::Dict(_) | V::Range(_)
            )
        }
        "__setitem__" | "__delitem__" => matches!(v, V::List(_) | V::Dict(_)),
        "__reversed__" => matches!(v, V::List(_) | V::Dict(_) | V::Range(_)),
        "__bool__" | "__neg__" | "__pos__" | "__abs__" | "__int__" | "__float__" => number,
        "__invert__" | "__index__" => int,
        _ => match operator(name) {
            Some((op, reflected, inplace)) => match v {
                V::List(_) => {
                    matches!(op, BinOp::Add | BinOp::Mul) && !(reflected && op == BinOp::Add)
                }
                V::Str(_) | V::Tuple(_) => {
                    !(inplace || reflected && op == BinOp::Add)
                        && (matches!(op, BinOp::Add | BinOp::Mul)
                            || (op == BinOp::Mod && matches!(v, V::Str(_))))
                }
                V::Set(_) | V::FrozenSet(_) => {
                    matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
                        && !(inplace && matches!(v, V::FrozenSet(_)))
                }
                V::Dict(_) => op == BinOp::Or,
                _ if number => {
                    !inplace
                        && (int
                            || !matches!(
                                op,
                                BinOp::Lshift | BinOp::Rshift | BinOp::And | BinOp::Or | BinOp::Xor
                            ))
                }
                _ => false,
            },
            None => false,
        },
    }
}

/// Runs special method `name` of the builtin value `args[0]`.
fn dunder(ctx: &mut Ctx, name: &'static str, args: Args, kw: Kwargs) -> PyResult<Value> {
    let unary = [
        "__len__",
        "__iter__",
        "__next__",
        "__repr__",
        "__str__",
        "__hash__",
        "__bool__",
        "__neg__",
        "__pos__",
        "__abs__",
        "__invert__",
        "__int__",
        "__float__",
        "__index__",
        "__reversed__",
    ];
    let want = if unary.contains(&name) {
        0
    } else if name == "__setitem__" {
        2
    } else {
        1
    };
    if let Some((k, _)) = kw.first() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments ('{k}' given)"
        )));
    }
    let given = args.len().saturating_sub(1);
    if given != want || args.is_empty() {
        return Err(PyErr::type_error(format!(
            "expected {want} argument{}, got {given}",
            if want == 1 { "" } else { "s" }
        )));
    }
    let this = &args[0];
    let arg = |i: usize| &args[i];
    let call_builtin = |ctx: &mut Ctx, b: &str, a: Vec<Value>| -> PyResult<Value> {
        match super::builtins::BUILTINS.iter().find(|x| x.name == b) {
            Some(f) => (f.call)(ctx, a, Vec::new()),
            None => Err(PyErr::new(ExcKind::SystemError, "no such builtin")),
        }
    };
    // A comparison or operator of unsupported types gives NotImplemented.
    let not_impl = |r: PyResult<Value>| match r {
        Err(e) if e.is(ExcKind::TypeError) => Ok(Value::NotImplemented),
        r => r,
    };
    match name {
        "__len__" => Ok(Value::Int(ctx.len(this)? as i64)),
        "__iter__" => ctx.iter(this),
        "__next__" => ctx
            .next(this)?
            .ok_or_else(|| PyErr::new(ExcKind::StopIteration, "")),
        "__getitem__" => ctx.getitem(this, arg(1)),
        "__setitem__" => ctx
            .setitem(this, arg(1), arg(2).clone())
            .map(|()| Value::None),
        "__delitem__" => ctx.delitem(this, arg(1)).map(|()| Value::None),
        "__contains__" => Ok(Value::Bool(ctx.contains(this, arg(1))?)),
        "__repr__" => Ok(Value::str(ctx.repr(this)?)),
        "__str__" => Ok(Value::str(ctx.str(this)?)),
        "__bool__" => Ok(Value::Bool(ctx.truthy(this)?)),
        "__hash__" | "__int__" | "__float__" | "__reversed__" | "__abs__" => {
            let b = &name[2..name.len() - 2];
            call_builtin(ctx, b, vec![this.clone()])
        }
        "__index__" => call_builtin(ctx, "int", vec![this.clone()]),
        "__format__" => call_builtin(ctx, "format", vec![this.clone(), arg(1).clone()]),
        "__neg__" => ops::unary('-', this),
        "__pos__" => ops::unary('+', this),
        "__invert__" => ops::unary('~', this),
        "__eq__" => Ok(Value::Bool(ctx.equal(this, arg(1))?)),
        "__ne__" => Ok(Value::Bool(!ctx.equal(this, arg(1))?)),
        "__lt__" | "__le__" | "__gt__" | "__ge__" => {
            let op = match name {
                "__lt__" => CmpOp::Lt,
                "__le__" => CmpOp::Le,
                "__gt__" => CmpOp::Gt,
                _ => CmpOp::Ge,
            };
            not_impl(ctx.compare(op, this, arg(1)))
        }
        _ => match operator(name) {
            Some((op, reflected, inplace)) => {
                let (a, b) = if reflected {
                    (arg(1), this)
                } else {
                    (this, arg(1))
                };
                if inplace {
                    if let (BinOp::Add, Value::List(l)) = (op, this) {
                        let items = ctx.items(arg(1))?;
                        l.borrow_mut().extend(items);
                        return Ok(this.clone());
                    }
                    not_impl(ops::inplace(op, a, b))
                } else {
                    not_impl(ops::binary(op, a, b))
                }
            }
            None => Err(PyErr::new(ExcKind::AttributeError, name)),
        },
    }
}
