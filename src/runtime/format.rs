//! Formatting: the format-spec mini-language (f-strings, `format()`,
//! `str.format`) and printf-style `%` formatting, as CPython does them for
//! str, int and float.

use num_bigint::BigInt;
use num_traits::Signed;

use super::{PyErr, PyResult, Value, float, ops};

/// A parsed format spec.
#[derive(Debug, Default, Clone)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(s: &str) -> PyResult<Spec> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut spec = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = Some(chars[0]);
        spec.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        spec.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i).filter(|c| matches!(c, '+' | '-' | ' ')) {
        spec.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        spec.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        spec.zero = true;
        i += 1;
    }
    let start = i;
    while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
    }
    if i > start {
        spec.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse::<isize>()
            .map(|w| w as usize)
            .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?;
        super::alloc::ensure(
            spec.width
                .saturating_mul(spec.fill.map_or(1, char::len_utf8)),
        )?;
    }
    if let Some(&c) = chars.get(i).filter(|c| matches!(c, ',' | '_')) {
        spec.grouping = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == start {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        spec.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?,
        );
    }
    if let Some(&c) = chars.get(i) {
        spec.kind = Some(c);
        i += 1;
    }
    if i != chars.len() {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    Ok(spec)
}

/// How formatting turns values into text: `str()` and `repr()`, which for
/// instances of user classes run Python code (the VM implements this).
pub trait Stringify {
    /// `str(v)`.
    fn text(&mut self, v: &Value) -> PyResult<String>;
    /// `repr(v)`.
    fn text_repr(&mut self, v: &Value) -> PyResult<String>;
    /// The character `%c` makes of `v` when it is not the str case (bytes
    /// formatting's own rules); `None` for the str rules.
    fn char_arg(&mut self, _v: &Value) -> Option<PyResult<char>> {
        None
    }
}

/// Formatting without special methods (instances print their default repr).
pub struct Plain;

impl Stringify for Plain {
    fn text(&mut self, v: &Value) -> PyResult<String> {
        Ok(v.to_str())
    }
    fn text_repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(v.repr())
    }
}

/// `format(v, spec)`.
pub fn format_value(tx: &mut dyn Stringify, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return tx.text(v);
    }
    let s = parse_spec(spec)?;
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => format_int(v, &s),
        Value::Float(f) => format_float(*f, &s),
        Value::Str(text) => format_str(text, &s),
        other => {
            if s.kind.is_none() && s.sign.is_none() && !s.alternate && s.grouping.is_none() {
                format_str(&tx.text(other)?, &s)
            } else {
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                )))
            }
        }
    }
}

fn pad(body: &str, s: &Spec, default_align: char, sign_len: usize) -> String {
    let len = body.chars().count();
    if len >= s.width {
        return body.to_string();
    }
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = s.align.unwrap_or(if s.zero && s.fill.is_none() {
        '='
    } else {
        default_align
    });
    let n = s.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{body}{}", f(n)),
        '>' => format!("{}{body}", f(n)),
        '^' => format!("{}{body}{}", f(n / 2), f(n - n / 2)),
        _ => {
            // '=': padding between the sign (and prefix) and the digits.
            let (head, tail) = body.split_at(
                body.char_indices()
                    .nth(sign_len)
                    .map_or(body.len(), |(i, _)| i),
            );
            format!("{head}{}{tail}", f(n))
        }
    }
}

fn format_str(text: &str, s: &Spec) -> PyResult<String> {
    if let Some(k) = s.kind.filter(|k| *k != 's') {
        return Err(PyErr::value_error(format!(
            "Unknown format code '{k}' for object of type 'str'"
        )));
    }
    if s.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad(&body, s, '<', 0))
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn sign_str(negative: bool, s: &Spec) -> &'static str {
    match (negative, s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_int(v: &Value, s: &Spec) -> PyResult<String> {
    let n = v.as_bigint().expect("an int");
    let kind = s.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(ops::int_to_f64(&n)?, s);
    }
    if s.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if kind == 'c' {
        let c = n
            .to_u32_digits()
            .1
            .first()
            .copied()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                PyErr::new(
                    super::ExcKind::OverflowError,
                    "%c arg not in range(0x110000)",
                )
            })?;
        return Ok(pad(&c.to_string(), s, '<', 0));
    }
    let (radix, prefix) = match kind {
        'd' | 'n' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        k => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{k}' for object of type 'int'"
            )));
        }
    };
    let mut digits = n.abs().to_str_radix(radix);
    if kind == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(sep) = s.grouping {
        digits = group(&digits, sep, if radix == 10 { 3 } else { 4 });
    }
    let sign = sign_str(n.is_negative(), s);
    let prefix = if s.alternate { prefix } else { "" };
    let body = format!("{sign}{prefix}{digits}");
    Ok(pad(&body, s, '>', sign.len() + prefix.len()))
}

