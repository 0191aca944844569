//! `random`: the Mersenne Twister (MT19937) seeded as CPython seeds it,
//! with CPython's algorithms on top, so a seeded program draws the same
//! numbers as CPython 3.11.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{err, obj, type_err, val};
use crate::embed::Result;
use crate::runtime::builtins::Host;
use crate::runtime::{ExcKind, Value};
use crate::{Args, Error, Object, Vm};

const N: usize = 624;
const M: usize = 397;

/// The generator's state (and `gauss`'s spare value).
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

    fn seed_time(&mut self) {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let addr = self as *const Mt as usize as u128;
        let v = t ^ (addr << 64);
        let words: Vec<u32> = (0..4).map(|k| (v >> (32 * k)) as u32).collect();
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

    fn below_usize(&mut self, n: usize) -> usize {
        self.below(&BigInt::from(n)).to_usize().unwrap_or(0)
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

fn f64_of(vm: &mut Vm, o: &Object) -> Result<f64> {
    super::math::to_f64(vm, val(o))
}

fn randrange(st: &State, vm: &mut Vm, args: &Args) -> Result<Object> {
    super::arity("randrange", args, 1, 3)?;
    let p = &args.positional;
    let start = index(vm, val(&p[0]))?;
    let stop = match p.get(1).map(|o| val(o).clone()) {
        None | Some(Value::None) => {
            if start.is_positive() {
                return Ok(obj(Value::from_bigint(st.borrow_mut().below(&start))));
            }
            return Err(err(ExcKind::ValueError, "empty range for randrange()"));
        }
        Some(v) => index(vm, &v)?,
    };
    let step = match p.get(2) {
        None => BigInt::one(),
        Some(s) => index(vm, val(s))?,
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
        (&width + &step - BigInt::one()).div_floor_big(&step)
    } else if step.is_negative() {
        (&width + &step + BigInt::one()).div_floor_big(&step)
    } else {
        return Err(err(ExcKind::ValueError, "zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(err(ExcKind::ValueError, "empty range for randrange()"));
    }
    let r = st.borrow_mut().below(&n);
    Ok(obj(Value::from_bigint(start + step * r)))
}

trait DivFloor {
    fn div_floor_big(&self, d: &BigInt) -> BigInt;
}

impl DivFloor for BigInt {
    fn div_floor_big(&self, d: &BigInt) -> BigInt {
        num_integer::Integer::div_floor(self, d)
    }
}

fn seed(st: &State, vm: &mut Vm, args: &Args) -> Result<()> {
    super::arity("seed", args, 0, 2)?;
    let mut s = st.borrow_mut();
    match args.positional.first().map(|o| val(o).clone()) {
        None | Some(Value::None) => s.seed_time(),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            drop(s);
            let n = index(vm, &v)?;
            st.borrow_mut().seed_int(&n);
        }
        Some(Value::Float(f)) => {
            // CPython seeds a float by its hash.
            let h = crate::runtime::hash::hash_f64(f);
            s.seed_int(&BigInt::from(h));
        }
        Some(other) => {
            return Err(type_err(format!(
                "framevm's random.seed() takes None or an int, not {}",
                other.type_name()
            )));
        }
    }
    Ok(())
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    let st: State = Rc::new(RefCell::new(Mt::new()));
    let s = |st: &State| st.clone();
    let (a, b, c, d, e, f, g, h, i, j, k, l, m, n) = (
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
        s(&st),
    );
    vm.module("random")
        .function("seed", move |vm, args: Args| seed(&a, vm, &args))
        .function("random", move |_vm, (): ()| Ok(b.borrow_mut().random()))
        .function("getrandbits", move |vm, (k,): (Object,)| {
            let k = index(vm, val(&k))?;
            if k.is_negative() {
                return Err(err(
                    ExcKind::ValueError,
                    "number of bits must be non-negative",
                ));
            }
            let k = k.to_u64().ok_or_else(|| {
                err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })?;
            Ok(obj(Value::from_bigint(c.borrow_mut().getrandbits(k))))
        })
        .function("randrange", move |vm, args: Args| randrange(&d, vm, &args))
        .function("randint", move |vm, (lo, hi): (Object, Object)| {
            let hi = index(vm, val(&hi))? + 1;
            let args = Args {
                positional: vec![lo, obj(Value::from_bigint(hi))],
                keywords: Vec::new(),
            };
            randrange(&e, vm, &args)
        })
        .function("choice", move |vm, (seq,): (Object,)| {
            let items = Host::items(vm, val(&seq)).map_err(py)?;
            if items.is_empty() {
                return Err(err(
                    ExcKind::IndexError,
                    "Cannot choose from an empty sequence",
                ));
            }
            let i = f.borrow_mut().below_usize(items.len());
            Ok(obj(items[i].clone()))
        })
        .function("shuffle", move |_vm, (x,): (Object,)| {
            let Value::List(l) = val(&x) else {
                return Err(type_err(format!(
                    "'{}' object does not support item assignment",
                    val(&x).type_name()
                )));
            };
            let len = l.borrow().len();
            for i in (1..len).rev() {
                let j = g.borrow_mut().below_usize(i + 1);
                l.borrow_mut().swap(i, j);
            }
            Ok(())
        })
        .function("uniform", move |vm, (lo, hi): (Object, Object)| {
            let (lo, hi) = (f64_of(vm, &lo)?, f64_of(vm, &hi)?);
            Ok(lo + (hi - lo) * h.borrow_mut().random())
        })
        .function("triangular", move |vm, args: Args| {
            super::arity("triangular", &args, 0, 3)?;
            let p = &args.positional;
            let low = p.first().map(|o| f64_of(vm, o)).transpose()?.unwrap_or(0.0);
            let high = p.get(1).map(|o| f64_of(vm, o)).transpose()?.unwrap_or(1.0);
            let mode = match p.get(2).map(|o| val(o).clone()) {
                None | Some(Value::None) => None,
                Some(v) => Some(super::math::to_f64(vm, &v)?),
            };
            let mut u = i.borrow_mut().random();
            let mut c = match mode {
                None => 0.5,
                Some(_) if high == low => return Ok(low),
                Some(m) => (m - low) / (high - low),
            };
            let (mut low, mut high) = (low, high);
            if u > c {
                u = 1.0 - u;
                c = 1.0 - c;
                std::mem::swap(&mut low, &mut high);
            }
            Ok(low + (high - low) * (u * c).sqrt())
        })
        .function("gauss", move |vm, args: Args| {
            super::arity("gauss", &args, 0, 2)?;
            let mu = args
                .positional
                .first()
                .map(|o| f64_of(vm, o))
                .transpose()?
                .unwrap_or(0.0);
            let sigma = args
                .positional
                .get(1)
                .map(|o| f64_of(vm, o))
                .transpose()?
                .unwrap_or(1.0);
            let mut s = j.borrow_mut();
            let z = match s.gauss_next.take() {
                Some(z) => z,
                None => {
                    let x2pi = s.random() * std::f64::consts::TAU;
                    let g2rad = (-2.0 * (1.0 - s.random()).ln()).sqrt();
                    s.gauss_next = Some(x2pi.sin() * g2rad);
                    x2pi.cos() * g2rad
                }
            };
            Ok(mu + z * sigma)
        })
        .function("normalvariate", move |vm, args: Args| {
            super::arity("normalvariate", &args, 0, 2)?;
            let mu = args
                .positional
                .first()
                .map(|o| f64_of(vm, o))
                .transpose()?
                .unwrap_or(0.0);
            let sigma = args
                .positional
                .get(1)
                .map(|o| f64_of(vm, o))
                .transpose()?
                .unwrap_or(1.0);
            let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
            let mut s = k.borrow_mut();
            loop {
                let u1 = s.random();
                let u2 = 1.0 - s.random();
                let z = magic * (u1 - 0.5) / u2;
                if z * z / 4.0 <= -u2.ln() {
                    return Ok(mu + z * sigma);
                }
            }
        })
        .function("expovariate", move |vm, (lambd,): (Object,)| {
            let lambd = f64_of(vm, &lambd)?;
            let r = l.borrow_mut().random();
            if lambd == 0.0 {
                return Err(err(ExcKind::ZeroDivisionError, "float division by zero"));
            }
            Ok(-(1.0 - r).ln() / lambd)
        })
        .function("sample", move |vm, args: Args| {
            let mut kk = None;
            for (name, v) in &args.keywords {
                if name == "k" {
                    kk = Some(v.clone());
                } else {
                    return Err(type_err(format!(
                        "sample() got an unexpected keyword argument '{name}'"
                    )));
                }
            }
            let (pop, kv) = match (&args.positional[..], kk) {
                ([p, k], None) => (p.clone(), k.clone()),
                ([p], Some(k)) => (p.clone(), k),
                _ => {
                    return Err(type_err(
                        "sample() missing 1 required keyword-only argument: 'k'",
                    ));
                }
            };
            let pool0 = Host::items(vm, val(&pop)).map_err(py)?;
            let nn = pool0.len();
            let kb = index(vm, val(&kv))?;
            let kk = match kb.to_usize() {
                Some(x) if x <= nn => x,
                _ => {
                    return Err(err(
                        ExcKind::ValueError,
                        "Sample larger than population or is negative",
                    ));
                }
            };
            let mut setsize = 21usize;
            if kk > 5 {
                let e = ((kk * 3) as f64).ln() / 4f64.ln();
                setsize += 4usize.pow(e.ceil() as u32);
            }
            let mut s = m.borrow_mut();
            let mut result = Vec::with_capacity(kk);
            if nn <= setsize {
                let mut pool = pool0;
                for i in 0..kk {
                    let j = s.below_usize(nn - i);
                    result.push(pool[j].clone());
                    pool[j] = pool[nn - i - 1].clone();
                }
            } else {
                let mut selected = std::collections::HashSet::new();
                for _ in 0..kk {
                    let mut j = s.below_usize(nn);
                    while selected.contains(&j) {
                        j = s.below_usize(nn);
                    }
                    selected.insert(j);
                    result.push(pool0[j].clone());
                }
            }
            Ok(obj(Value::list(result)))
        })
        .function("choices", move |vm, args: Args| {
            let mut weights = None;
            let mut cum = None;
            let mut kk = 1usize;
            let mut pos = args.positional.clone();
            if pos.len() > 1 {
                weights = Some(pos.remove(1));
            }
            for (name, v) in &args.keywords {
                match name.as_str() {
                    "weights" => weights = Some(v.clone()),
                    "cum_weights" => cum = Some(v.clone()),
                    "k" => kk = index(vm, val(v))?.to_usize().unwrap_or(0),
                    _ => {
                        return Err(type_err(format!(
                            "choices() got an unexpected keyword argument '{name}'"
                        )));
                    }
                }
            }
            let Some(p) = pos.first() else {
                return Err(type_err(
                    "choices() missing 1 required positional argument: 'population'",
                ));
            };
            let pop = Host::items(vm, val(p)).map_err(py)?;
            let nn = pop.len();
            let weights = weights.filter(|w| !w.is_none());
            let cum = cum.filter(|w| !w.is_none());
            let mut s = n.borrow_mut();
            if weights.is_none() && cum.is_none() {
                let mut out = Vec::with_capacity(kk);
                for _ in 0..kk {
                    if nn == 0 {
                        return Err(err(ExcKind::IndexError, "list index out of range"));
                    }
                    out.push(pop[(s.random() * nn as f64).floor() as usize].clone());
                }
                return Ok(obj(Value::list(out)));
            }
            drop(s);
            let cum: Vec<f64> = match (weights, cum) {
                (Some(_), Some(_)) => {
                    return Err(type_err(
                        "Cannot specify both weights and cumulative weights",
                    ));
                }
                (Some(w), None) => {
                    let ws = Host::items(vm, val(&w)).map_err(py)?;
                    let mut acc = 0.0;
                    let mut out = Vec::with_capacity(ws.len());
                    for x in &ws {
                        acc += super::math::to_f64(vm, x)?;
                        out.push(acc);
                    }
                    out
                }
                (None, Some(c)) => {
                    let cs = Host::items(vm, val(&c)).map_err(py)?;
                    let mut out = Vec::with_capacity(cs.len());
                    for x in &cs {
                        out.push(super::math::to_f64(vm, x)?);
                    }
                    out
                }
                (None, None) => unreachable!("handled above"),
            };
            if cum.len() != nn {
                return Err(err(
                    ExcKind::ValueError,
                    "The number of weights does not match the population",
                ));
            }
            let total = cum.last().copied().unwrap_or(0.0);
            if total <= 0.0 {
                return Err(err(
                    ExcKind::ValueError,
                    "Total of weights must be greater than zero",
                ));
            }
            if !total.is_finite() {
                return Err(err(ExcKind::ValueError, "Total of weights must be finite"));
            }
            let hi = nn - 1;
            let mut s = n.borrow_mut();
            let mut out = Vec::with_capacity(kk);
            for _ in 0..kk {
                let x = s.random() * total;
                // bisect_right over cum[0..hi]
                let (mut lo, mut h) = (0usize, hi);
                while lo < h {
                    let mid = (lo + h) / 2;
                    if x < cum[mid] {
                        h = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                out.push(pop[lo].clone());
            }
            Ok(obj(Value::list(out)))
        })
        .register()
}
