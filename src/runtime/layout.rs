//! Instance attributes under key layouts shared per class hierarchy (the idea of
//! CPython's split dicts and of V8's hidden classes).
//!
//! An instance's attributes are a vector of values and a [`Layout`]: the
//! names of the slots, in the order they were first assigned. Instances
//! of a class and its subclasses (through their first bases) that assign
//! the same names in the same order share one layout; assigning a new name moves the instance to the layout that has
//! one more name (found among the layout's children, made the first time).
//! A layout never changes after it is made, and each has an id that no
//! other layout ever gets, so a cache that knows `(layout id, slot)` for a
//! name reads `self.x` with a compare and a load, and knows with the same
//! compare that an instance has no attribute shadowing a method.
//!
//! An instance's attributes go over to a plain map when an
//! attribute is deleted, when its attributes are replaced wholesale
//! (`obj.__dict__ = ...`), or when its layout would grow past
//! [`MAX_SLOTS`] names or a layout past [`MAX_CHILDREN`] children: shapes
//! stay few and small, and programs that use an instance as a mapping of
//! many names keep the map's costs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::Value;
use super::class::AttrMap;

/// The most names a layout holds; an instance with more keeps a map.
pub const MAX_SLOTS: usize = 30;

/// The most layouts one layout leads to; an instance taking yet another
/// name there keeps a map instead.
pub const MAX_CHILDREN: usize = 32;

/// The last layout id given out (0 is never one: it stands for "no layout").
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The names of an instance's attribute slots, shared by the instances of
/// one class that assigned them in the same order.
#[derive(Debug)]
pub struct Layout {
    id: u64,
    keys: Box<[Rc<str>]>,
    /// The layouts with one name more, by that name.
    next: RefCell<Vec<(Rc<str>, Rc<Layout>)>>,
    /// The most names of any layout made from the same empty layout (one
    /// cell for them all): the first allocation of a new instance's values.
    widest: Rc<Cell<u32>>,
}

impl Layout {
    /// A class's empty layout, where its instances start.
    pub fn root() -> Rc<Layout> {
        Layout::with(Box::new([]), Rc::default())
    }

    fn with(keys: Box<[Rc<str>]>, widest: Rc<Cell<u32>>) -> Rc<Layout> {
        widest.set(widest.get().max(keys.len() as u32));
        Rc::new(Layout {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            keys,
            next: RefCell::default(),
            widest,
        })
    }

    /// This layout's id: no other layout ever has it.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The slot of `name`.
    #[inline]
    pub fn find(&self, name: &str) -> Option<usize> {
        // Names are interned per compilation: the pointer usually decides.
        let p = name.as_ptr();
        self.keys
            .iter()
            .position(|k| k.as_ptr() == p && k.len() == name.len())
            .or_else(|| self.keys.iter().position(|k| **k == *name))
    }

    /// The layout with `name` after these names (made the first time it is
    /// asked for); `None` when there would be too many.
    fn child(&self, name: &Rc<str>) -> Option<Rc<Layout>> {
        let mut next = self.next.borrow_mut();
        if let Some((_, l)) = next
            .iter()
            .find(|(k, _)| Rc::ptr_eq(k, name) || **k == **name)
        {
            return Some(l.clone());
        }
        if self.keys.len() >= MAX_SLOTS || next.len() >= MAX_CHILDREN {
            return None;
        }
        let keys: Box<[Rc<str>]> = self.keys.iter().chain([name]).cloned().collect();
        let l = Layout::with(keys, self.widest.clone());
        next.push((name.clone(), l.clone()));
        Some(l)
    }
}

/// An instance's attributes: slots under a shared layout, or a map.
///
/// A struct rather than an enum, so that the quick paths read the layout
/// id and the slot without a discriminant: a map has id 0 and no values.
#[derive(Debug, Default)]
pub struct InstAttrs {
    /// The layout's id; 0 when the attributes are a map.
    id: u64,
    /// The values by slot of `layout` (empty for a map).
    values: Vec<Value>,
    layout: Option<Rc<Layout>>,
    /// Names to values, in the order they were assigned, once the
    /// attributes are a map.
    map: Option<Box<AttrMap>>,
}

