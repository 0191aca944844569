//! bytes, bytearray and memoryview: the values, their constructors,
//! operators, subscripts, repr and codecs. Their methods are in
//! `bytes_methods.rs`; the shared files only route to the functions here.
//!
//! - bytes is `Rc<Vec<u8>>` (immutable, shared), bytearray
//!   `Rc<RefCell<Vec<u8>>>`; a memoryview is a window (start, step,
//!   length) onto one of them, so writes through it reach the bytearray.
//! - Codecs: utf-8, ascii and latin-1, with the error handlers strict,
//!   ignore, replace, backslashreplace (and xmlcharrefreplace for
//!   encoding), with CPython's messages. UnicodeDecodeError and
//!   UnicodeEncodeError are raised as their base, ValueError, until the
//!   exception hierarchy has them (see [`unicode_error`]).

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use super::builtins::{Ctx, small_index};
use super::object::{Builtin, Iter};
use super::seq::{SliceSpec, adjust};
use super::{ExcKind, PyErr, PyResult, Value};
use crate::bytecode::{BinOp, CmpOp};

type Args = Vec<Value>;
type Kwargs = Vec<(Rc<str>, Value)>;

/// A memoryview: `len` items of `base` (a bytes or bytearray), the first
/// at byte `start`, each `step` bytes after the last, each `itemsize`
/// bytes long and read as the struct code `fmt` (native, little-endian).
#[derive(Debug)]
pub struct MemView {
    /// The bytes or bytearray viewed.
    pub base: Value,
    /// Index in `base` of the first item's first byte.
    pub start: i64,
    /// Distance in bytes in `base` between items.
    pub step: i64,
    /// How many items.
    pub len: usize,
    /// The item format: a struct code (`b'B'` for plain bytes).
    pub fmt: u8,
    /// The size of one item in bytes.
    pub itemsize: usize,
}

impl MemView {
    /// Index in the base of item `k`'s first byte.
    fn at(&self, k: usize) -> i64 {
        self.start + k as i64 * self.step
    }

    /// A view of bytes over all of `base`.
    pub fn whole(base: Value) -> MemView {
        let len = len(&base);
        MemView {
            base,
            start: 0,
            step: 1,
            len,
            fmt: b'B',
            itemsize: 1,
        }
    }

    /// The bytes of item `k` (`None` if the base has shrunk under it).
    fn item_bytes(&self, k: usize) -> Option<Vec<u8>> {
        let i = usize::try_from(self.at(k)).ok()?;
        let take = |b: &[u8]| b.get(i..i + self.itemsize).map(<[u8]>::to_vec);
        match &self.base {
            Value::Bytes(b) => take(b),
            Value::ByteArray(b) => take(&b.borrow()),
            _ => None,
        }
    }

    /// Item `k` as a Python value.
    pub fn item(&self, k: usize) -> Option<Value> {
        if k >= self.len {
            return None;
        }
        self.item_bytes(k).map(|b| decode_item(self.fmt, &b))
    }

    /// All the items as Python values.
    pub fn items(&self) -> Vec<Value> {
        (0..self.len).filter_map(|k| self.item(k)).collect()
    }
}

/// The size of one item of struct code `f`, for the codes memoryview
/// knows.
fn format_size(f: u8) -> Option<usize> {
    Some(match f {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => 8,
        _ => return None,
    })
}

/// An item of format `f` from its (native, little-endian) bytes.
fn decode_item(f: u8, b: &[u8]) -> Value {
    let mut raw = [0u8; 8];
    raw[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(raw);
    match f {
        b'f' => Value::Float(f32::from_bits(u as u32) as f64),
        b'd' => Value::Float(f64::from_bits(u)),
        b'?' => Value::Bool(u != 0),
        b'c' => bytes(b.to_vec()),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let bits = 64 - 8 * b.len() as u32;
            Value::Int(((u << bits) as i64) >> bits)
        }
        _ => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(u)),
        },
    }
}

/// The bytes of `v` stored as an item of format `f`, with CPython's
/// errors for a value of the wrong type or out of range.
fn encode_item(f: u8, size: usize, v: &Value) -> PyResult<Vec<u8>> {
    let name = f as char;
    let bad_type = || PyErr::type_error(format!("memoryview: invalid type for format '{name}'"));
    let bad_value = || PyErr::value_error(format!("memoryview: invalid value for format '{name}'"));
    match f {
        b'f' | b'd' => {
            let x = match v {
                Value::Float(x) => *x,
                Value::Int(i) => *i as f64,
                Value::Bool(b) => *b as i64 as f64,
                Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY),
                _ => return Err(bad_type()),
            };
            Ok(if f == b'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        b'c' => match v {
            Value::Bytes(b) if b.len() == 1 => Ok(b.to_vec()),
            _ => Err(bad_value()),
        },
        b'?' => Ok(vec![v.truthy() as u8]),
        _ => {
            let n = v.as_bigint().ok_or_else(bad_type)?;
            let n = num_traits::ToPrimitive::to_i128(&n).ok_or_else(bad_value)?;
            let bits = 8 * size as u32;
            let signed = matches!(f, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if n < lo || n > hi {
                return Err(bad_value());
            }
            Ok(n.to_le_bytes()[..size].to_vec())
        }
    }
}

/// The bytes of a bytes-like value: shared for bytes, a copy otherwise
/// (so that a bytearray may change while the copy is read).
pub enum Buf {
    /// A bytes object's own storage.
    Shared(Rc<Vec<u8>>),
    /// A copy.
    Owned(Vec<u8>),
}

impl Deref for Buf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Buf::Shared(b) => b,
            Buf::Owned(b) => b,
        }
    }
}

