//! Methods of the builtin types, found by LOAD_METHOD and called by
//! CALL_METHOD with `self` as the first argument.

use std::rc::Rc;

use super::builtins::{Ctx, index_arg, sort_kwargs, sort_values};
use super::object::Builtin;
use super::{ExcKind, PyErr, PyResult, Value};

type Args = Vec<Value>;
type Kwargs = Vec<(Rc<str>, Value)>;

macro_rules! methods {
    ($table:ident: $($name:literal => $f:ident),* $(,)?) => {
        static $table: &[Builtin] = &[$(Builtin { name: $name, call: $f }),*];
    };
}

methods!(LIST: "clear" => list_clear, "append" => list_append, "pop" => list_pop, "extend" => list_extend, "insert" => list_insert,
    "index" => list_index, "count" => list_count, "remove" => list_remove, "reverse" => list_reverse, "copy" => list_copy,
    "sort" => list_sort);
methods!(STR: "join" => str_join, "split" => str_split, "strip" => str_strip, "lstrip" => str_lstrip,
    "rstrip" => str_rstrip, "upper" => str_upper, "lower" => str_lower, "replace" => str_replace,
    "find" => str_find, "count" => str_count,
    "isdigit" => str_isdigit, "isalpha" => str_isalpha, "center" => str_center, "ljust" => str_ljust,
    "rjust" => str_rjust, "zfill" => str_zfill, "format" => str_format, "title" => str_title,
    "capitalize" => str_capitalize, "isupper" => str_isupper, "islower" => str_islower,
    "isspace" => str_isspace, "isalnum" => str_isalnum, "index" => str_index, "rfind" => str_rfind,
    "swapcase" => str_swapcase);

methods!(DICT: "get" => dict_get, "keys" => dict_keys, "values" => dict_values, "items" => dict_items,
    "setdefault" => dict_setdefault, "pop" => dict_pop, "update" => dict_update, "copy" => dict_copy,
    "clear" => dict_clear);

static STR_ENCODE: Builtin = Builtin {
    name: "encode",
    call: super::bytes::str_encode,
};

/// The method `name` of `obj`'s type.
pub fn lookup(obj: &Value, name: &str) -> Option<&'static Builtin> {
    let table = match obj {
        Value::List(_) => LIST,
        Value::Str(_) => STR,
        Value::Dict(_) => DICT,
        // A namespace as a dict: the dict methods, run on a copy (see
        // `exec::call_native`).
        Value::Globals(_) => return lookup(&super::dict::new_dict(Default::default()), name),
        Value::Set(_) => super::set::SET_METHODS,
        Value::FrozenSet(_) => super::set::FROZENSET_METHODS,
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            return super::bytes_methods::lookup(obj, name)
                .or_else(|| super::typemethods::lookup(obj, name));
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            return super::bytes::int_method(name)
                .or_else(|| super::typemethods::lookup(obj, name));
        }
        _ => return super::typemethods::lookup(obj, name),
    };
    if let (Value::Str(_), "encode") = (obj, name) {
        return Some(&STR_ENCODE);
    }
    table
        .iter()
        .find(|m| m.name == name)
        .or_else(|| super::typemethods::lookup(obj, name))
}

/// The names of the methods of `obj`'s type (for `dir`).
pub fn names(obj: &Value) -> Vec<&'static str> {
    let table = match obj {
        Value::List(_) => LIST,
        Value::Str(_) => STR,
        Value::Dict(_) => DICT,
        Value::Set(_) => super::set::SET_METHODS,
        Value::FrozenSet(_) => super::set::FROZENSET_METHODS,
        _ => &[],
    };
    let mut out: Vec<&'static str> = table.iter().map(|m| m.name).collect();
    out.extend(super::typemethods::names(obj));
    out
}

pub(super) fn arity(
    name: &str,
    args: &Args,
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if let Some((k, _)) = kwargs.first() {
        return Err(PyErr::type_error(format!(
            "{name}() got an unexpected keyword argument '{k}'"
        )));
    }
    let given = args.len() - 1;
    if given < min || given > max {
        let want = if min == max {
            match min {
                0 => "no arguments".to_string(),
                1 => "exactly one argument".to_string(),
                n => format!("exactly {n} arguments"),
            }
        } else {
            format!("at most {max} arguments")
        };
        return Err(PyErr::type_error(if min == max && min == 0 {
            format!("{name}() takes no arguments ({given} given)")
        } else if min == max && min == 1 {
            format!("{name}() takes {want} ({given} given)")
        } else {
            format!("{name} expected {want}, got {given}")
        }));
    }
    Ok(())
}

