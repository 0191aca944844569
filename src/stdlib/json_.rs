//! `_json`: the encoder and decoder behind `json.py`.
//!
//! `encode` writes the JSON text of a value made of the builtin types
//! (None, bool, int, float, str, list, tuple, dict); anything else goes
//! to a Python callable (`fallback`) that turns it into one of those
//! (subclasses of the builtin types, then `default=`). `scan` reads one
//! JSON value from a position of a str and gives it with the position
//! after it, or the message and position of the first error, for
//! `json.py` to raise `JSONDecodeError` with. Positions are code points,
//! as Python's str indices.

use std::fmt::Write as _;
use std::rc::Rc;

use num_bigint::BigInt;

use super::{err, obj, str_of, type_err, val};
use crate::embed::{Error, Result};
use crate::runtime::dict::{Dict, new_dict};
use crate::runtime::{ExcKind, Value};
use crate::{Args, Object, Vm};

/// How deep containers may nest, encoding or decoding (CPython's limit
/// comes from its recursion limit, 1000 by default).
const MAX_DEPTH: usize = 990;

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("_json")
        .function("encode", |vm, args: Args| encode(vm, args))
        .function("scan", |vm, args: Args| scan(vm, args))
        .function("encode_basestring", |_vm, args: Args| {
            super::arity("encode_basestring", &args, 1, 1)?;
            let s = want_str(val(&args.positional[0]))?;
            let mut out = String::with_capacity(s.len() + 2);
            quote(&mut out, &s, false);
            Ok(obj(Value::str(out)))
        })
        .function("encode_basestring_ascii", |_vm, args: Args| {
            super::arity("encode_basestring_ascii", &args, 1, 1)?;
            let s = want_str(val(&args.positional[0]))?;
            let mut out = String::with_capacity(s.len() + 2);
            quote(&mut out, &s, true);
            Ok(obj(Value::str(out)))
        })
        .register()
}

fn want_str(v: &Value) -> Result<Rc<crate::runtime::pystr::PyStr>> {
    str_of(v).ok_or_else(|| {
        type_err(format!(
            "first argument must be a string, not {}",
            v.type_name()
        ))
    })
}

