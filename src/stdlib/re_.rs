//! `_re`: the matching engine behind `re.py`, on the `fancy-regex` crate
//! (backreferences, lookaround, atomic groups and conditionals, with the
//! `regex` crate's engine for the parts that need none of them).
//!
//! A Python pattern is translated into the crate's syntax first: `$`
//! without MULTILINE also matches before a final newline (a lookahead),
//! `\Z` is the crate's `\z`, octal and `\x`/`\u`/`\U` escapes become
//! `\x{..}`, a `{` that is no repetition is literal, `[` and set
//! operators inside a class are literal, VERBOSE whitespace and comments
//! are dropped here, ASCII turns `\w \d \s \b` into their ASCII forms.
//! What the crate cannot do (`\N{...}` names, scoped VERBOSE, LOCALE)
//! raises `re.error` saying so.
//!
//! Positions cross this boundary as code point indices, as Python's str
//! indices are; the crate works in bytes.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

use fancy_regex::{Regex, RegexBuilder, RegexInput};

use super::{obj, str_of, type_err, val};
use crate::embed::{Error, Result};
use crate::runtime::Value;
use crate::{Args, Class, Object, UserData, Vm};

const IGNORECASE: i64 = 2;
const LOCALE: i64 = 4;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

/// A compiled pattern.
pub(super) struct Compiled {
    /// The translated pattern (with its flags as a prefix).
    source: String,
    regex: Regex,
    /// The same pattern anchored at the end, for `fullmatch`.
    full: RefCell<Option<Regex>>,
    /// The flags, the inline ones included.
    flags: i64,
    /// Each capturing group's enclosing capturing group (0: none).
    parents: Vec<i64>,
}