/// The data attributes of a memoryview (`readonly`, `nbytes`, ...).
pub fn view_attr(m: &MemView, name: &str) -> Option<Value> {
    Some(match name {
        "obj" => m.base.clone(),
        "readonly" => Value::Bool(matches!(m.base, Value::Bytes(_))),
        "nbytes" => Value::Int((m.len * m.itemsize) as i64),
        "itemsize" => Value::Int(m.itemsize as i64),
        "ndim" => Value::Int(1),
        "format" => Value::str((m.fmt as char).to_string()),
        "shape" => Value::tuple(vec![Value::Int(m.len as i64)]),
        "strides" => Value::tuple(vec![Value::Int(m.step)]),
        "contiguous" | "c_contiguous" | "f_contiguous" => {
            Value::Bool(m.step == m.itemsize as i64 || m.len <= 1)
        }
        _ => return None,
    })
}

/// The bytes of `v` if it is bytes-like (bytes, bytearray, memoryview).
pub fn buf(v: &Value) -> Option<Buf> {
    match v {
        Value::Bytes(b) => Some(Buf::Shared(b.clone())),
        Value::ByteArray(b) => Some(Buf::Owned(b.borrow().clone())),
        Value::MemoryView(m) => Some(Buf::Owned(view_bytes(m))),
        _ => None,
    }
}

/// `f` of the bytes of `v`, borrowed where they can be (a memoryview's
/// are gathered first); `None` if `v` is not bytes-like.
pub fn with_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match v {
        Value::Bytes(b) => Some(f(b)),
        Value::ByteArray(b) => Some(f(&b.borrow())),
        Value::MemoryView(m) => Some(f(&view_bytes(m))),
        _ => None,
    }
}

/// Whether `v` is bytes, bytearray or memoryview.
pub fn is_bytes_like(v: &Value) -> bool {
    matches!(
        v,
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_)
    )
}

fn view_bytes(m: &MemView) -> Vec<u8> {
    let Some(base) = buf(&m.base) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(m.len * m.itemsize);
    for k in 0..m.len {
        if let Some(b) = usize::try_from(m.at(k))
            .ok()
            .and_then(|i| base.get(i..i + m.itemsize))
        {
            out.extend_from_slice(b);
        }
    }
    out
}

/// A new bytes value.
pub fn bytes(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(b))
}

/// A new bytearray value.
pub fn bytearray(b: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(RefCell::new(b)))
}

/// A result of the same type as `like` (bytearray for a bytearray,
/// bytes otherwise).
pub fn same_kind(like: &Value, b: Vec<u8>) -> Value {
    match like {
        Value::ByteArray(_) => bytearray(b),
        _ => bytes(b),
    }
}

/// `len(v)` of a bytes-like value.
pub fn len(v: &Value) -> usize {
    match v {
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.borrow().len(),
        Value::MemoryView(m) => m.len,
        _ => 0,
    }
}

/// Byte `i` of a bytes-like value (`None` past its end).
pub fn byte_at(v: &Value, i: usize) -> Option<u8> {
    match v {
        Value::Bytes(b) => b.get(i).copied(),
        Value::ByteArray(b) => b.borrow().get(i).copied(),
        Value::MemoryView(m) if i < m.len => {
            let j = usize::try_from(m.at(i)).ok()?;
            byte_at(&m.base, j)
        }
        _ => None,
    }
}

/// Item `i` of a bytes-like value as a Python value (an int for bytes;
/// by its format for a memoryview); `None` past its end.
pub fn item_at(v: &Value, i: usize) -> Option<Value> {
    match v {
        Value::MemoryView(m) => m.item(i),
        _ => byte_at(v, i).map(|b| Value::Int(b as i64)),
    }
}

/// `iter(v)` of a bytes-like value.
pub fn iter(v: &Value) -> Iter {
    Iter::Bytes {
        src: v.clone(),
        index: std::cell::Cell::new(0),
    }
}

/// The type name of an iterator over `src`.
pub fn iter_name(src: &Value) -> &'static str {
    match src {
        Value::ByteArray(_) => "bytearray_iterator",
        Value::MemoryView(_) => "memory_iterator",
        _ => "bytes_iterator",
    }
}

/// TypeError "a bytes-like object is required, not 'T'".
pub fn need_bytes(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        v.type_name()
    ))
}

// ---------------------------------------------------------------- repr

/// `repr(v)`: `b'...'`, `bytearray(b'...')`, `<memory at 0x...>`.
pub fn repr(v: &Value) -> String {
    match v {
        Value::Bytes(b) => bytes_repr(b, false),
        Value::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow(), true)),
        Value::MemoryView(m) => format!("<memory at {:#x}>", Rc::as_ptr(m) as usize),
        _ => String::new(),
    }
}

/// CPython's bytes repr: single quotes unless the bytes hold a single
/// quote and no double quote; `\t \n \r \\`, the quote, and `\xhh` for
/// the rest outside printable ASCII (a bytearray's also escapes every
/// single quote, as CPython's does).
pub fn bytes_repr(b: &[u8], escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote || (escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

// --------------------------------------------------------- constructors

/// A positional-or-keyword argument list: `names` in order.
fn named_args<const N: usize>(
    fname: &str,
    names: [&str; N],
    args: Args,
    kwargs: Kwargs,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    if args.len() > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} arguments ({} given)",
            args.len()
        )));
    }
    for (i, a) in args.into_iter().enumerate() {
        out[i] = Some(a);
    }
    for (k, v) in kwargs {
        let Some(i) = names.iter().position(|n| **n == *k) else {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// A str argument, or TypeError "name() argument N must be str, not T".
fn str_arg<'a>(v: &'a Value, fname: &str, n: usize) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            other.type_name()
        ))),
    }
}