/// Writes `s` as a JSON string literal.
fn quote(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if ascii && c > '~' => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Encoder {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ascii: bool,
    allow_nan: bool,
    check_circular: bool,
    /// Turns a value of no builtin JSON type into one: `fallback(o, is_key)`
    /// (None for a key to skip).
    fallback: Object,
    /// `sorted(d.items())`, for keys that are not all str.
    sort_items: Object,
    /// The containers being written (for "Circular reference detected").
    open: Vec<usize>,
    /// How many `default` calls are open.
    depth: usize,
    out: String,
}

/// The identity of a value that can hold itself.
fn ident(v: &Value) -> Option<usize> {
    match v {
        Value::List(l) => Some(Rc::as_ptr(l) as *const u8 as usize),
        Value::Dict(d) => Some(Rc::as_ptr(d) as *const u8 as usize),
        Value::Instance(i) => Some(Rc::as_ptr(i) as *const u8 as usize),
        _ => None,
    }
}

fn encode(vm: &mut Vm, args: Args) -> Result<Object> {
    super::arity("encode", &args, 10, 10)?;
    let p = &args.positional;
    let text = |i: usize| -> Result<String> {
        str_of(val(&p[i]))
            .map(|s| s.to_string())
            .ok_or_else(|| type_err("_json.encode: separators must be str"))
    };
    let flag = |i: usize| val(&p[i]).truthy();
    let indent = match val(&p[1]) {
        Value::None => None,
        _ => Some(text(1)?),
    };
    let mut e = Encoder {
        indent,
        item_sep: text(2)?,
        key_sep: text(3)?,
        sort_keys: flag(4),
        ascii: flag(5),
        allow_nan: flag(6),
        check_circular: flag(7),
        fallback: p[8].clone(),
        sort_items: p[9].clone(),
        open: Vec::new(),
        depth: 0,
        out: String::new(),
    };
    e.value(vm, val(&p[0]).clone(), 0)?;
    Ok(obj(Value::str(e.out)))
}

impl Encoder {
    fn float(&self, f: f64) -> Result<String> {
        if f.is_finite() {
            return Ok(Value::Float(f).repr());
        }
        if !self.allow_nan {
            return Err(err(
                ExcKind::ValueError,
                "Out of range float values are not JSON compliant",
            ));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, v: &Value, level: usize) -> Result<()> {
        if level > MAX_DEPTH {
            return Err(err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        if self.check_circular
            && let Some(id) = ident(v)
        {
            if self.open.contains(&id) {
                return Err(err(ExcKind::ValueError, "Circular reference detected"));
            }
            self.open.push(id);
        }
        Ok(())
    }

    fn leave(&mut self, v: &Value) {
        if self.check_circular && ident(v).is_some() {
            self.open.pop();
        }
    }

    fn value(&mut self, vm: &mut Vm, v: Value, level: usize) -> Result<()> {
        match &v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Value::BigInt(b) => {
                let _ = write!(self.out, "{b}");
            }
            Value::Float(f) => {
                let s = self.float(*f)?;
                self.out.push_str(&s);
            }
            Value::Str(s) => quote(&mut self.out, s, self.ascii),
            Value::List(l) => {
                let items: Vec<Value> = l.borrow().to_vec();
                self.enter(&v, level)?;
                self.array(vm, items, level)?;
                self.leave(&v);
            }
            Value::Tuple(t) => {
                let items: Vec<Value> = t.to_vec();
                self.enter(&v, level)?;
                self.array(vm, items, level)?;
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .map
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                self.enter(&v, level)?;
                self.object(vm, items, level)?;
                self.leave(&v);
            }
            _ => {
                self.enter(&v, level)?;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(err(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded while encoding a JSON object",
                    ));
                }
                let plain: Object = vm.call(&self.fallback, (obj(v.clone()), false))?;
                self.value(vm, plain.0, level)?;
                self.depth -= 1;
                self.leave(&v);
            }
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, items: Vec<Value>, level: usize) -> Result<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.out.push('[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                let sep = std::mem::take(&mut self.item_sep);
                self.out.push_str(&sep);
                self.item_sep = sep;
            }
            self.newline(level + 1);
            self.value(vm, item, level + 1)?;
        }
        self.newline(level);
        self.out.push(']');
        Ok(())
    }

    /// A key as JSON text (without quotes), or None to skip it.
    fn key(&mut self, vm: &mut Vm, k: Value) -> Result<Option<Rc<crate::runtime::pystr::PyStr>>> {
        Ok(Some(match k {
            Value::Str(s) => s,
            Value::None => Rc::new("null".into()),
            Value::Bool(b) => Rc::new(if b { "true" } else { "false" }.into()),
            Value::Int(i) => Rc::new(i.to_string().into()),
            Value::BigInt(b) => Rc::new(b.to_string().into()),
            Value::Float(f) => Rc::new(self.float(f)?.into()),
            other => {
                let plain: Object = vm.call(&self.fallback, (obj(other), true))?;
                match plain.0 {
                    Value::None => return Ok(None),
                    Value::Str(s) => s,
                    v => return self.key(vm, v),
                }
            }
        }))
    }

    fn object(&mut self, vm: &mut Vm, mut items: Vec<(Value, Value)>, level: usize) -> Result<()> {
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        if self.sort_keys {
            if items.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
                items.sort_by(|(a, _), (b, _)| match (a, b) {
                    (Value::Str(a), Value::Str(b)) => a.cmp(b),
                    _ => std::cmp::Ordering::Equal,
                });
            } else {
                let d = items_dict(&items)?;
                let sorted: Object = vm.call(&self.sort_items, (obj(d),))?;
                items = match &sorted.0 {
                    Value::List(l) => l
                        .borrow()
                        .iter()
                        .filter_map(|p| match p {
                            Value::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
                            _ => None,
                        })
                        .collect(),
                    _ => return Err(type_err("sorted items must be a list")),
                };
            }
        }
        self.out.push('{');
        let mut first = true;
        for (k, v) in items {
            let Some(key) = self.key(vm, k)? else {
                continue;
            };
            if !first {
                let sep = std::mem::take(&mut self.item_sep);
                self.out.push_str(&sep);
                self.item_sep = sep;
            }
            first = false;
            self.newline(level + 1);
            quote(&mut self.out, &key, self.ascii);
            let sep = std::mem::take(&mut self.key_sep);
            self.out.push_str(&sep);
            self.key_sep = sep;
            self.value(vm, v, level + 1)?;
        }
        if first {
            // Every key was skipped.
            self.out.push('}');
            return Ok(());
        }
        self.newline(level);
        self.out.push('}');
        Ok(())
    }
}

fn items_dict(items: &[(Value, Value)]) -> Result<Value> {
    let mut d = Dict::default();
    for (k, v) in items {
        d.set(k.clone(), v.clone()).map_err(Error::from_py)?;
    }
    Ok(new_dict(d))
}