impl UserData for Compiled {
    const NAME: &'static str = "_compiled";
    fn register(_class: &mut Class<Self>) {}
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let error = vm.exception_class("error", "Exception")?;
    vm.set_attr(&error, "__module__", "re")?;
    let e1 = error.clone();
    vm.module("_re")
        .constant("error", error)
        .function("compile", move |vm, args: Args| {
            super::arity("compile", &args, 2, 2)?;
            let pattern = str_of(val(&args.positional[0]))
                .ok_or_else(|| type_err("_re.compile: pattern must be a str"))?;
            let flags = match val(&args.positional[1]) {
                Value::Int(i) => *i,
                _ => return Err(type_err("flags must be an int")),
            };
            let c = compile(&pattern, flags).map_err(|m| Error::new_exception(&e1, m))?;
            let groups = c.regex.captures_len() as i64 - 1;
            let names: Vec<Value> = c
                .regex
                .capture_names()
                .enumerate()
                .filter_map(|(i, n)| {
                    n.map(|n| Value::tuple(vec![Value::str(n), Value::Int(i as i64)]))
                })
                .collect();
            let flags = c.flags;
            let parents = Value::list(c.parents.iter().map(|&p| Value::Int(p)).collect());
            let handle = vm.create_userdata(c)?;
            Ok(obj(Value::tuple(vec![
                handle.0,
                Value::Int(groups),
                Value::list(names),
                Value::Int(flags),
                parents,
            ])))
        })
        .function("match", |vm, args: Args| {
            super::arity("match", &args, 5, 5)?;
            let p = &args.positional;
            let text = want_text(val(&p[1]))?;
            let (pos, endpos, mode) = (int(&p[2])?, int(&p[3])?, int(&p[4])?);
            vm.with_userdata(&p[0], |c: &Compiled| {
                let t = Text::new(&text);
                let (pos, end) = t.bounds(pos, endpos);
                let found = if mode == 2 {
                    let mut full = c.full.borrow_mut();
                    if full.is_none() {
                        let re = build(&format!("(?:{})\\z", c.source))
                            .map_err(crate::embed::Error::runtime_error)?;
                        *full = Some(re);
                    }
                    let Some(re) = full.as_ref() else {
                        return Ok(Value::None);
                    };
                    find(re, &t, pos, end, true)?
                } else {
                    find(&c.regex, &t, pos, end, mode == 1)?
                };
                Ok(match found {
                    Some(spans) => t.result(&spans),
                    None => Value::None,
                })
            })?
            .map(obj)
        })
        .function("all", |vm, args: Args| {
            super::arity("all", &args, 5, 5)?;
            let p = &args.positional;
            let text = want_text(val(&p[1]))?;
            let (pos, endpos, limit) = (int(&p[2])?, int(&p[3])?, int(&p[4])?);
            vm.with_userdata(&p[0], |c: &Compiled| {
                let t = Text::new(&text);
                let found = all(c, &t, pos, endpos, limit)?;
                Ok::<_, Error>(Value::list(found.iter().map(|m| t.result(m)).collect()))
            })?
            .map(obj)
        })
        .function("split", |vm, args: Args| {
            super::arity("split", &args, 3, 3)?;
            let p = &args.positional;
            let text = want_text(val(&p[1]))?;
            let limit = int(&p[2])?;
            vm.with_userdata(&p[0], |c: &Compiled| {
                let t = Text::new(&text);
                let found = all(c, &t, 0, i64::MAX, limit)?;
                let mut out = Vec::new();
                let mut last = 0;
                for m in &found {
                    let (s, e) = m[0].unwrap_or((last, last));
                    out.push(Value::str(&text[last..s]));
                    for g in &m[1..] {
                        out.push(match g {
                            Some((a, b)) => Value::str(&text[*a..*b]),
                            None => Value::None,
                        });
                    }
                    last = e;
                }
                out.push(Value::str(&text[last..]));
                Ok::<_, Error>(Value::list(out))
            })?
            .map(obj)
        })
        .function("sub", |vm, args: Args| {
            super::arity("sub", &args, 4, 4)?;
            let p = &args.positional;
            let text = want_text(val(&p[1]))?;
            let limit = int(&p[2])?;
            let repl = p[3].clone();
            let found = vm.with_userdata(&p[0], |c: &Compiled| {
                let t = Text::new(&text);
                all(c, &t, 0, i64::MAX, limit)
            })??;
            let t = Text::new(&text);
            // A template: its parts, str literals and group numbers.
            let parts: Option<Vec<Value>> = match val(&repl) {
                Value::List(l) => Some(l.borrow().to_vec()),
                _ => None,
            };
            let mut out = String::with_capacity(text.len());
            let mut pieces = 0;
            let mut last = 0;
            for m in &found {
                let (s, e) = m[0].unwrap_or((last, last));
                if last < s {
                    out.push_str(&text[last..s]);
                    pieces += 1;
                }
                match &parts {
                    Some(parts) => {
                        for part in parts {
                            match part {
                                Value::Str(lit) => out.push_str(lit),
                                Value::Int(g) => {
                                    if let Some(Some((a, b))) = m.get(*g as usize) {
                                        out.push_str(&text[*a..*b]);
                                    }
                                }
                                _ => {}
                            }
                        }
                        pieces += 1;
                    }
                    None => {
                        let r: Object = vm.call(&repl, (obj(t.result(m)),))?;
                        match val(&r) {
                            Value::None => {}
                            Value::Str(r) => {
                                out.push_str(r);
                                pieces += 1;
                            }
                            v => {
                                return Err(type_err(format!(
                                    "sequence item {pieces}: expected str instance, {} found",
                                    v.type_name()
                                )));
                            }
                        }
                    }
                }
                last = e;
            }
            out.push_str(&text[last..]);
            Ok(obj(Value::tuple(vec![
                Value::str(out),
                Value::Int(found.len() as i64),
            ])))
        })
        .register()
}