fn list(args: &Args) -> &std::cell::RefCell<crate::runtime::seqobj::Seq> {
    match &args[0] {
        Value::List(l) => l,
        _ => unreachable!("list methods are found on lists"),
    }
}

pub(super) fn string(args: &Args) -> &str {
    match &args[0] {
        Value::Str(s) => s,
        _ => unreachable!("str methods are found on strs"),
    }
}

fn list_append(_: &mut Ctx, mut args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("append", &args, &kw, 1, 1)?;
    let v = args.pop().expect("one argument");
    list(&args).borrow_mut().push(v);
    Ok(Value::None)
}

fn list_pop(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("pop", &args, &kw, 0, 1)?;
    let mut items = list(&args).borrow_mut();
    if items.is_empty() {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty list"));
    }
    let len = items.len() as i64;
    let i = match args.get(1) {
        Some(v) => index_arg(v, "")?,
        None => -1,
    };
    let k = if i < 0 { i + len } else { i };
    if k < 0 || k >= len {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(items.remove(k as usize))
}

fn list_extend(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("extend", &args, &kw, 1, 1)?;
    match &args[1] {
        // A snapshot (`l.extend(l)` doubles `l`).
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => {
            let new = ctx.items(&args[1])?;
            let mut items = list(&args).borrow_mut();
            super::alloc::reserve(&mut items, new.len())?;
            items.extend(new);
        }
        // Item by item, as CPython: the iterable may look at the list.
        other => {
            let it = ctx.iter(other)?;
            while let Some(v) = ctx.next(&it)? {
                list(&args).borrow_mut().push(v);
            }
        }
    }
    Ok(Value::None)
}

fn list_insert(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("insert", &args, &kw, 2, 2)?;
    let mut items = list(&args).borrow_mut();
    let len = items.len() as i64;
    let i = index_arg(&args[1], "")?;
    let k = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(k as usize, args[2].clone());
    Ok(Value::None)
}

/// Whether list member `v` matches `x`: the same object or equal.
fn member(ctx: &mut Ctx, v: &Value, x: &Value) -> PyResult<bool> {
    Ok(crate::runtime::ops::is(v, x) || ctx.equal(v, x)?)
}

/// Index of the first item of the list from `start` (below `stop`) that
/// matches `x`. `==` may run `__eq__`, which may change the list: as
/// CPython, no borrow is held across it and the length is read again
/// each step.
fn position(
    ctx: &mut Ctx,
    l: &std::cell::RefCell<crate::runtime::seqobj::Seq>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(v) = l.borrow().get(i).cloned() else {
            break;
        };
        if member(ctx, &v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_index(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("index", &args, &kw, 1, 3)?;
    let len = list(&args).borrow().len();
    let (a, b) = bounds(&args, 2, len)?;
    match position(ctx, list(&args), &args[1], a, b)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error(format!(
            "{} is not in list",
            ctx.repr(&args[1])?
        ))),
    }
}

fn list_count(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("count", &args, &kw, 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let Some(v) = list(&args).borrow().get(i).cloned() else {
            break;
        };
        if member(ctx, &v, &args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_remove(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("remove", &args, &kw, 1, 1)?;
    match position(ctx, list(&args), &args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut items = list(&args).borrow_mut();
            let old = (i < items.len()).then(|| items.remove(i));
            drop(items);
            drop(old);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

fn list_reverse(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("reverse", &args, &kw, 0, 0)?;
    list(&args).borrow_mut().reverse();
    Ok(Value::None)
}

fn list_clear(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("clear", &args, &kw, 0, 0)?;
    // The items are dropped after the borrow ends.
    let old = std::mem::take(&mut *list(&args).borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("copy", &args, &kw, 0, 0)?;
    let items = list(&args).borrow().to_vec();
    Ok(Value::list(items))
}

fn list_sort(host: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("sort", &args, &Vec::new(), 0, 0)?;
    let (key, reverse) = sort_kwargs("sort", kw)?;
    // As CPython: the list is empty while it is sorted (a key function or
    // `__lt__` sees it so); if it is not empty afterwards, something
    // changed it meanwhile: the sorted items go back and ValueError.
    let l = list(&args);
    let mut items = std::mem::take(&mut *l.borrow_mut()).into_vec();
    let sorted = sort_values(host, &mut items, key.as_ref(), reverse);
    let meanwhile = std::mem::replace(&mut *l.borrow_mut(), items.into());
    let modified = !meanwhile.is_empty();
    drop(meanwhile);
    sorted?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// The `start`/`end` arguments at `args[from..]` of find, index and count,
/// clamped as slice bounds over `len` items.
pub(super) fn bounds(args: &Args, from: usize, len: usize) -> PyResult<(usize, usize)> {
    let arg = |i: usize| -> PyResult<Option<i64>> {
        match args.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => index_arg(v, "").map(Some),
        }
    };
    let spec = crate::runtime::seq::SliceSpec {
        parts: [arg(from)?, arg(from + 1)?, None],
    };
    let (start, stop, _, _) = crate::runtime::seq::adjust(&spec, len as i64)?;
    Ok((start as usize, (stop.max(start)) as usize))
}

/// Characters `[start, end)` of `s` and the char offset they start at.
pub(super) fn char_window(s: &str, args: &Args, from: usize) -> PyResult<(String, usize)> {
    let chars: Vec<char> = s.chars().collect();
    let (a, b) = bounds(args, from, chars.len())?;
    Ok((chars[a..b].iter().collect(), a))
}

pub(super) fn str_arg<'a>(method: &str, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match super::class::native_value(v) {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "{method} arg must be {what}, not {}",
            other.type_name()
        ))),
    }
}

fn str_join(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("join", &args, &kw, 1, 1)?;
    let sep = string(&args);
    let mut items = ctx.items(&args[1])?;
    for v in items.iter_mut() {
        if let Value::Instance(i) = v
            && let Some(b @ Value::Str(_)) = i.base()
        {
            *v = b.clone();
        }
    }
    let lens = items
        .iter()
        .map(|v| if let Value::Str(s) = v { s.len() } else { 0 });
    let mut out = super::alloc::string_for_join(sep.len(), lens)?;
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match v {
            Value::Str(s) => out.push_str(s),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )));
            }
        }
    }
    Ok(Value::str(out))
}