/// Rust's `{:e}` exponent as Python writes it: `e+05`, `e-12`.
fn py_exponent(sci: &str, upper: bool) -> String {
    let (m, e) = sci.split_once('e').expect("scientific notation");
    let exp: i32 = e.parse().expect("an exponent");
    let e_char = if upper { 'E' } else { 'e' };
    format!(
        "{m}{e_char}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn format_float(x: f64, s: &Spec) -> PyResult<String> {
    let kind = s.kind;
    let body = if x.is_nan() || x.is_infinite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        if matches!(kind, Some('E' | 'F' | 'G')) {
            word.to_uppercase()
        } else {
            word.to_string()
        }
    } else {
        let a = x.abs();
        match kind {
            Some('f' | 'F') => {
                let p = s.precision.unwrap_or(6);
                let mut t = format!("{a:.p$}");
                if s.alternate && p == 0 {
                    t.push('.');
                }
                t
            }
            Some('e' | 'E') => py_exponent(
                &format!("{a:.*e}", s.precision.unwrap_or(6)),
                kind == Some('E'),
            ),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('g' | 'G') => general(
                a,
                s.precision.unwrap_or(6),
                s.alternate,
                kind == Some('G'),
                false,
            ),
            None => match s.precision {
                None => float::repr(a),
                Some(p) => general(a, p, s.alternate, false, true),
            },
            Some(k) => {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{k}' for object of type 'float'"
                )));
            }
        }
    };
    let body = match s.grouping {
        Some(sep) => {
            let end = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            format!("{}{}", group(&body[..end], sep, 3), &body[end..])
        }
        None => body,
    };
    let sign = sign_str(x.is_sign_negative() && !x.is_nan(), s);
    Ok(pad(&format!("{sign}{body}"), s, '>', sign.len()))
}

/// `g` formatting: `p` significant digits, fixed or scientific by exponent.
/// `keep_point` is the no-type variant (`format(x, '.3')`), which keeps at
/// least one digit after the point in fixed notation.
fn general(a: f64, p: usize, alternate: bool, upper: bool, keep_point: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if keep_point || alternate {
            "0.0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{a:.*e}", p - 1);
    let exp: i32 = sci
        .split_once('e')
        .expect("scientific")
        .1
        .parse()
        .expect("exponent");
    let strip = |t: String| -> String {
        if alternate || !t.contains('.') {
            return t;
        }
        let t = t.trim_end_matches('0').to_string();
        if t.ends_with('.') {
            if keep_point {
                format!("{t}0")
            } else {
                t.trim_end_matches('.').to_string()
            }
        } else {
            t
        }
    };
    if exp >= -4 && exp < p as i32 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        strip(format!("{a:.decimals$}"))
    } else {
        let (m, e) = sci.split_once('e').expect("scientific");
        let m = strip(m.to_string());
        py_exponent(&format!("{m}e{e}"), upper)
    }
}

