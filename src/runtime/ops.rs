//! Operators with Python's semantics: machine-word fast paths, promotion to
//! big ints on overflow, floor division and modulo that follow the divisor's
//! sign, int/float mixing, sequence arithmetic, and CPython's messages.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{ExcKind, PyErr, PyResult, Value};
use crate::bytecode::{BinOp, CmpOp};

/// Numbers seen by arithmetic: bools are ints.
enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => b.clone(),
        Num::Float(_) => unreachable!("big() is only called on ints"),
    }
}

/// An int as a float, or OverflowError.
pub fn int_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::new(
            ExcKind::OverflowError,
            "int too large to convert to float",
        )),
    }
}

fn to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => int_to_f64(b),
        Num::Float(f) => Ok(*f),
    }
}

fn unsupported(op: &str, a: &Value, b: &Value) -> PyErr {
    // CPython names both spellings of the power operator.
    let op = if op == "**" { "** or pow()" } else { op };
    PyErr::type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

/// `a <op> b`.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    // The hottest case first: two small ints.
    if let (Value::Int(x), Value::Int(y)) = (a, b)
        && let Some(v) = int_fast(op, *x, *y)
    {
        return Ok(v);
    }
    match (num(a), num(b)) {
        (Some(x), Some(y)) => numeric(op, x, y, a, b),
        _ => not_real(op, a, b),
    }
}

/// `a <op> b` when an operand is not an int or float: complex numbers,
/// then sequences and the rest (out of line: the loops inline `binary`).
#[inline(never)]
fn not_real(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = super::complex::binary(op, a, b) {
        return r;
    }
    sequence(op, a, b)
}

/// Python's int operators where both operands and the result are small
/// ints (or, for `/`, the quotient is an exact float); `None` sends
/// overflow, division by zero and negative shifts or exponents to the
/// general path. No error is made here: the interpreter's quick paths use
/// it where nothing may be called.
#[inline(always)]
pub fn int_fast(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let v = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        // Correctly rounded, as CPython's, while both fit in a double's
        // mantissa (one rounding of the exact quotient).
        BinOp::TrueDiv if y != 0 && x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 => {
            return Some(Value::Float(x as f64 / y as f64));
        }
        // Floor division and modulo round towards minus infinity; the
        // remainder takes the divisor's sign.
        BinOp::FloorDiv => {
            let (q, m) = (x.checked_div(y)?, x.checked_rem(y)?);
            if m != 0 && (m < 0) != (y < 0) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            let m = x.checked_rem(y)?;
            if m != 0 && (m < 0) != (y < 0) {
                m + y
            } else {
                m
            }
        }
        BinOp::Lshift if (0..64).contains(&y) => {
            let v = x << y;
            if v >> y != x {
                return None;
            }
            v
        }
        BinOp::Rshift if y >= 0 => x >> y.min(63),
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::Pow if y >= 0 => x.checked_pow(u32::try_from(y).ok()?)?,
        _ => return None,
    };
    Some(Value::Int(v))
}

fn numeric(op: BinOp, x: Num, y: Num, a: &Value, b: &Value) -> PyResult<Value> {
    let float = matches!(x, Num::Float(_)) || matches!(y, Num::Float(_));
    if float {
        if matches!(
            op,
            BinOp::Lshift | BinOp::Rshift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul
        ) {
            return Err(unsupported(op.symbol(), a, b));
        }
        return float_op(op, to_f64(&x)?, to_f64(&y)?);
    }
    let bools = matches!((a, b), (Value::Bool(_), Value::Bool(_)));
    let (x, y) = (big(&x), big(&y));
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            return Ok(Value::Float(int_true_div(&x, &y)?));
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinOp::Pow => return int_pow(&x, &y),
        BinOp::Lshift | BinOp::Rshift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let Some(n) = y.to_u32().filter(|n| *n <= 1 << 24) else {
                if op == BinOp::Rshift {
                    return Ok(Value::Int(if x.is_negative() { -1 } else { 0 }));
                }
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "too many digits in integer",
                ));
            };
            if op == BinOp::Lshift { x << n } else { x >> n }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::MatMul => return Err(unsupported(op.symbol(), a, b)),
    };
    if bools && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
        return Ok(Value::Bool(!r.is_zero()));
    }
    Ok(Value::from_bigint(r))
}

