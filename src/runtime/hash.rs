//! `hash(x)` with CPython's values, so that sets lay out their tables as
//! CPython does and iterate in the same order.
//!
//! - int: the value modulo the Mersenne prime 2**61 - 1, with the sign
//!   kept; -1 becomes -2 (CPython reserves -1 for errors).
//! - float: the same residue for the exact binary value, so `hash(2.0) ==
//!   hash(2)`; ±inf hash to ±314159.
//! - tuple: the xxHash-style combination CPython 3.8+ uses.
//! - str: SipHash-1-3 over the string's PEP 393 form with a zero key,
//!   which is what CPython computes under `PYTHONHASHSEED=0` (the setting
//!   the test programs are recorded with). Any other seed randomises str
//!   hashes, so no program may depend on them.
//! - frozenset: see [`super::set::SetObj::frozen_hash`].
//! - None, NaN and identity-compared objects: fixed or address-based
//!   values (CPython hashes these by address, so no order can depend on
//!   them either).

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::seqobj::Seq;
use super::{PyErr, PyResult, Value};

/// The modulus of numeric hashes: the Mersenne prime 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;

/// Bits in [`MODULUS`]: multiplying by 2**61 is the identity modulo it.
const BITS: u32 = 61;

/// `hash(float('inf'))`.
const INF: i64 = 314_159;

/// `hash(None)` (CPython 3.12's constant; 3.11 uses the object's address).
const NONE: i64 = 0xFCA8_6420;

/// `hash(NotImplemented)` (CPython uses the singleton's address).
const NOT_IMPLEMENTED: i64 = 0x4E6F_7449;

/// The xxHash primes of the tuple hash.
const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(v)`, or TypeError for unhashable values.
pub fn hash(v: &Value) -> PyResult<i64> {
    match v {
        Value::Tuple(t) => hash_tuple(t),
        other => hash_leaf(other),
    }
}

/// The hash of a value that is not a tuple.
fn hash_leaf(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => hash_bigint(b),
        Value::Float(f) => hash_f64(*f),
        Value::Str(s) => hash_str(s),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            return super::bytes::hash(v);
        }
        Value::None => NONE,
        Value::FrozenSet(s) => s.frozen_hash(),
        Value::Range(r) if r.big.is_some() => {
            let [start, _, step, len] = r.parts();
            let parts = if len.is_zero() {
                [Value::Int(0), Value::None, Value::None]
            } else if len == BigInt::from(1) {
                [Value::Int(1), Value::from_bigint(start), Value::None]
            } else {
                [
                    Value::from_bigint(len),
                    Value::from_bigint(start),
                    Value::from_bigint(step),
                ]
            };
            return hash_tuple(&Rc::new(Seq::from(parts.to_vec())));
        }
        Value::Range(r) => {
            // As CPython: the hash of (len, start, step), with None for
            // the parts that do not change which values the range holds.
            let len = r.len();
            let parts = match len {
                0 => [Value::Int(0), Value::None, Value::None],
                1 => [Value::Int(1), Value::Int(r.start), Value::None],
                _ => [Value::Int(len), Value::Int(r.start), Value::Int(r.step)],
            };
            return hash_tuple(&Rc::new(Seq::from(parts.to_vec())));
        }
        Value::List(_) | Value::Dict(_) | Value::Globals(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(unhashable(v));
        }
        Value::View(view) => match view.0 {
            super::dict::ViewKind::Values => address(Rc::as_ptr(view) as *const u8),
            _ => return Err(unhashable(v)),
        },
        Value::Tuple(t) => return hash_tuple(t),
        // Compared by identity: hashed by address.
        Value::Function(f) => address(Rc::as_ptr(f) as *const u8),
        Value::Builtin(b) => address(*b as *const _ as *const u8),
        Value::Code(c) => address(Rc::as_ptr(c) as *const u8),
        Value::Iter(it) => address(Rc::as_ptr(it) as *const u8),
        Value::Generator(g) => address(Rc::as_ptr(g) as *const u8),
        Value::Cell(c) => address(Rc::as_ptr(c) as *const u8),
        // Bound methods: by what they bind (equal ones hash alike).
        Value::Method(m) => hash(&m.0).unwrap_or(0) ^ address(m.1 as *const _ as *const u8),
        Value::HostFn(h) => address(Rc::as_ptr(h) as *const u8),
        Value::Module(m) => address(Rc::as_ptr(m) as *const u8),
        Value::Complex(c) => super::complex::hash(c),
        // By what `__hash__` returned, which the VM computes (and caches)
        // before a set or dict operation; by identity if the class has none.
        Value::Instance(i) => match i.hash.get() {
            Some(h) => fix(h),
            None => address(Rc::as_ptr(i) as *const u8),
        },
        Value::Class(c) => address(Rc::as_ptr(c) as *const u8),
        Value::BoundMethod(m) => {
            let this = match &m.0 {
                Value::Instance(i) => address(Rc::as_ptr(i) as *const u8),
                other => hash(other).unwrap_or(0),
            };
            this ^ hash(&m.1)?.rotate_left(7)
        }
        Value::Descr(d) => address(Rc::as_ptr(d) as *const u8),
        Value::Super(s) => address(Rc::as_ptr(s) as *const u8),
        Value::NotImplemented => NOT_IMPLEMENTED,
        // A fixed value: CPython hashes the singleton by its address.
        Value::Ellipsis => NOT_IMPLEMENTED ^ 1,
        Value::Empty => 0,
    })
}

/// TypeError for `hash(v)` of an unhashable value.
pub fn unhashable(v: &Value) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))
}

/// CPython's pointer hash: the address rotated right by 4 bits (the low
/// bits of an aligned address carry no information).
fn address(p: *const u8) -> i64 {
    let h = (p as usize as u64).rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

/// Maps the reserved -1 to -2.
fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(i)` for a machine-word int.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -m } else { m })
}

