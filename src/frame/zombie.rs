//! CPython 3.8's zombie frames: each code object keeps one released frame
//! parked for its next call, tried before the free list. A parked frame is
//! already the right size, so the common recursive or repeated call neither
//! searches nor resizes.
//!
//! CPython stores the parked frame in the code object (`co_zombieframe`).
//! Here the allocator keeps them in a table indexed by [`CodeId`], so code
//! objects stay free of raw pointers and the blocks are freed with the
//! allocator that counted them.
//!
//! [`CodeId`]: crate::bytecode::CodeId

use std::ptr;

use super::heap::{free_frame, grow_frame};
use super::layout::{Frame, FramePtr, init_frame, init_frame_from};
use super::{FrameAlloc, FrameStats, FreeList, Namespaces, Slot, Strategy, retire};
use crate::bytecode::Code;

/// See the module documentation.
pub struct Zombie<V: Slot> {
    /// Parked block per code id; null when none.
    zombies: Vec<*mut Frame<V>>,
    list: FreeList<V>,
}

impl<V: Slot> Zombie<V> {
    /// No parked frames; the free list behind them keeps at most `max_free`.
    pub fn new(max_free: usize) -> Zombie<V> {
        Zombie {
            zombies: Vec::new(),
            list: FreeList::new(max_free),
        }
    }

    /// Parked frames.
    pub fn parked(&self) -> usize {
        self.zombies.iter().filter(|z| !z.is_null()).count()
    }
}

impl<V: Slot> Zombie<V> {
    /// `push` of the code's parked frame, or from the free list, when
    /// neither needs the allocator. `None` changes nothing.
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
        if let Some(slot) = self.zombies.get_mut(code.id().index())
            && let Some(z) = ptr::NonNull::new(*slot)
            // SAFETY: parked blocks are heap blocks with valid headers.
            && unsafe { (*z.as_ptr()).capacity as usize } >= code.shape().nslots()
        {
            *slot = ptr::null_mut();
            let stats = self.list.stats_mut();
            stats.zombie_hits += 1;
            let z = FramePtr::from_raw(z);
            // SAFETY: a parked block of this allocator, big enough, no live values.
            unsafe { init_frame_from(z.as_ptr(), code, back, ns, args) };
            stats.on_push();
            return Some(z);
        }
        // SAFETY: forwarded contract.
        unsafe { self.list.quick_push(code, back, ns, args) }
    }

    /// Whether `quick_pop` can take `frame` back: its code's parking slot
    /// exists (empty or not) and, if taken, the free list has room.
    ///
    /// # Safety
    /// A live frame of this allocator.
    #[inline(always)]
    pub(crate) unsafe fn can_quick_pop(&self, frame: FramePtr<V>) -> bool {
        // SAFETY: caller's contract; the code outlives its frames.
        let id = unsafe { (*(*frame.as_ptr()).code).id().index() };
        match self.zombies.get(id) {
            Some(slot) => slot.is_null() || self.list.can_quick_pop(),
            None => false,
        }
    }

    /// `pop` into the parking slot or onto the list, with no drop and no call.
    ///
    /// # Safety
    /// As `pop`; `can_quick_pop` said yes since the last change, and no
    /// slot of the frame holds a value with drop glue to run.
    #[inline(always)]
    pub(crate) unsafe fn quick_pop(&mut self, frame: FramePtr<V>) {
        // SAFETY: caller's contract (the slot exists: can_quick_pop).
        unsafe {
            let id = (*(*frame.as_ptr()).code).id().index();
            let slot = self.zombies.get_unchecked_mut(id);
            if slot.is_null() {
                *slot = frame.as_ptr();
                self.list.stats_mut().on_pop();
            } else {
                self.list.quick_pop(frame);
            }
        }
    }
}

impl<V: Slot> FrameAlloc<V> for Zombie<V> {
    #[inline(always)]
    fn push(&mut self, code: &Code, back: Option<FramePtr<V>>, ns: &Namespaces) -> FramePtr<V> {
        let nslots = code.shape().nslots();
        let parked = match self.zombies.get_mut(code.id().index()) {
            Some(slot) => ptr::NonNull::new(std::mem::replace(slot, ptr::null_mut())),
            None => None,
        };
        let f = match parked {
            Some(z) => {
                let stats = self.list.stats_mut();
                stats.zombie_hits += 1;
                let z = FramePtr::from_raw(z);
                // SAFETY: parked blocks are heap blocks of this allocator with
                // no live values. They are normally exactly this code's size;
                // only a reused code id could make one smaller.
                if unsafe { (*z.as_ptr()).capacity as usize } < nslots {
                    // SAFETY: as above; `z` is not used again.
                    unsafe { grow_frame(z, nslots, stats) }
                } else {
                    z
                }
            }
            None => self.list.take(nslots),
        };
        // SAFETY: a block of this allocator with room for the code's slots
        // and no live values.
        unsafe { init_frame(f.as_ptr(), code, back, ns) };
        self.list.stats_mut().on_push();
        f
    }

    #[inline(always)]
    unsafe fn pop(&mut self, frame: FramePtr<V>) {
        // SAFETY: caller's contract: a live frame of this allocator whose
        // code object is alive.
        unsafe {
            // Read before the values go: dropping them may drop other code.
            let id = (*(*frame.as_ptr()).code).id().index();
            let owner = self.list.owner();
            retire(frame, owner, self.list.stats_mut());
            if id >= self.zombies.len() {
                self.zombies.resize(id + 1, ptr::null_mut());
            }
            let slot = &mut self.zombies[id];
            if slot.is_null() {
                *slot = frame.as_ptr();
            } else {
                self.list.give_back(frame);
            }
        }
    }

    fn stats(&self) -> FrameStats {
        self.list.stats()
    }

    fn strategy(&self) -> Strategy {
        Strategy::Zombie
    }
}

impl<V: Slot> Drop for Zombie<V> {
    fn drop(&mut self) {
        for z in std::mem::take(&mut self.zombies) {
            if let Some(z) = ptr::NonNull::new(z) {
                // SAFETY: parked blocks are heap blocks with no live values.
                unsafe { free_frame(FramePtr::from_raw(z), self.list.stats_mut()) };
            }
        }
        // `list` frees its own blocks when dropped next.
    }
}
