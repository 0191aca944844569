//! `_struct`: packing values into bytes by a format string (`struct.py`
//! puts the `Struct` class on top, as CPython's `struct` does).
//!
//! A format is a byte order (`@` native with alignment, `=` native
//! without, `<` little, `>` and `!` big) and then items: an optional
//! count and a code. Native sizes are the target's C sizes; the others
//! are the standard sizes. Errors are `struct.error` with CPython's
//! messages, in CPython's order (the format is checked first).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::{err, obj, type_err, val};
use crate::embed::{Error, Result};
use crate::runtime::{ExcKind, Value, bytes};
use crate::{Args, Object, Vm};

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let error = vm.exception_class("error", "Exception")?;
    vm.set_attr(&error, "__module__", "struct")?;
    let e1 = error.clone();
    let e2 = error.clone();
    let e3 = error.clone();
    let e4 = error.clone();
    let e5 = error.clone();
    let e6 = error.clone();
    vm.module("_struct")
        .constant("error", error)
        .function("calcsize", move |_vm, args: Args| {
            want(&args, "calcsize", 1)?;
            let f = Format::parse(val(&args.positional[0]), &e1)?;
            Ok(f.size)
        })
        .function("pack", move |vm, args: Args| {
            want_at_least(&args, "pack", 1)?;
            let f = Format::parse(val(&args.positional[0]), &e2)?;
            let mut out = vec![0u8; f.size];
            f.pack(vm, "pack", &args.positional[1..], &mut out, &e2)?;
            Ok(obj(bytes::bytes(out)))
        })
        .function("pack_into", move |vm, args: Args| {
            want_at_least(&args, "pack_into", 3)?;
            let f = Format::parse(val(&args.positional[0]), &e3)?;
            pack_into(vm, &f, &args.positional[1..], &e3)
        })
        .function("unpack", move |_vm, args: Args| {
            want(&args, "unpack", 2)?;
            let f = Format::parse(val(&args.positional[0]), &e4)?;
            let data = read_buffer(val(&args.positional[1]))?;
            if data.len() != f.size {
                return Err(Error::new_exception(
                    &e4,
                    format!("unpack requires a buffer of {} bytes", f.size),
                ));
            }
            Ok(obj(f.unpack(&data)))
        })
        .function("unpack_from", move |_vm, args: Args| {
            super::arity("unpack_from", &args, 2, 3)?;
            let f = Format::parse(val(&args.positional[0]), &e5)?;
            let data = read_buffer(val(&args.positional[1]))?;
            let offset = match args.positional.get(2) {
                Some(o) => index(val(o))?,
                None => 0,
            };
            let n = data.len() as i64;
            let mut start = offset;
            if start < 0 {
                if start + n < 0 {
                    return Err(Error::new_exception(
                        &e5,
                        format!("offset {offset} out of range for {n}-byte buffer"),
                    ));
                }
                start += n;
                if n - start < f.size as i64 {
                    return Err(Error::new_exception(
                        &e5,
                        format!(
                            "not enough data to unpack {} bytes at offset {offset}",
                            f.size
                        ),
                    ));
                }
            }
            if n - start < f.size as i64 {
                return Err(Error::new_exception(
                    &e5,
                    format!(
                        "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {offset} (actual buffer size is {n})",
                        f.size as i64 + offset,
                        f.size
                    ),
                ));
            }
            let start = start as usize;
            Ok(obj(f.unpack(&data[start..start + f.size])))
        })
        // A list: `struct.iter_unpack` gives an iterator over it.
        .function("iter_unpack_list", move |_vm, args: Args| {
            want(&args, "iter_unpack", 2)?;
            let f = Format::parse(val(&args.positional[0]), &e6)?;
            let data = read_buffer(val(&args.positional[1]))?;
            if f.size == 0 {
                return Err(Error::new_exception(
                    &e6,
                    "cannot iteratively unpack with a struct of length 0",
                ));
            }
            if data.len() % f.size != 0 {
                return Err(Error::new_exception(
                    &e6,
                    format!(
                        "iterative unpacking requires a buffer of a multiple of {} bytes",
                        f.size
                    ),
                ));
            }
            let items: Vec<Value> = data.chunks(f.size).map(|c| f.unpack(c)).collect();
            Ok(obj(Value::list(items)))
        })
        .register()
}

fn want(args: &Args, name: &str, n: usize) -> Result<()> {
    super::arity(name, args, n, n)
}

fn want_at_least(args: &Args, name: &str, n: usize) -> Result<()> {
    if let Some((k, _)) = args.keywords.first() {
        return Err(type_err(format!(
            "{name}() takes no keyword arguments (got '{k}')"
        )));
    }
    if args.positional.len() < n {
        return Err(type_err(format!(
            "{name} expected at least {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.positional.len()
        )));
    }
    Ok(())
}