/// The hooks of a decoder (None: the builtin behaviour).
struct Decoder<'s> {
    s: &'s str,
    b: &'s [u8],
    strict: bool,
    object_hook: Option<Object>,
    object_pairs_hook: Option<Object>,
    parse_float: Option<Object>,
    parse_int: Option<Object>,
    parse_constant: Option<Object>,
    depth: usize,
    /// Keys seen so far: a repeated key is one str object (as CPython's
    /// decoder shares them).
    memo: rustc_hash::FxHashMap<String, Value>,
}

/// A decoding error: its message and byte position.
enum Fail {
    At(&'static str, usize),
    Py(Error),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        Fail::Py(e)
    }
}

type D<T> = std::result::Result<T, Fail>;

fn scan(vm: &mut Vm, args: Args) -> Result<Object> {
    super::arity("scan", &args, 8, 8)?;
    let p = &args.positional;
    let s = want_str(val(&p[0]))?;
    let idx = match val(&p[1]) {
        Value::Int(i) if *i >= 0 => *i as usize,
        _ => return Err(err(ExcKind::ValueError, "idx cannot be negative")),
    };
    let hook = |i: usize| match val(&p[i]) {
        Value::None => None,
        _ => Some(p[i].clone()),
    };
    let mut d = Decoder {
        s: &s,
        b: s.as_bytes(),
        strict: val(&p[2]).truthy(),
        object_hook: hook(3),
        object_pairs_hook: hook(4),
        parse_float: hook(5),
        parse_int: hook(6),
        parse_constant: hook(7),
        depth: 0,
        memo: Default::default(),
    };
    // The code point index as a byte offset.
    let start = match s.char_indices().nth(idx) {
        Some((b, _)) => b,
        None => s.len() + (idx - s.chars().count()),
    };
    let result = if start > s.len() {
        Err(Fail::At("Expecting value", start))
    } else {
        d.value(vm, start)
    };
    let chars = |b: usize| -> i64 {
        if b > s.len() {
            (s.chars().count() + (b - s.len())) as i64
        } else {
            s[..b].chars().count() as i64
        }
    };
    match result {
        Ok((v, end)) => Ok(obj(Value::tuple(vec![
            Value::Bool(true),
            v,
            Value::Int(chars(end)),
        ]))),
        Err(Fail::At(msg, at)) => Ok(obj(Value::tuple(vec![
            Value::Bool(false),
            Value::str(msg),
            Value::Int(chars(at)),
        ]))),
        Err(Fail::Py(e)) => Err(e),
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

impl Decoder<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn constant(&self, vm: &mut Vm, name: &str, f: f64) -> D<Value> {
        Ok(match &self.parse_constant {
            Some(h) => vm.call::<Object>(h, (name,))?.0,
            None => Value::Float(f),
        })
    }

    /// The value starting at byte `i` (no whitespace before it).
    fn value(&mut self, vm: &mut Vm, i: usize) -> D<(Value, usize)> {
        let rest = &self.b[i.min(self.b.len())..];
        let Some(&c) = rest.first() else {
            return Err(Fail::At("Expecting value", i));
        };
        match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::str(s), end))
            }
            b'{' => {
                self.nest(i, "object")?;
                let r = self.object(vm, i + 1);
                self.depth -= 1;
                r
            }
            b'[' => {
                self.nest(i, "array")?;
                let r = self.array(vm, i + 1);
                self.depth -= 1;
                r
            }
            b'n' if rest.starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3)),
            b'I' if rest.starts_with(b"Infinity") => {
                Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8))
            }
            b'-' if rest.starts_with(b"-Infinity") => {
                Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9))
            }
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Fail::At("Expecting value", i)),
        }
    }

    fn nest(&mut self, _i: usize, what: &str) -> D<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(Fail::Py(err(
                ExcKind::RecursionError,
                format!(
                    "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
                ),
            )));
        }
        Ok(())
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> D<(Value, usize)> {
        let b = self.b;
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        let digits = |mut j: usize| {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            j
        };
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(Fail::At("Expecting value", start)),
        }
        let mut float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i = digits(i + 1);
            float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
                i = digits(j);
                float = true;
            }
        }
        let text = &self.s[start..i];
        let v = if float {
            match &self.parse_float {
                Some(h) => vm.call::<Object>(h, (text,))?.0,
                None => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
            }
        } else {
            match &self.parse_int {
                Some(h) => vm.call::<Object>(h, (text,))?.0,
                None => match text.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => match text.parse::<BigInt>() {
                        Ok(n) => Value::from_bigint(n),
                        Err(_) => return Err(Fail::At("Expecting value", start)),
                    },
                },
            }
        };
        Ok((v, i))
    }

    /// A string's contents from byte `i` (after the opening quote).
    fn string(&self, i: usize) -> D<(String, usize)> {
        let b = self.b;
        let begin = i - 1;
        let mut out = String::new();
        let mut j = i;
        loop {
            // A run of plain characters.
            let run = j;
            while j < b.len() && b[j] != b'"' && b[j] != b'\\' && (b[j] >= 0x20 || !self.strict) {
                j += 1;
            }
            out.push_str(&self.s[run..j]);
            let Some(&c) = b.get(j) else {
                return Err(Fail::At("Unterminated string starting at", begin));
            };
            match c {
                b'"' => return Ok((out, j + 1)),
                b'\\' => {
                    let Some(&e) = b.get(j + 1) else {
                        return Err(Fail::At("Unterminated string starting at", begin));
                    };
                    j += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let u = self.hex4(j)?;
                            j += 4;
                            let mut cp = u;
                            if (0xd800..0xdc00).contains(&u)
                                && b.get(j) == Some(&b'\\')
                                && b.get(j + 1) == Some(&b'u')
                            {
                                let lo = self.hex4(j + 2)?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    cp = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                                    j += 6;
                                }
                            }
                            // A lone surrogate cannot be held by this VM's str.
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(Fail::At("Invalid \\escape", j - 2)),
                    }
                }
                _ => return Err(Fail::At("Invalid control character at", j)),
            }
        }
    }

    fn hex4(&self, j: usize) -> D<u32> {
        let bad = || Fail::At("Invalid \\uXXXX escape", j - 1);
        let digits = self.b.get(j..j + 4).ok_or_else(bad)?;
        let mut n = 0u32;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or_else(bad)?;
            n = n * 16 + v;
        }
        Ok(n)
    }

    fn object(&mut self, vm: &mut Vm, i: usize) -> D<(Value, usize)> {
        let b = self.b;
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut j = self.skip_ws(i);
        if b.get(j) == Some(&b'}') {
            return self.finish_object(vm, pairs, j + 1);
        }
        loop {
            if b.get(j) != Some(&b'"') {
                return Err(Fail::At(
                    "Expecting property name enclosed in double quotes",
                    j,
                ));
            }
            let (key, after) = self.string(j + 1)?;
            j = self.skip_ws(after);
            if b.get(j) != Some(&b':') {
                return Err(Fail::At("Expecting ':' delimiter", j));
            }
            j = self.skip_ws(j + 1);
            let (v, after) = self.value(vm, j)?;
            let key = match self.memo.get(&key) {
                Some(k) => k.clone(),
                None => {
                    let k = Value::str(key.clone());
                    self.memo.insert(key, k.clone());
                    k
                }
            };
            pairs.push((key, v));
            j = self.skip_ws(after);
            match b.get(j) {
                Some(b'}') => return self.finish_object(vm, pairs, j + 1),
                Some(b',') => {}
                _ => return Err(Fail::At("Expecting ',' delimiter", j)),
            }
            j = self.skip_ws(j + 1);
        }
    }

    fn finish_object(
        &mut self,
        vm: &mut Vm,
        pairs: Vec<(Value, Value)>,
        end: usize,
    ) -> D<(Value, usize)> {
        if let Some(h) = &self.object_pairs_hook {
            let list = Value::list(
                pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            );
            let r: Object = vm.call(h, (obj(list),))?;
            return Ok((r.0, end));
        }
        let mut d = Dict::default();
        for (k, v) in pairs {
            d.set(k, v).map_err(Error::from_py)?;
        }
        let d = new_dict(d);
        if let Some(h) = &self.object_hook {
            let r: Object = vm.call(h, (obj(d),))?;
            return Ok((r.0, end));
        }
        Ok((d, end))
    }

    fn array(&mut self, vm: &mut Vm, i: usize) -> D<(Value, usize)> {
        let b = self.b;
        let mut items = Vec::new();
        let mut j = self.skip_ws(i);
        if b.get(j) == Some(&b']') {
            return Ok((Value::list(items), j + 1));
        }
        loop {
            let (v, after) = self.value(vm, j)?;
            items.push(v);
            j = self.skip_ws(after);
            match b.get(j) {
                Some(b']') => return Ok((Value::list(items), j + 1)),
                Some(b',') => {}
                _ => return Err(Fail::At("Expecting ',' delimiter", j)),
            }
            j = self.skip_ws(j + 1);
        }
    }
}
