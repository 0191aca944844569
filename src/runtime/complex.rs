//! Complex numbers: `1j`, `complex(re, im)`, their arithmetic with ints
//! and floats, repr, hash and attributes, as CPython's `complex`.

use std::rc::Rc;

use super::{ExcKind, PyErr, PyResult, Value, float};
use crate::bytecode::BinOp;

/// A complex value: its real and imaginary parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// `.real`
    pub re: f64,
    /// `.imag`
    pub im: f64,
}

/// A complex value.
pub fn value(re: f64, im: f64) -> Value {
    Value::Complex(Rc::new(Complex { re, im }))
}

/// The value as a complex number, if it is a number (ints, bools, floats,
/// complex); an int too large for a float is an OverflowError.
pub fn of(v: &Value) -> Option<PyResult<Complex>> {
    Some(Ok(match v {
        Value::Complex(c) => **c,
        Value::Int(i) => Complex {
            re: *i as f64,
            im: 0.0,
        },
        Value::Bool(b) => Complex {
            re: *b as u8 as f64,
            im: 0.0,
        },
        Value::Float(f) => Complex { re: *f, im: 0.0 },
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            match b.to_f64().filter(|f| f.is_finite()) {
                Some(re) => Complex { re, im: 0.0 },
                None => {
                    return Some(Err(PyErr::new(
                        ExcKind::OverflowError,
                        "int too large to convert to float",
                    )));
                }
            }
        }
        _ => return None,
    }))
}

/// `a <op> b` when one operand is complex and the other a number; `None`
/// when the operator does not apply to complex numbers (or an operand is
/// not a number).
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if !matches!(a, Value::Complex(_)) && !matches!(b, Value::Complex(_)) {
        return None;
    }
    let (x, y) = match (of(a)?, of(b)?) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    Some(match op {
        BinOp::Add => Ok(value(x.re + y.re, x.im + y.im)),
        BinOp::Sub => Ok(value(x.re - y.re, x.im - y.im)),
        BinOp::Mul => Ok(value(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re)),
        BinOp::TrueDiv => divide(x, y).map(|c| value(c.re, c.im)),
        BinOp::Pow => power(x, y, b).map(|c| value(c.re, c.im)),
        _ => return None,
    })
}

/// `x / y`, scaled as CPython's to avoid needless overflow.
fn divide(x: Complex, y: Complex) -> PyResult<Complex> {
    if y.re == 0.0 && y.im == 0.0 {
        return Err(PyErr::new(
            ExcKind::ZeroDivisionError,
            "complex division by zero",
        ));
    }
    let (abs_re, abs_im) = (y.re.abs(), y.im.abs());
    Ok(if abs_re >= abs_im {
        let ratio = y.im / y.re;
        let denom = y.re + y.im * ratio;
        Complex {
            re: (x.re + x.im * ratio) / denom,
            im: (x.im - x.re * ratio) / denom,
        }
    } else {
        let ratio = y.re / y.im;
        let denom = y.re * ratio + y.im;
        Complex {
            re: (x.re * ratio + x.im) / denom,
            im: (x.im * ratio - x.re) / denom,
        }
    })
}

fn mul(x: Complex, y: Complex) -> Complex {
    Complex {
        re: x.re * y.re - x.im * y.im,
        im: x.re * y.im + x.im * y.re,
    }
}

/// `x ** y`: by repeated multiplication for small integer exponents (as
/// CPython, so `(1j) ** 2` is exactly -1), else through polar form.
fn power(x: Complex, y: Complex, exponent: &Value) -> PyResult<Complex> {
    if let Value::Int(n) = exponent
        && n.unsigned_abs() <= 100
    {
        let mut result = Complex { re: 1.0, im: 0.0 };
        let mut base = x;
        let mut k = n.unsigned_abs();
        while k > 0 {
            if k & 1 == 1 {
                result = mul(result, base);
            }
            base = mul(base, base);
            k >>= 1;
        }
        return if *n < 0 {
            divide(Complex { re: 1.0, im: 0.0 }, result)
        } else {
            Ok(result)
        };
    }
    if y.re == 0.0 && y.im == 0.0 {
        return Ok(Complex { re: 1.0, im: 0.0 });
    }
    if x.re == 0.0 && x.im == 0.0 {
        if y.im != 0.0 || y.re < 0.0 {
            return Err(PyErr::new(
                ExcKind::ZeroDivisionError,
                "0.0 to a negative or complex power",
            ));
        }
        return Ok(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = x.re.hypot(x.im);
    let mut len = vabs.powf(y.re);
    let at = x.im.atan2(x.re);
    let mut phase = at * y.re;
    if y.im != 0.0 {
        len /= (at * y.im).exp();
        phase += y.im * vabs.ln();
    }
    let r = Complex {
        re: len * phase.cos(),
        im: len * phase.sin(),
    };
    if !r.re.is_finite() || !r.im.is_finite() {
        return Err(PyErr::new(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(r)
}

/// One part of a complex repr: as a float's repr, but integral values
/// without the `.0`.
fn part(f: f64) -> String {
    if f.is_finite() && f == f.trunc() && f.abs() < 1e16 {
        format!("{}", f as i64)
    } else {
        float::repr(f)
    }
}

/// `repr(c)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn repr(c: &Complex) -> String {
    let im = if c.im == 0.0 && c.im.is_sign_negative() {
        "-0".to_string()
    } else {
        part(c.im)
    };
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{im}j");
    }
    let re = if c.re == 0.0 {
        "-0".to_string()
    } else {
        part(c.re)
    };
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({re}{sign}{im}j)")
}

/// `hash(c)`, as CPython combines the parts' hashes.
pub fn hash(c: &Complex) -> i64 {
    let re = super::hash::hash(&Value::Float(c.re)).unwrap_or(0);
    let im = super::hash::hash(&Value::Float(c.im)).unwrap_or(0);
    let h = re.wrapping_add(im.wrapping_mul(1_000_003));
    if h == -1 { -2 } else { h }
}

/// `complex("1+2j")`: CPython's accepted forms (spaces around, parentheses).
pub fn parse(text: &str) -> PyResult<Complex> {
    let bad = || PyErr::value_error("complex() arg is a malformed string");
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() {
        return Err(bad());
    }
    let float_of = |t: &str| -> PyResult<f64> {
        match t {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => t
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .filter(|_| !t.contains(char::is_whitespace))
                .ok_or_else(bad),
        }
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Ok(Complex {
            re: float_of(s).and_then(|f| if s.is_empty() { Err(bad()) } else { Ok(f) })?,
            im: 0.0,
        });
    };
    // The split between the real and imaginary parts: the last sign that
    // does not follow an exponent marker.
    let bytes = body.as_bytes();
    let mut split = None;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    match split {
        Some(i) => Ok(Complex {
            re: float_of(&body[..i]).and_then(|f| if i == 0 { Err(bad()) } else { Ok(f) })?,
            im: float_of(&body[i..])?,
        }),
        None => Ok(Complex {
            re: 0.0,
            im: float_of(body)?,
        }),
    }
}
