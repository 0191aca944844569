//! A safe call stack over any frame allocator: the chain of running frames
//! (linked through `back`, LIFO) plus suspended frames held by
//! [`Suspended`] handles that may be resumed or released in any order.
//!
//! This is the frame layer's safe face, for embedders, demos, benches and
//! tests; it adds a few instructions per call over using [`FrameAlloc`]
//! directly (`top` and `depth` bookkeeping).

use std::marker::PhantomData;

use super::layout::{Block, Frame, FramePtr};
use super::{FrameAlloc, FrameStats, Namespaces, Slot, next_owner_id, resume};
use crate::bytecode::Code;

/// See the module documentation. `'c` is the lifetime of the code objects
/// the frames run.
pub struct CallStack<'c, V: Slot, A: FrameAlloc<V>> {
    alloc: A,
    top: Option<FramePtr<V>>,
    depth: usize,
    suspended: usize,
    id: u32,
    _code: PhantomData<&'c Code>,
}

/// A frame taken off the call chain by [`CallStack::suspend`].
///
/// Give it back with [`CallStack::resume`] or [`CallStack::release`];
/// dropping it instead leaks the frame and its values (safely).
#[must_use = "a suspended frame is leaked unless resumed or released"]
#[derive(Debug)]
pub struct Suspended<V: Slot> {
    frame: FramePtr<V>,
    stack: u32,
}

/// Mutable access to the top frame of a [`CallStack`].
pub struct FrameMut<'a, V: Slot> {
    frame: FramePtr<V>,
    _borrow: PhantomData<&'a mut Frame<V>>,
}

impl<'c, V: Slot, A: FrameAlloc<V>> CallStack<'c, V, A> {
    /// An empty call stack taking frames from `alloc`.
    pub fn new(alloc: A) -> Self {
        CallStack {
            alloc,
            top: None,
            depth: 0,
            suspended: 0,
            id: next_owner_id(),
            _code: PhantomData,
        }
    }

    /// Calls `code`: pushes a fresh frame whose `back` is the current top.
    #[inline(always)]
    pub fn push(&mut self, code: &'c Code, ns: &Namespaces) {
        self.top = Some(self.alloc.push(code, self.top, ns));
        self.depth += 1;
    }

    /// Returns from the top frame, dropping its values; false if the stack is empty.
    #[inline(always)]
    pub fn pop(&mut self) -> bool {
        let Some(f) = self.top else { return false };
        // SAFETY: `f` is the live top frame of this stack's allocator; its
        // stacktop is maintained by FrameMut; its code outlives 'c; after
        // the pop nothing follows a `back` to it (it was the top).
        unsafe {
            self.top = (*f.as_ptr()).back();
            self.alloc.pop(f);
        }
        self.depth -= 1;
        true
    }

    /// The running frame, if any.
    #[inline(always)]
    pub fn top(&mut self) -> Option<FrameMut<'_, V>> {
        self.top.map(|frame| FrameMut {
            frame,
            _borrow: PhantomData,
        })
    }

    /// Frames on the call chain (not counting suspended ones).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Frames suspended and not yet resumed or released.
    pub fn suspended(&self) -> usize {
        self.suspended
    }

    /// Takes the top frame off the chain, keeping its values (a generator's yield).
    pub fn suspend(&mut self) -> Option<Suspended<V>> {
        let f = self.top?;
        // SAFETY: live top frame of this allocator: nothing above it, so no
        // `back` points to it; the old pointer is dropped here.
        let frame = unsafe {
            self.top = (*f.as_ptr()).back();
            self.alloc.suspend(f)
        };
        self.depth -= 1;
        self.suspended += 1;
        Some(Suspended {
            frame,
            stack: self.id,
        })
    }

    /// Puts a suspended frame back on top of the chain. A frame suspended
    /// by another call stack is handed back untouched.
    pub fn resume(&mut self, s: Suspended<V>) -> Result<(), Suspended<V>> {
        if s.stack != self.id {
            return Err(s);
        }
        // SAFETY: `s` owns a live suspended frame of this allocator.
        unsafe { resume(s.frame, self.top) };
        self.top = Some(s.frame);
        self.depth += 1;
        self.suspended -= 1;
        Ok(())
    }

    /// Releases a suspended frame without resuming it (an abandoned
    /// generator), dropping its values. A frame suspended by another call
    /// stack is handed back untouched.
    pub fn release(&mut self, s: Suspended<V>) -> Result<(), Suspended<V>> {
        if s.stack != self.id {
            return Err(s);
        }
        // SAFETY: `s` owns a live suspended frame of this allocator with no
        // callee; no running frame's `back` points to it.
        unsafe { self.alloc.pop(s.frame) };
        self.suspended -= 1;
        Ok(())
    }

    /// Looks at a suspended frame.
    pub fn peek<'s>(&self, s: &'s Suspended<V>) -> &'s Frame<V> {
        // SAFETY: `s` owns a live frame, borrowed for as long as `s` is.
        unsafe { s.frame.header() }
    }

    /// The allocator's counters.
    pub fn stats(&self) -> FrameStats {
        self.alloc.stats()
    }

    /// The allocator.
    pub fn allocator(&self) -> &A {
        &self.alloc
    }
}