fn int(o: &Object) -> Result<i64> {
    match val(o) {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        v => Err(type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

fn want_text(v: &Value) -> Result<Rc<crate::runtime::pystr::PyStr>> {
    str_of(v).ok_or_else(|| type_err(format!("expected string, got '{}'", v.type_name())))
}

/// A subject string with its code point offsets.
struct Text<'a> {
    s: &'a str,
    /// The byte offset of each code point, then the length (empty when
    /// the text is ASCII: then bytes are code points).
    starts: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(s: &'a str) -> Text<'a> {
        let starts = if s.is_ascii() {
            Vec::new()
        } else {
            s.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(s.len()))
                .collect()
        };
        Text { s, starts }
    }

    fn chars(&self) -> usize {
        if self.starts.is_empty() {
            self.s.len()
        } else {
            self.starts.len() - 1
        }
    }

    /// `pos` and `endpos` clamped as Python does, as byte offsets.
    fn bounds(&self, pos: i64, endpos: i64) -> (usize, usize) {
        let n = self.chars() as i64;
        let pos = pos.clamp(0, n);
        let end = endpos.clamp(0, n);
        (self.to_byte(pos as usize), self.to_byte(end as usize))
    }

    fn to_byte(&self, c: usize) -> usize {
        if self.starts.is_empty() {
            c
        } else {
            self.starts[c]
        }
    }

    fn to_char(&self, b: usize) -> usize {
        if self.starts.is_empty() {
            b
        } else {
            self.starts.partition_point(|&x| x < b)
        }
    }

    /// A match for `re.py`: (spans as code point indices, -1 for a group
    /// that did not take part; each group's text or None).
    fn result(&self, m: &Spans) -> Value {
        let mut spans = Vec::with_capacity(m.len() * 2);
        let mut texts = Vec::with_capacity(m.len());
        for g in m {
            match g {
                Some((a, b)) => {
                    spans.push(Value::Int(self.to_char(*a) as i64));
                    spans.push(Value::Int(self.to_char(*b) as i64));
                    texts.push(Value::str(&self.s[*a..*b]));
                }
                None => {
                    spans.push(Value::Int(-1));
                    spans.push(Value::Int(-1));
                    texts.push(Value::None);
                }
            }
        }
        Value::tuple(vec![Value::tuple(spans), Value::tuple(texts)])
    }

    fn next_char(&self, b: usize) -> Option<usize> {
        self.s[b..].chars().next().map(|c| b + c.len_utf8())
    }
}

fn build(pattern: &str) -> std::result::Result<Regex, String> {
    RegexBuilder::new(pattern)
        .backtrack_limit(10_000_000)
        .build()
        .map_err(|e| e.to_string())
}

/// A match: each group's byte span, None for a group that did not take part.
type Spans = Vec<Option<(usize, usize)>>;

/// The first match at or after byte `pos` (at `pos` only if `anchored`),
/// within `..end`.
fn find(re: &Regex, t: &Text, pos: usize, end: usize, anchored: bool) -> Result<Option<Spans>> {
    if pos > end {
        return Ok(None);
    }
    let hay = &t.s[..end];
    let input = RegexInput::new(hay).from_pos(pos).anchored(anchored);
    let caps = re
        .captures_input(input)
        .map_err(|e| crate::embed::Error::runtime_error(format!("regular expression: {e}")))?;
    let Some(caps) = caps else { return Ok(None) };
    Ok(Some(
        (0..caps.len())
            .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
            .collect(),
    ))
}

/// The successive matches from `pos` to `endpos` (at most `limit` of
/// them, if positive), as `finditer` sees them.
fn all(c: &Compiled, t: &Text, pos: i64, endpos: i64, limit: i64) -> Result<Vec<Spans>> {
    let (mut at, end) = t.bounds(pos, endpos);
    let mut out = Vec::new();
    // Where the previous match was empty: no second empty match there
    // (the search goes on by one character).
    let mut prev_empty = None;
    while at <= end && (limit <= 0 || (out.len() as i64) < limit) {
        let Some(spans) = find(&c.regex, t, at, end, false)? else {
            break;
        };
        let Some((s, e)) = spans[0] else { break };
        if s == e && prev_empty == Some(s) {
            match t.next_char(s) {
                Some(n) if n <= end => {
                    at = n;
                    prev_empty = None;
                    continue;
                }
                _ => break,
            }
        }
        out.push(spans);
        prev_empty = if s == e { Some(e) } else { None };
        at = e;
    }
    Ok(out)
}

fn compile(pattern: &str, flags: i64) -> std::result::Result<Compiled, String> {
    let (source, flags, parents) = translate(pattern, flags)?;
    let regex = build(&source).map_err(|e| clean_error(&e))?;
    Ok(Compiled {
        source,
        regex,
        full: RefCell::new(None),
        flags,
        parents,
    })
}

/// The crate's message, on one line.
fn clean_error(e: &str) -> String {
    let line = e.lines().find(|l| !l.trim().is_empty()).unwrap_or(e);
    line.trim().to_string()
}

fn flag_of(c: char) -> Option<i64> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'u' => 32,
        'x' => VERBOSE,
        'a' => ASCII,
        _ => return None,
    })
}

