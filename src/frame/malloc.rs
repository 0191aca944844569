//! The baseline: a fresh block from malloc for every call, freed on return.

use std::marker::PhantomData;

use super::heap::{alloc_frame, free_frame};
use super::layout::{FramePtr, init_frame};
use super::{FrameAlloc, FrameStats, Namespaces, Slot, Strategy, next_owner_id, retire};
use crate::bytecode::Code;

/// See the module documentation.
pub struct Malloc<V: Slot> {
    owner: u32,
    stats: FrameStats,
    _slots: PhantomData<V>,
}

impl<V: Slot> Malloc<V> {
    /// A new malloc allocator.
    pub fn new() -> Malloc<V> {
        Malloc {
            owner: next_owner_id(),
            stats: FrameStats::default(),
            _slots: PhantomData,
        }
    }
}

impl<V: Slot> Default for Malloc<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V: Slot> FrameAlloc<V> for Malloc<V> {
    #[inline(always)]
    fn push(&mut self, code: &Code, back: Option<FramePtr<V>>, ns: &Namespaces) -> FramePtr<V> {
        self.stats.misses += 1;
        let f = alloc_frame(code.shape().nslots(), self.owner, &mut self.stats);
        // SAFETY: a new block with room for the code's slots.
        unsafe { init_frame(f.as_ptr(), code, back, ns) };
        self.stats.on_push();
        f
    }

    #[inline(always)]
    unsafe fn pop(&mut self, frame: FramePtr<V>) {
        // SAFETY: caller's contract: a live frame of this allocator.
        unsafe {
            retire(frame, self.owner, &mut self.stats);
            free_frame(frame, &mut self.stats);
        }
    }

    fn stats(&self) -> FrameStats {
        self.stats.with_requests_from_hits()
    }

    fn strategy(&self) -> Strategy {
        Strategy::Malloc
    }
}
