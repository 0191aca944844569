//! `_random`: the Mersenne Twister (MT19937) seeded as CPython seeds it,
//! as the class `_random.Random`, whose state lives in each instance.
//! `random.py` builds `random.Random` on it with the distributions, so a
//! seeded program draws the same numbers as CPython 3.11. The integer
//! draws the benchmarks lean on (`randrange`, `randint`, `_randbelow`)
//! are here in Rust; `random.py` replaces them with Python versions in a
//! subclass that brings its own `random()` or `getrandbits()`.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{err, obj, type_err, val};
use crate::embed::Result;
use crate::runtime::builtins::Host;
use crate::runtime::{ExcKind, Value};
use crate::{Error, Object, Vm};

const N: usize = 624;
const M: usize = 397;

/// The generator's state (`gauss_next` is kept by `random.py`, as in
/// CPython; the field is cleared on seeding only).
struct Mt {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt {
            mt: [0; N],
            index: N,
            gauss_next: None,
        };
        m.seed_time();
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(p ^ (p >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = self.mt[i - 1];
            self.mt[i] =
                (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// `seed(n)` for an int: its absolute value's 32-bit words, least
    /// significant first.
    fn seed_int(&mut self, n: &BigInt) {
        let (_, mut words) = n.abs().to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        self.init_by_array(&words);
        self.gauss_next = None;
    }

    /// `seed(None)`: 624 words from the OS's entropy (the time and an
    /// address if it has none to give).
    fn seed_time(&mut self) {
        let mut bytes = [0u8; N * 4];
        let words: Vec<u32> = if getrandom::getrandom(&mut bytes).is_ok() {
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        } else {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos();
            let addr = self as *const Mt as usize as u128;
            let v = t ^ (addr << 64);
            (0..4).map(|k| (v >> (32 * k)) as u32).collect()
        };
        self.init_by_array(&words);
        self.gauss_next = None;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            for k in 0..N {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % N] & 0x7fff_ffff);
                let mut v = self.mt[(k + M) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.mt[k] = v;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::zero();
        }
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &out)
    }

    /// A random int in [0, n) (n > 0), by rejection of `n.bit_length()`
    /// random bits.
    fn below(&mut self, n: &BigInt) -> BigInt {
        if n.is_zero() {
            return BigInt::zero();
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }
}

type State = Rc<RefCell<Mt>>;

fn py(e: crate::runtime::PyErr) -> Error {
    Error::from_py(e)
}

fn index(vm: &mut Vm, v: &Value) -> Result<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) => match Host::special(vm, v, "__index__").map_err(py)? {
            Some(r) => index(vm, &r),
            None => Err(not_int(v)),
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

/// An argument of `randrange`: an int, or (deprecated in 3.10, still
/// accepted by 3.11) a float with an integral value.
fn range_arg(vm: &mut Vm, v: &Value, which: &str) -> Result<BigInt> {
    if let Value::Float(f) = v {
        if f.fract() == 0.0 && f.is_finite() {
            return Ok(num_bigint::BigInt::from(*f as i128));
        }
        return Err(err(
            ExcKind::ValueError,
            format!("non-integer {which} for randrange()"),
        ));
    }
    index(vm, v)
}

/// The generator state of `this`, an instance of `_random.Random` or of
/// a subclass; an instance made without `__init__` gets one seeded from
/// the OS, as CPython's `__new__` seeds it.
fn state_of(this: &Value) -> Result<State> {
    let Value::Instance(inst) = this else {
        return Err(type_err(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            this.type_name()
        )));
    };
    let any = inst
        .native
        .get_or_init(|| Rc::new(RefCell::new(Mt::new())) as Rc<dyn std::any::Any>)
        .clone();
    any.downcast::<RefCell<Mt>>().map_err(|_| {
        type_err(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            this.type_name()
        ))
    })
}