impl InstAttrs {
    /// No attributes, under the class's empty layout `root`.
    pub fn new(root: &Rc<Layout>) -> InstAttrs {
        InstAttrs {
            id: root.id,
            values: Vec::with_capacity(root.widest.get() as usize),
            layout: Some(root.clone()),
            map: None,
        }
    }

    /// The layout's id, 0 for a map.
    #[inline(always)]
    pub fn layout_id(&self) -> u64 {
        self.id
    }

    /// The value in `slot` (for a caller that knows the layout; `None`
    /// for a map).
    #[inline(always)]
    pub fn slot(&self, slot: usize) -> Option<&Value> {
        self.values.get(slot)
    }

    /// The value in `slot`, to overwrite (for a caller that knows the
    /// layout; `None` for a map).
    #[inline(always)]
    pub fn slot_mut(&mut self, slot: usize) -> Option<&mut Value> {
        self.values.get_mut(slot)
    }

    /// The slot of `name` under the layout: `Some(None)` when the layout
    /// has no such name, `None` for a map.
    #[inline]
    pub fn find(&self, name: &str) -> Option<Option<usize>> {
        self.layout.as_ref().map(|l| l.find(name))
    }

    /// The number of attributes.
    pub fn len(&self) -> usize {
        match &self.map {
            Some(m) => m.len(),
            None => self.values.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match (&self.map, &self.layout) {
            (Some(m), _) => m.get(name),
            (None, Some(l)) => l.find(name).and_then(|i| self.values.get(i)),
            (None, None) => None,
        }
    }

    /// Whether `name` is bound.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Binds `name` to `v`, giving back the value it replaces.
    pub fn insert(&mut self, name: Rc<str>, v: Value) -> Option<Value> {
        if let Some(Some(i)) = self.find(&name)
            && let Some(slot) = self.values.get_mut(i)
        {
            return Some(std::mem::replace(slot, v));
        }
        self.insert_new(name, v)
    }

    /// Binds `name`, which the layout (if any) does not have, to `v` (for
    /// a caller that knows; a map still checks, and gives back the value
    /// it replaces).
    pub fn insert_new(&mut self, name: Rc<str>, v: Value) -> Option<Value> {
        if self.map.is_none()
            && let Some(l) = &self.layout
            && let Some(next) = l.child(&name)
        {
            debug_assert_eq!(next.keys.len(), self.values.len() + 1);
            self.id = next.id;
            self.layout = Some(next);
            self.values.push(v);
            return None;
        }
        self.as_map().insert(name, v)
    }

    /// Binds `name`, which the layout does not have, to `v` when the
    /// layout with it exists already and the values have room: nothing is
    /// allocated and nothing freed (the old layout is its child's parent or
    /// the class's, held there). Gives `v` back otherwise.
    #[inline(always)]
    pub fn push_known(&mut self, name: &Rc<str>, v: Value) -> Result<(), Value> {
        if self.values.len() == self.values.capacity() {
            return Err(v);
        }
        let Some(l) = &self.layout else {
            return Err(v);
        };
        let next = {
            let Ok(children) = l.next.try_borrow() else {
                return Err(v);
            };
            match children.iter().find(|(k, _)| Rc::ptr_eq(k, name)) {
                Some((_, n)) => n.clone(),
                None => return Err(v),
            }
        };
        self.id = next.id;
        self.layout = Some(next);
        self.values.push(v);
        Ok(())
    }

    /// The attributes as a map, from now on.
    fn as_map(&mut self) -> &mut AttrMap {
        if self.map.is_none() {
            let keys = self
                .layout
                .take()
                .map(|l| l.keys.clone())
                .unwrap_or_default();
            let m: AttrMap = keys.iter().cloned().zip(self.values.drain(..)).collect();
            self.values = Vec::new();
            self.id = 0;
            self.map = Some(Box::new(m));
        }
        self.map.get_or_insert_default()
    }

    /// Unbinds `name`, giving back its value (the attributes become a map).
    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        self.as_map().shift_remove(name)
    }

