//! The table behind `dict`: insertion-ordered like `IndexMap`, but a
//! removal leaves a hole in the order instead of shifting everything after
//! it (CPython's dict does the same with its dummy entries), so deleting
//! any key is O(1). Holes are squeezed out once they are the majority,
//! which keeps iteration proportional to the live entries and costs O(1)
//! per removal amortised.
//!
//! Positions ([`OrdMap::slot`]) count holes: they are stable until the
//! next removal compacts the table.

use std::hash::{BuildHasher, Hash, RandomState};

use hashbrown::HashTable;
use indexmap::Equivalent;

#[derive(Clone, Debug)]
struct Bucket<K, V> {
    hash: u64,
    key: K,
    value: V,
}

/// An insertion-ordered hash map with O(1) removal.
#[derive(Clone)]
pub struct OrdMap<K, V> {
    /// Entries in insertion order; `None` where one was removed.
    slots: Vec<Option<Bucket<K, V>>>,
    /// Positions in `slots` of the live entries, by hash.
    table: HashTable<usize>,
    /// Live entries.
    len: usize,
    state: RandomState,
}

impl<K, V> Default for OrdMap<K, V> {
    fn default() -> Self {
        OrdMap {
            slots: Vec::new(),
            table: HashTable::new(),
            len: 0,
            state: RandomState::new(),
        }
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for OrdMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Tables at least this long are compacted when most of them are holes.
const COMPACT_MIN: usize = 16;

impl<K, V> OrdMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `n` entries.
    pub fn with_capacity(n: usize) -> Self {
        OrdMap {
            slots: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
            len: 0,
            state: RandomState::new(),
        }
    }

    /// Live entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.slots.clear();
        self.table.clear();
        self.len = 0;
    }

    /// Entries in order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter {
            inner: self.slots.iter(),
            left: self.len,
        }
    }

    /// Entries in order, values mutable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.slots
            .iter_mut()
            .flatten()
            .map(|b| (&b.key, &mut b.value))
    }

    /// Keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.iter().map(|(k, _)| k)
    }

    /// Values in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.iter().map(|(_, v)| v)
    }

    /// Values in order, mutable.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> {
        self.slots.iter_mut().flatten().map(|b| &mut b.value)
    }

    /// The number of positions (live entries and holes): `slot`'s bound.
    pub fn slots(&self) -> usize {
        self.slots.len()
    }

    /// The entry at position `i`: `None` past the end, `Some(None)` for a
    /// hole.
    pub fn slot(&self, i: usize) -> Option<Option<(&K, &V)>> {
        self.slots
            .get(i)
            .map(|s| s.as_ref().map(|b| (&b.key, &b.value)))
    }

    /// The last entry, removed.
    pub fn pop(&mut self) -> Option<(K, V)> {
        self.trim();
        let i = self.slots.len().checked_sub(1)?;
        let b = self.slots.pop()??;
        self.unlink(b.hash, i);
        self.len -= 1;
        self.trim();
        Some((b.key, b.value))
    }

    /// Drops the holes at the end.
    fn trim(&mut self) {
        while matches!(self.slots.last(), Some(None)) {
            self.slots.pop();
        }
    }

    /// Takes position `i` out of the hash table.
    fn unlink(&mut self, hash: u64, i: usize) {
        if let Ok(e) = self.table.find_entry(hash, |&j| j == i) {
            e.remove();
        }
    }

    /// Squeezes out the holes once they are most of the table.
    fn maybe_compact(&mut self) {
        let n = self.slots.len();
        if n < COMPACT_MIN || self.len * 2 > n {
            return;
        }
        self.slots.retain(Option::is_some);
        self.table.clear();
        let slots = &self.slots;
        for (i, b) in slots.iter().enumerate() {
            let h = b.as_ref().map_or(0, |b| b.hash);
            self.table
                .insert_unique(h, i, |&j| slots[j].as_ref().map_or(0, |b| b.hash));
        }
    }
}

impl<K: Hash + Eq, V> OrdMap<K, V> {
    fn hash_of<Q: Hash + ?Sized>(&self, q: &Q) -> u64 {
        self.state.hash_one(q)
    }

