//! Code objects to bytes and back (what CPython's `marshal` does for
//! `.pyc` files): a compiled program saved once and loaded many times.
//!
//! The format, little-endian throughout:
//!
//! ```text
//! file   := "FVC\0" u32:version str:source code
//! code   := str:name str:qualname str:filename u32:firstlineno u32:argcount
//!           u32:posonlyargcount u32:kwonlyargcount u32:flags u32:stacksize
//!           u32:n word*n            (u32 each)
//!           u32:n const*n
//!           names varnames cellvars freevars   (u32:n str*n each)
//!           u32:n (u32 u32)*n       (line table)
//!           u32:n (u32 u32 u32 u32 u32)*n   (positions)
//! const  := u8:tag payload   (None False True int bigint float str bytes
//!           Ellipsis code tuple frozenset)
//! str    := u32:len utf-8
//! ```
//!
//! Loading trusts nothing: every length is checked against the bytes
//! left, nesting is bounded, and the result still goes through the
//! verifier before it can run.

use std::rc::Rc;

use num_bigint::BigInt;

use super::Code;
use super::code::{CodeParts, Pos};
use super::opcode::Word;
use crate::runtime::Value;

const MAGIC: &[u8; 4] = b"FVC\0";
/// Changes whenever the format or the opcode table does.
const VERSION: u32 = 3;
/// Deepest nesting of constants (tuples in tuples, code in code).
const MAX_DEPTH: usize = 64;

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const INT: u8 = 3;
    pub const BIGINT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const STR: u8 = 6;
    pub const BYTES: u8 = 7;
    pub const ELLIPSIS: u8 = 8;
    pub const CODE: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const COMPLEX: u8 = 12;
}

/// Why bytes could not be loaded, or a code object saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarshalError(pub String);

impl std::fmt::Display for MarshalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad(what: impl Into<String>) -> MarshalError {
    MarshalError(what.into())
}

/// `code` (with the source it came from) as bytes.
pub fn dumps(code: &Code, source: &str) -> Result<Vec<u8>, MarshalError> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, VERSION);
    put_str(&mut out, source);
    put_code(&mut out, code, 0)?;
    Ok(out)
}