/// The contents `bytes(...)` / `bytearray(...)` build.
fn construct(ctx: &mut Ctx, fname: &str, args: Args, kwargs: Kwargs) -> PyResult<Vec<u8>> {
    let [source, encoding, errors] =
        named_args(fname, ["source", "encoding", "errors"], args, kwargs)?;
    let encoding = encoding
        .as_ref()
        .map(|e| str_arg(e, fname, 2).map(str::to_string))
        .transpose()?;
    let errors = errors
        .as_ref()
        .map(|e| str_arg(e, fname, 3).map(str::to_string))
        .transpose()?;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(PyErr::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = &source {
        let Some(enc) = encoding else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        return encode(s, &enc, errors.as_deref().unwrap_or("strict"));
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    if let Some(b) = buf(super::class::native_value(&source)) {
        return Ok(b.to_vec());
    }
    // An object exposing a buffer (PEP 688's `__buffer__`, which
    // framevm's Python-source `array` defines) gives its bytes.
    if let Value::Instance(_) = source
        && let Some(view) = ctx.special(&source, "__buffer__")?
    {
        return match buf(&view) {
            Some(b) => Ok(b.to_vec()),
            None => Err(PyErr::type_error(format!(
                "__buffer__ returned non-memoryview object (type {})",
                view.type_name()
            ))),
        };
    }
    if fname == "bytes"
        && let Value::Instance(_) = source
        && let Some(r) = ctx.special(&source, "__bytes__")?
    {
        return match r {
            Value::Bytes(b) => Ok((*b).clone()),
            other => Err(PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                other.type_name()
            ))),
        };
    }
    match &source {
        Value::Int(_) | Value::Bool(_) => {
            let n = small_index(&source).unwrap_or(0);
            if n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            let mut v = super::alloc::vec_with_capacity(n as usize)?;
            v.resize(n as usize, 0);
            return Ok(v);
        }
        Value::BigInt(_) => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        _ => {}
    }
    let items = match ctx.iter(&source) {
        Ok(_) => ctx.items(&source)?,
        Err(e) if e.is(ExcKind::TypeError) => {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to {fname}",
                source.type_name()
            )));
        }
        Err(e) => return Err(e),
    };
    let range_msg = if fname == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    items.iter().map(|v| byte_value(v, range_msg)).collect()
}

/// An int in 0..=255 (TypeError for non-ints, ValueError `msg` outside).
fn byte_value(v: &Value, msg: &str) -> PyResult<u8> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) => small_index(v).unwrap_or(-1),
        Value::BigInt(_) => -1,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    u8::try_from(n).map_err(|_| PyErr::value_error(msg))
}

/// A byte to store (`ba[i] = v`, `append`, ...).
pub fn store_byte(v: &Value) -> PyResult<u8> {
    byte_value(v, "byte must be in range(0, 256)")
}

/// `bytes(...)`.
pub fn bytes_builtin(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    if let [Value::Bytes(_)] = args.as_slice()
        && kwargs.is_empty()
    {
        return Ok(args[0].clone());
    }
    Ok(bytes(construct(ctx, "bytes", args, kwargs)?))
}

/// `bytearray(...)`.
pub fn bytearray_builtin(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    Ok(bytearray(construct(ctx, "bytearray", args, kwargs)?))
}

/// `memoryview(obj)`: a view of bytes of a bytes or bytearray, a copy
/// of a memoryview, or the view an object's `__buffer__` gives (so
/// `memoryview(array)` views the array's storage with its type code).
pub fn memoryview_builtin(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let [obj] = named_args("memoryview", ["object"], args, kwargs)?;
    let Some(obj) = obj else {
        return Err(PyErr::type_error(
            "memoryview() missing required argument 'object' (pos 1)",
        ));
    };
    match &obj {
        Value::Bytes(_) | Value::ByteArray(_) => {
            Ok(Value::MemoryView(Rc::new(MemView::whole(obj))))
        }
        Value::MemoryView(m) => Ok(Value::MemoryView(Rc::new(MemView {
            base: m.base.clone(),
            ..**m
        }))),
        Value::Instance(_) => match ctx.special(&obj, "__buffer__")? {
            Some(view @ Value::MemoryView(_)) => Ok(view),
            Some(view) => Err(PyErr::type_error(format!(
                "__buffer__ returned non-memoryview object (type {})",
                view.type_name()
            ))),
            None => match super::class::native_value(&obj) {
                base @ (Value::Bytes(_) | Value::ByteArray(_)) => {
                    Ok(Value::MemoryView(Rc::new(MemView::whole(base.clone()))))
                }
                _ => Err(PyErr::type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    obj.type_name()
                ))),
            },
        },
        other => Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            other.type_name()
        ))),
    }
}

/// `m.cast(format)`: the bytes of a contiguous view read as items of
/// another format.
pub fn cast(m: &MemView, format: &Value) -> PyResult<Value> {
    let Value::Str(f) = format else {
        return Err(PyErr::type_error(format!(
            "memoryview.cast() argument 'format' must be str, not {}",
            format.type_name()
        )));
    };
    let code = match f.as_bytes() {
        [c] | [b'@', c] => *c,
        _ => 0,
    };
    let Some(size) = format_size(code) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if m.len > 1 && m.step != m.itemsize as i64 {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let bytewise = |f: u8| matches!(f, b'B' | b'b' | b'c');
    if !bytewise(m.fmt) && !bytewise(code) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let nbytes = m.len * m.itemsize;
    if !nbytes.is_multiple_of(size) {
        return Err(PyErr::type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    Ok(Value::MemoryView(Rc::new(MemView {
        base: m.base.clone(),
        start: m.start,
        step: size as i64,
        len: nbytes / size,
        fmt: code,
        itemsize: size,
    })))
}

/// `bytes.fromhex(s)`: pairs of hex digits, spaces between pairs.
pub fn fromhex(s: &Value) -> PyResult<Vec<u8>> {
    let Value::Str(s) = s else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            s.type_name()
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |i: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

static BYTES_FROMHEX: Builtin = Builtin {
    name: "fromhex",
    call: |_, args, kw| {
        no_kwargs("fromhex", &kw)?;
        match args.as_slice() {
            [s] => Ok(bytes(fromhex(s)?)),
            _ => Err(one_arg("fromhex", args.len())),
        }
    },
};

static BYTEARRAY_FROMHEX: Builtin = Builtin {
    name: "fromhex",
    call: |_, args, kw| {
        no_kwargs("fromhex", &kw)?;
        match args.as_slice() {
            [s] => Ok(bytearray(fromhex(s)?)),
            _ => Err(one_arg("fromhex", args.len())),
        }
    },
};

static BYTES_MAKETRANS: Builtin = Builtin {
    name: "maketrans",
    call: |_, args, kw| {
        no_kwargs("maketrans", &kw)?;
        let [from, to] = args.as_slice() else {
            return Err(PyErr::type_error(format!(
                "maketrans expected 2 arguments, got {}",
                args.len()
            )));
        };
        let (Some(from), Some(to)) = (buf(from), buf(to)) else {
            let bad = if buf(from).is_none() { from } else { to };
            return Err(need_bytes(bad));
        };
        if from.len() != to.len() {
            return Err(PyErr::value_error(
                "maketrans arguments must have same length",
            ));
        }
        let mut table: Vec<u8> = (0..=255).collect();
        for (f, t) in from.iter().zip(to.iter()) {
            table[*f as usize] = *t;
        }
        Ok(bytes(table))
    },
};

static INT_FROM_BYTES: Builtin = Builtin {
    name: "from_bytes",
    call: int_from_bytes,
};

pub(crate) fn no_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    match kwargs.first() {
        None => Ok(()),
        Some(_) => Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        ))),
    }
}

