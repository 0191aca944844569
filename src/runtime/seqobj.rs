//! `Seq`: the item vector of tuples and lists, with a destructor that
//! cannot overflow the Rust stack. Dropping a deeply nested structure
//! (`x = (i, x)` a million times) would otherwise recurse once per level;
//! past `LIMIT` levels the items are parked and dropped iteratively by the
//! outermost drop (CPython's "trashcan").

use std::cell::{Cell, RefCell};
use std::ops::{Deref, DerefMut};

use super::Value;

/// Nesting levels dropped recursively before deferring.
const LIMIT: u32 = 64;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PARKED: RefCell<Vec<Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

/// Items of a tuple or list.
#[derive(Clone, Debug, Default)]
pub struct Seq(Vec<Value>);

impl Seq {
    /// The items, moved out.
    pub fn into_vec(mut self) -> Vec<Value> {
        std::mem::take(&mut self.0)
    }
}

impl From<Vec<Value>> for Seq {
    fn from(v: Vec<Value>) -> Seq {
        Seq(v)
    }
}

impl Deref for Seq {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl DerefMut for Seq {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.0
    }
}

impl Drop for Seq {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            release(std::mem::take(&mut self.0));
        }
    }
}

/// Drops `items`, deferring when already deep in nested drops.
pub(crate) fn release(items: Vec<Value>) {
    // During thread teardown the thread-locals may be gone: drop directly.
    let Ok(depth) = DEPTH.try_with(Cell::get) else {
        drop(items);
        return;
    };
    if depth >= LIMIT {
        // (If the thread-local is gone, the closure and its items drop here.)
        let _ = PARKED.try_with(move |p| p.borrow_mut().push(items));
        return;
    }
    DEPTH.set(depth + 1);
    drop(items);
    DEPTH.set(depth);
    if depth == 0 {
        // The outermost drop empties what deeper ones parked, one level at a time.
        // (Not `with`: a VM kept in a thread-local may drop after PARKED.)
        while let Some(next) = PARKED.try_with(|p| p.borrow_mut().pop()).ok().flatten() {
            DEPTH.set(1);
            drop(next);
            DEPTH.set(0);
        }
    }
}