/// `hash(b)` for a big int.
fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.magnitude() % MODULUS)
        .to_u64()
        .expect("a residue below 2**61") as i64;
    fix(if b.sign() == Sign::Minus { -m } else { m })
}

/// `hash(f)`: the residue of the float's exact value modulo 2**61 - 1.
pub fn hash_f64(f: f64) -> i64 {
    if f.is_infinite() {
        return if f > 0.0 { INF } else { -INF };
    }
    if f.is_nan() || f == 0.0 {
        return 0;
    }
    // f = mantissa * 2**exponent, mantissa below 2**53 (so below the modulus).
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let (mantissa, exponent) = if biased == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), biased - 1075)
    };
    // Multiplying by 2**e modulo 2**61 - 1 rotates the 61-bit residue left
    // by e mod 61 (2**61 is 1 there, so negative exponents rotate too).
    let e = exponent.rem_euclid(BITS as i32) as u32;
    let x = if e == 0 {
        mantissa
    } else {
        ((mantissa << e) & MODULUS) | (mantissa >> (BITS - e))
    } as i64;
    fix(if f < 0.0 { -x } else { x })
}

/// `hash(s)`: SipHash-1-3 with a zero key over the string's PEP 393
/// form (one, two or four bytes per character, by the widest character).
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let h = if widest < 0x80 {
        siphash13(s.as_bytes())
    } else if widest < 0x100 {
        siphash13(&s.chars().map(|c| c as u8).collect::<Vec<u8>>())
    } else if widest < 0x1_0000 {
        let units: Vec<u8> = s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect();
        siphash13(&units)
    } else {
        let units: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        siphash13(&units)
    };
    fix(h as i64)
}

/// `hash(b)` of bytes: SipHash-1-3 with a zero key over the bytes (the
/// same as a str of the same ASCII text).
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(b) as i64)
}