pub(crate) fn one_arg(name: &str, given: usize) -> PyErr {
    PyErr::type_error(format!(
        "{name}() takes exactly one argument ({given} given)"
    ))
}

/// `bytes.NAME`, `bytearray.NAME`, `int.NAME`: the classmethods, and the
/// methods unbound (`bytes.upper(b)`).
pub fn unbound(ty: &str, name: &str) -> Option<&'static Builtin> {
    match (ty, name) {
        ("bytes", "fromhex") => Some(&BYTES_FROMHEX),
        ("bytearray", "fromhex") => Some(&BYTEARRAY_FROMHEX),
        ("bytes" | "bytearray", "maketrans") => Some(&BYTES_MAKETRANS),
        ("int", "from_bytes") => Some(&INT_FROM_BYTES),
        ("bytes", _) => super::bytes_methods::lookup(&bytes(Vec::new()), name),
        ("bytearray", _) => super::bytes_methods::lookup(&bytearray(Vec::new()), name),
        _ => None,
    }
}

// ----------------------------------------------------------- operators

/// `a op b` where either is bytes-like: `None` when the types do not
/// support `op` (the caller raises its TypeError).
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if matches!(a, Value::MemoryView(_)) || !is_bytes_like(a) && op != BinOp::Mul {
        return None;
    }
    Some(match op {
        // An instance on the right may add itself (`__radd__`).
        BinOp::Add if matches!(b, Value::Instance(_)) => return None,
        BinOp::Add => match buf(b) {
            Some(y) => {
                let x = buf(a).expect("bytes-like");
                super::alloc::concat(&x, &y).map(|v| same_kind(a, v))
            }
            None => Err(PyErr::type_error(format!(
                "can't concat {} to {}",
                b.type_name(),
                a.type_name()
            ))),
        },
        // A str, list or tuple on the left repeats (or refuses) first.
        BinOp::Mul if matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => return None,
        BinOp::Mul => {
            let (seq, n) = if is_bytes_like(a) { (a, b) } else { (b, a) };
            if matches!(seq, Value::MemoryView(_)) {
                return None;
            }
            repeat(seq, n)
        }
        BinOp::Mod => percent(a, b),
        _ => return None,
    })
}

fn repeat_count(n: &Value) -> PyResult<usize> {
    match n {
        Value::Int(_) | Value::Bool(_) => Ok(small_index(n).unwrap_or(0).max(0) as usize),
        Value::BigInt(b) if b.is_negative() => Ok(0),
        Value::BigInt(_) => Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
        _ => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_name()
        ))),
    }
}

fn repeat(seq: &Value, n: &Value) -> PyResult<Value> {
    let count = repeat_count(n)?;
    let x = buf(seq).expect("bytes-like");
    if matches!(seq, Value::Bytes(_)) && x.len().saturating_mul(count) > isize::MAX as usize {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "repeated bytes are too long",
        ));
    }
    Ok(same_kind(seq, super::alloc::repeat(&x, count)?))
}

/// `ba += x` / `ba *= n` on a bytearray, in place: `None` for other ops.
pub fn inplace(op: BinOp, ba: &RefCell<Vec<u8>>, b: &Value) -> Option<PyResult<()>> {
    match op {
        BinOp::Add => Some(match buf(b) {
            Some(y) => {
                let mut v = ba.borrow_mut();
                super::alloc::reserve(&mut v, y.len()).map(|()| v.extend_from_slice(&y))
            }
            None => Err(PyErr::type_error(format!(
                "can't concat {} to bytearray",
                b.type_name()
            ))),
        }),
        BinOp::Mul => Some(repeat_count(b).and_then(|n| {
            let mut v = ba.borrow_mut();
            *v = super::alloc::repeat(&v, n)?;
            Ok(())
        })),
        _ => None,
    }
}

/// `a == b` for two bytes-like values.
pub fn eq(a: &Value, b: &Value) -> bool {
    let fmt = |v: &Value| match v {
        Value::MemoryView(m) => m.fmt,
        _ => b'B',
    };
    if fmt(a) != fmt(b) || matches!(fmt(a), b'f' | b'd') {
        // Items compared by value, as CPython's memoryview does.
        let items = |v: &Value| match v {
            Value::MemoryView(m) => m.items(),
            _ => with_bytes(v, |b| b.iter().map(|&c| Value::Int(c as i64)).collect())
                .unwrap_or_default(),
        };
        let (x, y) = (items(a), items(b));
        return x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| super::ops::eq(p, q));
    }
    with_bytes(a, |x| with_bytes(b, |y| x == y)).flatten() == Some(true)
}