/// A Python pattern in the crate's syntax, and its flags with the inline
/// global ones added.
fn translate(p: &str, mut flags: i64) -> std::result::Result<(String, i64, Vec<i64>), String> {
    let chars: Vec<char> = p.chars().collect();
    // Global inline flags at the start: `(?aimsx)`.
    let mut i = 0;
    while chars.get(i) == Some(&'(') && chars.get(i + 1) == Some(&'?') {
        let mut j = i + 2;
        let mut f = 0;
        while let Some(v) = chars.get(j).and_then(|&c| flag_of(c)) {
            f |= v;
            j += 1;
        }
        if j == i + 2 || chars.get(j) != Some(&')') {
            break;
        }
        flags |= f;
        i = j + 1;
    }
    if flags & LOCALE != 0 {
        return Err("cannot use LOCALE flag with a str pattern".into());
    }
    if flags & ASCII != 0 && flags & 32 != 0 {
        return Err("ASCII and UNICODE flags are incompatible".into());
    }
    let mut t = Translator {
        c: chars,
        i,
        out: String::new(),
        flags,
        open: Vec::new(),
        parents: Vec::new(),
        names: Vec::new(),
    };
    if flags & IGNORECASE != 0 {
        t.out.push_str("(?i)");
    }
    if flags & MULTILINE != 0 {
        t.out.push_str("(?m)");
    }
    if flags & DOTALL != 0 {
        t.out.push_str("(?s)");
    }
    t.run()?;
    Ok((t.out, flags, t.parents))
}

struct Translator {
    c: Vec<char>,
    i: usize,
    out: String,
    flags: i64,
    /// For each open group, its capturing group number (0 for others).
    open: Vec<i64>,
    /// For each capturing group, the capturing group it is inside (0: none).
    parents: Vec<i64>,
    /// The name of each capturing group so far ("" for unnamed ones).
    names: Vec<String>,
}

impl Translator {
    /// A capturing group opens.
    fn capture(&mut self) {
        let parent = self
            .open
            .iter()
            .rev()
            .find(|&&g| g > 0)
            .copied()
            .unwrap_or(0);
        self.parents.push(parent);
        self.names.push(String::new());
        self.open.push(self.parents.len() as i64);
    }

    fn ascii(&self) -> bool {
        self.flags & ASCII != 0
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.c.get(self.i + k).copied()
    }

    fn lit(&mut self, ch: char) {
        if ch.is_ascii() && !ch.is_ascii_alphanumeric() && ch != ' ' && ch != '_' {
            let _ = write!(self.out, "\\x{{{:x}}}", ch as u32);
        } else {
            self.out.push(ch);
        }
    }

    fn run(&mut self) -> std::result::Result<(), String> {
        while let Some(ch) = self.peek(0) {
            let at = self.i;
            self.i += 1;
            match ch {
                c if self.verbose() && c.is_whitespace() => {}
                '#' if self.verbose() => {
                    while let Some(c) = self.peek(0) {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                '\\' => self.escape(at, false)?,
                '[' => self.class(at)?,
                '(' => self.group(at)?,
                ')' => {
                    self.open.pop();
                    self.out.push(')');
                }
                '{' => self.brace(),
                '}' | ']' => self.lit(ch),
                '$' if self.flags & MULTILINE == 0 => self.out.push_str("(?=\\n?\\z)"),
                c => self.out.push(c),
            }
        }
        Ok(())
    }

    /// A `{` after which comes a repetition count, or a literal one.
    fn brace(&mut self) {
        let mut j = self.i;
        let mut lo = String::new();
        let mut hi = String::new();
        let mut comma = false;
        while let Some(&c) = self.c.get(j) {
            match c {
                '0'..='9' if !comma => lo.push(c),
                '0'..='9' => hi.push(c),
                ',' if !comma => comma = true,
                '}' => break,
                _ => {
                    j = usize::MAX;
                    break;
                }
            }
            j += 1;
        }
        if j >= self.c.len() || (lo.is_empty() && hi.is_empty()) {
            self.lit('{');
            return;
        }
        self.i = j + 1;
        let lo = if lo.is_empty() { "0".to_string() } else { lo };
        if comma {
            let _ = write!(self.out, "{{{lo},{hi}}}");
        } else {
            let _ = write!(self.out, "{{{lo}}}");
        }
    }

    fn hex(&mut self, n: usize, at: usize, esc: char) -> std::result::Result<u32, String> {
        let mut v = 0u32;
        for k in 0..n {
            match self.peek(0).and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    self.i += 1;
                }
                None => {
                    let got: String = self.c[at..self.i].iter().collect();
                    let _ = k;
                    return Err(format!("incomplete escape {got} at position {at}"));
                }
            }
        }
        let _ = esc;
        Ok(v)
    }

