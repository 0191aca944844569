//! Allocations whose size a script chooses (`[0] * n`, `s.center(n)`,
//! `list(range(n))`, `a + b`, ...): each goes through here, so that a size
//! the VM's memory cap or the system refuses raises `MemoryError` instead
//! of aborting the process. Every check is the cap first (arithmetic on
//! two thread-local counts), then a fallible reservation (`try_reserve`).
//!
//! The cap of the VM running on this thread is in a thread-local
//! ([`install`]: the embedding API puts it there for the length of each
//! call into the VM), so call sites need no VM: each is one line.

use std::cell::Cell;

use super::{ExcKind, PyErr, PyResult};

/// A VM's memory cap: at most `limit` bytes live on the thread beyond its
/// count at `base` (see [`crate::alloc`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cap {
    base: isize,
    limit: usize,
}

impl Cap {
    /// No cap.
    pub const NONE: Cap = Cap {
        base: 0,
        limit: usize::MAX,
    };

    /// A cap of `limit` bytes beyond what the thread holds now.
    pub fn new(limit: usize) -> Cap {
        Cap {
            base: crate::alloc::live_bytes(),
            limit: limit.min(usize::MAX - 1),
        }
    }

    /// The cap in bytes (None: no cap).
    pub fn limit(self) -> Option<usize> {
        (self.limit != usize::MAX).then_some(self.limit)
    }

    /// Bytes the thread holds beyond the base.
    pub fn used(self) -> usize {
        crate::alloc::live_bytes().saturating_sub(self.base).max(0) as usize
    }

    /// Whether the thread holds more than the cap allows.
    pub fn exceeded(self) -> bool {
        self.limit != usize::MAX && self.used() > self.limit
    }

    /// Bytes that may still be allocated.
    fn room(self) -> usize {
        if self.limit == usize::MAX {
            usize::MAX
        } else {
            self.limit.saturating_sub(self.used())
        }
    }
}

thread_local! {
    static CAP: Cell<Cap> = const { Cell::new(Cap::NONE) };
}

/// Makes `cap` the cap of this thread's allocations; gives the previous
/// one back (to reinstall when the VM call ends).
pub fn install(cap: Cap) -> Cap {
    CAP.replace(cap)
}

/// `MemoryError()`, as CPython raises it (no message).
#[cold]
pub fn memory_error() -> PyErr {
    PyErr::new(ExcKind::MemoryError, "")
}

/// Sizes from here up are tried for real before they are used (below,
/// the cap's arithmetic is all: a small allocation does not fail).
const TRIAL: usize = 1 << 20;

/// Refuses an allocation of `bytes` that the cap or the system would
/// refuse, where the allocation itself is made elsewhere (a formatting
/// width, `str.replace`): the cap, then for large sizes a reservation
/// tried and given back.
pub fn ensure(bytes: usize) -> PyResult<()> {
    if bytes > CAP.get().room() {
        return Err(memory_error());
    }
    if bytes >= TRIAL {
        let mut trial: Vec<u8> = Vec::new();
        trial.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    }
    Ok(())
}

/// The bytes of `n` values of `T`, or MemoryError past the address space.
fn bytes_of<T>(n: usize) -> PyResult<usize> {
    n.checked_mul(size_of::<T>())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(memory_error)
}

/// Requests up to this size are made as every small allocation of the
/// VM is (the count sees them at the next check-in): the common case
/// (`a + b` of two words) pays no more than it did.
const SMALL: usize = 1 << 12;

/// An empty vector with room for `n` items.
#[inline]
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    if n.saturating_mul(size_of::<T>()) <= SMALL {
        return Ok(Vec::with_capacity(n));
    }
    let mut v = Vec::new();
    reserve(&mut v, n)?;
    Ok(v)
}

/// An empty string with room for `n` bytes.
#[inline]
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    if n <= SMALL {
        return Ok(String::with_capacity(n));
    }
    let mut s = String::new();
    reserve_str(&mut s, n)?;
    Ok(s)
}

/// Room for `extra` more items in `v`.
pub fn reserve<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    if v.capacity() - v.len() >= extra {
        return Ok(());
    }
    if bytes_of::<T>(extra)? > CAP.get().room() {
        return Err(memory_error());
    }
    v.try_reserve(extra).map_err(|_| memory_error())
}

/// Room for `extra` more bytes in `s`.
pub fn reserve_str(s: &mut String, extra: usize) -> PyResult<()> {
    if s.capacity() - s.len() >= extra {
        return Ok(());
    }
    if extra > CAP.get().room() {
        return Err(memory_error());
    }
    s.try_reserve(extra).map_err(|_| memory_error())
}

/// `v.push(x)`, growing `v` fallibly (for items an iterator gives one by
/// one: the check runs only when the vector is full).
#[inline]
pub fn push<T>(v: &mut Vec<T>, x: T) -> PyResult<()> {
    if v.len() == v.capacity() {
        reserve(v, v.len().max(4))?;
    }
    v.push(x);
    Ok(())
}

