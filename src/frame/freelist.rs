//! CPython 3.8's free list: released frames are kept on a LIFO list (linked
//! through `back`) up to a cap; a request takes the head and grows it with
//! realloc when it is too small.

use std::ptr;

use super::heap::{alloc_frame, free_frame, grow_frame};
use super::layout::{Frame, FramePtr, init_frame, init_frame_from};
use super::{FrameAlloc, FrameStats, Namespaces, Slot, Strategy, next_owner_id, retire};
use crate::bytecode::Code;

/// See the module documentation.
pub struct FreeList<V: Slot> {
    /// Most recently released block; the rest follow through `back`.
    head: *mut Frame<V>,
    /// How many more blocks the list may take (`max_free - numfree`).
    room: usize,
    max_free: usize,
    owner: u32,
    stats: FrameStats,
}

impl<V: Slot> FreeList<V> {
    /// An empty free list keeping at most `max_free` released blocks.
    pub fn new(max_free: usize) -> FreeList<V> {
        FreeList {
            head: ptr::null_mut(),
            room: max_free,
            max_free,
            owner: next_owner_id(),
            stats: FrameStats::default(),
        }
    }

    /// Blocks waiting on the list.
    pub fn numfree(&self) -> usize {
        self.max_free - self.room
    }

    /// A block with room for `nslots` slots: the list's head (grown if need
    /// be) or a new one. Counts a hit or a miss.
    #[inline(always)]
    pub(crate) fn take(&mut self, nslots: usize) -> FramePtr<V> {
        match ptr::NonNull::new(self.head) {
            Some(head) => {
                let f = FramePtr::from_raw(head);
                // SAFETY: blocks on the list are heap blocks with valid headers.
                unsafe {
                    self.head = (*f.as_ptr()).back;
                    self.room += 1;
                    self.stats.freelist_hits += 1;
                    if ((*f.as_ptr()).capacity as usize) < nslots {
                        return grow_frame(f, nslots, &mut self.stats);
                    }
                }
                f
            }
            None => self.miss(nslots),
        }
    }

    /// The list is empty: a new block from malloc.
    #[cold]
    #[inline(never)]
    fn miss(&mut self, nslots: usize) -> FramePtr<V> {
        self.stats.misses += 1;
        alloc_frame(nslots, self.owner, &mut self.stats)
    }

    /// Parks a block holding no live values on the list, or frees it when the
    /// list is full.
    ///
    /// # Safety
    /// `f` is a heap block of this allocator with no live values.
    #[inline(always)]
    pub(crate) unsafe fn give_back(&mut self, f: FramePtr<V>) {
        if self.room > 0 {
            // SAFETY: valid header; the block now belongs to the list.
            unsafe { (*f.as_ptr()).back = self.head };
            self.head = f.as_ptr();
            self.room -= 1;
        } else {
            // SAFETY: caller's contract.
            unsafe { free_frame(f, &mut self.stats) }
        }
    }

    /// `push` from the head of the list, if it is there and big enough:
    /// no call to the allocator. `None` changes nothing.
    #[inline(always)]
    ///
    /// # Safety
    /// As [`Frames::quick_push`](super::Frames::quick_push).
    pub(crate) unsafe fn quick_push(
        &mut self,
        code: &Code,
        back: Option<FramePtr<V>>,
        ns: &Namespaces,
        args: usize,
    ) -> Option<FramePtr<V>> {
        let head = ptr::NonNull::new(self.head)?;
        // SAFETY: blocks on the list are heap blocks with valid headers.
        if unsafe { ((*head.as_ptr()).capacity as usize) < code.shape().nslots() } {
            return None;
        }
        let f = self.take(0);
        // SAFETY: the head block of this allocator, big enough, no live values.
        unsafe { init_frame_from(f.as_ptr(), code, back, ns, args) };
        self.stats.on_push();
        Some(f)
    }

    /// Whether `quick_pop` can take a frame back: the list has room.
    #[inline(always)]
    pub(crate) fn can_quick_pop(&self) -> bool {
        self.room > 0
    }

    /// `pop` onto the list, with no drop and no call.
    ///
    /// # Safety
    /// As `pop`; `can_quick_pop` said yes since the last change, and no
    /// slot of the frame holds a value with drop glue to run.
    #[inline(always)]
    pub(crate) unsafe fn quick_pop(&mut self, frame: FramePtr<V>) {
        debug_assert!(self.room > 0);
        // SAFETY: caller's contract: a live frame of this allocator with
        // nothing to drop, and the list has room for it.
        unsafe {
            debug_assert_eq!((*frame.as_ptr()).owner, self.owner);
            (*frame.as_ptr()).back = self.head;
        }
        self.stats.on_pop();
        self.head = frame.as_ptr();
        self.room -= 1;
    }

    pub(crate) fn owner(&self) -> u32 {
        self.owner
    }

    pub(crate) fn stats_mut(&mut self) -> &mut FrameStats {
        &mut self.stats
    }
}

impl<V: Slot> FrameAlloc<V> for FreeList<V> {
    #[inline(always)]
    fn push(&mut self, code: &Code, back: Option<FramePtr<V>>, ns: &Namespaces) -> FramePtr<V> {
        let f = self.take(code.shape().nslots());
        // SAFETY: `take` returns a block of this allocator with capacity for
        // the code's slots and no live values.
        unsafe { init_frame(f.as_ptr(), code, back, ns) };
        self.stats.on_push();
        f
    }

    #[inline(always)]
    unsafe fn pop(&mut self, frame: FramePtr<V>) {
        // SAFETY: caller's contract: a live frame of this allocator.
        unsafe {
            retire(frame, self.owner, &mut self.stats);
            self.give_back(frame);
        }
    }

    fn stats(&self) -> FrameStats {
        self.stats.with_requests_from_hits()
    }

    fn strategy(&self) -> Strategy {
        Strategy::FreeList
    }
}

impl<V: Slot> Drop for FreeList<V> {
    fn drop(&mut self) {
        // Frames still alive are the owner's to pop; if it never does, they
        // leak (as with mem::forget), which is safe.
        while let Some(head) = ptr::NonNull::new(self.head) {
            let f = FramePtr::from_raw(head);
            // SAFETY: blocks on the list are heap blocks with no live values.
            unsafe {
                self.head = (*f.as_ptr()).back;
                free_frame(f, &mut self.stats);
            }
        }
        self.room = self.max_free;
    }
}