/// Ordering of bytes and bytearray (`None` for other operands).
pub fn order(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    if matches!(a, Value::MemoryView(_)) || matches!(b, Value::MemoryView(_)) {
        return None;
    }
    Some((*buf(a)?).cmp(&*buf(b)?))
}

/// Whether `op` compares two values that [`order`] orders.
pub fn orderable(op: CmpOp, a: &Value, b: &Value) -> bool {
    !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
        && matches!(a, Value::Bytes(_) | Value::ByteArray(_))
        && matches!(b, Value::Bytes(_) | Value::ByteArray(_))
}

/// `item in container` for a bytes-like container.
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::MemoryView(m) = container {
        // Iteration: items equal to `item`.
        return Ok(m.items().iter().any(|x| super::ops::eq(x, item)));
    }
    let needle = match item {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => None,
        _ => Some(buf(item)),
    };
    with_bytes(container, |hay| contains_in(hay, item, needle))
        .unwrap_or_else(|| Err(need_bytes(container)))
}

fn contains_in(hay: &[u8], item: &Value, needle: Option<Option<Buf>>) -> PyResult<bool> {
    match item {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let c = byte_value(item, "byte must be in range(0, 256)")?;
            Ok(hay.contains(&c))
        }
        _ => match needle.flatten() {
            Some(needle) => Ok(find(hay, &needle, 0).is_some()),
            None => Err(need_bytes(item)),
        },
    }
}

/// The first index of `needle` in `hay` at or after `from`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// The hash of a bytes (or a read-only memoryview, as CPython).
pub fn hash(v: &Value) -> PyResult<i64> {
    match v {
        Value::Bytes(b) => Ok(super::hash::hash_bytes(b)),
        Value::MemoryView(m) => match m.base {
            Value::Bytes(_) => Ok(super::hash::hash_bytes(&view_bytes(m))),
            _ => Err(PyErr::value_error("cannot hash writable memoryview object")),
        },
        _ => Err(super::hash::unhashable(v)),
    }
}

// ---------------------------------------------------------- subscripts

fn slice_spec(i: &Value) -> Option<PyResult<SliceSpec>> {
    super::seq::as_slice(i)
}

fn index_of(kind: &str, i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let Some(n) = small_index(i) else {
        if let Value::BigInt(_) = i {
            return Err(PyErr::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        return Err(PyErr::type_error(format!(
            "{kind} indices must be integers or slices, not {}",
            i.type_name()
        )));
    };
    let len = len as i64;
    let k = if n < 0 { n + len } else { n };
    if k < 0 || k >= len {
        return Err(PyErr::new(ExcKind::IndexError, what.to_string()));
    }
    Ok(k as usize)
}

fn pick(b: &[u8], start: i64, step: i64, count: i64) -> Vec<u8> {
    (0..count)
        .filter_map(|k| b.get((start + k * step) as usize).copied())
        .collect()
}

/// `v[i]` of a bytes-like value.
pub fn getitem(v: &Value, i: &Value) -> PyResult<Value> {
    if let Value::MemoryView(m) = v {
        if let Some(spec) = slice_spec(i) {
            let (start, _, step, count) = adjust(&spec?, m.len as i64)?;
            return Ok(Value::MemoryView(Rc::new(MemView {
                base: m.base.clone(),
                start: m.at(start.max(0) as usize),
                step: m.step * step,
                len: count.max(0) as usize,
                ..**m
            })));
        }
        let k = index_of("memoryview", i, m.len, "index out of bounds on dimension 1")?;
        return m
            .item(k)
            .ok_or_else(|| PyErr::new(ExcKind::IndexError, "index out of bounds on dimension 1"));
    }
    let what = match v {
        Value::ByteArray(_) => "bytearray index out of range",
        _ => "index out of range",
    };
    // Borrowed, not copied: indexing a bytearray in a loop stays O(1).
    with_bytes(v, |b| {
        if let Some(spec) = slice_spec(i) {
            let (start, _, step, count) = adjust(&spec?, b.len() as i64)?;
            return Ok(same_kind(v, pick(b, start, step, count)));
        }
        let k = index_of("byte", i, b.len(), what)?;
        Ok(Value::Int(b[k] as i64))
    })
    .unwrap_or_else(|| Err(need_bytes(v)))
}

/// The bytes to put in a slice of a bytearray: a bytes-like value or an
/// iterable of ints (given as a list when it runs Python code).
fn slice_source(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buf(v) {
        return Ok(b.to_vec());
    }
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Str(_) => {
            Err(PyErr::type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ))
        }
        _ => {
            let Value::Iter(it) = super::builtins::make_iter(v).map_err(|_| {
                PyErr::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                )
            })?
            else {
                unreachable!("make_iter makes iterators")
            };
            let mut out = Vec::new();
            while let Some(x) = it.next_builtin() {
                out.push(store_byte(&x)?);
            }
            Ok(out)
        }
    }
}