    /// Replaces every attribute with `items` (the attributes become a
    /// map), giving back the old ones.
    pub fn replace(&mut self, items: impl IntoIterator<Item = (Rc<str>, Value)>) -> AttrMap {
        let old = std::mem::take(self.as_map());
        self.as_map().extend(items);
        old
    }

    /// Takes every value out, leaving no attributes (as a map).
    pub fn take_values(&mut self) -> Vec<Value> {
        let old = std::mem::take(self);
        match old.map {
            Some(m) => m.into_values().collect(),
            None => old.values,
        }
    }

    /// The names, in the order they were first bound.
    pub fn keys(&self) -> impl Iterator<Item = &Rc<str>> {
        self.iter().map(|(k, _)| k)
    }

    /// The values, in the same order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        // One of the two is empty.
        self.values
            .iter()
            .chain(self.map.iter().flat_map(|m| m.values()))
    }

    /// (name, value) pairs, in the order the names were first bound.
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        let slots = self
            .layout
            .iter()
            .flat_map(|l| l.keys.iter())
            .zip(&self.values);
        slots.chain(self.map.iter().flat_map(|m| m.iter()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Rc<str> {
        Rc::from(s)
    }

    #[test]
    fn instances_assigning_the_same_names_in_order_share_a_layout() {
        let root = Layout::root();
        let (x, y) = (name("x"), name("y"));
        let mut a = InstAttrs::new(&root);
        let mut b = InstAttrs::new(&root);
        for m in [&mut a, &mut b] {
            assert!(m.insert(x.clone(), Value::Int(1)).is_none());
            assert!(m.insert(y.clone(), Value::Int(2)).is_none());
        }
        assert_ne!(a.layout_id(), root.id());
        assert_eq!(a.layout_id(), b.layout_id());
        // Another order is another layout, with the same contents.
        let mut c = InstAttrs::new(&root);
        c.insert(y.clone(), Value::Int(2));
        c.insert(x.clone(), Value::Int(1));
        assert_ne!(c.layout_id(), a.layout_id());
        assert!(matches!(c.get("x"), Some(Value::Int(1))));
        let keys: Vec<&str> = c.keys().map(|k| &**k).collect();
        assert_eq!(keys, ["y", "x"]);
        // Replacing a value keeps the layout.
        let id = a.layout_id();
        assert!(matches!(
            a.insert(name("x"), Value::Int(5)),
            Some(Value::Int(1))
        ));
        assert_eq!(a.layout_id(), id);
        assert!(matches!(a.slot(0), Some(Value::Int(5))));
    }

    #[test]
    fn deleting_or_outgrowing_turns_the_attributes_into_a_map() {
        let root = Layout::root();
        let mut a = InstAttrs::new(&root);
        a.insert(name("x"), Value::Int(1));
        a.insert(name("y"), Value::Int(2));
        assert!(matches!(a.shift_remove("x"), Some(Value::Int(1))));
        assert_eq!(a.layout_id(), 0);
        assert!(a.get("x").is_none());
        assert!(matches!(a.get("y"), Some(Value::Int(2))));

        let mut wide = InstAttrs::new(&root);
        for i in 0..MAX_SLOTS + 5 {
            wide.insert(Rc::from(format!("a{i}")), Value::Int(i as i64));
        }
        assert_eq!(wide.layout_id(), 0);
        assert_eq!(wide.len(), MAX_SLOTS + 5);
        let keys: Vec<String> = wide.keys().map(|k| k.to_string()).collect();
        assert_eq!(keys[0], "a0");
        assert_eq!(keys[MAX_SLOTS], format!("a{MAX_SLOTS}"));

        // Many distinct first names: the empty layout stops making children.
        let root = Layout::root();
        for i in 0..MAX_CHILDREN + 3 {
            let mut m = InstAttrs::new(&root);
            m.insert(Rc::from(format!("b{i}")), Value::Int(0));
            assert_eq!(m.layout_id() == 0, i >= MAX_CHILDREN, "{i}");
        }
        // A new instance's values are allocated as wide as the widest layout.
        assert!(InstAttrs::new(&root).values.capacity() >= 1);
    }
}