    fn codepoint(&mut self, v: u32, at: usize) -> std::result::Result<(), String> {
        if char::from_u32(v).is_none() {
            let got: String = self.c[at..self.i].iter().collect();
            return Err(format!("bad escape {got} at position {at}"));
        }
        let _ = write!(self.out, "\\x{{{v:x}}}");
        Ok(())
    }

    /// An escape at `at` (the backslash), inside a class or not.
    fn escape(&mut self, at: usize, in_class: bool) -> std::result::Result<(), String> {
        let Some(c) = self.peek(0) else {
            return Err(format!("bad escape (end of pattern) at position {at}"));
        };
        self.i += 1;
        let ascii = self.ascii();
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' if ascii => {
                let set = match c.to_ascii_lowercase() {
                    'd' => "0-9",
                    'w' => "0-9A-Za-z_",
                    _ => " \\t\\n\\r\\x0c\\x0b",
                };
                let neg = c.is_ascii_uppercase();
                match (in_class, neg) {
                    (true, false) => self.out.push_str(set),
                    _ => {
                        let _ = write!(self.out, "[{}{set}]", if neg { "^" } else { "" });
                    }
                }
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                self.out.push('\\');
                self.out.push(c);
            }
            'b' if in_class => self.out.push_str("\\x08"),
            'b' | 'B' if !in_class => {
                if ascii {
                    let _ = write!(self.out, "(?-u:\\{c})");
                } else {
                    let _ = write!(self.out, "\\{c}");
                }
            }
            'A' if !in_class => self.out.push_str("\\A"),
            'Z' if !in_class => self.out.push_str("\\z"),
            'n' => self.out.push_str("\\n"),
            't' => self.out.push_str("\\t"),
            'r' => self.out.push_str("\\r"),
            'f' => self.out.push_str("\\x0c"),
            'v' => self.out.push_str("\\x0b"),
            'a' => self.out.push_str("\\x07"),
            'x' => {
                let v = self.hex(2, at, c)?;
                self.codepoint(v, at)?;
            }
            'u' => {
                let v = self.hex(4, at, c)?;
                self.codepoint(v, at)?;
            }
            'U' => {
                let v = self.hex(8, at, c)?;
                self.codepoint(v, at)?;
            }
            'N' => {
                return Err(format!(
                    "\\N{{...}} escapes are not supported by this implementation at position {at}"
                ));
            }
            '0' => {
                let mut v = 0;
                for _ in 0..2 {
                    match self.peek(0).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                let _ = write!(self.out, "\\x{{{v:x}}}");
            }
            '1'..='9' => {
                // Three octal digits make a character; else a group
                // reference of one or two digits.
                let d1 = self.peek(0);
                let d2 = self.peek(1);
                if c <= '7'
                    && d1.is_some_and(|d| ('0'..='7').contains(&d))
                    && d2.is_some_and(|d| ('0'..='7').contains(&d))
                {
                    let s: String = [c, d1.unwrap_or('0'), d2.unwrap_or('0')].iter().collect();
                    self.i += 2;
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    if v > 0o377 {
                        return Err(format!(
                            "octal escape value \\{s} outside of range 0-0o377 at position {at}"
                        ));
                    }
                    let _ = write!(self.out, "\\x{{{v:x}}}");
                } else if in_class {
                    return Err(format!("bad escape \\{c} at position {at}"));
                } else {
                    let mut n = c.to_string();
                    if let Some(d) = d1.filter(|d| d.is_ascii_digit()) {
                        n.push(d);
                        self.i += 1;
                    }
                    // A group reference; the digits must not run on.
                    let _ = write!(self.out, "(?:\\{n})");
                }
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(format!("bad escape \\{c} at position {at}"));
            }
            c => self.lit(c),
        }
        Ok(())
    }

    /// A character class from `at` (the `[`).
    fn class(&mut self, at: usize) -> std::result::Result<(), String> {
        self.out.push('[');
        if self.peek(0) == Some('^') {
            self.out.push('^');
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(format!("unterminated character set at position {at}"));
            };
            let here = self.i;
            self.i += 1;
            match c {
                ']' if !first => break,
                '\\' => self.escape(here, true)?,
                '[' | ']' | '&' | '~' | '^' => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                '-' => {
                    // A range, or a literal at either end.
                    if first || self.peek(0) == Some(']') {
                        self.out.push_str("\\-");
                    } else {
                        self.out.push('-');
                    }
                }
                c => self.out.push(c),
            }
            first = false;
        }
        self.out.push(']');
        Ok(())
    }

    /// A group from `at` (the `(`).
    fn group(&mut self, at: usize) -> std::result::Result<(), String> {
        if self.peek(0) != Some('?') {
            self.capture();
            self.out.push('(');
            return Ok(());
        }
        let rest: String = self.c[self.i..].iter().take(4).collect();
        if rest.starts_with("?#") {
            while let Some(c) = self.peek(0) {
                self.i += 1;
                if c == ')' {
                    return Ok(());
                }
            }
            return Err(format!("missing ), unterminated comment at position {at}"));
        }
        for prefix in ["?P<", "?P=", "?:", "?=", "?!", "?<=", "?<!", "?>", "?("] {
            if rest.starts_with(prefix) {
                if prefix == "?P<" {
                    let name: String = self.c[self.i + 3..]
                        .iter()
                        .take_while(|&&c| c != '>')
                        .collect();
                    if let Some(k) = self.names.iter().position(|n| *n == name) {
                        return Err(format!(
                            "redefinition of group name '{name}' as group {}; was group {} at position {}",
                            self.parents.len() + 1,
                            k + 1,
                            at + 4
                        ));
                    }
                    self.capture();
                    if let Some(last) = self.names.last_mut() {
                        *last = name;
                    }
                } else {
                    self.open.push(0);
                    if prefix == "?(" {
                        // The condition's own `)` comes first.
                        self.open.push(0);
                    }
                }
                self.out.push('(');
                self.out.push_str(prefix);
                self.i += prefix.chars().count();
                return Ok(());
            }
        }
        // Flags: `(?flags)` (only at the start) or `(?flags-flags:...)`.
        let mut j = self.i + 1;
        let mut on = String::new();
        let mut off = String::new();
        let mut minus = false;
        while let Some(&c) = self.c.get(j) {
            match c {
                '-' if !minus => minus = true,
                c if flag_of(c).is_some() => {
                    if minus {
                        off.push(c)
                    } else {
                        on.push(c)
                    }
                }
                _ => break,
            }
            j += 1;
        }
        match self.c.get(j) {
            Some(':') => {
                if on.contains('x') || off.contains('x') {
                    return Err(format!(
                        "scoped VERBOSE flags are not supported by this implementation at position {at}"
                    ));
                }
                if on.contains('L') {
                    return Err(format!(
                        "bad inline flags: cannot use 'L' flag with a str pattern at position {}",
                        at + 1
                    ));
                }
                let keep = |s: &str| s.chars().filter(|c| "ims".contains(*c)).collect::<String>();
                let (on, off) = (keep(&on), keep(&off));
                self.i = j + 1;
                self.open.push(0);
                if off.is_empty() {
                    let _ = write!(self.out, "(?{on}:");
                } else {
                    let _ = write!(self.out, "(?{on}-{off}:");
                }
                Ok(())
            }
            Some(')') if !minus && !on.is_empty() => Err(format!(
                "global flags not at the start of the expression at position {at}"
            )),
            _ => {
                let what: String = self.c[self.i..(self.i + 2).min(self.c.len())]
                    .iter()
                    .collect();
                Err(format!("unknown extension {what} at position {}", at + 1))
            }
        }
    }
}