/// `v[i] = x` for a bytearray or a memoryview.
pub fn setitem(v: &Value, i: &Value, x: Value) -> PyResult<()> {
    match v {
        Value::ByteArray(ba) => {
            if let Some(spec) = slice_spec(i) {
                let spec = spec?;
                let new = slice_source(&x)?;
                let mut b = ba.borrow_mut();
                let (start, stop, step, count) = adjust(&spec, b.len() as i64)?;
                if step == 1 {
                    let stop = stop.max(start);
                    b.splice(start as usize..stop as usize, new);
                    return Ok(());
                }
                if new.len() as i64 != count {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {count}",
                        new.len()
                    )));
                }
                for (k, c) in new.into_iter().enumerate() {
                    b[(start + k as i64 * step) as usize] = c;
                }
                return Ok(());
            }
            let c = store_byte(&x)?;
            let mut b = ba.borrow_mut();
            let k = index_of("bytearray", i, b.len(), "bytearray index out of range")?;
            b[k] = c;
            Ok(())
        }
        Value::MemoryView(m) => {
            let Value::ByteArray(ba) = &m.base else {
                return Err(PyErr::type_error("cannot modify read-only memory"));
            };
            let (targets, new): (Vec<i64>, Vec<u8>) = if let Some(spec) = slice_spec(i) {
                let (start, _, step, count) = adjust(&spec?, m.len as i64)?;
                let (src_fmt, src_len) = match &x {
                    Value::MemoryView(s) => (s.fmt, s.len),
                    _ => (b'B', len(&x)),
                };
                // Copied first, so that a view may be shifted over itself.
                let new = buf(&x).ok_or_else(|| need_bytes(&x))?.to_vec();
                if src_fmt != m.fmt || src_len as i64 != count || new.len() != src_len * m.itemsize
                {
                    return Err(PyErr::value_error(
                        "memoryview assignment: lvalue and rvalue have different structures",
                    ));
                }
                let t = (0..count)
                    .map(|k| m.at((start + k * step) as usize))
                    .collect();
                (t, new)
            } else {
                let k = index_of("memoryview", i, m.len, "index out of bounds on dimension 1")?;
                (vec![m.at(k)], encode_item(m.fmt, m.itemsize, &x)?)
            };
            let mut b = ba.borrow_mut();
            for (t, item) in targets.into_iter().zip(new.chunks(m.itemsize)) {
                if let Some(slot) = usize::try_from(t)
                    .ok()
                    .and_then(|t| b.get_mut(t..t + m.itemsize))
                {
                    slot.copy_from_slice(item);
                }
            }
            Ok(())
        }
        other => Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

/// `del v[i]` for a bytearray.
pub fn delitem(v: &Value, i: &Value) -> PyResult<()> {
    match v {
        Value::ByteArray(ba) => {
            let mut b = ba.borrow_mut();
            if let Some(spec) = slice_spec(i) {
                let (start, _, step, count) = adjust(&spec?, b.len() as i64)?;
                let mut doomed: Vec<usize> =
                    (0..count).map(|k| (start + k * step) as usize).collect();
                doomed.sort_unstable();
                for k in doomed.into_iter().rev() {
                    b.remove(k);
                }
                return Ok(());
            }
            let k = index_of("bytearray", i, b.len(), "bytearray index out of range")?;
            b.remove(k);
            Ok(())
        }
        Value::MemoryView(_) => Err(PyErr::type_error("cannot delete memory")),
        other => Err(PyErr::type_error(format!(
            "'{}' object doesn't support item deletion",
            other.type_name()
        ))),
    }
}

// ------------------------------------------------------------- codecs

/// The codecs implemented here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// Codepoints below this encode as one byte (ascii, latin-1).
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 128,
            _ => 256,
        }
    }
}

fn codec(name: &str) -> PyResult<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1"
        | "iso-ir-100" => Ok(Codec::Latin1),
        _ => Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown encoding: {name}"),
        )),
    }
}

/// A UnicodeDecodeError / UnicodeEncodeError: raised as its base class
/// ValueError (with CPython's message) until those classes exist.
pub fn unicode_error(_class: &str, msg: String) -> PyErr {
    PyErr::value_error(msg)
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

/// Decoding with surrogateescape/surrogatepass needs lone surrogates in a
/// str, which framevm's str (UTF-8) cannot hold.
fn no_surrogates(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::NotImplementedError,
        format!("the {errors} error handler cannot decode here: a str holds no lone surrogates"),
    )
}