pub(super) fn str_list(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(Value::str).collect())
}

fn str_split(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let (args, kw) = super::typemethods::positional("split", args, kw, &["sep", "maxsplit"])?;
    arity("split", &args, &kw, 0, 2)?;
    let s = string(&args);
    let maxsplit = match args.get(2) {
        Some(v) => index_arg(v, "")?,
        None => -1,
    };
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match args.get(1) {
        None | Some(Value::None) => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            Ok(str_list(out))
        }
        Some(v) => {
            let sep = str_arg("split()", v, "str or None")?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Ok(str_list(
                s.splitn(limit.saturating_add(1), sep)
                    .map(str::to_string)
                    .collect(),
            ))
        }
    }
}

fn strip_with(
    args: &Args,
    kw: &Kwargs,
    name: &str,
    f: fn(&str, &[char]) -> String,
) -> PyResult<Value> {
    arity(name, args, kw, 0, 1)?;
    let s = string(args);
    let chars: Vec<char> = match args.get(1) {
        None | Some(Value::None) => vec![' ', '\t', '\n', '\r', '\x0b', '\x0c'],
        Some(v) => str_arg(name, v, "str or None")?.chars().collect(),
    };
    let out = f(s, &chars);
    // Nothing stripped: the same str, as CPython gives it back.
    if out.len() == s.len() {
        return Ok(args[0].clone());
    }
    Ok(Value::str(out))
}

fn str_strip(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    strip_with(&args, &kw, "strip", |s, c| s.trim_matches(c).to_string())
}
fn str_lstrip(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    strip_with(&args, &kw, "lstrip", |s, c| {
        s.trim_start_matches(c).to_string()
    })
}
fn str_rstrip(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    strip_with(&args, &kw, "rstrip", |s, c| {
        s.trim_end_matches(c).to_string()
    })
}