/// `items * count` for lists and tuples (and bytearrays): MemoryError
/// when it cannot be had, as CPython's list and tuple repeat.
pub fn repeat<T: Clone>(items: &[T], count: usize) -> PyResult<Vec<T>> {
    let n = items.len().checked_mul(count).ok_or_else(memory_error)?;
    let mut v = vec_with_capacity(n)?;
    if n > 0 {
        // Doubling: log(count) copies.
        v.extend_from_slice(items);
        while v.len() <= n / 2 {
            v.extend_from_within(..);
        }
        v.extend_from_within(..n - v.len());
    }
    Ok(v)
}

/// `s * count` for str: OverflowError past the address space (CPython's
/// message), MemoryError when it cannot be had.
pub fn repeat_str(s: &str, count: usize) -> PyResult<String> {
    let n = s
        .len()
        .checked_mul(count)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "repeated string is too long"))?;
    let mut out = string_with_capacity(n)?;
    if n > 0 {
        // Doubling; every length is a multiple of `s`'s, so a boundary.
        out.push_str(s);
        while out.len() <= n / 2 {
            out.extend_from_within(..);
        }
        out.extend_from_within(..n - out.len());
    }
    Ok(out)
}

/// `a + b` for lists, tuples and bytes.
pub fn concat<T: Clone>(a: &[T], b: &[T]) -> PyResult<Vec<T>> {
    let mut v = vec_with_capacity(a.len().saturating_add(b.len()))?;
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    Ok(v)
}

/// `a + b` for str.
#[inline]
pub fn concat_str(a: &str, b: &str) -> PyResult<String> {
    let mut s = string_with_capacity(a.len().saturating_add(b.len()))?;
    s.push_str(a);
    s.push_str(b);
    Ok(s)
}

/// `head`, then `left` copies of `fill`, `body`, `right` copies of `fill`
/// (`str.center`, `ljust`, `rjust`, `zfill`).
pub fn pad_str(head: &str, fill: char, left: usize, body: &str, right: usize) -> PyResult<String> {
    let n = left
        .checked_add(right)
        .and_then(|k| k.checked_mul(fill.len_utf8()))
        .and_then(|k| k.checked_add(head.len() + body.len()))
        .ok_or_else(memory_error)?;
    let mut out = string_with_capacity(n)?;
    out.push_str(head);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// An empty string with room for `parts` joined by a separator of
/// `sep` bytes (`str.join`).
pub fn string_for_join(
    sep: usize,
    parts: impl ExactSizeIterator<Item = usize>,
) -> PyResult<String> {
    let seps = sep.saturating_mul(parts.len().saturating_sub(1));
    string_with_capacity(parts.fold(seps, usize::saturating_add))
}

/// Refuses (MemoryError) a `s.replace(old, new, count)` whose result
/// cannot be had; counts the matches only when the result can grow.
pub fn ensure_replace(s: &str, old: &str, new: &str, count: Option<usize>) -> PyResult<()> {
    if new.len() <= old.len() {
        return Ok(());
    }
    let matches = s.matches(old).take(count.unwrap_or(usize::MAX)).count();
    let n = matches
        .checked_mul(new.len() - old.len())
        .and_then(|k| k.checked_add(s.len()))
        .ok_or_else(memory_error)?;
    ensure(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_past_the_address_space_raise() {
        assert!(repeat(&[0u64; 2], usize::MAX / 2).is_err());
        assert_eq!(
            repeat_str("ab", usize::MAX / 2).unwrap_err().kind,
            ExcKind::OverflowError
        );
        assert_eq!(
            vec_with_capacity::<u64>(1 << 61).unwrap_err().kind,
            ExcKind::MemoryError
        );
        assert!(ensure(usize::MAX).is_err());
    }

    #[test]
    fn the_cap_refuses_what_does_not_fit() {
        let prev = install(Cap::new(1000));
        assert!(vec_with_capacity::<u8>(500).is_ok());
        assert!(vec_with_capacity::<u8>(5000).is_err());
        assert!(repeat_str("a", 5000).is_err());
        assert!(repeat_str("a", 2000).is_ok());
        assert!(pad_str("", ' ', 400, "x", 400).is_ok());
        assert!(pad_str("", ' ', 4000, "x", 4000).is_err());
        install(prev);
        assert!(vec_with_capacity::<u8>(5000).is_ok());
    }

    #[test]
    fn helpers_build_what_they_say() {
        assert_eq!(repeat(&[1, 2], 3).unwrap(), [1, 2, 1, 2, 1, 2]);
        assert_eq!(repeat_str("ab", 2).unwrap(), "abab");
        assert_eq!(concat(&[1], &[2, 3]).unwrap(), [1, 2, 3]);
        assert_eq!(concat_str("a", "b").unwrap(), "ab");
        assert_eq!(
            pad_str("-", '0', 3, "7", 1).unwrap(),
            "-0007 ".replace(' ', "0")
        );
        assert!(ensure_replace("aaa", "a", "bb", None).is_ok());
        let mut v = Vec::new();
        for i in 0..100 {
            push(&mut v, i).unwrap();
        }
        assert_eq!(v.len(), 100);
    }
}