/// Correctly rounded for operands below 2^53, as CPython; close otherwise.
/// `x / y` for ints, correctly rounded as CPython's `long_true_divide`
/// does: the quotient is taken with two or three bits beyond a double's 53
/// (fewer where the result is subnormal), rounded half-even with the
/// remainder as a sticky bit, then scaled exactly. `y` is not zero.
fn int_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64())
        && a.unsigned_abs() <= 1 << MANT_DIG
        && b.unsigned_abs() <= 1 << MANT_DIG
    {
        // Both exact as doubles: one correctly rounded division.
        return Ok(a as f64 / b as f64);
    }
    let negate =
        x.is_negative() != y.is_negative() && !x.is_zero() || x.is_zero() && y.is_negative();
    let signed = |v: f64| if negate { -v } else { v };
    let too_large = || {
        PyErr::new(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        )
    };
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return Err(too_large());
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Ok(signed(0.0));
    }
    // a / b lies in [2^(diff-1), 2^(diff+1)): shifting by `shift` leaves a
    // quotient of MANT_DIG + 2 or 3 bits (fewer near the subnormals).
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let (scaled, mut inexact) = if shift <= 0 {
        (a << (-shift) as u64, false)
    } else {
        let lost = a.trailing_zeros().is_none_or(|z| z < shift as u64);
        (a >> shift as u64, lost)
    };
    let (mut q, rem) = num_integer::Integer::div_rem(&scaled, b);
    inexact |= !rem.is_zero();
    let q_bits = q.bits() as i64;
    // Bits of q below a double's precision at this exponent: round them
    // off, half to even, the lost bits breaking ties.
    let extra = q_bits.max(MIN_EXP - shift) - MANT_DIG;
    let half = num_bigint::BigUint::from(1u8) << (extra - 1) as u64;
    let low = &q & ((&half << 1u8) - 1u8);
    let odd = q.bit(extra as u64);
    q -= &low;
    if low > half || low == half && (inexact || odd) {
        q += &half << 1u8;
    }
    // q now has at most MANT_DIG significant bits: exact as a double, and
    // so is the scaling (it lands on a representable value).
    let mut v = q.to_f64().unwrap_or(f64::INFINITY);
    let mut e = shift;
    while e > 0 {
        let step = e.min(1000);
        v *= pow2(step);
        e -= step;
    }
    while e < 0 {
        let step = e.max(-1000);
        v *= pow2(step);
        e -= step;
    }
    if v.is_infinite() {
        return Err(too_large());
    }
    Ok(signed(v))
}

/// 2^e as a double, for -1022 <= e <= 1023.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

fn int_pow(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_negative() {
        let base = int_to_f64(x)?;
        if base == 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return float_op(BinOp::Pow, base, int_to_f64(y)?);
    }
    // 0, 1 and -1 to any power, however large.
    if x.bits() <= 1 {
        let odd = y.bit(0);
        return Ok(Value::from_bigint(if x.is_negative() && !odd {
            -x.clone()
        } else if x.is_zero() && y.is_zero() {
            BigInt::from(1)
        } else {
            x.clone()
        }));
    }
    let Some(e) = y.to_u32().filter(|_| {
        x.bits() <= 1 || x.bits().saturating_mul(y.to_u64().unwrap_or(u64::MAX)) <= 1 << 26
    }) else {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    };
    Ok(Value::from_bigint(num_traits::pow::Pow::pow(x, e)))
}

fn float_op(op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(PyErr::zero_division(
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Err(PyErr::value_error(
                    "math domain error: complex results are not supported",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "(34, 'Numerical result out of range')",
                ));
            }
            r
        }
        _ => unreachable!("bit operators on floats are refused by the caller"),
    };
    Ok(Value::Float(r))
}