fn str_upper(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("upper", &args, &kw, 0, 0)?;
    Ok(Value::str(string(&args).to_uppercase()))
}

fn str_lower(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("lower", &args, &kw, 0, 0)?;
    Ok(Value::str(string(&args).to_lowercase()))
}

fn str_replace(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("replace", &args, &kw, 2, 3)?;
    let s = string(&args);
    let old = str_arg("replace()", &args[1], "str")?;
    let new = str_arg("replace()", &args[2], "str")?;
    let count = match args.get(3) {
        Some(v) => index_arg(v, "")?,
        None => -1,
    };
    super::alloc::ensure_replace(s, old, new, usize::try_from(count).ok())?;
    Ok(Value::str(if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    }))
}

/// Where `sub` first (or last) occurs in `s[start:end]`, as a char index.
pub(super) fn locate(
    name: &str,
    args: &Args,
    kw: &Kwargs,
    from_right: bool,
) -> PyResult<Option<i64>> {
    arity(name, args, kw, 1, 3)?;
    let sub = str_arg(&format!("{name}()"), &args[1], "str")?;
    let (w, off) = char_window(string(args), args, 2)?;
    let byte = if from_right {
        w.rfind(sub)
    } else {
        w.find(sub)
    };
    Ok(byte.map(|b| (off + w[..b].chars().count()) as i64))
}

fn str_find(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(locate("find", &args, &kw, false)?.unwrap_or(-1)))
}

fn str_count(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("count", &args, &kw, 1, 3)?;
    let sub = str_arg("count()", &args[1], "str")?;
    let (w, _) = char_window(string(&args), &args, 2)?;
    let s = w.as_str();
    let n = if sub.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn str_isdigit(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("isdigit", &args, &kw, 0, 0)?;
    let s = string(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()),
    ))
}

fn str_isalpha(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("isalpha", &args, &kw, 0, 0)?;
    let s = string(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(char::is_alphabetic),
    ))
}

fn pad(args: &Args, kw: &Kwargs, name: &str, how: char) -> PyResult<Value> {
    arity(name, args, kw, 1, 2)?;
    let s = string(args);
    let width = index_arg(&args[1], "")?.max(0) as usize;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().expect("one char"),
        Some(_) => {
            return Err(PyErr::type_error(
                "The fill character must be exactly one character long",
            ));
        }
    };
    let len = s.chars().count();
    if width <= len {
        return Ok(args[0].clone());
    }
    let total = width - len;
    let (left, right) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        // CPython's center puts the odd space on the left when width is odd.
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    Ok(Value::str(super::alloc::pad_str("", fill, left, s, right)?))
}

fn str_center(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pad(&args, &kw, "center", '^')
}
fn str_ljust(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pad(&args, &kw, "ljust", '<')
}
fn str_rjust(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    pad(&args, &kw, "rjust", '>')
}

fn str_zfill(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("zfill", &args, &kw, 1, 1)?;
    let s = string(&args);
    let width = index_arg(&args[1], "")?.max(0) as usize;
    let len = s.chars().count();
    if width <= len {
        return Ok(args[0].clone());
    }
    let (sign, rest) = match s.strip_prefix(['+', '-']) {
        Some(rest) => (&s[..1], rest),
        None => ("", s),
    };
    Ok(Value::str(super::alloc::pad_str(
        sign,
        '0',
        width - len,
        rest,
        0,
    )?))
}

pub(super) fn dict(args: &Args) -> &Rc<std::cell::RefCell<crate::runtime::dict::Dict>> {
    match &args[0] {
        Value::Dict(d) => d,
        _ => unreachable!("dict methods are found on dicts"),
    }
}