impl<V: Slot, A: FrameAlloc<V>> Drop for CallStack<'_, V, A> {
    fn drop(&mut self) {
        while self.pop() {}
    }
}

impl<V: Slot> FrameMut<'_, V> {
    /// The header.
    pub fn header(&self) -> &Frame<V> {
        // SAFETY: the frame is live while the call stack is borrowed.
        unsafe { self.frame.header() }
    }

    // No `&mut Frame` is handed out: `mem::swap` of two headers would
    // exchange their slot pointers. Writable fields get methods instead.

    /// Records the last instruction executed.
    pub fn set_lasti(&mut self, lasti: i32) {
        // SAFETY: live frame, exclusively borrowed; no other reference to
        // the header exists while this one is used.
        unsafe { (*self.frame.as_ptr()).set_lasti(lasti) }
    }

    /// Pushes a try or loop block; false if the block stack is full.
    pub fn push_block(&mut self, b: Block) -> bool {
        // SAFETY: as for `set_lasti`.
        unsafe { (*self.frame.as_ptr()).push_block(b) }
    }

    /// Pops the innermost block.
    pub fn pop_block(&mut self) -> Option<Block> {
        // SAFETY: as for `set_lasti`.
        unsafe { (*self.frame.as_ptr()).pop_block() }
    }

    /// Where the frame lives (for address-level tests and reports).
    pub fn ptr(&self) -> FramePtr<V> {
        self.frame
    }

    /// Local, cell or free slot `i`. Panics if out of range.
    pub fn fast(&self, i: usize) -> &V {
        // SAFETY: live frame, borrowed through `self`.
        unsafe { self.frame.fast(i) }
    }

    /// Stores `v` in local, cell or free slot `i`. Panics if out of range.
    pub fn set_fast(&mut self, i: usize, v: V) {
        // SAFETY: live frame, exclusively borrowed.
        unsafe { self.frame.set_fast(i, v) }
    }

    /// Pushes on the value stack; gives `v` back if the stack is full.
    pub fn push(&mut self, v: V) -> Result<(), V> {
        // SAFETY: live frame, exclusively borrowed.
        unsafe {
            if self.frame.stack_depth() == self.frame.stack_capacity() {
                return Err(v);
            }
            self.frame.stack_push(v);
        }
        Ok(())
    }

    /// Pops the value stack.
    pub fn pop(&mut self) -> Option<V> {
        // SAFETY: live frame, exclusively borrowed.
        unsafe { self.frame.stack_pop() }
    }

    /// Local, cell and free slots.
    pub fn nfast(&self) -> usize {
        // SAFETY: live frame.
        unsafe { self.frame.nfast() }
    }

    /// Values on the value stack.
    pub fn depth(&self) -> usize {
        // SAFETY: live frame.
        unsafe { self.frame.stack_depth() }
    }
}
