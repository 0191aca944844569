//! `math`: every function and constant of CPython 3.11's math module,
//! with its results and its errors (`math domain error`, OverflowError
//! `math range error`).

// The coefficients are written as published, digits beyond f64's kept.
#![allow(clippy::excessive_precision)]

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use super::{arity, err, obj, type_err, val};
use crate::bytecode::BinOp;
use crate::embed::Result;
use crate::runtime::builtins::Host;
use crate::runtime::{ExcKind, Value};
use crate::{Args, Error, Object, Vm};

fn domain() -> Error {
    err(ExcKind::ValueError, "math domain error")
}

fn range() -> Error {
    err(ExcKind::OverflowError, "math range error")
}

fn py(e: crate::runtime::PyErr) -> Error {
    Error::from_py(e)
}

/// `x` as a float, as CPython's `PyFloat_AsDouble`: floats, ints (an int
/// too large is an OverflowError), objects with `__float__` or `__index__`.
pub(crate) fn to_f64(vm: &mut Vm, v: &Value) -> Result<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(b) => big_to_f64(b),
        Value::Instance(_) => {
            for name in ["__float__", "__index__"] {
                if let Some(r) = Host::special(vm, v, name).map_err(py)? {
                    return to_f64(vm, &r);
                }
            }
            Err(not_real(v))
        }
        _ => Err(not_real(v)),
    }
}

fn not_real(v: &Value) -> Error {
    type_err(format!("must be real number, not {}", v.type_name()))
}

fn big_to_f64(b: &BigInt) -> Result<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(err(
            ExcKind::OverflowError,
            "int too large to convert to float",
        )),
    }
}

/// `v` as an int (ints, bools and objects with `__index__`).
fn to_int(vm: &mut Vm, v: &Value) -> Result<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) => match Host::special(vm, v, "__index__").map_err(py)? {
            Some(r @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => to_int(vm, &r),
            _ => Err(not_int(v)),
        },
        _ => Err(not_int(v)),
    }
}