fn dict_get(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("get", &args, &kw, 1, 2)?;
    let k = ctx.dict_key(dict(&args), &args[1])?;
    let found = dict(&args).borrow().get(&k)?;
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn view(args: &Args, kind: crate::runtime::dict::ViewKind) -> Value {
    Value::View(Rc::new((kind, dict(args).clone())))
}

fn dict_keys(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("keys", &args, &kw, 0, 0)?;
    Ok(view(&args, crate::runtime::dict::ViewKind::Keys))
}

fn dict_values(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("values", &args, &kw, 0, 0)?;
    Ok(view(&args, crate::runtime::dict::ViewKind::Values))
}

fn dict_items(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("items", &args, &kw, 0, 0)?;
    Ok(view(&args, crate::runtime::dict::ViewKind::Items))
}

fn dict_setdefault(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("setdefault", &args, &kw, 1, 2)?;
    let d = dict(&args);
    let k = ctx.dict_key(d, &args[1])?;
    let found = d.borrow().get(&k)?;
    match found {
        Some(v) => Ok(v),
        None => {
            let v = args.get(2).cloned().unwrap_or(Value::None);
            d.borrow_mut().set(k, v.clone())?;
            Ok(v)
        }
    }
}

fn dict_pop(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("pop", &args, &kw, 1, 2)?;
    let k = ctx.dict_key(dict(&args), &args[1])?;
    let removed = dict(&args).borrow_mut().remove(&k)?;
    match (removed, args.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(crate::runtime::dict::key_error(&args[1])),
    }
}

fn dict_update(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = dict(&args);
    if let Some(src) = args.get(1) {
        let pairs: Vec<(Value, Value)> = match src {
            Value::Dict(s) => s
                .borrow()
                .map
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect(),
            other if let Some(pairs) = crate::runtime::builtins::mapping_pairs(ctx, other)? => {
                pairs
            }
            other => ctx
                .items(other)?
                .into_iter()
                .map(|item| {
                    let p = ctx.items(&item)?;
                    let [k, v]: [Value; 2] = p.try_into().map_err(|p: Vec<Value>| {
                        PyErr::value_error(format!(
                            "dictionary update sequence element #0 has length {}; 2 is required",
                            p.len()
                        ))
                    })?;
                    Ok((k, v))
                })
                .collect::<PyResult<_>>()?,
        };
        for (k, v) in pairs {
            d.borrow_mut().set(k, v)?;
        }
    }
    for (k, v) in kw {
        d.borrow_mut().set(Value::str(&*k), v)?;
    }
    Ok(Value::None)
}

fn dict_copy(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("copy", &args, &kw, 0, 0)?;
    let copy = dict(&args).borrow().clone();
    Ok(crate::runtime::dict::new_dict(copy))
}

fn dict_clear(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("clear", &args, &kw, 0, 0)?;
    let old = std::mem::take(&mut *dict(&args).borrow_mut());
    drop(old);
    Ok(Value::None)
}

pub(super) fn str_format(ctx: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    let s = string(&args);
    Ok(Value::str(crate::runtime::format::str_format(
        ctx,
        s,
        &args[1..],
        &kw,
    )?))
}

fn str_title(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("title", &args, &kw, 0, 0)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in string(&args).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    Ok(Value::str(out))
}

fn str_capitalize(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("capitalize", &args, &kw, 0, 0)?;
    let mut cs = string(&args).chars();
    Ok(Value::str(match cs.next() {
        Some(first) => first
            .to_uppercase()
            .chain(cs.flat_map(char::to_lowercase))
            .collect::<String>(),
        None => String::new(),
    }))
}

fn str_pred(args: &Args, kw: &Kwargs, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    arity(name, args, kw, 0, 0)?;
    Ok(Value::Bool(f(string(args))))
}

fn str_isupper(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    str_pred(&args, &kw, "isupper", |s| {
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    })
}
fn str_islower(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    str_pred(&args, &kw, "islower", |s| {
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase)
    })
}
fn str_isspace(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    str_pred(&args, &kw, "isspace", |s| {
        !s.is_empty() && s.chars().all(char::is_whitespace)
    })
}
fn str_isalnum(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    str_pred(&args, &kw, "isalnum", |s| {
        !s.is_empty() && s.chars().all(char::is_alphanumeric)
    })
}

fn str_index(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    match locate("index", &args, &kw, false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn str_rfind(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(locate("rfind", &args, &kw, true)?.unwrap_or(-1)))
}

fn str_swapcase(_: &mut Ctx, args: Args, kw: Kwargs) -> PyResult<Value> {
    arity("swapcase", &args, &kw, 0, 0)?;
    let out: String = string(&args)
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    Ok(Value::str(out))
}
