//! The methods of bytes, bytearray and memoryview (CPython 3.11's), found
//! by LOAD_METHOD with the receiver as the first argument. Results of a
//! bytearray's methods are bytearrays, of a bytes' bytes.

use std::rc::Rc;

use super::builtins::{Ctx, index_arg, small_index};
use super::bytes::{
    Buf, buf, bytes, codec_args, decode, find, hex, need_bytes, same_kind, store_byte,
};
use super::object::Builtin;
use super::seq::{SliceSpec, adjust};
use super::{ExcKind, PyErr, PyResult, Value};

type Args = Vec<Value>;
type Kwargs = Vec<(Rc<str>, Value)>;

macro_rules! methods {
    ($table:ident: $($name:literal => $f:ident),* $(,)?) => {
        static $table: &[Builtin] = &[$(Builtin { name: $name, call: $f }),*];
    };
}

methods!(COMMON: "decode" => m_decode, "count" => m_count, "find" => m_find, "rfind" => m_rfind,
    "index" => m_index, "rindex" => m_rindex, "startswith" => m_startswith, "endswith" => m_endswith,
    "split" => m_split, "rsplit" => m_rsplit, "join" => m_join, "strip" => m_strip,
    "lstrip" => m_lstrip, "rstrip" => m_rstrip, "replace" => m_replace, "upper" => m_upper,
    "lower" => m_lower, "isdigit" => m_isdigit, "isalpha" => m_isalpha, "isalnum" => m_isalnum,
    "isspace" => m_isspace, "isupper" => m_isupper, "islower" => m_islower, "istitle" => m_istitle,
    "isascii" => m_isascii, "partition" => m_partition, "rpartition" => m_rpartition,
    "center" => m_center, "ljust" => m_ljust, "rjust" => m_rjust, "zfill" => m_zfill,
    "splitlines" => m_splitlines, "title" => m_title, "capitalize" => m_capitalize,
    "swapcase" => m_swapcase, "expandtabs" => m_expandtabs, "translate" => m_translate,
    "hex" => m_hex, "removeprefix" => m_removeprefix, "removesuffix" => m_removesuffix,
    "fromhex" => m_fromhex);

methods!(BYTEARRAY: "append" => ba_append, "extend" => ba_extend, "pop" => ba_pop,
    "insert" => ba_insert, "remove" => ba_remove, "clear" => ba_clear, "copy" => ba_copy,
    "reverse" => ba_reverse);

methods!(MEMORYVIEW: "tobytes" => mv_tobytes, "tolist" => mv_tolist, "hex" => m_hex, "cast" => mv_cast,
    "release" => mv_release);

/// The method `name` of a bytes-like `obj`.
pub fn lookup(obj: &Value, name: &str) -> Option<&'static Builtin> {
    let tables: &[&[Builtin]] = match obj {
        Value::Bytes(_) => &[COMMON],
        Value::ByteArray(_) => &[BYTEARRAY, COMMON],
        Value::MemoryView(_) => &[MEMORYVIEW],
        _ => return None,
    };
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|m| m.name == name)
}

/// Checks the argument count, with CPython's messages (which differ by
/// how each method parses its arguments).
fn arity(name: &str, args: &Args, kw: &Kwargs, min: usize, max: usize) -> PyResult<()> {
    receiver(args)?;
    let ty = args[0].type_name();
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{ty}.{name}() takes no keyword arguments"
        )));
    }
    let given = args.len() - 1;
    if (min..=max).contains(&given) {
        return Ok(());
    }
    let s = |n: usize| if n == 1 { "" } else { "s" };
    Err(PyErr::type_error(match (min, max) {
        (0, 0) => format!("{ty}.{name}() takes no arguments ({given} given)"),
        (1, 1) => format!("{ty}.{name}() takes exactly one argument ({given} given)"),
        _ if min == max => format!("{name} expected {min} arguments, got {given}"),
        // The methods that parse a tuple of arguments say it their way.
        _ if matches!(
            name,
            "count" | "find" | "rfind" | "index" | "rindex" | "startswith" | "endswith"
        ) =>
        {
            let (bound, n) = if given > max {
                ("most", max)
            } else {
                ("least", min)
            };
            format!(
                "{name}() takes at {bound} {n} argument{} ({given} given)",
                s(n)
            )
        }
        _ if given > max => format!(
            "{name} expected at most {max} argument{}, got {given}",
            s(max)
        ),
        _ => format!(
            "{name} expected at least {min} argument{}, got {given}",
            s(min)
        ),
    }))
}