/// CPython's float divmod: the quotient floored, the remainder with the
/// divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0_f64.copysign(x / y)
    };
    (floordiv, m)
}

fn sequence(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a, b) {
        (BinOp::Mod, Value::Str(fmt), _) => Ok(Value::str(super::format::percent(
            &mut super::format::Plain,
            fmt,
            b,
        )?)),
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            Ok(Value::str(super::alloc::concat_str(x, y)?))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            Ok(Value::list(super::alloc::concat(&x.borrow(), &y.borrow())?))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            Ok(Value::tuple(super::alloc::concat(x, y)?))
        }
        (BinOp::Add, Value::Str(_) | Value::List(_) | Value::Tuple(_), _) => {
            Err(PyErr::type_error(format!(
                "can only concatenate {} (not \"{}\") to {}",
                a.type_name(),
                b.type_name(),
                a.type_name()
            )))
        }
        (_, Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_), _)
        | (BinOp::Mul, _, Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_))
            if let Some(r) = super::bytes::binary(op, a, b) =>
        {
            r
        }
        (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), _) => repeat(a, b),
        (BinOp::Mul, _, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => repeat(b, a),
        (
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => super::set::binary(op, a, b),
        (BinOp::Or, Value::Dict(x), Value::Dict(y)) => {
            // `x | y`: a new dict, y's values winning.
            let mut d = x.borrow().clone();
            let pairs: Vec<(Value, Value)> = y
                .borrow()
                .map
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            for (k, v) in pairs {
                d.set(k, v)?;
            }
            Ok(super::dict::new_dict(d))
        }
        _ => Err(unsupported(op.symbol(), a, b)),
    }
}

/// `a <op>= b`: as `a <op> b`, except that a set on the left is updated
/// in place (and is the result), and errors name the augmented operator.
#[inline(always)]
pub fn inplace(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b)
        && let Some(v) = int_fast(op, *x, *y)
    {
        return Ok(v);
    }
    inplace_slow(op, a, b)
}

#[inline(never)]
fn inplace_slow(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let augmented = || format!("{}=", op.symbol());
    if let Value::Set(s) = a
        && matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
    {
        return match super::set::inplace(op, s, b) {
            Some(done) => done.map(|()| a.clone()),
            None => Err(unsupported(&augmented(), a, b)),
        };
    }
    if let Value::ByteArray(ba) = a
        && let Some(done) = super::bytes::inplace(op, ba, b)
    {
        return done.map(|()| a.clone());
    }
    if let (BinOp::Or, Value::Dict(d)) = (op, a) {
        // `d |= other`: d.update(other), for a dict or an iterable of pairs.
        let pairs = match b {
            Value::Dict(o) => o
                .borrow()
                .map
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect::<Vec<_>>(),
            _ => return Err(unsupported(&augmented(), a, b)),
        };
        for (k, v) in pairs {
            d.borrow_mut().set(k, v)?;
        }
        return Ok(a.clone());
    }
    binary(op, a, b).map_err(|mut e| {
        // CPython names `+=` where the operands do not support it.
        let plain = match op {
            BinOp::Pow => "unsupported operand type(s) for ** or pow():".to_string(),
            _ => format!("unsupported operand type(s) for {}:", op.symbol()),
        };
        if e.kind == ExcKind::TypeError && e.msg.starts_with(&plain) {
            e.msg = format!(
                "unsupported operand type(s) for {}:{}",
                augmented(),
                &e.msg[plain.len()..]
            );
        }
        e
    })
}

fn repeat(seq: &Value, n: &Value) -> PyResult<Value> {
    let count = match n {
        Value::Int(i) => (*i).max(0) as usize,
        Value::Bool(b) => *b as usize,
        Value::BigInt(b) if b.is_negative() => 0,
        Value::BigInt(_) => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                n.type_name()
            )));
        }
    };
    Ok(match seq {
        Value::Str(s) => Value::str(super::alloc::repeat_str(s, count)?),
        Value::List(l) => Value::list(super::alloc::repeat(&l.borrow(), count)?),
        Value::Tuple(t) => Value::tuple(super::alloc::repeat(t, count)?),
        _ => unreachable!("repeat() is called on sequences"),
    })
}

