//! Constant expressions, as CPython 3.11's AST optimizer folds them before
//! compiling. The compiler does not fold in general; it asks this module
//! where folding decides what CPython emits in a way a program can see:
//! a set display of three or more constants is built from a frozenset
//! constant, and a display of constants iterated by `for` (or tested by
//! `in`) is one, and a set's table (so its iteration order) depends on
//! how it was built.
//!
//! Folded: literals; `-`, `+`, `~`, `not` of a constant; arithmetic on
//! constants within CPython's size limits (ints of at most 128 bits from
//! `*`, `**` and `<<`; strings and bytes up to 4096 long and tuples up to 256
//! items from `*`); tuples of constants.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::parse::ast;
use crate::bytecode::BinOp;
use crate::runtime::{Value, ops};

/// Largest int (in bits) CPython's optimizer makes by `*`, `**` or `<<`.
const MAX_INT_BITS: u64 = 128;

/// Longest str CPython's optimizer makes by `*`.
const MAX_STR_LEN: usize = 4096;

/// Longest tuple CPython's optimizer makes by `*`.
const MAX_TUPLE_LEN: usize = 256;

/// The value of a number literal.
pub fn number(n: &ast::Number) -> Option<Value> {
    match n {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => Some(Value::Int(v)),
            None => {
                let text = i.to_string().replace('_', "");
                let (digits, radix) = match text.get(..2) {
                    Some("0x" | "0X") => (&text[2..], 16),
                    Some("0o" | "0O") => (&text[2..], 8),
                    Some("0b" | "0B") => (&text[2..], 2),
                    _ => (&text[..], 10),
                };
                BigInt::parse_bytes(digits.as_bytes(), radix).map(Value::from_bigint)
            }
        },
        ast::Number::Float(f) => Some(Value::Float(*f)),
        ast::Number::Complex { real, imag } => Some(crate::runtime::complex::value(*real, *imag)),
    }
}

/// The value of a bytes literal (its parts joined).
pub fn bytes_literal(b: &ast::BytesLiteralValue) -> Value {
    crate::runtime::bytes::bytes(b.bytes().collect())
}

/// The value `e` folds to, if it is a constant.
pub fn constant(e: &ast::Expr) -> Option<Value> {
    use ast::Expr;
    match e {
        Expr::NumberLiteral(n) => number(&n.value),
        Expr::StringLiteral(s) => Some(Value::str(s.value.to_str())),
        Expr::BytesLiteral(b) => Some(bytes_literal(&b.value)),
        Expr::BooleanLiteral(b) => Some(Value::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Value::None),
        Expr::UnaryOp(u) => {
            let v = constant(&u.operand)?;
            match u.op {
                ast::UnaryOp::Not => Some(Value::Bool(!v.truthy())),
                ast::UnaryOp::USub => ops::unary('-', &v).ok(),
                ast::UnaryOp::UAdd => ops::unary('+', &v).ok(),
                ast::UnaryOp::Invert => ops::unary('~', &v).ok(),
            }
        }
        Expr::BinOp(b) => fold_binop(
            super::codegen::binop(b.op),
            constant(&b.left)?,
            constant(&b.right)?,
        ),
        Expr::Tuple(t) => t
            .elts
            .iter()
            .map(constant)
            .collect::<Option<Vec<_>>>()
            .map(Value::tuple),
        _ => None,
    }
}

/// `a op b` folded, unless CPython's optimizer would leave it to run time
/// (an error, or a result past its size limits).
fn fold_binop(op: BinOp, a: Value, b: Value) -> Option<Value> {
    let nonzero_ints = match (a.as_bigint(), b.as_bigint()) {
        (Some(x), Some(y)) if !x.is_zero() && !y.is_zero() => Some((x, y)),
        _ => None,
    };
    match op {
        BinOp::Mul => {
            if let Some((x, y)) = &nonzero_ints
                && x.bits() + y.bits() > MAX_INT_BITS
            {
                return None;
            }
            let (n, seq) = match (&a, &b) {
                (Value::Str(_) | Value::Tuple(_) | Value::Bytes(_), _) => (b.as_bigint(), &a),
                (_, Value::Str(_) | Value::Tuple(_) | Value::Bytes(_)) => (a.as_bigint(), &b),
                _ => (None, &a),
            };
            if let Some(n) = n {
                let (len, max) = match seq {
                    Value::Str(s) => (s.chars().count(), MAX_STR_LEN),
                    Value::Bytes(b) => (b.len(), MAX_STR_LEN),
                    Value::Tuple(t) => (t.len(), MAX_TUPLE_LEN),
                    _ => unreachable!("a str or tuple"),
                };
                if len > 0 && (n.is_negative() || n > BigInt::from(max / len)) {
                    return None;
                }
            }
        }
        BinOp::Pow => {
            if let Some((x, y)) = &nonzero_ints
                && y.is_positive()
                && y.to_u64()
                    .is_none_or(|e| x.bits().saturating_mul(e) > MAX_INT_BITS)
            {
                return None;
            }
        }
        BinOp::Lshift => {
            if let Some((x, y)) = &nonzero_ints
                && y.to_u64()
                    .is_none_or(|s| x.bits().saturating_add(s) > MAX_INT_BITS)
            {
                return None;
            }
        }
        // `str % x` is formatting: left to run time.
        BinOp::Mod if matches!(a, Value::Str(_) | Value::Bytes(_)) => return None,
        _ => {}
    }
    ops::binary(op, &a, &b).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(src: &str) -> Option<String> {
        let lines = super::super::parse::LineIndex::new(src);
        let m = super::super::parse::parse(src, "<test>", &lines).expect("parses");
        let ast::Stmt::Expr(e) = &m.body[0] else {
            panic!("an expression statement")
        };
        constant(&e.value).map(|v| v.repr())
    }

    #[test]
    fn folds_what_cpython_folds() {
        assert_eq!(fold("-1").as_deref(), Some("-1"));
        assert_eq!(
            fold("(1, -2.5, 'a', None)").as_deref(),
            Some("(1, -2.5, 'a', None)")
        );
        assert_eq!(fold("2 ** 10 + 3").as_deref(), Some("1027"));
        assert_eq!(fold("not 0").as_deref(), Some("True"));
        assert_eq!(fold("'ab' * 3").as_deref(), Some("'ababab'"));
        assert_eq!(fold("x + 1"), None);
        assert_eq!(fold("1 / 0"), None);
        assert_eq!(fold("2 ** 200"), None);
        assert_eq!(fold("1 << 200"), None);
        assert_eq!(fold("'a' * 5000"), None);
        assert_eq!(fold("'%d' % 5"), None);
        assert_eq!(fold("[1]"), None);
    }
}