/// That the receiver is bytes-like (an unbound method may be given anything).
fn receiver(args: &Args) -> PyResult<()> {
    match args.first() {
        Some(v) if super::bytes::is_bytes_like(v) => Ok(()),
        other => Err(PyErr::type_error(format!(
            "descriptor requires a 'bytes' object but received a '{}'",
            other.map_or("nothing", |v| v.type_name())
        ))),
    }
}

/// The receiver's bytes.
fn me(args: &Args) -> PyResult<Buf> {
    match args.first() {
        Some(v) => buf(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor requires a 'bytes' object but received a '{}'",
                v.type_name()
            ))
        }),
        None => Err(PyErr::type_error("unbound method needs an argument")),
    }
}

fn result(args: &Args, b: Vec<u8>) -> Value {
    same_kind(&args[0], b)
}

/// A bytes-like argument, or TypeError.
fn bytes_arg(v: &Value) -> PyResult<Buf> {
    buf(v).ok_or_else(|| need_bytes(v))
}

/// The `[start:end]` window of a search, clamped as a slice is.
fn window(len: usize, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let part = |v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => small_index(v).map(Some).ok_or_else(|| {
                PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )
            }),
        }
    };
    let spec = SliceSpec {
        parts: [part(start)?, part(end)?, None],
    };
    let (s, e, _, _) = adjust(&spec, len as i64)?;
    Ok((s as usize, (e.max(s)) as usize))
}

/// What a search looks for: bytes, or an int naming one byte.
fn needle(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(vec![store_byte(v)?]),
        _ => match buf(v) {
            Some(b) => Ok(b.to_vec()),
            None => Err(PyErr::type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                v.type_name()
            ))),
        },
    }
}

fn rfind_in(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - sub.len())
        .rev()
        .find(|&i| &hay[i..i + sub.len()] == sub)
}

/// Index of the found `sub` in the receiver (for find/index/rfind/rindex).
fn search(name: &str, args: &Args, kw: &Kwargs, right: bool) -> PyResult<Option<usize>> {
    arity(name, args, kw, 1, 3)?;
    let hay = me(args)?;
    let sub = needle(&args[1])?;
    let (s, e) = window(hay.len(), args.get(2), args.get(3))?;
    if s > hay.len() || e - s < sub.len() {
        return Ok(None);
    }
    let part = &hay[s..e];
    Ok(if right {
        rfind_in(part, &sub)
    } else {
        find(part, &sub, 0)
    }
    .map(|i| i + s))
}

fn m_find(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(
        search("find", &args, &kw, false)?.map_or(-1, |i| i as i64),
    ))
}

fn m_rfind(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(
        search("rfind", &args, &kw, true)?.map_or(-1, |i| i as i64),
    ))
}