/// SipHash-1-3 (one compression round per word, three finalisation
/// rounds) with the key (0, 0).
fn siphash13(data: &[u8]) -> u64 {
    let mut v = [
        0x736f_6d65_7073_6575u64,
        0x646f_7261_6e64_6f6d,
        0x6c79_6765_6e65_7261,
        0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }
    let mut words = data.chunks_exact(8);
    for w in &mut words {
        let m = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    // The last word: the leftover bytes, and the length in the top byte.
    let mut last = (data.len() as u64) << 56;
    for (i, b) in words.remainder().iter().enumerate() {
        last |= (*b as u64) << (8 * i);
    }
    v[3] ^= last;
    round(&mut v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for _ in 0..3 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// Folds one item's hash into a tuple's running hash.
fn tuple_step(acc: u64, lane: i64) -> u64 {
    acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2))
        .rotate_left(31)
        .wrapping_mul(XXPRIME_1)
}

/// A tuple's hash from its running hash and length.
fn tuple_finish(acc: u64, len: usize) -> i64 {
    // The length is mixed in so that hash(()) keeps its historical value.
    let acc = acc.wrapping_add(len as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// `hash(t)`, with an explicit stack: tuples nested a million deep hash
/// without deep Rust recursion.
fn hash_tuple(t: &Seq) -> PyResult<i64> {
    // (tuple, index of the next item, running hash)
    let mut stack: Vec<(&Seq, usize, u64)> = vec![(t, 0, XXPRIME_5)];
    loop {
        let (seq, next, acc) = stack.last_mut().expect("the outermost tuple");
        let Some(item) = seq.get(*next) else {
            let h = tuple_finish(*acc, seq.len());
            stack.pop();
            match stack.last_mut() {
                Some((_, _, parent)) => *parent = tuple_step(*parent, h),
                None => return Ok(h),
            }
            continue;
        };
        *next += 1;
        match item {
            Value::Tuple(inner) => stack.push((inner, 0, XXPRIME_5)),
            leaf => *acc = tuple_step(*acc, hash_leaf(leaf)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: Value) -> i64 {
        hash(&v).unwrap()
    }

    #[test]
    fn numbers_hash_as_cpython() {
        // python3.11 -c "print(hash(-1), hash(2**61-1), hash(-(2**61)), hash(1e20), hash(0.5),
        //     hash(-0.0), hash(float('inf')), hash(2**64), hash(-1.5), hash(1e300), hash(5e-324),
        //     hash(1.1), hash(-2**64))"
        assert_eq!(h(Value::Int(-1)), -2);
        assert_eq!(h(Value::Int((1 << 61) - 1)), 0);
        assert_eq!(h(Value::Int(-(1 << 61))), -2);
        assert_eq!(h(Value::Float(1e20)), 848_750_603_811_160_107);
        assert_eq!(h(Value::Float(0.5)), 1_152_921_504_606_846_976);
        assert_eq!(h(Value::Float(-0.0)), 0);
        assert_eq!(h(Value::Float(f64::INFINITY)), 314_159);
        assert_eq!(h(Value::from_bigint(BigInt::from(2).pow(64))), 8);
        assert_eq!(h(Value::Float(-1.5)), -1_152_921_504_606_846_977);
        assert_eq!(h(Value::Bool(true)), 1);
        assert_eq!(h(Value::Float(7.0)), 7);
        assert_eq!(h(Value::Float(1e300)), 1_224_995_262_755_759_164);
        assert_eq!(h(Value::Float(5e-324)), 16_777_216);
        assert_eq!(h(Value::Float(1.1)), 230_584_300_921_369_601);
        assert_eq!(h(Value::from_bigint(-BigInt::from(2).pow(64))), -8);
        // python3.11 -c "print(hash(range(1, 10, 2)))"
        let r = super::super::object::Range::small(1, 10, 2).unwrap();
        assert_eq!(h(Value::Range(Rc::new(r))), -8_580_228_179_051_518_038);
    }

    #[test]
    fn tuples_hash_as_cpython() {
        // python3.11 -c "print(hash((1, 2)), hash(()), hash((1, (2, 3))))"
        assert_eq!(
            h(Value::tuple(vec![Value::Int(1), Value::Int(2)])),
            -3_550_055_125_485_641_917
        );
        assert_eq!(h(Value::tuple(vec![])), 5_740_354_900_026_072_187);
        let inner = Value::tuple(vec![Value::Int(2), Value::Int(3)]);
        assert_eq!(
            h(Value::tuple(vec![Value::Int(1), inner])),
            7_267_574_591_690_527_098
        );
    }

    #[test]
    fn strs_hash_as_cpython_with_seed_zero() {
        // PYTHONHASHSEED=0 python3.11 -c "print(hash('a'), hash('abc'), ...)"
        let cases = [
            ("", 0),
            ("a", 4_644_417_185_603_328_019),
            ("abc", -4_594_863_902_769_663_758),
            ("hello world!", 839_851_713_330_019_024),
            ("é", 6_047_309_291_227_476_195),
            ("ab€", -6_661_611_623_252_364_461),
            ("😀x", -8_926_728_262_118_538_918),
            ("abcdefgh", 4_574_395_652_268_504_554),
            ("abcdefghi", -532_774_252_720_507_163),
        ];
        for (s, want) in cases {
            assert_eq!(hash_str(s), want, "{s:?}");
        }
    }

    #[test]
    fn bytes_hash_as_cpython_with_seed_zero() {
        // PYTHONHASHSEED=0 python3.11 -c "print(hash(b'a'), hash(b'abcdefgh'), ...)"
        let cases: [(&[u8], i64); 5] = [
            (b"", 0),
            (b"a", 4_644_417_185_603_328_019),
            (b"abcdefgh", 4_574_395_652_268_504_554),
            (b"\x00\xff\x80", 2_289_032_710_358_597_500),
            (b"hello world!", 839_851_713_330_019_024),
        ];
        for (b, want) in cases {
            assert_eq!(hash_bytes(b), want, "{b:?}");
        }
    }

    #[test]
    fn deep_tuples_hash_without_recursion() {
        let mut v = Value::tuple(vec![]);
        for _ in 0..200_000 {
            v = Value::tuple(vec![v]);
        }
        assert!(hash(&v).is_ok());
    }

    #[test]
    fn mutable_containers_are_unhashable() {
        let e = hash(&Value::list(vec![])).unwrap_err();
        assert_eq!(e.last_line(), "TypeError: unhashable type: 'list'");
        let t = Value::tuple(vec![Value::Int(1), Value::list(vec![])]);
        assert_eq!(
            hash(&t).unwrap_err().last_line(),
            "TypeError: unhashable type: 'list'"
        );
    }
}