fn not_int(v: &Value) -> Error {
    type_err(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

fn int_value(b: BigInt) -> Object {
    obj(Value::from_bigint(b))
}

/// A whole float as an int, with CPython's errors for NaN and infinities.
fn float_to_int(f: f64) -> Result<Object> {
    if f.is_nan() {
        return Err(err(
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(err(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    if f.abs() < 9.0e18 {
        return Ok(obj(Value::Int(f as i64)));
    }
    Ok(int_value(BigInt::from_f64(f).unwrap_or_default()))
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an
/// infinity from a finite input is a range error if the function can
/// overflow, else a domain error.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> Result<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

macro_rules! unary {
    ($b:ident, $( $name:literal => $f:expr, $overflow:expr; )*) => {
        $b $(
            .function($name, |vm, (x,): (Object,)| {
                let x = to_f64(vm, val(&x))?;
                math_1(x, $f, $overflow)
            })
        )*
    };
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let b = vm
        .module("math")
        .constant("pi", std::f64::consts::PI)
        .constant("e", std::f64::consts::E)
        .constant("tau", std::f64::consts::TAU)
        .constant("inf", f64::INFINITY)
        .constant("nan", f64::NAN);
    let b = unary!(b,
        "acos" => f64::acos, false;
        "acosh" => acosh, false;
        "asin" => f64::asin, false;
        "asinh" => asinh, false;
        "atan" => f64::atan, false;
        "atanh" => atanh, false;
        "cbrt" => cbrt, false;
        "cos" => f64::cos, false;
        "cosh" => f64::cosh, true;
        "erf" => erf, false;
        "erfc" => erfc, false;
        "exp" => f64::exp, true;
        "exp2" => exp2, true;
        "expm1" => f64::exp_m1, true;
        "fabs" => f64::abs, false;
        "log1p" => f64::ln_1p, false;
        "sin" => f64::sin, false;
        "sinh" => f64::sinh, true;
        "sqrt" => f64::sqrt, false;
        "tan" => f64::tan, false;
        "tanh" => f64::tanh, false;
        "degrees" => f64::to_degrees, true;
        "radians" => f64::to_radians, false;
    );
    b.function("ceil", |vm, (x,): (Object,)| {
        rounding(vm, &x, "__ceil__", f64::ceil)
    })
    .function("floor", |vm, (x,): (Object,)| {
        rounding(vm, &x, "__floor__", f64::floor)
    })
    .function("trunc", |vm, (x,): (Object,)| {
        rounding(vm, &x, "__trunc__", f64::trunc)
    })
    .function("gamma", |vm, (x,): (Object,)| gamma(to_f64(vm, val(&x))?))
    .function("lgamma", |vm, (x,): (Object,)| lgamma(to_f64(vm, val(&x))?))
    .function("isfinite", |vm, (x,): (Object,)| {
        Ok(to_f64(vm, val(&x))?.is_finite())
    })
    .function("isinf", |vm, (x,): (Object,)| {
        Ok(to_f64(vm, val(&x))?.is_infinite())
    })
    .function("isnan", |vm, (x,): (Object,)| {
        Ok(to_f64(vm, val(&x))?.is_nan())
    })
    .function("copysign", |vm, (x, y): (Object, Object)| {
        Ok(to_f64(vm, val(&x))?.copysign(to_f64(vm, val(&y))?))
    })
    .function("atan2", |vm, (y, x): (Object, Object)| {
        Ok(to_f64(vm, val(&y))?.atan2(to_f64(vm, val(&x))?))
    })
    .function("fmod", |vm, (x, y): (Object, Object)| {
        fmod(to_f64(vm, val(&x))?, to_f64(vm, val(&y))?)
    })
    .function("remainder", |vm, (x, y): (Object, Object)| {
        remainder(to_f64(vm, val(&x))?, to_f64(vm, val(&y))?)
    })
    .function("pow", |vm, (x, y): (Object, Object)| {
        pow(to_f64(vm, val(&x))?, to_f64(vm, val(&y))?)
    })
    .function("ldexp", |vm, (x, i): (Object, Object)| ldexp(vm, &x, &i))
    .function("frexp", |vm, (x,): (Object,)| {
        Ok(frexp(to_f64(vm, val(&x))?))
    })
    .function("modf", |vm, (x,): (Object,)| {
        let x = to_f64(vm, val(&x))?;
        if x.is_infinite() {
            return Ok((0.0f64.copysign(x), x));
        }
        let i = x.trunc();
        Ok(((x - i).copysign(x), i))
    })
    .function("log", log)
    .function("log2", |vm, (x,): (Object,)| log_of(vm, val(&x), f64::log2))
    .function("log10", |vm, (x,): (Object,)| {
        log_of(vm, val(&x), f64::log10)
    })
    .function("isqrt", |vm, (n,): (Object,)| {
        let n = to_int(vm, val(&n))?;
        if n.is_negative() {
            return Err(err(
                ExcKind::ValueError,
                "isqrt() argument must be nonnegative",
            ));
        }
        Ok(int_value(n.sqrt()))
    })
    .function("factorial", |vm, (n,): (Object,)| factorial(vm, &n))
    .function("gcd", |vm, args: Args| {
        let mut g = BigInt::zero();
        for a in &args.positional {
            g = g.gcd(&to_int(vm, val(a))?);
        }
        Ok(int_value(g))
    })
    .function("lcm", |vm, args: Args| {
        let mut l = BigInt::one();
        for a in &args.positional {
            let a = to_int(vm, val(a))?;
            l = if l.is_zero() || a.is_zero() {
                BigInt::zero()
            } else {
                l.lcm(&a)
            };
        }
        Ok(int_value(l))
    })
    .function("comb", |vm, (n, k): (Object, Object)| {
        let (n, k) = (to_int(vm, val(&n))?, to_int(vm, val(&k))?);
        nonneg(&n, "n")?;
        nonneg(&k, "k")?;
        if k > n {
            return Ok(int_value(BigInt::zero()));
        }
        let k = std::cmp::min(k.clone(), &n - &k);
        Ok(int_value(falling(vm, &n, &k)? / factorial_big(vm, &k)?))
    })
    .function("perm", |vm, args: Args| {
        arity("perm", &args, 1, 2)?;
        let n = to_int(vm, val(&args.positional[0]))?;
        let k = match args.positional.get(1).map(|o| val(o).clone()) {
            None | Some(Value::None) => n.clone(),
            Some(k) => to_int(vm, &k)?,
        };
        nonneg(&n, "n")?;
        nonneg(&k, "k")?;
        if k > n {
            return Ok(int_value(BigInt::zero()));
        }
        Ok(int_value(falling(vm, &n, &k)?))
    })
    .function("prod", prod)
    .function("fsum", |vm, (it,): (Object,)| {
        let items = Host::items(vm, val(&it)).map_err(py)?;
        let mut xs = Vec::with_capacity(items.len());
        for v in &items {
            xs.push(to_f64(vm, v)?);
        }
        fsum(&xs)
    })
    .function("hypot", |vm, args: Args| {
        if let Some((k, _)) = args.keywords.first() {
            return Err(type_err(format!(
                "hypot() takes no keyword arguments (got '{k}')"
            )));
        }
        let mut xs = Vec::with_capacity(args.positional.len());
        for a in &args.positional {
            xs.push(to_f64(vm, val(a))?);
        }
        Ok(vector_norm(&xs))
    })
    .function("dist", |vm, (p, q): (Object, Object)| {
        for v in [&p, &q] {
            if !matches!(val(v), Value::Tuple(_) | Value::List(_)) {
                return Err(type_err(format!(
                    "dist(): argument must be tuple, not {}",
                    val(v).type_name()
                )));
            }
        }
        let p = Host::items(vm, val(&p)).map_err(py)?;
        let q = Host::items(vm, val(&q)).map_err(py)?;
        if p.len() != q.len() {
            return Err(err(
                ExcKind::ValueError,
                "both points must have the same number of dimensions",
            ));
        }
        let mut d = Vec::with_capacity(p.len());
        for (a, b) in p.iter().zip(&q) {
            d.push((to_f64(vm, a)? - to_f64(vm, b)?).abs());
        }
        Ok(vector_norm(&d))
    })
    .function("isclose", isclose)
    .function("nextafter", |vm, (x, y): (Object, Object)| {
        Ok(nextafter(to_f64(vm, val(&x))?, to_f64(vm, val(&y))?))
    })
    .function("ulp", |vm, (x,): (Object,)| Ok(ulp(to_f64(vm, val(&x))?)))
    .register()
}

// acosh, asinh and atanh as fdlibm (and glibc) compute them: Rust's
// own formulas differ in the last bits.
const LN2: f64 = std::f64::consts::LN_2;

fn acosh(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x >= 268_435_456.0 {
        if x.is_infinite() {
            return x;
        }
        return x.ln() + LN2;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

fn asinh(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let a = x.abs();
    if a < 3.725_290_298_461_914e-9 {
        return x;
    }
    let w = if a > 268_435_456.0 {
        a.ln() + LN2
    } else if a > 2.0 {
        (2.0 * a + 1.0 / ((x * x + 1.0).sqrt() + a)).ln()
    } else {
        let t = x * x;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn atanh(x: f64) -> f64 {
    let a = x.abs();
    if x.is_nan() || a >= 1.0 {
        // |x| == 1 is a domain error too, as CPython says.
        return f64::NAN;
    }
    if a < 3.725_290_298_461_914e-9 {
        return x;
    }
    let t = if a < 0.5 {
        let t = a + a;
        0.5 * (t + t * a / (1.0 - a)).ln_1p()
    } else {
        0.5 * ((a + a) / (1.0 - a)).ln_1p()
    };
    t.copysign(x)
}

/// `2**x`, exact at the integers (Rust's `exp2` is not always).
fn exp2(x: f64) -> f64 {
    if x == x.trunc() && x.abs() <= 1100.0 {
        return 2f64.powi(x as i32);
    }
    x.exp2()
}

/// The cube root as glibc computes it (a polynomial, one rational
/// correction step), so the last bit is CPython's on Linux.
fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354_895_765_043_919_86
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_3
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    let r = if x > 0.0 { ym } else { -ym };
    r * 2f64.powi(xe / 3)
}

/// `math.floor`/`ceil`/`trunc`: ints as they are, `__floor__` and the
/// like for instances, floats rounded to an int.
fn rounding(vm: &mut Vm, x: &Object, special: &str, f: fn(f64) -> f64) -> Result<Object> {
    match val(x) {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(obj(Value::Int(i64::from(*b)))),
        Value::Float(v) => float_to_int(f(*v)),
        v @ Value::Instance(_) => {
            if let Some(r) = Host::special(vm, v, special).map_err(py)? {
                return Ok(obj(r));
            }
            if special == "__trunc__" {
                return Err(type_err(format!(
                    "type {} doesn't define __trunc__ method",
                    v.type_name()
                )));
            }
            float_to_int(f(to_f64(vm, v)?))
        }
        v => {
            if special == "__trunc__" {
                return Err(type_err(format!(
                    "type {} doesn't define __trunc__ method",
                    v.type_name()
                )));
            }
            Err(not_real(v))
        }
    }
}

fn fmod(x: f64, y: f64) -> Result<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(r)
}

fn remainder(x: f64, y: f64) -> Result<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(x);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half-way: the even multiple.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(1.0f64.copysign(x) * r)
}

fn pow(x: f64, y: f64) -> Result<f64> {
    if x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain() } else { range() });
        }
        return Ok(r);
    }
    // Non-finite operands: C99's special values, never an error.
    if x.is_nan() {
        return Ok(if y == 0.0 { 1.0 } else { x });
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    Ok(x.powf(y))
}

fn ldexp(vm: &mut Vm, x: &Object, i: &Object) -> Result<f64> {
    let x = to_f64(vm, val(x))?;
    let e = match val(i) {
        Value::Float(_) => return Err(type_err("Expected an int as second argument to ldexp.")),
        other => to_int(vm, other)?,
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let e = e.clamp(-20000, 20000) as i32;
    // Scale in steps that cannot overflow or lose bits early.
    let mut r = x;
    let mut left = e;
    while left > 0 {
        let step = left.min(1000);
        r *= 2f64.powi(step);
        left -= step;
        if r.is_infinite() {
            return Err(range());
        }
    }
    if left < 0 {
        // Exact when the result is normal; one rounding when subnormal.
        let (m, ex) = frexp(r);
        let target = ex + left;
        if target < -1074 - 1 {
            return Ok(0.0f64.copysign(x));
        }
        if target >= -1021 {
            r = m * 2f64.powi(target);
        } else {
            // Subnormal: scale to the edge exactly, then once.
            r = m * 2f64.powi(-1021) * 2f64.powi(target + 1021);
        }
    }
    Ok(r)
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1` (or m = x for
/// zero, infinities and NaN).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// `log(x[, base])`.
fn log(vm: &mut Vm, args: Args) -> Result<f64> {
    arity("log", &args, 1, 2)?;
    let x = log_of(vm, val(&args.positional[0]), f64::ln)?;
    match args.positional.get(1) {
        None => Ok(x),
        Some(b) => {
            let b = log_of(vm, val(b), f64::ln)?;
            if b == 0.0 {
                return Err(err(ExcKind::ZeroDivisionError, "float division by zero"));
            }
            Ok(x / b)
        }
    }
}

/// A logarithm of a float or an int (a big int by its top bits and its
/// length, as CPython's `loghelper`).
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> Result<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain());
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // As CPython: n = x * 2**e with 0.5 <= x < 1, log(x) + log(2) * e.
        let e = b.bits();
        let top: BigInt = &**b >> (e - 64);
        let x = top.to_u64().unwrap_or(u64::MAX) as f64 * 2f64.powi(-64);
        return Ok(f(x) + f(2.0) * e as f64);
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn nonneg(n: &BigInt, what: &str) -> Result<()> {
    if n.is_negative() {
        return Err(err(
            ExcKind::ValueError,
            format!("{what} must be a non-negative integer"),
        ));
    }
    Ok(())
}

fn factorial(vm: &mut Vm, n: &Object) -> Result<Object> {
    let n = match val(n) {
        Value::Float(_) => {
            return Err(type_err(
                "'float' object cannot be interpreted as an integer",
            ));
        }
        v => to_int(vm, v)?,
    };
    if n.is_negative() {
        return Err(err(
            ExcKind::ValueError,
            "factorial() not defined for negative values",
        ));
    }
    Ok(int_value(factorial_big(vm, &n)?))
}

fn factorial_big(vm: &mut Vm, n: &BigInt) -> Result<BigInt> {
    let n = n.to_u64().ok_or_else(|| {
        err(
            ExcKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        )
    })?;
    product_range(vm, 1, n)
}

/// `lo * (lo+1) * ... * hi`. A product the memory cap (or the system)
/// could not hold is a MemoryError before any of it is computed; one
/// that fits stops, between its multiplications, at the interrupt
/// handle and the deadline (no instruction runs while it is computed).
fn product_range(vm: &mut Vm, lo: u64, hi: u64) -> Result<BigInt> {
    if lo <= hi {
        // At most bits(hi) bits per factor.
        let bits = (hi - lo)
            .saturating_add(1)
            .saturating_mul(u64::from(64 - hi.leading_zeros()));
        let bytes = usize::try_from(bits / 8).unwrap_or(usize::MAX);
        crate::runtime::alloc::ensure(bytes).map_err(Error::from_py)?;
    }
    split_product(vm, lo, hi)
}

/// [`product_range`]'s work, by binary splitting (balanced operands).
fn split_product(vm: &mut Vm, lo: u64, hi: u64) -> Result<BigInt> {
    if lo > hi {
        return Ok(BigInt::one());
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        let mut acc: u64 = 1;
        for i in lo..=hi {
            match acc.checked_mul(i) {
                Some(a) => acc = a,
                None => {
                    p *= acc;
                    acc = i;
                }
            }
        }
        return Ok(p * acc);
    }
    let mid = lo + (hi - lo) / 2;
    let left = split_product(vm, lo, mid)?;
    let right = split_product(vm, mid + 1, hi)?;
    vm.host.check_stop().map_err(Error::from_py)?;
    Ok(left * right)
}

/// `n * (n-1) * ... * (n-k+1)`.
fn falling(vm: &mut Vm, n: &BigInt, k: &BigInt) -> Result<BigInt> {
    if k.is_zero() {
        return Ok(BigInt::one());
    }
    if let (Some(n), Some(k)) = (n.to_u64(), k.to_u64()) {
        return product_range(vm, n - k + 1, n);
    }
    let k = k.to_u64().ok_or_else(|| {
        err(
            ExcKind::OverflowError,
            format!("k must not exceed {}", i64::MAX),
        )
    })?;
    // k factors of n's size at most.
    let bytes = usize::try_from(k.saturating_mul(n.bits()) / 8).unwrap_or(usize::MAX);
    crate::runtime::alloc::ensure(bytes).map_err(Error::from_py)?;
    let mut p = BigInt::one();
    let mut f = n.clone();
    for i in 0..k {
        if i % 64 == 63 {
            vm.host.check_stop().map_err(Error::from_py)?;
        }
        p *= &f;
        f -= 1;
    }
    Ok(p)
}

/// `prod(iterable, *, start=1)`, with Python's `*`.
fn prod(vm: &mut Vm, args: Args) -> Result<Object> {
    let mut start = Value::Int(1);
    for (k, v) in &args.keywords {
        if k == "start" {
            start = val(v).clone();
        } else {
            return Err(type_err(format!(
                "prod() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    if args.positional.len() != 1 {
        return Err(type_err(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.positional.len()
        )));
    }
    let items = Host::items(vm, val(&args.positional[0])).map_err(py)?;
    let mut acc = start;
    for v in &items {
        acc = Host::binary(vm, BinOp::Mul, &acc, v).map_err(py)?;
    }
    Ok(obj(acc))
}

/// Shewchuk's exactly rounded sum, as CPython's `math.fsum`.
fn fsum(xs: &[f64]) -> Result<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &x0 in xs {
        let mut x = x0;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Overflow of an intermediate sum.
                let x0_inf = x0.is_infinite();
                if !x0_inf {
                    return Err(err(ExcKind::OverflowError, "intermediate overflow in fsum"));
                }
                inf_sum += x0;
                special += x0;
            }
            partials.push(x);
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(err(ExcKind::ValueError, "-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly: look at the next partial's sign.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// The Euclidean norm, as CPython 3.11's `vector_norm` computes it:
/// components scaled by the largest one's power of two, squares summed
/// with their rounding errors (starting from 1.0, so the sum never loses
/// its low bits), the square root corrected once.
fn vector_norm(xs: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for &x in xs {
        let a = x.abs();
        nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return f64::INFINITY;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    let (_, mut max_e) = frexp(max);
    if max_e < -1023 {
        // Subnormal: scale up first, then take the norm of that.
        let up: Vec<f64> = xs.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * vector_norm(&up);
    }
    if max_e > 1023 {
        max_e = 1023;
    }
    let scale = 2f64.powi(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in xs {
        let x = x.abs() * scale;
        let pr_hi = x * x;
        let pr_lo = x.mul_add(x, -pr_hi);
        let sm_hi = csum + pr_hi;
        let sm_lo = (csum - sm_hi) + pr_hi;
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr_hi = -h * h;
    let pr_lo = (-h).mul_add(h, -pr_hi);
    let sm_hi = csum + pr_hi;
    let sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn isclose(vm: &mut Vm, args: Args) -> Result<bool> {
    let (mut rel, mut abs) = (1e-9, 0.0);
    for (k, v) in &args.keywords {
        match k.as_str() {
            "rel_tol" => rel = to_f64(vm, val(v))?,
            "abs_tol" => abs = to_f64(vm, val(v))?,
            _ => {
                return Err(type_err(format!(
                    "isclose() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    if args.positional.len() != 2 {
        return Err(type_err(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.positional.len()
        )));
    }
    let a = to_f64(vm, val(&args.positional[0]))?;
    let b = to_f64(vm, val(&args.positional[1]))?;
    if rel < 0.0 || abs < 0.0 {
        return Err(err(ExcKind::ValueError, "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs)
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}

// erf and erfc: a series in double-double near zero, a continued
// fraction beyond (erfc there to a few ulps).
const SQRTPI: f64 = 1.772_453_850_905_516;

fn erfc_contfrac(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let (mut a, mut da) = (0.0, 0.5);
    let (mut p, mut p_last) = (1.0, 0.0);
    let (mut q, mut q_last) = (da + x2, 1.0);
    for _ in 0..50 {
        a += da;
        da += 2.0;
        let b = da + x2;
        let t = p;
        p = b * p - a * p_last;
        p_last = t;
        let t = q;
        q = b * q - a * q_last;
        q_last = t;
    }
    p / q * x * (-x2).exp() / SQRTPI
}

/// erf(x) for |x| < 2.5 by its Taylor series summed in double-double
/// arithmetic (about 100 bits), so the rounded result is the correctly
/// rounded value glibc's erf gives.
fn erf_dd(x: f64) -> (f64, f64) {
    fn two_sum(a: f64, b: f64) -> (f64, f64) {
        let s = a + b;
        let bb = s - a;
        (s, (a - (s - bb)) + (b - bb))
    }
    fn add(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
        let (s, e) = two_sum(a.0, b.0);
        let e = e + a.1 + b.1;
        let hi = s + e;
        (hi, e - (hi - s))
    }
    fn mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
        let p = a.0 * b.0;
        let e = a.0.mul_add(b.0, -p) + (a.0 * b.1 + a.1 * b.0);
        let hi = p + e;
        (hi, e - (hi - p))
    }
    fn div(a: (f64, f64), d: f64) -> (f64, f64) {
        let q = a.0 / d;
        let r = add(a, mul((q, 0.0), (-d, 0.0)));
        let q2 = r.0 / d;
        let hi = q + q2;
        (hi, q2 - (hi - q))
    }
    let x2 = mul((x, 0.0), (x, 0.0));
    let mut term = (x, 0.0); // x^(2n+1) / n!
    let mut sum = (x, 0.0);
    for n in 1..200u32 {
        term = div(mul(term, x2), f64::from(n));
        let t = div(term, f64::from(2 * n + 1));
        let t = if n % 2 == 1 { (-t.0, -t.1) } else { t };
        sum = add(sum, t);
        if t.0.abs() < 1e-34 * sum.0.abs() {
            break;
        }
    }
    mul(
        sum,
        (std::f64::consts::FRAC_2_SQRT_PI, 1.533_545_961_316_588e-17),
    )
}

fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let a = x.abs();
    if a < 2.5 {
        let (hi, lo) = erf_dd(x);
        hi + lo
    } else {
        let cf = erfc_contfrac(a);
        if x > 0.0 { 1.0 - cf } else { cf - 1.0 }
    }
}

fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let a = x.abs();
    if a < 2.5 {
        let (hi, lo) = erf_dd(x);
        // 1 - (hi + lo), the first subtraction's error kept.
        let s = 1.0 - hi;
        let bb = s - 1.0;
        let e = (1.0 - (s - bb)) + (-hi - bb);
        s + (e - lo)
    } else {
        let cf = erfc_contfrac(a);
        if x > 0.0 { cf } else { 2.0 - cf }
    }
}

// gamma and lgamma: the Lanczos approximation (g = 6.0246800407767296,
// N = 13), as CPython computes them.
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, exact at the integers and half-integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i64;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn gamma(x: f64) -> Result<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain());
    }
    if x == 0.0 {
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for i in 2..(x as u64) {
                f *= i as f64;
            }
            return Ok(f);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        if r.is_infinite() {
            return Err(range());
        }
        return Ok(r);
    }
    if ax > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(range());
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    let q;
    let mut z;
    if ax > LANCZOS_G_MINUS_HALF {
        q = y - ax;
        z = q - LANCZOS_G_MINUS_HALF;
    } else {
        q = y - LANCZOS_G_MINUS_HALF;
        z = q - ax;
    }
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let s = y.powf(ax / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let s = y.powf(ax / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

fn lgamma(x: f64) -> Result<f64> {
    if !x.is_finite() {
        if x.is_nan() {
            return Ok(x);
        }
        return Ok(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(0.0);
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = std::f64::consts::PI.ln() - sinpi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}