fn randrange(vm: &mut Vm, st: &State, p: &[Object]) -> Result<Object> {
    if p.is_empty() || p.len() > 3 {
        return Err(type_err(format!(
            "randrange() takes from 2 to 4 positional arguments but {} were given",
            p.len() + 1
        )));
    }
    let start = range_arg(vm, val(&p[0]), "arg 1")?;
    let stop = match p.get(1).map(|o| val(o).clone()) {
        None | Some(Value::None) => {
            if let Some(step) = p.get(2)
                && !matches!(val(step), Value::Int(1))
            {
                return Err(type_err("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(obj(Value::from_bigint(st.borrow_mut().below(&start))));
            }
            return Err(err(ExcKind::ValueError, "empty range for randrange()"));
        }
        Some(v) => range_arg(vm, &v, "stop")?,
    };
    let step = match p.get(2) {
        None => BigInt::one(),
        Some(s) => range_arg(vm, val(s), "step")?,
    };
    let width = &stop - &start;
    if step.is_one() {
        if width.is_positive() {
            let r = st.borrow_mut().below(&width);
            return Ok(obj(Value::from_bigint(start + r)));
        }
        return Err(err(
            ExcKind::ValueError,
            format!("empty range for randrange() ({start}, {stop}, {width})"),
        ));
    }
    let n = if step.is_positive() {
        num_integer::Integer::div_floor(&(&width + &step - BigInt::one()), &step)
    } else if step.is_negative() {
        num_integer::Integer::div_floor(&(&width + &step + BigInt::one()), &step)
    } else {
        return Err(err(ExcKind::ValueError, "zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(err(ExcKind::ValueError, "empty range for randrange()"));
    }
    let r = st.borrow_mut().below(&n);
    Ok(obj(Value::from_bigint(start + step * r)))
}

/// `Random.seed(n)` at the C level: None from the OS, an int by its
/// absolute value, anything else by its hash as an unsigned word.
/// (`random.py` turns str and bytes into ints first.)
fn seed(st: &State, vm: &mut Vm, arg: Option<&Object>) -> Result<()> {
    match arg.map(|o| val(o).clone()) {
        None | Some(Value::None) => st.borrow_mut().seed_time(),
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => {
            let n = index(vm, &v)?;
            st.borrow_mut().seed_int(&n);
        }
        Some(other) => {
            let h = crate::runtime::hash::hash(&other).map_err(py)?;
            st.borrow_mut().seed_int(&BigInt::from(h as u64));
        }
    }
    Ok(())
}

fn getrandbits(st: &State, vm: &mut Vm, k: &Object) -> Result<Object> {
    let k = index(vm, val(k))?;
    if k.is_negative() {
        return Err(err(
            ExcKind::ValueError,
            "number of bits must be non-negative",
        ));
    }
    let k = k.to_i32().map(|k| k as u64).ok_or_else(|| {
        err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })?;
    // A size the script chooses: MemoryError past the cap or the system,
    // for the words drawn and the int made of them.
    let bytes = usize::try_from(k.div_ceil(8)).unwrap_or(usize::MAX);
    crate::runtime::alloc::ensure(bytes.saturating_mul(2)).map_err(Error::from_py)?;
    Ok(obj(Value::from_bigint(st.borrow_mut().getrandbits(k))))
}

/// `getstate()`: the 624 words and the index, as a tuple of 625 ints.
fn getstate(st: &State) -> Object {
    let s = st.borrow();
    let mut items: Vec<Value> = s.mt.iter().map(|&w| Value::Int(i64::from(w))).collect();
    items.push(Value::Int(s.index as i64));
    obj(Value::tuple(items))
}

fn setstate(st: &State, vm: &mut Vm, state: &Object) -> Result<()> {
    let Value::Tuple(t) = val(state) else {
        return Err(type_err("state vector must be a tuple"));
    };
    let items: Vec<Value> = t.iter().cloned().collect();
    if items.len() != N + 1 {
        return Err(err(ExcKind::ValueError, "state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(&items) {
        let n = index(vm, v)?;
        if n.is_negative() {
            return Err(err(
                ExcKind::OverflowError,
                "can't convert negative int to unsigned",
            ));
        }
        let n = n.to_u64().ok_or_else(|| {
            err(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })?;
        *w = n as u32;
    }
    let i = index(vm, &items[N])?;
    let i = match i.to_usize() {
        Some(i) if i <= N => i,
        _ => return Err(err(ExcKind::ValueError, "invalid state")),
    };
    let mut s = st.borrow_mut();
    s.mt = words;
    s.index = i;
    Ok(())
}

/// A method of `_random.Random`: `f` gets the instance's state and the
/// arguments after `self`, keyword arguments put in the places `params`
/// names (a gap before one is None).
fn method<F>(name: &str, params: &'static [&'static str], f: F) -> Value
where
    F: Fn(&mut Vm, &State, &[Object]) -> Result<Object> + 'static,
{
    let fname: Rc<str> = Rc::from(name);
    let n = fname.clone();
    let call = move |vm: &mut Vm,
                     positional: crate::runtime::object::HostArgs,
                     keywords: Vec<(Rc<str>, Value)>| {
        let Some(this) = positional.first() else {
            return Err(Error::type_error(format!("{n}() needs a Random instance")).into_py());
        };
        let st = state_of(this).map_err(Error::into_py)?;
        let mut rest: Vec<Object> = positional[1..].iter().cloned().map(Object).collect();
        for (k, v) in keywords {
            let Some(at) = params.iter().position(|p| **p == *k) else {
                return Err(Error::type_error(format!(
                    "{n}() got an unexpected keyword argument '{k}'"
                ))
                .into_py());
            };
            if at < rest.len() {
                return Err(Error::type_error(format!(
                    "{n}() got multiple values for argument '{k}'"
                ))
                .into_py());
            }
            rest.resize(at, obj(Value::None));
            rest.push(Object(v));
        }
        f(vm, &st, &rest).map(|o| o.0).map_err(Error::into_py)
    };
    Value::HostFn(Rc::new(crate::runtime::object::HostFn {
        name: fname,
        method: true,
        call: Box::new(call),
    }))
}

fn takes(name: &str, args: &[Object], lo: usize, hi: usize) -> Result<()> {
    if args.len() < lo || args.len() > hi {
        let given = args.len() + 1;
        let want = if lo == hi {
            format!("{}", lo + 1)
        } else {
            format!("from {} to {}", lo + 1, hi + 1)
        };
        let s = if hi == 0 { "" } else { "s" };
        return Err(type_err(format!(
            "{name}() takes {want} positional argument{s} but {given} were given"
        )));
    }
    Ok(())
}

fn none() -> Object {
    obj(Value::None)
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let mut dict = crate::runtime::class::AttrMap::default();
    dict.insert(Rc::from("__module__"), Value::str("_random"));
    let methods: Vec<(&str, Value)> = vec![
        (
            "__init__",
            method("__init__", &["x"], |vm, st, a| {
                takes("__init__", a, 0, 1)?;
                seed(st, vm, a.first())?;
                Ok(none())
            }),
        ),
        (
            "seed",
            method("seed", &["n"], |vm, st, a| {
                takes("seed", a, 0, 1)?;
                seed(st, vm, a.first())?;
                Ok(none())
            }),
        ),
        (
            "random",
            method("random", &[], |_vm, st, a| {
                takes("random", a, 0, 0)?;
                Ok(obj(Value::Float(st.borrow_mut().random())))
            }),
        ),
        (
            "getrandbits",
            method("getrandbits", &["k"], |vm, st, a| {
                takes("getrandbits", a, 1, 1)?;
                getrandbits(st, vm, &a[0])
            }),
        ),
        (
            "getstate",
            method("getstate", &[], |_vm, st, a| {
                takes("getstate", a, 0, 0)?;
                Ok(getstate(st))
            }),
        ),
        (
            "setstate",
            method("setstate", &["state"], |vm, st, a| {
                takes("setstate", a, 1, 1)?;
                setstate(st, vm, &a[0])?;
                Ok(none())
            }),
        ),
        (
            "_randbelow",
            method("_randbelow", &["n"], |vm, st, a| {
                takes("_randbelow", a, 1, 1)?;
                let n = index(vm, val(&a[0]))?;
                Ok(obj(Value::from_bigint(st.borrow_mut().below(&n))))
            }),
        ),
        (
            "randrange",
            method("randrange", &["start", "stop", "step"], randrange),
        ),
        (
            "randint",
            method("randint", &["a", "b"], |vm, st, a| {
                takes("randint", a, 2, 2)?;
                let lo = range_arg(vm, val(&a[0]), "arg 1")?;
                let hi = range_arg(vm, val(&a[1]), "stop")? + 1;
                randrange(
                    vm,
                    st,
                    &[obj(Value::from_bigint(lo)), obj(Value::from_bigint(hi))],
                )
            }),
        ),
    ];
    for (k, v) in methods {
        dict.insert(Rc::from(k), v);
    }
    let cls =
        crate::runtime::class::Class::new(Rc::from("Random"), Rc::from("Random"), Vec::new(), dict)
            .map_err(Error::from_py)?;
    vm.module("_random")
        .constant("Random", Object(Value::Class(cls)))
        .function("_sha512", |_vm, (b,): (Object,)| {
            use sha2::Digest;
            let digest =
                crate::runtime::bytes::with_bytes(val(&b), |d| sha2::Sha512::digest(d).to_vec())
                    .ok_or_else(|| {
                        type_err(format!(
                            "a bytes-like object is required, not '{}'",
                            val(&b).type_name()
                        ))
                    })?;
            Ok(obj(crate::runtime::bytes::bytes(digest)))
        })
        .register()
}