/// Unary `-x`, `+x`, `~x`.
pub fn unary(op: char, v: &Value) -> PyResult<Value> {
    match (op, v) {
        ('-', Value::Int(i)) => Ok(i
            .checked_neg()
            .map(Value::Int)
            .unwrap_or_else(|| Value::from_bigint(-BigInt::from(*i)))),
        ('-', Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
        ('-', Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
        ('-', Value::Float(f)) => Ok(Value::Float(-f)),
        ('-', Value::Complex(c)) => Ok(super::complex::value(-c.re, -c.im)),
        ('+', Value::Complex(_)) => Ok(v.clone()),
        ('+', Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(v.clone()),
        ('+', Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        ('~', Value::Int(i)) => Ok(Value::Int(!i)),
        ('~', Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
        ('~', Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
        _ => Err(PyErr::type_error(format!(
            "bad operand type for unary {op}: '{}'",
            v.type_name()
        ))),
    }
}

/// Nesting of containers compared at once before RecursionError: safe on
/// a 2 MiB thread, and deeper than CPython's default recursion limit.
const MAX_COMPARE_DEPTH: u32 = 3000;

thread_local! {
    static COMPARE_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs `f` one container level deeper, or raises RecursionError.
fn nested<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let depth = COMPARE_DEPTH.with(|d| d.get());
    if depth >= MAX_COMPARE_DEPTH {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded in comparison",
        ));
    }
    COMPARE_DEPTH.with(|d| d.set(depth + 1));
    let r = f();
    COMPARE_DEPTH.with(|d| d.set(depth));
    r
}

/// `a == b`, where nesting too deep (or a container that contains itself)
/// counts as unequal. For dict keys, which cannot contain themselves.
pub fn eq(a: &Value, b: &Value) -> bool {
    eq_checked(a, b).unwrap_or(false)
}

/// How comparisons reach the special methods of instances (`__eq__`,
/// `__lt__`, ...), which only the VM can call: asked with the operator and
/// the operands whenever one is an instance; `None` means by identity
/// (equality) or unorderable (ordering).
pub type Hook<'a> = dyn FnMut(CmpOp, &Value, &Value) -> Option<PyResult<bool>> + 'a;

fn is_instance(v: &Value) -> bool {
    match v {
        Value::Instance(_) => true,
        Value::Class(c) => c.meta.is_some(),
        _ => false,
    }
}

/// `a == b` with Python's cross-type numeric equality; RecursionError when
/// containers nest too deeply (as when a list contains itself).
pub fn eq_checked(a: &Value, b: &Value) -> PyResult<bool> {
    eq_with(a, b, &mut |_, _, _| None)
}

/// [`eq_checked`], with `hook` comparing instances (also inside containers).
pub fn eq_with(a: &Value, b: &Value, hook: &mut Hook) -> PyResult<bool> {
    if let Value::Globals(ns) = a {
        return eq_with(&ns.as_dict()?, b, hook);
    }
    if let Value::Globals(ns) = b {
        return eq_with(a, &ns.as_dict()?, hook);
    }
    if (is_instance(a) || is_instance(b))
        && let Some(r) = hook(CmpOp::Eq, a, b)
    {
        return r;
    }
    Ok(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::None, Value::None) => true,
        // Bound methods: equal when bound to the same object, the same function.
        (Value::BoundMethod(x), Value::BoundMethod(y)) => is(&x.0, &y.0) && is(&x.1, &y.1),
        (Value::Complex(_), _) | (_, Value::Complex(_))
            if super::complex::of(a).is_some() && super::complex::of(b).is_some() =>
        {
            match (super::complex::of(a), super::complex::of(b)) {
                (Some(Ok(x)), Some(Ok(y))) => x == y,
                _ => false,
            }
        }
        (Value::Method(x), Value::Method(y)) => is(&x.0, &y.0) && std::ptr::eq(x.1, y.1),
        (Value::Tuple(x), Value::Tuple(y)) => {
            Rc::ptr_eq(x, y) || (x.len() == y.len() && nested(|| all_eq(x, y, hook))?)
        }
        (Value::List(x), Value::List(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow().to_vec(), y.borrow().to_vec());
                x.len() == y.len() && nested(|| all_eq(&x, &y, hook))?
            }
        }
        (Value::Dict(x), Value::Dict(y)) => {
            Rc::ptr_eq(x, y) || {
                // Each key of x looked up in y (a key y does not hold
                // itself may still equal one of its colliding keys by
                // `__eq__`), then the values compared; no borrow is held
                // while Python code runs.
                let pairs: Vec<(Value, Result<Value, Vec<Value>>, Value)> = {
                    let (x, y) = (x.borrow(), y.borrow());
                    if x.map.len() != y.map.len() {
                        return Ok(false);
                    }
                    x.map
                        .iter()
                        .map(|(k, v)| {
                            let w = match y.map.get(k) {
                                Some(w) => Ok(w.clone()),
                                None => Err(y.colliding_keys(&k.0)),
                            };
                            (k.0.clone(), w, v.clone())
                        })
                        .collect()
                };
                nested(|| {
                    for (k, w, v) in &pairs {
                        let w = match w {
                            Ok(w) => Some(w.clone()),
                            Err(candidates) => {
                                let mut found = None;
                                for c in candidates {
                                    if eq_with(k, c, hook)? {
                                        found = y
                                            .borrow()
                                            .map
                                            .get(&super::dict::Key(c.clone()))
                                            .cloned();
                                        break;
                                    }
                                }
                                found
                            }
                        };
                        match w {
                            Some(w) if member_eq(v, &w, hook)? => {}
                            _ => return Ok(false),
                        }
                    }
                    Ok(true)
                })?
            }
        }
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            same_set(a, b) || nested(|| super::set::eq(a, b))?
        }
        (
            Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_),
            Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_),
        ) => super::bytes::eq(a, b),
        (Value::Range(x), Value::Range(y)) if x.big.is_some() || y.big.is_some() => {
            let ([xs, _, xst, lx], [ys, _, yst, ly]) = (x.parts(), y.parts());
            lx == ly && (lx.is_zero() || (xs == ys && (lx == BigInt::from(1) || xst == yst)))
        }
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => num_cmp(&x, &y) == Some(Ordering::Equal),
            _ => is(a, b),
        },
    })
}