fn m_index(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    match search("index", &args, &kw, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn m_rindex(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    match search("rindex", &args, &kw, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn m_count(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("count", &args, &kw, 1, 3)?;
    let hay = me(&args)?;
    let sub = needle(&args[1])?;
    let (s, e) = window(hay.len(), args.get(2), args.get(3))?;
    if s > hay.len() {
        return Ok(Value::Int(0));
    }
    let part = &hay[s..e];
    if sub.is_empty() {
        return Ok(Value::Int(part.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = find(part, &sub, i) {
        n += 1;
        i = j + sub.len();
    }
    Ok(Value::Int(n))
}

fn affix(name: &str, args: &Args, kw: &Kwargs, end: bool) -> PyResult<Value> {
    arity(name, args, kw, 1, 3)?;
    let hay = me(args)?;
    let (s, e) = window(hay.len(), args.get(2), args.get(3))?;
    let options: Vec<Value> = match &args[1] {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    for o in &options {
        let Some(p) = buf(o) else {
            return Err(PyErr::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                o.type_name()
            )));
        };
        if s > hay.len() || e - s < p.len() {
            continue;
        }
        let part = &hay[s..e];
        if (end && part.ends_with(&p)) || (!end && part.starts_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn m_startswith(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    affix("startswith", &args, &kw, false)
}

fn m_endswith(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    affix("endswith", &args, &kw, true)
}

fn m_decode(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let data = me(&args)?;
    let (enc, errors) = codec_args("decode", &args[1..], &kw)?;
    Ok(Value::str(decode(&data, &enc, &errors)?))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The (sep, maxsplit) of split/rsplit.
fn split_args(name: &str, args: &Args, kw: &Kwargs) -> PyResult<(Option<Vec<u8>>, i64)> {
    receiver(args)?;
    let mut got: [Option<Value>; 2] = [args.get(1).cloned(), args.get(2).cloned()];
    if args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    for (k, v) in kw {
        match &**k {
            "sep" => got[0] = Some(v.clone()),
            "maxsplit" => got[1] = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let sep = match &got[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let b = bytes_arg(v)?.to_vec();
            if b.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(b)
        }
    };
    let max = match &got[1] {
        None => -1,
        Some(v) => index_arg(v, "")?,
    };
    Ok((sep, max))
}

fn pieces(args: &Args, parts: Vec<&[u8]>) -> Value {
    Value::list(
        parts
            .into_iter()
            .map(|p| result(args, p.to_vec()))
            .collect(),
    )
}

fn m_split(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let (sep, max) = split_args("split", &args, &kw)?;
    let b = me(&args)?;
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut left = max;
    match sep {
        Some(sep) => {
            let mut i = 0;
            while left != 0
                && let Some(j) = find(&b, &sep, i)
            {
                parts.push(&b[i..j]);
                i = j + sep.len();
                left -= 1;
            }
            parts.push(&b[i..]);
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if left == 0 {
                    parts.push(&b[i..]);
                    break;
                }
                let start = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                parts.push(&b[start..i]);
                left -= 1;
            }
        }
    }
    Ok(pieces(&args, parts))
}

fn m_rsplit(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let (sep, max) = split_args("rsplit", &args, &kw)?;
    let b = me(&args)?;
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut left = max;
    match sep {
        Some(sep) => {
            let mut end = b.len();
            while left != 0
                && let Some(j) = rfind_in(&b[..end], &sep)
            {
                parts.push(&b[j + sep.len()..end]);
                end = j;
                left -= 1;
            }
            parts.push(&b[..end]);
        }
        None => {
            let mut i = b.len();
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if left == 0 {
                    parts.push(&b[..i]);
                    break;
                }
                let end = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                parts.push(&b[i..end]);
                left -= 1;
            }
        }
    }
    parts.reverse();
    Ok(pieces(&args, parts))
}

fn m_join(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("join", &args, &kw, 1, 1)?;
    let sep = me(&args)?;
    let items = ctx.items(&args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = buf(it) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                it.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(result(&args, out))
}

fn strip(name: &str, args: &Args, kw: &Kwargs, left: bool, right: bool) -> PyResult<Value> {
    arity(name, args, kw, 0, 1)?;
    let b = me(args)?;
    let set: Option<Vec<u8>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?.to_vec()),
    };
    let strip_it = |c: u8| match &set {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let (mut s, mut e) = (0, b.len());
    if left {
        while s < e && strip_it(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(b[e - 1]) {
            e -= 1;
        }
    }
    // Nothing stripped from a bytes: the same object, as CPython gives it.
    if s == 0 && e == b.len() && matches!(args[0], Value::Bytes(_)) {
        return Ok(args[0].clone());
    }
    Ok(result(args, b[s..e].to_vec()))
}

fn m_strip(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    strip("strip", &args, &kw, true, true)
}

fn m_lstrip(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    strip("lstrip", &args, &kw, true, false)
}

fn m_rstrip(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    strip("rstrip", &args, &kw, false, true)
}

fn m_replace(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("replace", &args, &kw, 2, 3)?;
    let b = me(&args)?;
    let old = bytes_arg(&args[1])?;
    let new = bytes_arg(&args[2])?;
    let mut left = match args.get(3) {
        Some(v) => index_arg(v, "")?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
            if i + 1 == b.len() && left != 0 {
                out.extend_from_slice(&new);
            }
        }
        if b.is_empty() && left != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(result(&args, out));
    }
    let mut i = 0;
    while left != 0
        && let Some(j) = find(&b, &old, i)
    {
        out.extend_from_slice(&b[i..j]);
        out.extend_from_slice(&new);
        i = j + old.len();
        left -= 1;
    }
    out.extend_from_slice(&b[i..]);
    Ok(result(&args, out))
}

fn map_bytes(name: &str, args: &Args, kw: &Kwargs, f: impl Fn(u8) -> u8) -> PyResult<Value> {
    arity(name, args, kw, 0, 0)?;
    Ok(result(args, me(args)?.iter().map(|&c| f(c)).collect()))
}

fn m_upper(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    map_bytes("upper", &args, &kw, |c| c.to_ascii_uppercase())
}

fn m_lower(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    map_bytes("lower", &args, &kw, |c| c.to_ascii_lowercase())
}

fn m_swapcase(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    map_bytes("swapcase", &args, &kw, |c| {
        if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        }
    })
}

fn m_title(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("title", &args, &kw, 0, 0)?;
    let mut prev_cased = false;
    let out = me(&args)?
        .iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(result(&args, out))
}

fn m_capitalize(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("capitalize", &args, &kw, 0, 0)?;
    let out = me(&args)?
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(result(&args, out))
}

fn test_all(name: &str, args: &Args, kw: &Kwargs, f: impl Fn(u8) -> bool) -> PyResult<Value> {
    arity(name, args, kw, 0, 0)?;
    let b = me(args)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(|&c| f(c))))
}

fn m_isdigit(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    test_all("isdigit", &args, &kw, |c| c.is_ascii_digit())
}

fn m_isalpha(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    test_all("isalpha", &args, &kw, |c| c.is_ascii_alphabetic())
}

fn m_isalnum(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    test_all("isalnum", &args, &kw, |c| c.is_ascii_alphanumeric())
}

fn m_isspace(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    test_all("isspace", &args, &kw, is_space)
}

fn m_isascii(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("isascii", &args, &kw, 0, 0)?;
    Ok(Value::Bool(me(&args)?.is_ascii()))
}

fn cased(name: &str, args: &Args, kw: &Kwargs, upper: bool) -> PyResult<Value> {
    arity(name, args, kw, 0, 0)?;
    let b = me(args)?;
    let wrong = |c: &u8| {
        if upper {
            c.is_ascii_lowercase()
        } else {
            c.is_ascii_uppercase()
        }
    };
    let right = |c: &u8| {
        if upper {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_lowercase()
        }
    };
    Ok(Value::Bool(b.iter().any(right) && !b.iter().any(wrong)))
}

fn m_isupper(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    cased("isupper", &args, &kw, true)
}

fn m_islower(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    cased("islower", &args, &kw, false)
}

fn m_istitle(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("istitle", &args, &kw, 0, 0)?;
    let (mut prev_cased, mut any) = (false, false);
    for &c in me(&args)?.iter() {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn partition(name: &str, args: &Args, kw: &Kwargs, right: bool) -> PyResult<Value> {
    arity(name, args, kw, 1, 1)?;
    let b = me(args)?;
    let sep = bytes_arg(&args[1])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if right {
        rfind_in(&b, &sep)
    } else {
        find(&b, &sep, 0)
    };
    let parts: [&[u8]; 3] = match found {
        Some(i) => [&b[..i], &sep, &b[i + sep.len()..]],
        None if right => [&[], &[], &b],
        None => [&b, &[], &[]],
    };
    Ok(Value::tuple(
        parts.iter().map(|p| result(args, p.to_vec())).collect(),
    ))
}

fn m_partition(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    partition("partition", &args, &kw, false)
}

fn m_rpartition(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    partition("rpartition", &args, &kw, true)
}

fn pad(name: &str, args: &Args, kw: &Kwargs, align: char) -> PyResult<Value> {
    arity(name, args, kw, 1, 2)?;
    let b = me(args)?;
    let width = width_arg(&args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match buf(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    v.type_name()
                )));
            }
        },
    };
    if width <= b.len() {
        return Ok(result(args, b.to_vec()));
    }
    let margin = width - b.len();
    let left = match align {
        '<' => 0,
        '>' => margin,
        // CPython's rounding: the odd byte goes left when the width is odd.
        _ => margin / 2 + (margin & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width, fill);
    Ok(result(args, out))
}

/// A width to pad to (MemoryError past what a script may allocate).
fn width_arg(v: &Value) -> PyResult<usize> {
    let w = index_arg(v, "")?.max(0) as usize;
    super::alloc::ensure(w)?;
    Ok(w)
}

fn m_center(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pad("center", &args, &kw, '^')
}

fn m_ljust(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pad("ljust", &args, &kw, '<')
}

fn m_rjust(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pad("rjust", &args, &kw, '>')
}

fn m_zfill(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("zfill", &args, &kw, 1, 1)?;
    let b = me(&args)?;
    let width = width_arg(&args[1])?;
    if width <= b.len() {
        return Ok(result(&args, b.to_vec()));
    }
    let zeros = width - b.len();
    let mut out = Vec::with_capacity(width);
    let rest: &[u8] = match b.first() {
        Some(&s @ (b'+' | b'-')) => {
            out.push(s);
            &b[1..]
        }
        _ => &b,
    };
    out.extend(std::iter::repeat_n(b'0', zeros));
    out.extend_from_slice(rest);
    Ok(result(&args, out))
}

fn m_splitlines(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    receiver(&args)?;
    let mut keep = args.get(1).cloned();
    if args.len() > 2 {
        return Err(PyErr::type_error("splitlines() takes at most 1 argument"));
    }
    for (k, v) in &kw {
        if &**k != "keepends" {
            return Err(PyErr::type_error(format!(
                "splitlines() got an unexpected keyword argument '{k}'"
            )));
        }
        keep = Some(v.clone());
    }
    let keep = match &keep {
        Some(v) => ctx.truthy(v)?,
        None => false,
    };
    let b = me(&args)?;
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        parts.push(&b[start..if keep { i + eol } else { i }]);
        i += eol;
        start = i;
    }
    if start < b.len() {
        parts.push(&b[start..]);
    }
    Ok(pieces(&args, parts))
}

fn m_expandtabs(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    receiver(&args)?;
    let mut size = args.get(1).cloned();
    if args.len() > 2 {
        return Err(PyErr::type_error("expandtabs() takes at most 1 argument"));
    }
    for (k, v) in &kw {
        if &**k != "tabsize" {
            return Err(PyErr::type_error(format!(
                "expandtabs() got an unexpected keyword argument '{k}'"
            )));
        }
        size = Some(v.clone());
    }
    let size = match &size {
        Some(v) => index_arg(v, "")?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in me(&args)?.iter() {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    super::alloc::reserve(&mut out, n as usize)?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(result(&args, out))
}

fn m_translate(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    receiver(&args)?;
    let mut table = args.get(1).cloned();
    let mut delete = args.get(2).cloned();
    for (k, v) in &kw {
        match &**k {
            "delete" => delete = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "translate() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let Some(table) = table.take() else {
        return Err(PyErr::type_error(
            "translate() takes at least 1 argument (0 given)",
        ));
    };
    let table = match &table {
        Value::None => None,
        v => {
            let t = bytes_arg(v)?;
            if t.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t.to_vec())
        }
    };
    let delete = match &delete {
        None => Vec::new(),
        Some(v) => bytes_arg(v)?.to_vec(),
    };
    let out = me(&args)?
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(result(&args, out))
}

fn m_hex(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    receiver(&args)?;
    let mut sep = args.get(1).cloned();
    let mut per = args.get(2).cloned();
    for (k, v) in &kw {
        match &**k {
            "sep" => sep = Some(v.clone()),
            "bytes_per_sep" => per = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "hex() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    Ok(Value::str(hex(&me(&args)?, sep.as_ref(), per.as_ref())?))
}

fn m_removeprefix(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("removeprefix", &args, &kw, 1, 1)?;
    let b = me(&args)?;
    let p = bytes_arg(&args[1])?;
    Ok(result(&args, b.strip_prefix(&*p).unwrap_or(&b).to_vec()))
}

fn m_removesuffix(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("removesuffix", &args, &kw, 1, 1)?;
    let b = me(&args)?;
    let p = bytes_arg(&args[1])?;
    Ok(result(&args, b.strip_suffix(&*p).unwrap_or(&b).to_vec()))
}

/// `b.fromhex(s)` called on an instance (a classmethod).
fn m_fromhex(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("fromhex", &args, &kw, 1, 1)?;
    Ok(result(&args, super::bytes::fromhex(&args[1])?))
}

// ------------------------------------------------------------ bytearray

fn array(args: &Args) -> PyResult<&std::cell::RefCell<Vec<u8>>> {
    match args.first() {
        Some(Value::ByteArray(b)) => Ok(b),
        other => Err(PyErr::type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            other.map_or("nothing", |v| v.type_name())
        ))),
    }
}

fn ba_append(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("append", &args, &kw, 1, 1)?;
    let c = store_byte(&args[1])?;
    array(&args)?.borrow_mut().push(c);
    Ok(Value::None)
}

fn ba_extend(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("extend", &args, &kw, 1, 1)?;
    let new: Vec<u8> = match buf(&args[1]) {
        Some(b) => b.to_vec(),
        None => {
            if let Value::Str(_) = &args[1] {
                return Err(PyErr::type_error(
                    "expected iterable of integers; got: 'str'",
                ));
            }
            let items = ctx.items(&args[1]).map_err(|e| {
                if e.is(ExcKind::TypeError) && e.msg.ends_with("is not iterable") {
                    PyErr::type_error(format!(
                        "can't extend bytearray with {}",
                        args[1].type_name()
                    ))
                } else {
                    e
                }
            })?;
            items.iter().map(store_byte).collect::<PyResult<_>>()?
        }
    };
    array(&args)?.borrow_mut().extend_from_slice(&new);
    Ok(Value::None)
}

fn ba_pop(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("pop", &args, &kw, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => index_arg(v, "")?,
        None => -1,
    };
    let mut b = array(&args)?.borrow_mut();
    if b.is_empty() {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty bytearray"));
    }
    let len = b.len() as i64;
    let k = if i < 0 { i + len } else { i };
    if k < 0 || k >= len {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(Value::Int(b.remove(k as usize) as i64))
}

fn ba_insert(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("insert", &args, &kw, 2, 2)?;
    let i = index_arg(&args[1], "")?;
    let c = store_byte(&args[2])?;
    let mut b = array(&args)?.borrow_mut();
    let len = b.len() as i64;
    let k = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.insert(k as usize, c);
    Ok(Value::None)
}

fn ba_remove(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("remove", &args, &kw, 1, 1)?;
    let c = store_byte(&args[1])?;
    let mut b = array(&args)?.borrow_mut();
    match b.iter().position(|&x| x == c) {
        Some(k) => {
            b.remove(k);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn ba_clear(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("clear", &args, &kw, 0, 0)?;
    array(&args)?.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_copy(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("copy", &args, &kw, 0, 0)?;
    Ok(result(&args, me(&args)?.to_vec()))
}

fn ba_reverse(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("reverse", &args, &kw, 0, 0)?;
    array(&args)?.borrow_mut().reverse();
    Ok(Value::None)
}

// ----------------------------------------------------------- memoryview

fn mv_tobytes(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("tobytes", &args, &kw, 0, 0)?;
    Ok(bytes(me(&args)?.to_vec()))
}

fn mv_tolist(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("tolist", &args, &kw, 0, 0)?;
    if let Some(Value::MemoryView(m)) = args.first() {
        return Ok(Value::list(m.items()));
    }
    Ok(Value::list(
        me(&args)?.iter().map(|&c| Value::Int(c as i64)).collect(),
    ))
}

fn mv_cast(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let mut format = args.get(1).cloned();
    for (k, v) in &kw {
        match &**k {
            "format" => format = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "cast() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    match (args.first(), format) {
        (Some(Value::MemoryView(m)), Some(f)) if args.len() <= 2 => super::bytes::cast(m, &f),
        (Some(Value::MemoryView(_)), None) => Err(PyErr::type_error(
            "cast() missing required argument 'format' (pos 1)",
        )),
        _ => Err(PyErr::type_error(
            "memoryview.cast() takes at most 2 arguments",
        )),
    }
}

fn mv_release(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("release", &args, &kw, 0, 0)?;
    Ok(Value::None)
}