/// printf-style `fmt % args`.
pub fn percent(tx: &mut dyn Stringify, fmt: &str, args: &Value) -> PyResult<String> {
    let (items, mapping): (Vec<Value>, Option<&Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args)),
        other => (vec![other.clone()], None),
    };
    let mut next = 0;
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        // %[(key)][flags][width][.precision]type
        let mut value: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            let close = chars[i..]
                .iter()
                .position(|c| *c == ')')
                .ok_or_else(|| PyErr::value_error("incomplete format key"))?;
            let key: String = chars[i + 1..i + close].iter().collect();
            i += close + 1;
            let Some(Value::Dict(d)) = mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            value = Some(
                d.borrow()
                    .get(&Value::str(key.clone()))?
                    .ok_or_else(|| super::dict::key_error(&Value::str(key)))?,
            );
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars
            .get(i)
            .filter(|c| matches!(c, '-' | '+' | ' ' | '#' | '0'))
        {
            match f {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => spec.sign = spec.sign.or(Some(' ')),
                '#' => spec.alternate = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        let start = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        spec.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        super::alloc::ensure(spec.width)?;
        if chars.get(i) == Some(&'.') {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            spec.precision = Some(
                chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0),
            );
        }
        let Some(&kind) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if kind == '%' {
            out.push('%');
            continue;
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let v = match value {
            Some(v) => v,
            None => {
                let v = items
                    .get(next)
                    .cloned()
                    .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
                next += 1;
                v
            }
        };
        let piece = match kind {
            's' | 'r' | 'a' => {
                let text = if kind == 's' {
                    tx.text(&v)?
                } else {
                    tx.text_repr(&v)?
                };
                spec.kind = None;
                let text: String = match spec.precision.take() {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                pad(&text, &spec, '>', 0)
            }
            'd' | 'i' | 'u' => {
                let n = match &v {
                    Value::Float(f) => Value::from_bigint(float_trunc(*f)?),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "%d format: a real number is required, not {}",
                            other.type_name()
                        )));
                    }
                };
                spec.kind = Some('d');
                let prec = spec.precision.take();
                let mut t = format_int(
                    &n,
                    &Spec {
                        width: 0,
                        ..spec.clone()
                    },
                )?;
                if let Some(p) = prec {
                    let neg = t.starts_with('-');
                    let digits = t.trim_start_matches(['-', '+', ' ']).to_string();
                    if digits.len() < p {
                        t = format!(
                            "{}{}{digits}",
                            if neg {
                                "-"
                            } else {
                                &t[..t.len() - digits.len()]
                            },
                            "0".repeat(p - digits.len())
                        );
                    }
                }
                let sign_len = usize::from(t.starts_with(['-', '+', ' ']));
                pad(&t, &spec, '>', sign_len)
            }
            'x' | 'X' | 'o' | 'c' => {
                spec.kind = Some(kind);
                if kind == 'c' {
                    if let Some(c) = tx.char_arg(&v) {
                        pad(&c?.to_string(), &spec, '>', 0)
                    } else if let Value::Str(s) = &v {
                        pad(s, &spec, '>', 0)
                    } else if let Value::Int(_) | Value::BigInt(_) | Value::Bool(_) = v {
                        format_int(&v, &spec)?
                    } else {
                        return Err(PyErr::type_error("%c requires int or char"));
                    }
                } else {
                    if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                        return Err(PyErr::type_error(format!(
                            "%{kind} format: an integer is required, not {}",
                            v.type_name()
                        )));
                    }
                    format_int(&v, &spec)?
                }
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let x = match &v {
                    Value::Float(f) => *f,
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        ops::int_to_f64(&v.as_bigint().expect("int"))?
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "must be real number, not {}",
                            other.type_name()
                        )));
                    }
                };
                spec.kind = Some(kind);
                format_float(x, &spec)?
            }
            k => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{k}' (0x{:x}) at index {}",
                    k as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if mapping.is_none() && next < items.len() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn float_trunc(f: f64) -> PyResult<BigInt> {
    if !f.is_finite() {
        return Err(PyErr::new(
            super::ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(BigInt::from(f.trunc() as i128))
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(
    tx: &mut dyn Stringify,
    fmt: &str,
    args: &[Value],
    kwargs: &[(std::rc::Rc<str>, Value)],
) -> PyResult<String> {
    let mut auto = 0;
    format_fields(tx, fmt, args, kwargs, &mut auto)
}

fn format_fields(
    tx: &mut dyn Stringify,
    fmt: &str,
    args: &[Value],
    kwargs: &[(std::rc::Rc<str>, Value)],
    auto: &mut usize,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // The matching '}', counting nested fields in the spec.
        let mut depth = 0;
        let mut close = None;
        for (k, &ch) in chars.iter().enumerate().skip(i + 1) {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    close = Some(k);
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let close = close.ok_or_else(|| PyErr::value_error("expected '}' before end of string"))?;
        let field: String = chars[i + 1..close].iter().collect();
        i = close + 1;
        let (name_conv, spec) = field.split_once(':').unwrap_or((&field, ""));
        let (name, conv) = match name_conv.split_once('!') {
            Some((n, c)) => (n, Some(c)),
            None => (name_conv, None),
        };
        let v = if name.is_empty() {
            let k = *auto;
            *auto += 1;
            args.get(k).cloned().ok_or_else(|| {
                PyErr::new(
                    super::ExcKind::IndexError,
                    format!("Replacement index {k} out of range for positional args tuple"),
                )
            })?
        } else if let Ok(k) = name.parse::<usize>() {
            args.get(k).cloned().ok_or_else(|| {
                PyErr::new(
                    super::ExcKind::IndexError,
                    format!("Replacement index {k} out of range for positional args tuple"),
                )
            })?
        } else {
            kwargs
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErr::new(super::ExcKind::KeyError, format!("'{name}'")))?
        };
        let v = match conv {
            None => v,
            Some("s") => Value::str(tx.text(&v)?),
            Some("r") | Some("a") => Value::str(tx.text_repr(&v)?),
            Some(other) => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {other}"
                )));
            }
        };
        let spec = if spec.contains('{') {
            format_fields(tx, spec, args, kwargs, auto)?
        } else {
            spec.to_string()
        };
        out.push_str(&format_value(tx, &v, &spec)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: Value, spec: &str) -> String {
        format_value(&mut Plain, &v, spec).unwrap()
    }

    #[test]
    fn specs_match_cpython() {
        // Expected strings from CPython 3.11's format().
        assert_eq!(f(Value::Float(2.34567), ".2f"), "2.35");
        assert_eq!(f(Value::Float(2.34567), ">10.3f"), "     2.346");
        assert_eq!(f(Value::Float(-2.5), "08.2f"), "-0002.50");
        assert_eq!(f(Value::Float(1234567.891), ",.2f"), "1,234,567.89");
        assert_eq!(f(Value::Float(0.000123), "e"), "1.230000e-04");
        assert_eq!(f(Value::Float(1234.5678), ".3"), "1.23e+03");
        assert_eq!(f(Value::Float(1.0), ".3"), "1.0");
        assert_eq!(f(Value::Float(0.5), ".1%"), "50.0%");
        assert_eq!(f(Value::Float(100000.0), "g"), "100000");
        assert_eq!(f(Value::Float(1e16), "g"), "1e+16");
        assert_eq!(f(Value::Int(255), "#x"), "0xff");
        assert_eq!(f(Value::Int(255), "08b"), "11111111");
        assert_eq!(f(Value::Int(-42), "=+6d"), "-   42");
        assert_eq!(f(Value::Int(1234567), ","), "1,234,567");
        assert_eq!(f(Value::Int(1234567), "_"), "1_234_567");
        assert_eq!(f(Value::Int(42), "^7"), "  42   ");
        assert_eq!(f(Value::Int(42), "*<6"), "42****");
        assert_eq!(f(Value::str("hi"), "^6"), "  hi  ");
        assert_eq!(f(Value::str("hello"), ".3"), "hel");
        assert_eq!(f(Value::Bool(true), ""), "True");
        assert_eq!(f(Value::Bool(true), "d"), "1");
    }

    #[test]
    fn percent_matches_cpython() {
        let t = Value::tuple;
        assert_eq!(
            percent(
                &mut Plain,
                "%5.2f|%-6s|%03d|%x",
                &t(vec![
                    Value::Float(2.34567),
                    Value::str("ab"),
                    Value::Int(7),
                    Value::Int(255)
                ])
            )
            .unwrap(),
            " 2.35|ab    |007|ff"
        );
        assert_eq!(percent(&mut Plain, "%s%%", &Value::Int(50)).unwrap(), "50%");
        assert_eq!(percent(&mut Plain, "%r", &Value::str("x")).unwrap(), "'x'");
        assert_eq!(
            percent(
                &mut Plain,
                "%+d %e",
                &t(vec![Value::Int(5), Value::Float(12345.678)])
            )
            .unwrap(),
            "+5 1.234568e+04"
        );
        assert_eq!(
            percent(&mut Plain, "%d", &t(vec![]))
                .unwrap_err()
                .last_line(),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            percent(&mut Plain, "%d", &t(vec![Value::Int(1), Value::Int(2)]))
                .unwrap_err()
                .last_line(),
            "TypeError: not all arguments converted during string formatting"
        );
    }
}