/// Whether a container's member `a` matches `b`: the same object, or
/// equal (CPython's `PyObject_RichCompareBool`, so a NaN finds itself).
pub fn member_eq(a: &Value, b: &Value, hook: &mut Hook) -> PyResult<bool> {
    Ok(is(a, b) || eq_with(a, b, hook)?)
}

fn all_eq(x: &[Value], y: &[Value], hook: &mut Hook) -> PyResult<bool> {
    for (p, q) in x.iter().zip(y) {
        if !member_eq(p, q, hook)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether `a` and `b` are the same set or frozenset.
fn same_set(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Set(x), Value::Set(y)) => Rc::ptr_eq(x, y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// `a is b`.
pub fn is(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        // Small ints are shared objects in CPython; these are the ones its
        // cache holds.
        (Value::Int(x), Value::Int(y)) => x == y && (-5..=256).contains(x),
        // Floats are not boxed here: one float object is one bit pattern
        // (a constant, a variable passed around), so `x is x` holds, NaN
        // included.
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => Rc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Rc::ptr_eq(x, y),
        (Value::Dict(x), Value::Dict(y)) => Rc::ptr_eq(x, y),
        (Value::Globals(x), Value::Globals(y)) => x.addr() == y.addr(),
        (Value::Function(x), Value::Function(y)) => Rc::ptr_eq(x, y),
        (Value::Builtin(x), Value::Builtin(y)) => std::ptr::eq(*x, *y),
        (Value::BigInt(x), Value::BigInt(y)) => Rc::ptr_eq(x, y),
        (Value::Range(x), Value::Range(y)) => Rc::ptr_eq(x, y),
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        (Value::NotImplemented, Value::NotImplemented) => true,
        (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Set(_), Value::Set(_)) | (Value::FrozenSet(_), Value::FrozenSet(_)) => {
            same_set(a, b)
        }
        (Value::Iter(x), Value::Iter(y)) => Rc::ptr_eq(x, y),
        (Value::Code(x), Value::Code(y)) => Rc::ptr_eq(x, y),
        (Value::Cell(x), Value::Cell(y)) => Rc::ptr_eq(x, y),
        (Value::Slice(x), Value::Slice(y)) => Rc::ptr_eq(x, y),
        (Value::View(x), Value::View(y)) => Rc::ptr_eq(x, y),
        (Value::Method(x), Value::Method(y)) => Rc::ptr_eq(x, y),
        (Value::BoundMethod(x), Value::BoundMethod(y)) => Rc::ptr_eq(x, y),
        (Value::Descr(x), Value::Descr(y)) => Rc::ptr_eq(x, y),
        (Value::Super(x), Value::Super(y)) => Rc::ptr_eq(x, y),
        (Value::Bytes(x), Value::Bytes(y)) => Rc::ptr_eq(x, y),
        (Value::ByteArray(x), Value::ByteArray(y)) => Rc::ptr_eq(x, y),
        (Value::MemoryView(x), Value::MemoryView(y)) => Rc::ptr_eq(x, y),
        (Value::HostFn(x), Value::HostFn(y)) => Rc::ptr_eq(x, y),
        (Value::Module(x), Value::Module(y)) => Rc::ptr_eq(x, y),
        (Value::Generator(x), Value::Generator(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn num_cmp(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Float(f), i) => float_int_cmp(*f, &big(i)),
        (i, Num::Float(f)) => float_int_cmp(*f, &big(i)).map(Ordering::reverse),
        (a, b) => Some(big(a).cmp(&big(b))),
    }
}

/// Exact comparison of a float with an int (no rounding of the int).
fn float_int_cmp(f: f64, i: &BigInt) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = f.floor();
    // A finite float's floor is an integer: exactly representable.
    let whole: BigInt = num_traits::FromPrimitive::from_f64(fl).unwrap_or_default();
    match whole.cmp(i) {
        Ordering::Equal if f > fl => Some(Ordering::Greater),
        o => Some(o),
    }
}

/// Ordering for `<`, `<=`, `>`, `>=`; TypeError between unorderable types.
pub fn order(op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    order_with(op, a, b, &mut |_, _, _| None)
}

/// [`order`], with `hook` comparing instances (also inside sequences). An
/// instance's answer for `op` comes back as an ordering that gives the
/// same answer for `op`.
pub fn order_with(op: CmpOp, a: &Value, b: &Value, hook: &mut Hook) -> PyResult<Option<Ordering>> {
    if (is_instance(a) || is_instance(b))
        && let Some(r) = hook(op, a, b)
    {
        let holds = r?;
        let (yes, no) = match op {
            CmpOp::Lt | CmpOp::Le => (Ordering::Less, Ordering::Greater),
            _ => (Ordering::Greater, Ordering::Less),
        };
        return Ok(Some(if holds { yes } else { no }));
    }
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Ok(num_cmp(&x, &y));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.as_str().cmp(y.as_str()))),
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(op, x, y, hook),
        _ if super::bytes::orderable(op, a, b) => Ok(super::bytes::order(a, b)),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_order(op, &x, &y, hook)
        }
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            // Subset and superset are not an ordering: answer the asked
            // relation as Less (for < and <=) or Greater (for > and >=),
            // and None when it does not hold.
            let holds = super::set::compare(op, a, b)?;
            Ok(holds.then_some(match op {
                CmpOp::Lt | CmpOp::Le => Ordering::Less,
                _ => Ordering::Greater,
            }))
        }
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