/// The code object and source saved by [`dumps`]; not yet verified.
pub fn loads(bytes: &[u8]) -> Result<(Code, String), MarshalError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != MAGIC {
        return Err(bad("not a framevm compiled program (bad magic number)"));
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(bad(format!(
            "compiled by another framevm (format {version}, this one reads {VERSION})"
        )));
    }
    let source = r.string()?;
    let code = r.code(0)?;
    if r.at != bytes.len() {
        return Err(bad("trailing bytes after the program"));
    }
    Ok((code, source))
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_len(out: &mut Vec<u8>, n: usize) -> Result<(), MarshalError> {
    put_u32(
        out,
        u32::try_from(n).map_err(|_| bad("a table too large to save"))?,
    );
    Ok(())
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    // Lengths of strings come from Rust strings, which a u32 may not hold.
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn put_names(out: &mut Vec<u8>, names: &[Rc<str>]) -> Result<(), MarshalError> {
    put_len(out, names.len())?;
    for n in names {
        put_str(out, n);
    }
    Ok(())
}

fn put_code(out: &mut Vec<u8>, code: &Code, depth: usize) -> Result<(), MarshalError> {
    if depth > MAX_DEPTH {
        return Err(bad("code nested too deep to save"));
    }
    let p = code.parts();
    put_str(out, &p.name);
    put_str(out, &p.qualname);
    put_str(out, &p.filename);
    for v in [
        p.firstlineno,
        p.argcount,
        p.posonlyargcount,
        p.kwonlyargcount,
        p.flags,
        p.stacksize,
    ] {
        put_u32(out, v);
    }
    put_len(out, p.code.len())?;
    for w in &p.code {
        put_u32(out, w.0);
    }
    put_len(out, p.consts.len())?;
    for c in &p.consts {
        put_const(out, c, depth + 1)?;
    }
    put_names(out, &p.names)?;
    put_names(out, &p.varnames)?;
    put_names(out, &p.cellvars)?;
    put_names(out, &p.freevars)?;
    put_len(out, p.lines.len())?;
    for &(i, l) in &p.lines {
        put_u32(out, i);
        put_u32(out, l);
    }
    put_len(out, p.positions.len())?;
    for (i, pos) in &p.positions {
        for v in [*i, pos.line, pos.end_line, pos.col, pos.end_col] {
            put_u32(out, v);
        }
    }
    Ok(())
}

fn put_const(out: &mut Vec<u8>, v: &Value, depth: usize) -> Result<(), MarshalError> {
    if depth > MAX_DEPTH {
        return Err(bad("a constant nested too deep to save"));
    }
    match v {
        Value::None => out.push(tag::NONE),
        Value::Bool(false) => out.push(tag::FALSE),
        Value::Bool(true) => out.push(tag::TRUE),
        Value::Int(i) => {
            out.push(tag::INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::BigInt(b) => {
            out.push(tag::BIGINT);
            let bytes = b.to_signed_bytes_le();
            put_len(out, bytes.len())?;
            out.extend_from_slice(&bytes);
        }
        Value::Float(f) => {
            out.push(tag::FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Complex(c) => {
            out.push(tag::COMPLEX);
            out.extend_from_slice(&c.re.to_bits().to_le_bytes());
            out.extend_from_slice(&c.im.to_bits().to_le_bytes());
        }
        Value::Str(s) => {
            out.push(tag::STR);
            put_str(out, s);
        }
        Value::Bytes(b) => {
            out.push(tag::BYTES);
            put_len(out, b.len())?;
            out.extend_from_slice(b);
        }
        Value::Ellipsis => out.push(tag::ELLIPSIS),
        Value::Code(c) => {
            out.push(tag::CODE);
            put_code(out, c, depth + 1)?;
        }
        Value::Tuple(t) => {
            out.push(tag::TUPLE);
            put_len(out, t.len())?;
            for x in t.iter() {
                put_const(out, x, depth + 1)?;
            }
        }
        Value::FrozenSet(s) => {
            out.push(tag::FROZENSET);
            let keys = s.keys();
            put_len(out, keys.len())?;
            for x in &keys {
                put_const(out, x, depth + 1)?;
            }
        }
        other => {
            return Err(bad(format!(
                "a constant of type '{}' cannot be saved",
                other.type_name()
            )));
        }
    }
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| bad("the program is cut short"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, MarshalError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, MarshalError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, MarshalError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// A count of items each at least `min_size` bytes long: never more
    /// than the bytes left could hold, so no allocation exceeds the input.
    fn count(&mut self, min_size: usize) -> Result<usize, MarshalError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.bytes.len() - self.at {
            return Err(bad("a length runs past the end of the program"));
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, MarshalError> {
        let n = self.count(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| bad("a string that is not UTF-8"))
    }

    fn names(&mut self) -> Result<Vec<Rc<str>>, MarshalError> {
        let n = self.count(4)?;
        (0..n).map(|_| self.string().map(Rc::from)).collect()
    }

    fn code(&mut self, depth: usize) -> Result<Code, MarshalError> {
        if depth > MAX_DEPTH {
            return Err(bad("code nested too deep"));
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let filename: Rc<str> = Rc::from(self.string()?);
        let firstlineno = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let flags = self.u32()?;
        let stacksize = self.u32()?;
        let n = self.count(4)?;
        let code = (0..n)
            .map(|_| self.u32().map(Word))
            .collect::<Result<_, _>>()?;
        let n = self.count(1)?;
        let consts = (0..n)
            .map(|_| self.constant(depth + 1))
            .collect::<Result<_, _>>()?;
        let names = self.names()?;
        let varnames = self.names()?;
        let cellvars = self.names()?;
        let freevars = self.names()?;
        let n = self.count(8)?;
        let lines = (0..n)
            .map(|_| Ok((self.u32()?, self.u32()?)))
            .collect::<Result<_, MarshalError>>()?;
        let n = self.count(20)?;
        let positions = (0..n)
            .map(|_| {
                let i = self.u32()?;
                let pos = Pos {
                    line: self.u32()?,
                    end_line: self.u32()?,
                    col: self.u32()?,
                    end_col: self.u32()?,
                };
                Ok((i, pos))
            })
            .collect::<Result<_, MarshalError>>()?;
        Code::from_parts(CodeParts {
            name,
            qualname,
            filename,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            code,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            stacksize,
            lines,
            positions,
        })
        .ok_or_else(|| bad("a code object too large for a frame"))
    }

    fn constant(&mut self, depth: usize) -> Result<Value, MarshalError> {
        if depth > MAX_DEPTH {
            return Err(bad("a constant nested too deep"));
        }
        Ok(match self.u8()? {
            tag::NONE => Value::None,
            tag::FALSE => Value::Bool(false),
            tag::TRUE => Value::Bool(true),
            tag::INT => Value::Int(self.u64()? as i64),
            tag::BIGINT => {
                let n = self.count(1)?;
                Value::from_bigint(BigInt::from_signed_bytes_le(self.take(n)?))
            }
            tag::FLOAT => Value::Float(f64::from_bits(self.u64()?)),
            tag::COMPLEX => {
                let re = f64::from_bits(self.u64()?);
                crate::runtime::complex::value(re, f64::from_bits(self.u64()?))
            }
            tag::STR => Value::str(self.string()?),
            tag::BYTES => {
                let n = self.count(1)?;
                Value::Bytes(Rc::new(self.take(n)?.to_vec()))
            }
            tag::ELLIPSIS => Value::Ellipsis,
            tag::CODE => Value::Code(Rc::new(self.code(depth + 1)?)),
            tag::TUPLE => {
                let n = self.count(1)?;
                let items = (0..n)
                    .map(|_| self.constant(depth + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                Value::tuple(items)
            }
            tag::FROZENSET => {
                let n = self.count(1)?;
                let items = (0..n)
                    .map(|_| self.constant(depth + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                let set = crate::runtime::set::from_items(items)
                    .map_err(|e| bad(format!("a frozenset constant: {}", e.last_line())))?;
                crate::runtime::set::new_frozenset(set)
            }
            t => return Err(bad(format!("unknown constant tag {t}"))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "def f(a, *r, k=2.5, **kw):\n    x = (1, 'two', b'3', 10**30, None, True, ...)\n    return {1, 2, 3} | {a}, x, k\nprint(f(0))\n";

    #[test]
    fn a_program_survives_the_round_trip() {
        let code = crate::compiler::compile(SOURCE, "m.py").unwrap();
        let bytes = dumps(&code, SOURCE).unwrap();
        let (back, source) = loads(&bytes).unwrap();
        assert_eq!(source, SOURCE);
        crate::bytecode::verify::verify(&back).unwrap();
        assert_eq!(
            crate::bytecode::dis::disassemble(&back),
            crate::bytecode::dis::disassemble(&code)
        );
        // And saving it again gives the same bytes.
        assert_eq!(dumps(&back, &source).unwrap(), bytes);
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_an_error_or_verified_code() {
        let code = crate::compiler::compile(SOURCE, "m.py").unwrap();
        let bytes = dumps(&code, SOURCE).unwrap();
        for n in 0..bytes.len() {
            assert!(loads(&bytes[..n]).is_err(), "cut at {n}");
        }
        let step = if cfg!(miri) { 97 } else { 1 };
        for i in (0..bytes.len()).step_by(step) {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                // Loading may succeed (a changed constant, a changed name):
                // the verifier then decides whether it may run.
                if let Ok((c, _)) = loads(&b) {
                    let _ = crate::bytecode::verify::verify(&c);
                }
            }
        }
    }

    #[test]
    fn lengths_beyond_the_input_allocate_nothing() {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, VERSION);
        put_u32(&mut b, u32::MAX); // a source "4 GiB long"
        assert_eq!(
            loads(&b).unwrap_err().0,
            "a length runs past the end of the program"
        );
        assert!(loads(b"PYC\0\x01\0\0\0").unwrap_err().0.contains("magic"));
    }
}
