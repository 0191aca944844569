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

fn parse_spec(s: &str, type_name: &str) -> PyResult<Spec> {
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
        return Err(PyErr::value_error(format!(
            "Invalid format specifier '{s}' for object of type '{type_name}'"
        )));
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
    /// The int an object gives through `__index__` or `__int__` (for `%d`),
    /// if it has either.
    fn int_of(&mut self, _v: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `v.__format__(spec)` when `v`'s class defines it (`None` if not).
    fn user_format(&mut self, _v: &Value, _spec: &str) -> PyResult<Option<String>> {
        Ok(None)
    }
    /// `v.name`, for a `str.format` field `{0.name}`.
    fn field_attr(&mut self, v: &Value, name: &str) -> PyResult<Value> {
        Err(PyErr::new(
            super::ExcKind::AttributeError,
            format!("'{}' object has no attribute '{name}'", v.type_name()),
        ))
    }
    /// `v[key]`, for a `str.format` field `{0[key]}`.
    fn field_item(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        super::seq::getitem(v, key)
    }
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
    if let Value::Instance(i) = v {
        if let Some(text) = tx.user_format(v, spec)? {
            return Ok(text);
        }
        // A subclass of a builtin type formats as its value.
        if let Some(base) = i.base()
            && !spec.is_empty()
        {
            let base = base.clone();
            return format_value(tx, &base, spec);
        }
    }
    if spec.is_empty() {
        return tx.text(v);
    }
    let s = parse_spec(spec, v.type_name())?;
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
    // CPython: a leading 0 means fill '0' (when no fill is given) and, for
    // numbers with no alignment given, '=' alignment.
    let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
    let align = s.align.unwrap_or(if s.zero && default_align == '>' {
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
    if s.alternate {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if let Some(g) = s.grouping {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{g}' with 's'."
        )));
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

/// How wide the grouped digits must be when zeros pad them (fill '0'
/// with '=' alignment, as a leading 0 gives): the padding is grouped too.
fn zero_room(s: &Spec, room: usize) -> usize {
    let zero_fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' }) == '0';
    let equals = s.align.unwrap_or(if s.zero { '=' } else { '>' }) == '=';
    if zero_fill && equals { room } else { 0 }
}

/// `digits` grouped by `every` with `sep`, left-padded with zeros (grouped
/// too) to at least `min_len` characters, never starting with `sep`.
fn group_padded(digits: &str, sep: char, every: usize, min_len: usize) -> String {
    let grouped_len = |n: usize| n + (n.max(1) - 1) / every;
    // The fewest digits whose grouping is `min_len` wide, from a bound
    // just below it (one zero at a time was quadratic in the width).
    let mut n = (min_len.saturating_mul(every) / (every + 1)).max(digits.len());
    while grouped_len(n) < min_len {
        n += 1;
    }
    let d = format!("{}{digits}", "0".repeat(n - digits.len()));
    let mut out = group(&d, sep, every);
    if out.starts_with(sep) {
        out.insert(0, '0');
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
        if s.sign.is_some() {
            return Err(PyErr::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if s.alternate {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if let Some(g) = s.grouping {
            return Err(PyErr::value_error(format!(
                "Cannot specify '{g}' with 'c'."
            )));
        }
        let c = u32::try_from(&n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                PyErr::new(
                    super::ExcKind::OverflowError,
                    "%c arg not in range(0x110000)",
                )
            })?;
        return Ok(pad(&c.to_string(), s, '>', 0));
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
    let mut digits = decimal_checked(&n, radix)?;
    if kind == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = sign_str(n.is_negative(), s);
    let prefix = if s.alternate { prefix } else { "" };
    if let Some(sep) = s.grouping {
        let room = s.width.saturating_sub(sign.len() + prefix.len());
        digits = group_padded(
            &digits,
            sep,
            if radix == 10 { 3 } else { 4 },
            zero_room(s, room),
        );
    }
    let body = format!("{sign}{prefix}{digits}");
    Ok(pad(&body, s, '>', sign.len() + prefix.len()))
}

/// Rust's `{:e}` exponent as Python writes it: `e+05`, `e-12`.
fn py_exponent(sci: &str, upper: bool) -> String {
    let (m, e) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i32 = e.parse().unwrap_or(0);
    let e_char = if upper { 'E' } else { 'e' };
    format!(
        "{m}{e_char}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn format_float(x: f64, s: &Spec) -> PyResult<String> {
    let kind = s.kind;
    if let Some(p) = s.precision {
        if p > i32::MAX as usize {
            return Err(PyErr::value_error("precision too big"));
        }
        // The precision sizes the text (`g` without `#` strips what the
        // digits of a double cannot fill: see `general`).
        if p > MAX_FRACTION_DIGITS && (s.alternate || !matches!(kind, None | Some('g' | 'G'))) {
            super::alloc::ensure(p.saturating_add(MAX_FRACTION_DIGITS))?;
        }
    }
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
                let mut t = fixed(a, p);
                if s.alternate && p == 0 {
                    t.push('.');
                }
                t
            }
            Some('e' | 'E') => {
                let p = s.precision.unwrap_or(6);
                let mut t = py_exponent(&scientific(a, p), kind == Some('E'));
                if s.alternate && p == 0 {
                    let e = t.find(['e', 'E']).unwrap_or(t.len());
                    t.insert(e, '.');
                }
                t
            }
            Some('%') => {
                let p = s.precision.unwrap_or(6);
                let mut t = fixed(a * 100.0, p);
                if s.alternate && p == 0 {
                    t.push('.');
                }
                t.push('%');
                t
            }
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
    let sign = sign_str(x.is_sign_negative() && !x.is_nan(), s);
    let body = match s.grouping {
        Some(sep) => {
            let end = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            let room = s.width.saturating_sub(sign.len() + body.len() - end);
            let digits = group_padded(&body[..end], sep, 3, zero_room(s, room));
            format!("{digits}{}", &body[end..])
        }
        None => body,
    };
    Ok(pad(&format!("{sign}{body}"), s, '>', sign.len()))
}

/// The most fraction digits the exact decimal expansion of a finite f64
/// has (2**-1074 has 1074), and the most significant digits (767): past
/// them every digit is 0. Rust's formatter takes a 16-bit precision, so
/// longer outputs are padded here.
const MAX_FRACTION_DIGITS: usize = 1074;
const MAX_SIGNIFICANT_DIGITS: usize = 800;

/// `a` with `p` digits after the point, correctly rounded.
fn fixed(a: f64, p: usize) -> String {
    if p <= MAX_FRACTION_DIGITS {
        return format!("{a:.p$}");
    }
    let mut t = format!("{a:.MAX_FRACTION_DIGITS$}");
    t.push_str(&"0".repeat(p - MAX_FRACTION_DIGITS));
    t
}

/// `a` in Rust's scientific notation (`1.5e-7`) with `p` digits after the
/// point, correctly rounded.
fn scientific(a: f64, p: usize) -> String {
    if p <= MAX_SIGNIFICANT_DIGITS {
        return format!("{a:.p$e}");
    }
    let t = format!("{a:.MAX_SIGNIFICANT_DIGITS$e}");
    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
    format!("{m}{}e{e}", "0".repeat(p - MAX_SIGNIFICANT_DIGITS))
}

/// `g` formatting: `p` significant digits, fixed or scientific by exponent.
/// `keep_point` is the no-type variant (`format(x, '.3')`), which keeps at
/// least one digit after the point in fixed notation and so goes
/// scientific one exponent sooner (CPython's `Py_DTSF_ADD_DOT_0`).
fn general(a: f64, p: usize, alternate: bool, upper: bool, keep_point: bool) -> String {
    // Past the most significant digits a double has, every digit is a 0
    // that goes again unless '#' keeps it: the same text from fewer.
    let p = if alternate {
        p.max(1)
    } else {
        p.clamp(1, MAX_SIGNIFICANT_DIGITS + 1)
    };
    if a == 0.0 {
        return if alternate {
            let t = fixed(0.0, p - 1);
            if p == 1 { format!("{t}.") } else { t }
        } else if keep_point {
            "0.0".into()
        } else {
            "0".into()
        };
    }
    let sci = scientific(a, p - 1);
    let exp: i64 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    // Trailing zeros go (unless '#'); '#' keeps the point, the no-type
    // variant keeps one digit after it.
    let strip = |t: String, keep_point: bool| -> String {
        if alternate {
            return if t.contains('.') { t } else { format!("{t}.") };
        }
        if !t.contains('.') {
            return t;
        }
        let t = t.trim_end_matches('0');
        match t.strip_suffix('.') {
            Some(int) if keep_point => format!("{int}.0"),
            Some(int) => int.to_string(),
            None => t.to_string(),
        }
    };
    let limit = if keep_point { p as i64 - 1 } else { p as i64 };
    if exp >= -4 && exp < limit {
        let decimals = (p as i64 - 1 - exp).max(0) as usize;
        strip(fixed(a, decimals), keep_point)
    } else {
        let (m, e) = sci.split_once('e').unwrap_or((&sci, "0"));
        let m = strip(m.to_string(), false);
        py_exponent(&format!("{m}e{e}"), upper)
    }
}

/// printf-style `fmt % args`.
pub fn percent(tx: &mut dyn Stringify, fmt: &str, args: &Value) -> PyResult<String> {
    // A subclass of tuple or dict counts as its base (as CPython).
    let args = super::class::native_value(args);
    let (items, mapping): (Vec<Value>, Option<&Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args)),
        other => (vec![other.clone()], None),
    };
    let mut next = 0;
    // Once a `%(key)` has read the mapping, nothing is left to take by
    // position (as CPython).
    let mut keyed = false;
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
            keyed = true;
            let Some(Value::Dict(d)) = mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            value = Some(
                d.borrow()
                    .get(&Value::str(key.clone()))?
                    .ok_or_else(|| super::dict::key_error(&Value::str(key)))?,
            );
        }
        if value.is_none() && chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
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
        // With a mapping there are no positional arguments to take.
        let take = |next: &mut usize| -> PyResult<Value> {
            if mapping.is_some() && (value.is_some() || keyed) {
                return Err(PyErr::type_error("not enough arguments for format string"));
            }
            let v = items
                .get(*next)
                .cloned()
                .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
            *next += 1;
            Ok(v)
        };
        // A `*` width or precision is the next argument.
        let star = |v: Value| -> PyResult<i64> {
            match v {
                Value::Int(n) => Ok(n),
                Value::Bool(b) => Ok(b as i64),
                Value::BigInt(_) => Err(PyErr::new(
                    super::ExcKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                )),
                _ => Err(PyErr::type_error("* wants int")),
            }
        };
        let digits_at = |i: &mut usize| -> PyResult<usize> {
            let start = *i;
            while chars.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
            chars[start..*i]
                .iter()
                .collect::<String>()
                .parse::<usize>()
                .or_else(|_| {
                    if *i == start {
                        Ok(0)
                    } else {
                        Err(PyErr::value_error("width too big"))
                    }
                })
        };
        if chars.get(i) == Some(&'*') {
            i += 1;
            let w = star(take(&mut next)?)?;
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = w.unsigned_abs() as usize;
        } else {
            spec.width = digits_at(&mut i)?;
        }
        super::alloc::ensure(spec.width)?;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                i += 1;
                // A precision is a C int (CPython's limit).
                let p = match star(take(&mut next)?) {
                    Ok(p) if i32::try_from(p).is_ok() => p,
                    Err(e) if e.kind != super::ExcKind::OverflowError => return Err(e),
                    _ => {
                        return Err(PyErr::new(
                            super::ExcKind::OverflowError,
                            "Python int too large to convert to C int",
                        ));
                    }
                };
                spec.precision = Some(p.max(0) as usize);
            } else {
                let p = digits_at(&mut i)
                    .ok()
                    .filter(|&p| p <= i32::MAX as usize)
                    .ok_or_else(|| PyErr::value_error("precision too big"))?;
                spec.precision = Some(p);
            }
        }
        let Some(&kind) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let v = match value {
            Some(v) => v,
            None => take(&mut next)?,
        };
        let piece = match kind {
            's' | 'r' | 'a' => {
                let text = if kind == 's' {
                    tx.text(&v)?
                } else {
                    tx.text_repr(&v)?
                };
                spec.kind = None;
                spec.zero = false;
                let text: String = match spec.precision.take() {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                pad(&text, &spec, '>', 0)
            }
            'c' => {
                // Bytes formatting has its own rules for %c.
                let c = match &v {
                    _ if let Some(c) = tx.char_arg(&v) => c?.to_string(),
                    Value::Str(s) if s.chars().count() == 1 => s.to_string(),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        let n = v.as_bigint().unwrap_or_default();
                        let c = u32::try_from(&n).ok().and_then(char::from_u32);
                        c.ok_or_else(|| {
                            PyErr::new(
                                super::ExcKind::OverflowError,
                                "%c arg not in range(0x110000)",
                            )
                        })?
                        .to_string()
                    }
                    _ => return Err(PyErr::type_error("%c requires int or char")),
                };
                spec.zero = false;
                pad(&c, &spec, '>', 0)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match &v {
                    Value::Float(f) if matches!(kind, 'd' | 'i' | 'u') => {
                        Value::from_bigint(float_trunc(*f)?)
                    }
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                    // An object with `__index__` or `__int__`.
                    other if let Some(n) = tx.int_of(other)? => n,
                    other if matches!(kind, 'd' | 'i' | 'u') => {
                        return Err(PyErr::type_error(format!(
                            "%{kind} format: a real number is required, not {}",
                            other.type_name()
                        )));
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "%{kind} format: an integer is required, not {}",
                            other.type_name()
                        )));
                    }
                };
                percent_int(&n, kind, &spec)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let x = match &v {
                    Value::Float(f) => *f,
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        ops::int_to_f64(&v.as_bigint().unwrap_or_default())?
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

/// `%d`, `%x`, `%X`, `%o` of an int: a precision is a minimum count of
/// digits (zeros after the sign and the `#` prefix), then the width pads.
fn percent_int(n: &Value, kind: char, spec: &Spec) -> PyResult<String> {
    let n = n.as_bigint().unwrap_or_default();
    let (radix, prefix) = match kind {
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'o' => (8, "0o"),
        _ => (10, ""),
    };
    let mut digits = decimal_checked(&n, radix)?;
    if kind == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(p) = spec.precision.filter(|p| *p > digits.len()) {
        super::alloc::ensure(p)?;
        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
    }
    let sign = sign_str(n.is_negative(), spec);
    let prefix = if spec.alternate { prefix } else { "" };
    let body = format!("{sign}{prefix}{digits}");
    Ok(pad(&body, spec, '>', sign.len() + prefix.len()))
}

/// The digits of |n| in `radix`; ValueError past CPython's 4300-digit
/// limit in base 10.
fn decimal_checked(n: &BigInt, radix: u32) -> PyResult<String> {
    let limit = super::builtins::INT_MAX_STR_DIGITS;
    if radix == 10 && n.bits() > (limit as u64 + 4) * 10 / 3 {
        return Err(super::builtins::int_too_long_for_str());
    }
    let digits = n.abs().to_str_radix(radix);
    if radix == 10 && digits.len() > limit {
        return Err(super::builtins::int_too_long_for_str());
    }
    Ok(digits)
}

fn float_trunc(f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    num_traits::FromPrimitive::from_f64(f.trunc()).ok_or_else(|| {
        PyErr::new(
            super::ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        )
    })
}

/// `str.format(*args, **kwargs)`. Field names may go on with `.attr` and
/// `[key]`, which run through the host (attributes, `__getitem__`).
pub fn str_format(
    ctx: &mut dyn super::builtins::Host,
    fmt: &str,
    args: &[Value],
    kwargs: &[(std::rc::Rc<str>, Value)],
) -> PyResult<String> {
    let mut numbering = Numbering::Unknown;
    format_fields(ctx, fmt, args, kwargs, &mut numbering)
}

/// Whether fields are numbered automatically (`{}`), with the next index,
/// or by hand (`{0}`); a format string may not mix them.
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

fn format_fields(
    ctx: &mut dyn super::builtins::Host,
    fmt: &str,
    args: &[Value],
    kwargs: &[(std::rc::Rc<str>, Value)],
    numbering: &mut Numbering,
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
        // The matching '}', counting nested fields in the spec; in the
        // field name, braces inside `[...]` are part of the key.
        let mut depth = 0;
        let mut close = None;
        let mut in_name = true;
        let mut in_key = false;
        for (k, &ch) in chars.iter().enumerate().skip(i + 1) {
            if in_key {
                in_key = ch != ']';
                continue;
            }
            match ch {
                '[' if in_name => in_key = true,
                ':' | '!' if in_name => in_name = false,
                '{' => depth += 1,
                '}' if depth == 0 => {
                    close = Some(k);
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let Some(close) = close else {
            let rest: String = chars[i + 1..].iter().collect();
            return Err(PyErr::value_error(if rest.is_empty() {
                "Single '{' encountered in format string"
            } else if rest.contains(':') {
                "unmatched '{' in format spec"
            } else if rest.ends_with('!') {
                "end of string while looking for conversion specifier"
            } else {
                "expected '}' before end of string"
            }));
        };
        let field: String = chars[i + 1..close].iter().collect();
        i = close + 1;
        let (name_conv, spec) = split_field(&field);
        let (name, conv) = match name_conv.split_once('!') {
            Some((_, "")) => {
                return Err(PyErr::value_error("unmatched '{' in format spec"));
            }
            Some((_, c)) if c.chars().count() > 1 => {
                return Err(PyErr::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
            Some((n, c)) => (n, Some(c)),
            None => (name_conv, None),
        };
        let v = field_value(ctx, name, args, kwargs, numbering)?;
        let v = match conv {
            None => v,
            Some("s") => Value::str(ctx.text(&v)?),
            Some("r") => Value::str(ctx.text_repr(&v)?),
            Some("a") => Value::str(super::builtins::ascii_escape(&ctx.text_repr(&v)?)),
            Some(other) => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {other}"
                )));
            }
        };
        let spec = if spec.contains('{') {
            format_fields(ctx, spec, args, kwargs, numbering)?
        } else {
            spec.to_string()
        };
        out.push_str(&format_value(ctx, &v, &spec)?);
    }
    Ok(out)
}

/// A field's name (with its conversion) and its spec: split at the first
/// ':' that is not inside a `[key]`.
fn split_field(field: &str) -> (&str, &str) {
    let mut in_key = false;
    for (k, ch) in field.char_indices() {
        match ch {
            '[' if !in_key => in_key = true,
            ']' if in_key => in_key = false,
            ':' if !in_key => return (&field[..k], &field[k + 1..]),
            _ => {}
        }
    }
    (field, "")
}

/// The value a field name names: an argument, then `.attr` and `[key]`
/// steps (a key of digits is an int, any other a str).
fn field_value(
    ctx: &mut dyn super::builtins::Host,
    name: &str,
    args: &[Value],
    kwargs: &[(std::rc::Rc<str>, Value)],
    numbering: &mut Numbering,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let positional = |k: usize| {
        args.get(k).cloned().ok_or_else(|| {
            PyErr::new(
                super::ExcKind::IndexError,
                format!("Replacement index {k} out of range for positional args tuple"),
            )
        })
    };
    let mut v = if first.is_empty() {
        let k = match numbering {
            Numbering::Manual => {
                return Err(PyErr::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            Numbering::Auto(k) => *k,
            Numbering::Unknown => 0,
        };
        *numbering = Numbering::Auto(k + 1);
        positional(k)?
    } else if first.bytes().all(|b| b.is_ascii_digit()) {
        if let Numbering::Auto(_) = numbering {
            return Err(PyErr::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *numbering = Numbering::Manual;
        let k = first
            .parse::<usize>()
            .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?;
        positional(k)?
    } else {
        kwargs
            .iter()
            .find(|(k, _)| &**k == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| PyErr::new(super::ExcKind::KeyError, format!("'{first}'")))?
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let attr = &after[..end];
            if attr.is_empty() {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            v = ctx.getattr(&v, attr)?;
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after
                .find(']')
                .ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key = &after[..end];
            if key.is_empty() {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            let key = match key.parse::<i64>() {
                Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => Value::Int(n),
                _ => Value::str(key),
            };
            v = match &v {
                Value::Instance(_) => {
                    let m = ctx.getattr(&v, "__getitem__")?;
                    ctx.call(&m, vec![key])?
                }
                _ => super::seq::getitem(&v, &key)?,
            };
            rest = &after[end + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(PyErr::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(PyErr::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(v)
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