fn seq_order(op: CmpOp, x: &[Value], y: &[Value], hook: &mut Hook) -> PyResult<Option<Ordering>> {
    nested(|| {
        for (p, q) in x.iter().zip(y.iter()) {
            if !eq_with(p, q, hook)? {
                return order_with(op, p, q, hook);
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    })
}

/// `x <op> y` for two small ints or two floats (a NaN is unordered: only
/// `!=` holds), for the six orderings (`None` for `is` and `in`).
#[inline(always)]
pub fn ordered<T: PartialOrd>(op: CmpOp, x: T, y: T) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        _ => return None,
    })
}

/// `a <op> b` for COMPARE_OP.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b)
        && let Some(r) = ordered(op, *x, *y)
    {
        return Ok(Value::Bool(r));
    }
    compare_with(op, a, b, &mut |_, _, _| None)
}

/// [`compare`], with `hook` comparing instances inside containers.
pub fn compare_with(op: CmpOp, a: &Value, b: &Value, hook: &mut Hook) -> PyResult<Value> {
    let r = match op {
        CmpOp::Eq => eq_with(a, b, hook)?,
        CmpOp::Ne => !eq_with(a, b, hook)?,
        CmpOp::Is => is(a, b),
        CmpOp::IsNot => !is(a, b),
        CmpOp::In => contains_with(b, a, hook)?,
        CmpOp::NotIn => !contains_with(b, a, hook)?,
        CmpOp::Lt => order_with(op, a, b, hook)? == Some(Ordering::Less),
        CmpOp::Le => matches!(
            order_with(op, a, b, hook)?,
            Some(Ordering::Less | Ordering::Equal)
        ),
        CmpOp::Gt => order_with(op, a, b, hook)? == Some(Ordering::Greater),
        CmpOp::Ge => matches!(
            order_with(op, a, b, hook)?,
            Some(Ordering::Greater | Ordering::Equal)
        ),
    };
    Ok(Value::Bool(r))
}