fn position(start: usize, end: usize) -> String {
    if end - start == 1 {
        format!("position {start}")
    } else {
        format!("position {start}-{}", end - 1)
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = codec(encoding)?;
    if codec == Codec::Latin1 {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        // The next good run, then the bad bytes after it.
        let (good, bad_len, reason) = match codec {
            Codec::Ascii => {
                let n = data[i..].iter().take_while(|b| b.is_ascii()).count();
                (n, 1, "ordinal not in range(128)")
            }
            _ => match std::str::from_utf8(&data[i..]) {
                Ok(_) => (data.len() - i, 0, ""),
                Err(e) => {
                    let good = e.valid_up_to();
                    let lead = data[i + good];
                    let reason = match e.error_len() {
                        None => "unexpected end of data",
                        Some(_) if !(0xc2..=0xf4).contains(&lead) => "invalid start byte",
                        Some(_) => "invalid continuation byte",
                    };
                    let len = e.error_len().unwrap_or(data.len() - i - good);
                    (good, len, reason)
                }
            },
        };
        let run = &data[i..i + good];
        // SAFETY-free: the run was checked above (ascii or utf-8).
        out.push_str(std::str::from_utf8(run).unwrap_or_default());
        i += good;
        if i >= data.len() {
            break;
        }
        let bad_len = bad_len.max(1).min(data.len() - i);
        let bad = &data[i..i + bad_len];
        match errors {
            "strict" => {
                let what = if bad_len == 1 {
                    format!("byte 0x{:02x} in {}", bad[0], position(i, i + 1))
                } else {
                    format!("bytes in {}", position(i, i + bad_len))
                };
                return Err(unicode_error(
                    "UnicodeDecodeError",
                    format!("'{}' codec can't decode {what}: {reason}", codec.name()),
                ));
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for b in bad {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            "surrogateescape" | "surrogatepass" => return Err(no_surrogates(errors)),
            _ => return Err(unknown_handler(errors)),
        }
        i += bad_len;
    }
    Ok(out)
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = codec(encoding)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..]
            .iter()
            .take_while(|c| (**c as u32) >= limit)
            .count();
        match errors {
            // A str holds no lone surrogates, so these have nothing to
            // pass through: as strict.
            "strict" | "surrogateescape" | "surrogatepass" => {
                let what = if end - i == 1 {
                    format!("character '{}' in position {i}", escape_char(c))
                } else {
                    format!("characters in {}", position(i, end))
                };
                return Err(unicode_error(
                    "UnicodeEncodeError",
                    format!(
                        "'{}' codec can't encode {what}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                return Err(PyErr::new(
                    ExcKind::NotImplementedError,
                    "the namereplace error handler needs the Unicode names, which framevm does not carry",
                ));
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a character outside ASCII.
fn escape_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x1_0000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `ascii(text)`: every non-ASCII character escaped.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&escape_char(c));
        }
    }
    out
}

/// The `(encoding, errors)` arguments of `encode` / `decode`.
pub fn codec_args(fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<(String, String)> {
    let mut got: [Option<&Value>; 2] = [None, None];
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    for (i, a) in args.iter().enumerate() {
        got[i] = Some(a);
    }
    for (k, v) in kwargs {
        let i = match &**k {
            "encoding" => 0,
            "errors" => 1,
            _ => {
                return Err(PyErr::type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        };
        got[i] = Some(v);
    }
    let text = |v: Option<&Value>, n: usize, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
            Some(other) => Err(PyErr::type_error(format!(
                "{fname}() argument '{}' must be str, not {}",
                ["encoding", "errors"][n],
                other.type_name()
            ))),
        }
    };
    Ok((text(got[0], 0, "utf-8")?, text(got[1], 1, "strict")?))
}

/// `str(obj, encoding='utf-8', errors='strict')`: decodes a bytes-like object.
pub fn str_decode(args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let mut args = args.into_iter();
    let obj = args.next();
    let rest: Vec<Value> = args.collect();
    let (mut obj, mut kw) = (obj, Vec::new());
    for (k, v) in kwargs {
        if &*k == "object" && obj.is_none() {
            obj = Some(v);
        } else {
            kw.push((k, v));
        }
    }
    let (enc, errors) = codec_args("str", &rest, &kw)?;
    match obj.as_ref().and_then(buf) {
        Some(b) => Ok(Value::str(decode(&b, &enc, &errors)?)),
        None => Err(PyErr::type_error(match &obj {
            Some(Value::Str(_)) => "decoding str is not supported".to_string(),
            Some(v) => format!(
                "decoding to str: need a bytes-like object, {} found",
                v.type_name()
            ),
            None => "str() missing the object to decode".to_string(),
        })),
    }
}

/// The bytes of `v` as a str of the same codepoints (latin-1).
pub fn latin1(v: &Value) -> String {
    buf(v).map_or(String::new(), |b| b.iter().map(|&c| c as char).collect())
}

/// `str.encode(encoding='utf-8', errors='strict')` (a method of str).
pub fn str_encode(_: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let Value::Str(s) = &args[0] else {
        unreachable!("str methods are found on strs")
    };
    let (enc, errors) = codec_args("encode", &args[1..], &kwargs)?;
    Ok(bytes(encode(s, &enc, &errors)?))
}

// ---------------------------------------------------------- formatting

/// How `%s` and `%r` turn values into text in bytes formatting: bytes-like
/// values as their bytes (each a char below 256), `%r` as `ascii()`.
struct BytesText;

impl super::format::Stringify for BytesText {
    fn text(&mut self, v: &Value) -> PyResult<String> {
        match buf(v) {
            Some(b) => Ok(b.iter().map(|&c| c as char).collect()),
            None => Err(PyErr::type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                v.type_name()
            ))),
        }
    }
    fn text_repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(ascii_escape(&v.repr()))
    }
    fn char_arg(&mut self, v: &Value) -> Option<PyResult<char>> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => None,
            _ => Some(match buf(v) {
                Some(b) if b.len() == 1 => Ok(b[0] as char),
                _ => Err(PyErr::type_error(
                    "%c requires an integer in range(256) or a single byte",
                )),
            }),
        }
    }
}

/// `fmt % args` for a bytes or bytearray `fmt`: str formatting over the
/// bytes as latin-1 characters.
fn percent(fmt: &Value, args: &Value) -> PyResult<Value> {
    let f: String = buf(fmt)
        .expect("bytes-like")
        .iter()
        .map(|&c| c as char)
        .collect();
    // `%b` is bytes formatting's `%s`.
    let f = f.replace("%b", "%s");
    // `%(key)s` names bytes keys: the str formatter looks keys up as strs
    // of the same latin-1 text.
    let mapped;
    let args = match args {
        Value::Dict(d) => {
            let mut by_text = super::dict::Dict::default();
            for (k, v) in d.borrow().map.iter() {
                if let Value::Bytes(_) = k.0 {
                    by_text.set(Value::str(latin1(&k.0)), v.clone())?;
                }
            }
            mapped = super::dict::new_dict(by_text);
            &mapped
        }
        other => other,
    };
    let text = super::format::percent(&mut BytesText, &f, args).map_err(|mut e| {
        if e.msg == "not all arguments converted during string formatting" {
            e.msg = "not all arguments converted during bytes formatting".into();
        }
        if e.is(ExcKind::KeyError) && e.msg.starts_with('\'') {
            // The missing key, named as the bytes it was.
            let key: Vec<u8> = e.msg[1..e.msg.len() - 1]
                .chars()
                .map(|c| c as u32 as u8)
                .collect();
            e = super::dict::key_error(&bytes(key));
        }
        e
    })?;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match u8::try_from(c as u32) {
            Ok(b) => out.push(b),
            Err(_) => {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "%c arg not in range(256)",
                ));
            }
        }
    }
    Ok(same_kind(fmt, out))
}