    /// Position of the entry for `q`.
    fn find<Q: Hash + Equivalent<K> + ?Sized>(&self, q: &Q) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let h = self.hash_of(q);
        let slots = &self.slots;
        self.table
            .find(h, |&i| {
                slots[i]
                    .as_ref()
                    .is_some_and(|b| b.hash == h && q.equivalent(&b.key))
            })
            .copied()
    }

    /// The value for `q`.
    pub fn get<Q: Hash + Equivalent<K> + ?Sized>(&self, q: &Q) -> Option<&V> {
        let i = self.find(q)?;
        self.slots[i].as_ref().map(|b| &b.value)
    }

    /// The value for `q`, mutable.
    pub fn get_mut<Q: Hash + Equivalent<K> + ?Sized>(&mut self, q: &Q) -> Option<&mut V> {
        let i = self.find(q)?;
        self.slots[i].as_mut().map(|b| &mut b.value)
    }

    /// Position, key and value of the entry for `q`.
    pub fn get_full<Q: Hash + Equivalent<K> + ?Sized>(&self, q: &Q) -> Option<(usize, &K, &V)> {
        let i = self.find(q)?;
        self.slots[i].as_ref().map(|b| (i, &b.key, &b.value))
    }

    /// Whether `q` is a key.
    pub fn contains_key<Q: Hash + Equivalent<K> + ?Sized>(&self, q: &Q) -> bool {
        self.find(q).is_some()
    }

    /// Sets `k` to `v`: an existing key keeps its place and its key
    /// object (the old value is given back); a new one goes last.
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        if let Some(i) = self.find(&k) {
            let b = self.slots[i].as_mut().expect("a live slot");
            return Some(std::mem::replace(&mut b.value, v));
        }
        let h = self.hash_of(&k);
        let i = self.slots.len();
        self.slots.push(Some(Bucket {
            hash: h,
            key: k,
            value: v,
        }));
        let slots = &self.slots;
        self.table
            .insert_unique(h, i, |&j| slots[j].as_ref().map_or(0, |b| b.hash));
        self.len += 1;
        None
    }

    /// Removes the entry for `q`, keeping the order of the rest; O(1)
    /// amortised.
    pub fn shift_remove<Q: Hash + Equivalent<K> + ?Sized>(&mut self, q: &Q) -> Option<V> {
        self.shift_remove_entry(q).map(|(_, v)| v)
    }

    /// Removes the entry for `q` and gives back its key and value.
    pub fn shift_remove_entry<Q: Hash + Equivalent<K> + ?Sized>(
        &mut self,
        q: &Q,
    ) -> Option<(K, V)> {
        let i = self.find(q)?;
        let b = self.slots[i].take().expect("a live slot");
        self.unlink(b.hash, i);
        self.len -= 1;
        self.trim();
        self.maybe_compact();
        Some((b.key, b.value))
    }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for OrdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = OrdMap::new();
        m.extend(iter);
        m
    }
}

impl<K: Hash + Eq, V> Extend<(K, V)> for OrdMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

/// The entries of an [`OrdMap`] in order.
pub struct Iter<'a, K, V> {
    inner: std::slice::Iter<'a, Option<Bucket<K, V>>>,
    left: usize,
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.inner.by_ref().flatten().next()?;
        self.left -= 1;
        Some((&b.key, &b.value))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        while let Some(s) = self.inner.next_back() {
            if let Some(b) = s {
                self.left -= 1;
                return Some((&b.key, &b.value));
            }
        }
        None
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

impl<'a, K, V> IntoIterator for &'a OrdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K, V> IntoIterator for OrdMap<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;
    fn into_iter(self) -> Self::IntoIter {
        IntoIter(self.slots.into_iter())
    }
}

/// The entries of an [`OrdMap`] in order, moved out.
pub struct IntoIter<K, V>(std::vec::IntoIter<Option<Bucket<K, V>>>);

impl<K, V> Iterator for IntoIter<K, V> {
    type Item = (K, V);
    fn next(&mut self) -> Option<(K, V)> {
        self.0.by_ref().flatten().next().map(|b| (b.key, b.value))
    }
}

#[cfg(test)]
mod tests {
    use super::OrdMap;

    #[test]
    fn order_survives_removals_and_compaction() {
        let mut m = OrdMap::new();
        for i in 0..100 {
            m.insert(i, i * 10);
        }
        for i in 0..90 {
            assert_eq!(m.shift_remove(&i), Some(i * 10));
        }
        assert_eq!(m.len(), 10);
        assert_eq!(
            m.keys().copied().collect::<Vec<_>>(),
            (90..100).collect::<Vec<_>>()
        );
        // Compacted: no more positions than twice the live entries.
        assert!(m.slots() <= 20, "{} positions", m.slots());
        m.insert(5, 50);
        m.insert(95, 0);
        assert_eq!(m.get(&95), Some(&0));
        assert_eq!(m.iter().nth(10), Some((&5, &50)));
        assert_eq!(m.iter().rev().nth(1), Some((&99, &990)));
        assert_eq!(m.pop(), Some((5, 50)));
        assert_eq!(m.get(&5), None);
        assert_eq!(m.len(), 10);
    }

    #[test]
    fn removing_from_the_front_then_the_back_leaves_nothing() {
        let mut m: OrdMap<u32, ()> = (0..1000).map(|i| (i, ())).collect();
        for i in 0..500 {
            m.shift_remove(&i);
        }
        while m.pop().is_some() {}
        assert!(m.is_empty());
        assert_eq!(m.slots(), 0);
        assert_eq!(m.iter().count(), 0);
        m.insert(7, ());
        assert_eq!(m.slot(0), Some(Some((&7, &()))));
    }

    #[test]
    fn agrees_with_a_model() {
        // A deterministic mix of inserts, removals and pops against a
        // vector of pairs kept in order.
        let mut m = OrdMap::new();
        let mut model: Vec<(u32, u32)> = Vec::new();
        let mut x: u32 = 12345;
        for step in 0..20_000u32 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let k = x % 64;
            match x % 7 {
                0..=3 => {
                    let old = m.insert(k, step);
                    match model.iter_mut().find(|(mk, _)| *mk == k) {
                        Some(e) => assert_eq!(old, Some(std::mem::replace(&mut e.1, step))),
                        None => {
                            assert_eq!(old, None);
                            model.push((k, step));
                        }
                    }
                }
                4 | 5 => {
                    let pos = model.iter().position(|(mk, _)| *mk == k);
                    assert_eq!(m.shift_remove(&k), pos.map(|p| model.remove(p).1));
                }
                _ => assert_eq!(m.pop(), model.pop()),
            }
            assert_eq!(m.len(), model.len());
        }
        let pairs: Vec<(u32, u32)> = m.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(pairs, model);
    }
}