/// `item in container`.
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    contains_with(container, item, &mut |_, _, _| None)
}

/// [`contains`], with `hook` comparing instances.
pub fn contains_with(container: &Value, item: &Value, hook: &mut Hook) -> PyResult<bool> {
    match container {
        Value::Globals(ns) => Ok(matches!(item, Value::Str(k) if ns.get(k).is_some())),
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(sub.as_str())),
            _ => Err(PyErr::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                item.type_name()
            ))),
        },
        Value::List(l) => {
            let items = l.borrow().to_vec();
            for v in &items {
                if member_eq(v, item, hook)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) => Ok(d.borrow().get(item)?.is_some()),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            super::bytes::contains(container, item)
        }
        Value::Set(_) | Value::FrozenSet(_) => super::set::contains(container, item),
        Value::View(view) => match view.0 {
            super::dict::ViewKind::Keys => Ok(view.1.borrow().get(item)?.is_some()),
            kind => Ok(super::dict::view_items(kind, &view.1.borrow())
                .iter()
                .any(|v| is(v, item) || eq(v, item))),
        },
        Value::Tuple(t) => {
            for v in t.iter() {
                if member_eq(v, item, hook)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Range(r) => Ok(match item {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) if r.big.is_some() => {
                let i = item.as_bigint().unwrap_or_default();
                let [start, stop, step, _] = r.parts();
                let inside = if step.is_positive() {
                    start <= i && i < stop
                } else {
                    stop < i && i <= start
                };
                inside && ((i - start) % step).is_zero()
            }
            Value::Bool(b) => contains(container, &Value::Int(*b as i64))?,
            Value::Float(f) if f.fract() == 0.0 => {
                let whole: Option<BigInt> = num_traits::FromPrimitive::from_f64(*f);
                match whole {
                    Some(w) => contains(container, &Value::from_bigint(w))?,
                    None => false,
                }
            }
            Value::Int(i) => {
                let i = *i;
                let inside = if r.step > 0 {
                    r.start <= i && i < r.stop
                } else {
                    r.stop < i && i <= r.start
                };
                inside && (i as i128 - r.start as i128) % r.step as i128 == 0
            }
            _ => false,
        }),
        _ => Err(PyErr::type_error(format!(
            "argument of type '{}' is not iterable",
            container.type_name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::Int(i)
    }

    #[test]
    fn floor_division_and_modulo_follow_the_divisor() {
        // Expected values from CPython 3.11.
        let cases = [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (i64::MIN, -1, 0, 0),
        ];
        for (a, b, q, r) in cases {
            let got_q = binary(BinOp::FloorDiv, &int(a), &int(b)).unwrap();
            let got_r = binary(BinOp::Mod, &int(a), &int(b)).unwrap();
            if a == i64::MIN {
                assert_eq!(got_q.repr(), "9223372036854775808");
                assert_eq!(got_r.repr(), "0");
            } else {
                assert_eq!(
                    (got_q.repr(), got_r.repr()),
                    (q.to_string(), r.to_string()),
                    "{a} {b}"
                );
            }
        }
        assert_eq!(
            binary(BinOp::Mod, &Value::Float(-7.5), &int(2))
                .unwrap()
                .repr(),
            "0.5"
        );
        assert_eq!(
            binary(BinOp::FloorDiv, &Value::Float(7.0), &Value::Float(-2.0))
                .unwrap()
                .repr(),
            "-4.0"
        );
    }

    #[test]
    fn overflow_promotes_to_big_ints() {
        let big = binary(BinOp::Mul, &int(i64::MAX), &int(2)).unwrap();
        assert_eq!(big.repr(), "18446744073709551614");
        let back = binary(BinOp::Sub, &big, &int(i64::MAX)).unwrap();
        assert!(matches!(back, Value::Int(i64::MAX)));
        assert_eq!(
            binary(BinOp::Pow, &int(2), &int(100)).unwrap().repr(),
            "1267650600228229401496703205376"
        );
        assert_eq!(
            binary(BinOp::Pow, &int(2), &int(-2)).unwrap().repr(),
            "0.25"
        );
        assert_eq!(
            binary(BinOp::Lshift, &int(1), &int(64)).unwrap().repr(),
            "18446744073709551616"
        );
    }

    #[test]
    fn errors_carry_cpython_messages() {
        let e = binary(BinOp::TrueDiv, &int(1), &int(0)).unwrap_err();
        assert_eq!(e.last_line(), "ZeroDivisionError: division by zero");
        let e = binary(BinOp::Add, &int(1), &Value::str("a")).unwrap_err();
        assert_eq!(
            e.last_line(),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
        );
        let e = binary(BinOp::Add, &Value::str("a"), &int(1)).unwrap_err();
        assert_eq!(
            e.last_line(),
            "TypeError: can only concatenate str (not \"int\") to str"
        );
        let e = binary(BinOp::Mul, &Value::str("a"), &Value::str("b")).unwrap_err();
        assert_eq!(
            e.last_line(),
            "TypeError: can't multiply sequence by non-int of type 'str'"
        );
        let e = compare(CmpOp::Lt, &int(1), &Value::str("a")).unwrap_err();
        assert_eq!(
            e.last_line(),
            "TypeError: '<' not supported between instances of 'int' and 'str'"
        );
    }

    #[test]
    fn comparisons_mix_ints_and_floats_exactly() {
        assert!(eq(&int(1), &Value::Float(1.0)));
        assert!(eq(&Value::Bool(true), &int(1)));
        let big = Value::from_bigint(BigInt::from(2).pow(60u32) + 1);
        assert!(!eq(&big, &Value::Float(2f64.powi(60))));
        assert_eq!(
            compare(CmpOp::Gt, &big, &Value::Float(2f64.powi(60)))
                .unwrap()
                .repr(),
            "True"
        );
        assert_eq!(
            compare(CmpOp::Lt, &Value::str("abc"), &Value::str("abd"))
                .unwrap()
                .repr(),
            "True"
        );
    }
}