fn index(v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        other => Err(type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// The bytes of a buffer argument.
fn read_buffer(v: &Value) -> Result<Vec<u8>> {
    match bytes::with_bytes(v, |b| b.to_vec()) {
        Some(b) => Ok(b),
        None => Err(type_err(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))),
    }
}

fn pack_into(vm: &mut Vm, f: &Format, rest: &[Object], error: &Object) -> Result<Object> {
    let target = val(&rest[0]).clone();
    let len = match &target {
        Value::ByteArray(b) => b.borrow().len(),
        Value::MemoryView(m) if matches!(m.base, Value::ByteArray(_)) => m.len * m.itemsize,
        other => {
            return Err(type_err(format!(
                "argument must be read-write bytes-like object, not {}",
                other.type_name()
            )));
        }
    } as i64;
    let offset = index(val(&rest[1]))?;
    let values = &rest[2..];
    if values.len() != f.count {
        return Err(Error::new_exception(
            error,
            format!(
                "pack_into expected {} items for packing (got {})",
                f.count,
                values.len()
            ),
        ));
    }
    let mut start = offset;
    if start < 0 {
        if start + len < 0 {
            return Err(Error::new_exception(
                error,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        start += len;
        if len - start < f.size as i64 {
            return Err(Error::new_exception(
                error,
                format!("no space to pack {} bytes at offset {offset}", f.size),
            ));
        }
    }
    if len - start < f.size as i64 {
        return Err(Error::new_exception(
            error,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {offset} (actual buffer size is {len})",
                f.size as i64 + offset,
                f.size
            ),
        ));
    }
    let mut out = vec![0u8; f.size];
    f.pack(vm, "pack_into", values, &mut out, error)?;
    let start = start as usize;
    match &target {
        Value::ByteArray(b) => b.borrow_mut()[start..start + f.size].copy_from_slice(&out),
        _ => {
            let slice = Value::Slice(Rc::new([
                Value::Int(start as i64),
                Value::Int((start + f.size) as i64),
                Value::None,
            ]));
            bytes::setitem(&target, &slice, bytes::bytes(out)).map_err(Error::from_py)?;
        }
    }
    Ok(Object::none())
}

/// One item of a format: its code, how many (the length for `s`/`p`),
/// where it starts and its size.
struct Item {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

/// A parsed format.
struct Format {
    items: Vec<Item>,
    little: bool,
    native: bool,
    /// Bytes in all.
    size: usize,
    /// Values it packs.
    count: usize,
}

/// The size of `code`, native (`@`) or standard; None for a bad code.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => std::mem::size_of::<usize>(),
        _ => return None,
    })
}

impl Format {
    fn parse(fmt: &Value, error: &Object) -> Result<Format> {
        let text: Vec<u8> = match fmt {
            Value::Str(s) => s.as_bytes().to_vec(),
            Value::Bytes(b) => b.to_vec(),
            other => {
                return Err(type_err(format!(
                    "Struct() argument 1 must be a str or bytes object, not {}",
                    other.type_name()
                )));
            }
        };
        let bad = || Error::new_exception(error, "bad char in struct format");
        let mut rest = &text[..];
        let (little, native, align) = match rest.first() {
            Some(b'@') => (cfg!(target_endian = "little"), true, true),
            Some(b'=') => (cfg!(target_endian = "little"), false, false),
            Some(b'<') => (true, false, false),
            Some(b'>') | Some(b'!') => (false, false, false),
            _ => (cfg!(target_endian = "little"), true, true),
        };
        if matches!(rest.first(), Some(b'@' | b'=' | b'<' | b'>' | b'!')) {
            rest = &rest[1..];
        }
        let mut items = Vec::new();
        let mut size = 0usize;
        let mut count = 0usize;
        let mut i = 0;
        while i < rest.len() {
            let c = rest[i];
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let mut n: Option<usize> = None;
            while i < rest.len() && rest[i].is_ascii_digit() {
                let d = (rest[i] - b'0') as usize;
                n = Some(
                    n.unwrap_or(0)
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(d))
                        .ok_or_else(|| Error::new_exception(error, "total struct size too long"))?,
                );
                i += 1;
            }
            let Some(&code) = rest.get(i) else {
                return Err(Error::new_exception(
                    error,
                    "repeat count given without format specifier",
                ));
            };
            i += 1;
            let Some(item_size) = code_size(code, native) else {
                return Err(bad());
            };
            let n = n.unwrap_or(1);
            if align && item_size > 1 {
                size = size.div_ceil(item_size) * item_size;
            }
            let too_long = || Error::new_exception(error, "total struct size too long");
            match code {
                b's' | b'p' => {
                    items.push(Item {
                        code,
                        count: n,
                        offset: size,
                        size: n,
                    });
                    size = size.checked_add(n).ok_or_else(too_long)?;
                    count += 1;
                }
                b'x' => size = size.checked_add(n).ok_or_else(too_long)?,
                _ => {
                    for _ in 0..n {
                        items.push(Item {
                            code,
                            count: 1,
                            offset: size,
                            size: item_size,
                        });
                        size += item_size;
                    }
                    count += n;
                }
            }
            if size > isize::MAX as usize / 2 {
                return Err(too_long());
            }
        }
        Ok(Format {
            items,
            little,
            native,
            size,
            count,
        })
    }

    fn pack(
        &self,
        vm: &mut Vm,
        name: &str,
        values: &[Object],
        out: &mut [u8],
        error: &Object,
    ) -> Result<()> {
        if values.len() != self.count {
            return Err(Error::new_exception(
                error,
                format!(
                    "{name} expected {} items for packing (got {})",
                    self.count,
                    values.len()
                ),
            ));
        }
        let e = |msg: &str| Error::new_exception(error, msg);
        for (item, v) in self.items.iter().zip(values) {
            let place = &mut out[item.offset..item.offset + item.size];
            let v = val(v);
            match item.code {
                b's' | b'p' => {
                    let data = match v {
                        Value::Bytes(_) | Value::ByteArray(_) => {
                            bytes::with_bytes(v, |b| b.to_vec()).unwrap_or_default()
                        }
                        _ => {
                            return Err(e(&format!(
                                "argument for '{}' must be a bytes object",
                                item.code as char
                            )));
                        }
                    };
                    if item.code == b's' {
                        let n = data.len().min(item.count);
                        place[..n].copy_from_slice(&data[..n]);
                    } else if item.count > 0 {
                        let n = data.len().min(item.count - 1).min(255);
                        place[0] = n as u8;
                        place[1..1 + n].copy_from_slice(&data[..n]);
                    }
                }
                b'c' => match v {
                    Value::Bytes(b) if b.len() == 1 => place[0] = b[0],
                    Value::ByteArray(b) if b.borrow().len() == 1 => place[0] = b.borrow()[0],
                    _ => return Err(e("char format requires a bytes object of length 1")),
                },
                b'?' => {
                    let t = vm.is_true(&obj(v.clone()))?;
                    place[0] = t as u8;
                }
                b'e' | b'f' | b'd' => {
                    let x = match v {
                        Value::Float(f) => *f,
                        Value::Int(i) => *i as f64,
                        Value::Bool(b) => *b as i64 as f64,
                        Value::BigInt(b) => b.to_f64().unwrap_or(f64::INFINITY),
                        Value::Instance(_) => super::math::to_f64(vm, v)
                            .map_err(|_| e("required argument is not a float"))?,
                        _ => return Err(e("required argument is not a float")),
                    };
                    self.put_float(item.code, x, place)?;
                }
                _ => {
                    let n = int_value(v).ok_or_else(|| e("required argument is not an integer"))?;
                    let bits = self.check_int(item.code, item.size, n, error)?;
                    let b = bits.to_le_bytes();
                    place.copy_from_slice(&b[..item.size]);
                    if !self.little {
                        place.reverse();
                    }
                }
            }
        }
        Ok(())
    }

    fn put_float(&self, code: u8, x: f64, place: &mut [u8]) -> Result<()> {
        let overflow = |c: char| {
            err(
                ExcKind::OverflowError,
                format!("float too large to pack with {c} format"),
            )
        };
        match code {
            b'e' => {
                let h = f64_to_half(x).ok_or_else(|| overflow('e'))?;
                place.copy_from_slice(&if self.little {
                    h.to_le_bytes()
                } else {
                    h.to_be_bytes()
                });
            }
            b'f' => {
                let f = x as f32;
                if f.is_infinite() && x.is_finite() && !self.native {
                    return Err(overflow('f'));
                }
                place.copy_from_slice(&if self.little {
                    f.to_le_bytes()
                } else {
                    f.to_be_bytes()
                });
            }
            _ => place.copy_from_slice(&if self.little {
                x.to_le_bytes()
            } else {
                x.to_be_bytes()
            }),
        }
        Ok(())
    }

    /// The bits to store for int `n` in an item of `code`, or CPython's
    /// range error. Small codes go through a C long first (so a value
    /// past 64 bits is "argument out of range" whatever the code).
    fn check_int(&self, code: u8, size: usize, n: i128, error: &Object) -> Result<u64> {
        let e = |msg: String| Error::new_exception(error, msg);
        let out_of_range = || e("argument out of range".to_string());
        let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
        let c = code as char;
        match code {
            b'b' | b'B' | b'h' | b'H' => {
                if n < i64::MIN as i128 || n > i64::MAX as i128 {
                    return Err(out_of_range());
                }
                let (lo, hi, what) = match code {
                    b'b' => (-128, 127, "byte"),
                    b'B' => (0, 255, "ubyte"),
                    b'h' => (-32768, 32767, "short"),
                    _ => (0, 65535, "ushort"),
                };
                if n < lo || n > hi {
                    return Err(e(format!("{what} format requires {lo} <= number <= {hi}")));
                }
            }
            b'P' => {
                if n < i64::MIN as i128 || n > u64::MAX as i128 {
                    return Err(out_of_range());
                }
            }
            _ if signed => {
                if n < i64::MIN as i128 || n > i64::MAX as i128 {
                    return Err(out_of_range());
                }
                if size == 4 && (n < i32::MIN as i128 || n > i32::MAX as i128) {
                    return Err(e(format!(
                        "'{c}' format requires {} <= number <= {}",
                        i32::MIN,
                        i32::MAX
                    )));
                }
            }
            _ => {
                if n < 0 || n > u64::MAX as i128 {
                    return Err(out_of_range());
                }
                if size == 4 && n > u32::MAX as i128 {
                    return Err(e(format!(
                        "'{c}' format requires 0 <= number <= {}",
                        u32::MAX
                    )));
                }
            }
        }
        Ok(n as u64)
    }

    fn unpack(&self, data: &[u8]) -> Value {
        let mut out = Vec::with_capacity(self.count);
        for item in &self.items {
            let raw = &data[item.offset..item.offset + item.size];
            let v = match item.code {
                b's' => bytes::bytes(raw.to_vec()),
                b'p' => {
                    let n = if raw.is_empty() {
                        0
                    } else {
                        (raw[0] as usize).min(item.count - 1)
                    };
                    bytes::bytes(raw.get(1..1 + n).unwrap_or_default().to_vec())
                }
                b'c' => bytes::bytes(raw.to_vec()),
                b'?' => Value::Bool(raw[0] != 0),
                b'e' => {
                    let h = [raw[0], raw[1]];
                    Value::Float(half_to_f64(if self.little {
                        u16::from_le_bytes(h)
                    } else {
                        u16::from_be_bytes(h)
                    }))
                }
                b'f' => {
                    let b: [u8; 4] = raw.try_into().unwrap_or_default();
                    Value::Float(f64::from(if self.little {
                        f32::from_le_bytes(b)
                    } else {
                        f32::from_be_bytes(b)
                    }))
                }
                b'd' => {
                    let b: [u8; 8] = raw.try_into().unwrap_or_default();
                    Value::Float(if self.little {
                        f64::from_le_bytes(b)
                    } else {
                        f64::from_be_bytes(b)
                    })
                }
                code => {
                    let mut b = [0u8; 8];
                    if self.little {
                        b[..item.size].copy_from_slice(raw);
                    } else {
                        for (k, x) in raw.iter().rev().enumerate() {
                            b[k] = *x;
                        }
                    }
                    let u = u64::from_le_bytes(b);
                    let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
                    if signed {
                        let shift = 64 - 8 * item.size as u32;
                        Value::Int(((u << shift) as i64) >> shift)
                    } else if let Ok(i) = i64::try_from(u) {
                        Value::Int(i)
                    } else {
                        Value::from_bigint(BigInt::from(u))
                    }
                }
            };
            out.push(v);
        }
        Value::tuple(out)
    }
}

/// An int's value (bools are ints), if `v` is one that fits 128 bits;
/// a bigger one is reported as just past the 64-bit range.
fn int_value(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i as i128),
        Value::Bool(b) => Some(*b as i128),
        Value::BigInt(b) => Some(
            b.to_i128()
                .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                    i128::MIN
                } else {
                    i128::MAX
                }),
        ),
        _ => None,
    }
}

/// IEEE 754 half precision of `x`, rounded to nearest even; None when
/// it is too large.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a < 2f64.powi(-14) {
        // Subnormal (or zero): units of 2^-24; 1024 of them carry into
        // the smallest normal, whose bits are the same number.
        let f = (a * 2f64.powi(24)).round_ties_even();
        return Some(sign | f as u16);
    }
    let mut e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let m = a / 2f64.powi(e);
    let mut f = ((m - 1.0) * 1024.0).round_ties_even() as u32;
    if f == 1024 {
        f = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | f as u16)
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1024.0 + f) * 2f64.powi(e - 25),
    }
}