/// `.hex(sep='', bytes_per_sep=1)`.
pub fn hex(data: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<String> {
    let sep = match sep {
        None => None,
        Some(Value::Str(s)) => Some(s.as_str().to_owned()),
        Some(v) => match buf(v) {
            Some(b) => Some(b.iter().map(|&c| c as char).collect()),
            None => {
                return Err(PyErr::type_error(format!(
                    "sep must be str or bytes, not {}",
                    v.type_name()
                )));
            }
        },
    };
    let per = match per {
        None => 1,
        Some(v) => super::builtins::index_arg(v, "")?,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else {
        return Ok(digits.concat());
    };
    if sep.chars().count() != 1 {
        return Err(PyErr::value_error("sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(PyErr::value_error("sep must be ASCII."));
    }
    if per == 0 || data.is_empty() {
        return Ok(digits.concat());
    }
    let n = per.unsigned_abs() as usize;
    // A positive count groups from the right, a negative one from the left.
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = data.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for c in digits[first..].chunks(n) {
            groups.push(c.concat());
        }
    } else {
        for c in digits.chunks(n) {
            groups.push(c.concat());
        }
    }
    Ok(groups.join(&sep))
}

// ------------------------------------------------- int.to/from_bytes

fn byteorder(v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(false),
        Some(Value::Str(_)) => Err(PyErr::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
        Some(v) => Err(PyErr::type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            v.type_name()
        ))),
    }
}

/// The (length, byteorder, signed) / (bytes, byteorder, signed) arguments.
fn int_bytes_args(
    fname: &str,
    first: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<[Option<Value>; 3]> {
    let mut out: [Option<Value>; 3] = [None, None, None];
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 2 positional arguments ({} given)",
            args.len()
        )));
    }
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kwargs {
        let i = match &**k {
            k if k == first => 0,
            "byteorder" => 1,
            "signed" => 2,
            _ => {
                return Err(PyErr::type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        };
        out[i] = Some(v.clone());
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn int_from_bytes(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let [data, order, signed] = int_bytes_args("from_bytes", "bytes", &args, &kwargs)?;
    let Some(data) = data else {
        return Err(PyErr::type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let big = byteorder(order.as_ref())?;
    let signed = match &signed {
        Some(v) => ctx.truthy(v)?,
        None => false,
    };
    let data: Vec<u8> = match buf(&data) {
        Some(b) => b.to_vec(),
        None => {
            if let Value::Str(_) = data {
                return Err(PyErr::type_error("cannot convert 'str' object to bytes"));
            }
            let items = ctx.items(&data)?;
            items
                .iter()
                .map(|v| byte_value(v, "bytes must be in range(0, 256)"))
                .collect::<PyResult<_>>()?
        }
    };
    let n = if big {
        BigInt::from_bytes_be(Sign::Plus, &data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    let top = if big { data.first() } else { data.last() };
    let n = match top {
        Some(t) if signed && t & 0x80 != 0 => n - (BigInt::from(1) << (8 * data.len())),
        _ => n,
    };
    Ok(Value::from_bigint(n))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)` (a method of int).
pub fn int_to_bytes(ctx: &mut Ctx, args: Args, kwargs: Kwargs) -> PyResult<Value> {
    let Some(n) = args[0].as_bigint() else {
        unreachable!("int methods are found on ints")
    };
    let [length, order, signed] = int_bytes_args("to_bytes", "length", &args[1..], &kwargs)?;
    let length = match &length {
        Some(v) => super::builtins::index_arg(v, "")?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let big = byteorder(order.as_ref())?;
    let signed = match &signed {
        Some(v) => ctx.truthy(v)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let length = length as usize;
    if length > 1 << 30 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    // Two's complement in `length` bytes, little-endian first.
    let modulus = BigInt::from(1) << (8 * length);
    let fits = if signed {
        let half: BigInt = modulus.clone() >> 1u32;
        n >= -half.clone() && n < half
    } else {
        n < modulus
    };
    if !fits {
        return Err(PyErr::new(ExcKind::OverflowError, "int too big to convert"));
    }
    let u = if n.is_negative() { n + &modulus } else { n };
    let (_, mut le) = u.to_bytes_le();
    if u.is_zero() {
        le.clear();
    }
    le.resize(length, 0);
    if big {
        le.reverse();
    }
    Ok(bytes(le))
}

/// The methods of int that live here (`to_bytes`).
pub fn int_method(name: &str) -> Option<&'static Builtin> {
    static TO_BYTES: Builtin = Builtin {
        name: "to_bytes",
        call: int_to_bytes,
    };
    static FROM_BYTES: Builtin = Builtin {
        name: "from_bytes",
        call: |ctx, args, kw| int_from_bytes(ctx, args[1..].to_vec(), kw),
    };
    match name {
        "to_bytes" => Some(&TO_BYTES),
        "from_bytes" => Some(&FROM_BYTES),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(bytes_repr(b"a'b", false), "b\"a'b\"");
        assert_eq!(bytes_repr(b"a'\"b", false), "b'a\\'\"b'");
        assert_eq!(
            bytes_repr(b"\x00\t\n\r\\\x7f\x80\xff", false),
            "b'\\x00\\t\\n\\r\\\\\\x7f\\x80\\xff'"
        );
    }

    #[test]
    fn utf8_errors_match_cpython() {
        let e = decode(b"\xe2\x82", "utf-8", "strict").unwrap_err();
        assert_eq!(
            e.msg,
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
        let e = decode(b"a\x80", "utf8", "strict").unwrap_err();
        assert_eq!(
            e.msg,
            "'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte"
        );
        assert_eq!(
            decode(b"a\x80\x80b", "utf-8", "replace").unwrap(),
            "a\u{fffd}\u{fffd}b"
        );
        assert_eq!(
            encode("a\u{e9}\u{20ac}x", "ascii", "backslashreplace").unwrap(),
            b"a\\xe9\\u20acx"
        );
    }

    #[test]
    fn hex_groups_as_cpython() {
        let sep = Value::str(":");
        assert_eq!(
            hex(b"\x01\x02\x03", Some(&sep), Some(&Value::Int(2))).unwrap(),
            "01:0203"
        );
        assert_eq!(
            hex(b"\x01\x02\x03", Some(&sep), Some(&Value::Int(-2))).unwrap(),
            "0102:03"
        );
    }
}
