//! CPython 3.11's data stack: frames are bump-allocated from chunks (the
//! first [`Config::first_chunk`] bytes, each next one twice the last) and
//! released in LIFO order by moving the top back.
//!
//! Two departures from strict LIFO are handled, because generators need them
//! under every strategy:
//! - a frame that must outlive its call is moved to a heap block of its own
//!   by `suspend`, as CPython 3.11 copies a generator's frame out of the stack;
//! - a frame popped while frames above it are still alive is cleared at once
//!   and its space is recorded as dead; the top moves down past dead space
//!   when it reaches it.
//!
//! [`Config::first_chunk`]: super::Config::first_chunk

use std::marker::PhantomData;
use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull};

use super::heap::{alloc_frame, free_frame};
use super::layout::{
    FLAG_HEAP, Frame, FramePtr, frame_bytes, init_block, init_frame, init_frame_from,
};
use super::{
    FrameAlloc, FrameStats, Namespaces, Slot, Strategy, mark_suspended, next_owner_id, raw, retire,
};
use crate::bytecode::Code;

/// Header of a chunk; frames follow it.
#[repr(C)]
struct Chunk {
    /// The chunk below, or null for the first.
    previous: *mut Chunk,
    /// Bytes of the whole chunk, header included.
    size: usize,
    /// The allocator's `top` in `previous` when this chunk was pushed.
    prev_top: *mut u8,
}

/// Bytes before the first frame of a chunk (the header, rounded to malloc's alignment).
const CHUNK_HEADER: usize = size_of::<Chunk>().next_multiple_of(raw::MALLOC_ALIGN);

/// See the module documentation.
pub struct DataStack<V: Slot> {
    /// Next free byte of the current chunk.
    top: *mut u8,
    /// End of the current chunk.
    limit: *mut u8,
    /// Current chunk; null before the first push.
    chunk: *mut Chunk,
    /// One emptied chunk kept, so a call depth that crosses a chunk boundary
    /// back and forth does not malloc and free every time.
    spare: *mut Chunk,
    /// `[start, end)` addresses of frames popped out of order, not yet passed by `top`.
    dead: Vec<(usize, usize)>,
    /// A pop that leaves `top` at or below this address takes the slow path
    /// (`retreat`): the base of the current chunk when there is a chunk below
    /// it, 0 on the first chunk, `usize::MAX` while `dead` is not empty.
    floor: usize,
    first_chunk: usize,
    owner: u32,
    stats: FrameStats,
    _slots: PhantomData<V>,
}

/// Bytes a frame of `nslots` slots takes on the stack (kept frame-aligned).
#[inline(always)]
fn stack_bytes<V>(nslots: usize) -> usize {
    frame_bytes::<V>(nslots).next_multiple_of(align_of::<Frame<V>>())
}

impl<V: Slot> DataStack<V> {
    /// An empty data stack whose first chunk will be `first_chunk` bytes.
    pub fn new(first_chunk: usize) -> DataStack<V> {
        const { assert!(align_of::<Frame<V>>() <= raw::MALLOC_ALIGN) };
        DataStack {
            top: ptr::null_mut(),
            limit: ptr::null_mut(),
            chunk: ptr::null_mut(),
            spare: ptr::null_mut(),
            dead: Vec::new(),
            floor: 0,
            first_chunk: first_chunk.max(CHUNK_HEADER + 64),
            owner: next_owner_id(),
            stats: FrameStats::default(),
            _slots: PhantomData,
        }
    }

    /// Bytes in use on the stack, counting dead space not yet reclaimed.
    pub fn used_in_chunk(&self) -> usize {
        if self.chunk.is_null() {
            0
        } else {
            self.top as usize - (self.chunk as usize + CHUNK_HEADER)
        }
    }

    /// Starts a new chunk with room for `bytes` and takes them from it.
    #[cold]
    #[inline(never)]
    fn push_chunk(&mut self, bytes: usize) -> *mut u8 {
        let need = bytes + CHUNK_HEADER;
        let mut size = if self.chunk.is_null() {
            self.first_chunk
        } else {
            // SAFETY: the current chunk is live.
            unsafe { (*self.chunk).size }.saturating_mul(2)
        };
        while size < need {
            size = size.saturating_mul(2);
        }
        let spare = std::mem::replace(&mut self.spare, ptr::null_mut());
        let c: *mut Chunk = match NonNull::new(spare) {
            // SAFETY: the spare is a live chunk holding no frames.
            Some(s) if unsafe { (*s.as_ptr()).size } >= need => s.as_ptr(),
            other => {
                if let Some(s) = other {
                    // SAFETY: an empty chunk from raw::alloc, dropped here.
                    unsafe { self.free_chunk(s.as_ptr()) };
                }
                let c = raw::alloc(size).cast::<Chunk>().as_ptr();
                self.stats.chunks_allocated += 1;
                self.stats.grab(size);
                // SAFETY: freshly allocated block of `size` bytes.
                unsafe { (*c).size = size };
                c
            }
        };
        // SAFETY: `c` is a live chunk of (*c).size >= need bytes; plain-data writes.
        unsafe {
            (*c).previous = self.chunk;
            (*c).prev_top = self.top;
            self.chunk = c;
            let base = c.cast::<u8>().add(CHUNK_HEADER);
            self.limit = c.cast::<u8>().add((*c).size);
            self.top = base.add(bytes);
            self.set_floor();
            base
        }
    }

    /// # Safety
    /// `c` is a chunk of this allocator holding no live frame; not used afterwards.
    unsafe fn free_chunk(&mut self, c: *mut Chunk) {
        // SAFETY: caller's contract.
        unsafe {
            self.stats.give((*c).size);
            raw::free(NonNull::new_unchecked(c.cast::<u8>()));
        }
    }

    /// Gives back the stack space `[start, start + bytes)` of a frame whose
    /// values are gone (dropped or moved).
    ///
    /// # Safety
    /// The range is a frame of this stack, not given back before.
    #[inline(always)]
    unsafe fn release_space(&mut self, start: *mut u8, bytes: usize) {
        let end = start as usize + bytes;
        if end == self.top as usize {
            self.top = start;
            if start as usize <= self.floor {
                self.retreat();
            }
        } else {
            self.dead.push((start as usize, end));
            self.floor = usize::MAX;
        }
    }

    /// Moves `top` down past empty chunks and dead frames.
    #[cold]
    #[inline(never)]
    fn retreat(&mut self) {
        loop {
            // SAFETY: the current chunk is live (a frame was just released from it).
            let base = unsafe { self.chunk.cast::<u8>().add(CHUNK_HEADER) };
            // SAFETY: as above.
            let previous = unsafe { (*self.chunk).previous };
            if self.top == base && !previous.is_null() {
                let emptied = self.chunk;
                // SAFETY: `emptied` holds no frames; `previous` is live.
                unsafe {
                    self.top = (*emptied).prev_top;
                    self.chunk = previous;
                    self.limit = previous.cast::<u8>().add((*previous).size);
                    if let Some(old) = NonNull::new(std::mem::replace(&mut self.spare, emptied)) {
                        self.free_chunk(old.as_ptr());
                    }
                }
                continue;
            }
            let top = self.top as usize;
            if let Some(i) = self.dead.iter().position(|&(_, end)| end == top) {
                let (start, end) = self.dead.swap_remove(i);
                // Derive the pointer from `top` to keep the chunk's provenance.
                self.top = self.top.wrapping_sub(end - start);
                continue;
            }
            break;
        }
        self.set_floor();
    }

    /// Recomputes `floor` (see its comment).
    fn set_floor(&mut self) {
        self.floor = if !self.dead.is_empty() {
            usize::MAX
        } else if self.chunk.is_null() {
            0
        } else {
            // SAFETY: the current chunk is live.
            let previous = unsafe { (*self.chunk).previous };
            if previous.is_null() {
                0
            } else {
                self.chunk as usize + CHUNK_HEADER
            }
        };
    }
}

impl<V: Slot> DataStack<V> {
    /// `push` by bumping the top, when the current chunk has room. `None`
    /// changes nothing.
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
        let nslots = code.shape().nslots();
        let bytes = stack_bytes::<V>(nslots);
        let room = (self.limit as usize).wrapping_sub(self.top as usize);
        if bytes > room {
            return None;
        }
        let f = self.top.cast::<Frame<V>>();
        // SAFETY: `bytes <= limit - top` in a live chunk: the block fits,
        // aligned for Frame<V> as in `push`; nslots <= MAX_SLOTS fits in u32.
        unsafe {
            self.top = self.top.add(bytes);
            init_block(f, nslots as u32, self.owner, 0);
            init_frame_from(f, code, back, ns, args);
        }
        self.stats.requests += 1;
        self.stats.on_push();
        // SAFETY: inside a live chunk, hence not null.
        Some(FramePtr::from_raw(unsafe { NonNull::new_unchecked(f) }))
    }

    /// Whether `quick_pop` can take `frame` back: it is the top frame of
    /// the chunk (not a heap frame) and its release moves no chunk.
    ///
    /// # Safety
    /// A live frame of this allocator.
    #[inline(always)]
    pub(crate) unsafe fn can_quick_pop(&self, frame: FramePtr<V>) -> bool {
        let f = frame.as_ptr();
        // SAFETY: caller's contract: a live header.
        let (flags, cap) = unsafe { ((*f).flags, (*f).capacity as usize) };
        let start = f as usize;
        flags & FLAG_HEAP == 0
            && start + stack_bytes::<V>(cap) == self.top as usize
            && start > self.floor
    }

    /// `pop` by moving the top back, with no drop and no call.
    ///
    /// # Safety
    /// As `pop`; `can_quick_pop` said yes since the last change, and no
    /// slot of the frame holds a value with drop glue to run.
    #[inline(always)]
    pub(crate) unsafe fn quick_pop(&mut self, frame: FramePtr<V>) {
        debug_assert_eq!(
            frame.as_ptr() as usize
                // SAFETY: caller's contract: a live header.
                + stack_bytes::<V>(unsafe { (*frame.as_ptr()).capacity } as usize),
            self.top as usize
        );
        self.stats.on_pop();
        self.top = frame.as_ptr().cast::<u8>();
    }
}

impl<V: Slot> FrameAlloc<V> for DataStack<V> {
    #[inline(always)]
    fn push(&mut self, code: &Code, back: Option<FramePtr<V>>, ns: &Namespaces) -> FramePtr<V> {
        let nslots = code.shape().nslots();
        let bytes = stack_bytes::<V>(nslots);
        let room = (self.limit as usize).wrapping_sub(self.top as usize);
        let p = if bytes <= room {
            let p = self.top;
            // SAFETY: `bytes <= limit - top`, so the result stays in the chunk.
            self.top = unsafe { p.add(bytes) };
            p
        } else {
            self.push_chunk(bytes)
        };
        let f = p.cast::<Frame<V>>();
        // SAFETY: `p` starts `bytes` free bytes of a live chunk, aligned for
        // Frame<V> (chunk bases are 16-aligned and sizes frame-aligned);
        // nslots <= MAX_SLOTS fits in u32.
        unsafe {
            init_block(f, nslots as u32, self.owner, 0);
            init_frame(f, code, back, ns);
        }
        self.stats.requests += 1;
        self.stats.on_push();
        // SAFETY: `p` is inside a live chunk, hence not null.
        FramePtr::from_raw(unsafe { NonNull::new_unchecked(f) })
    }

    #[inline(always)]
    unsafe fn pop(&mut self, frame: FramePtr<V>) {
        let f = frame.as_ptr();
        // SAFETY: caller's contract: a live frame of this allocator.
        unsafe {
            retire(frame, self.owner, &mut self.stats);
            if (*f).flags & FLAG_HEAP != 0 {
                free_frame(frame, &mut self.stats);
            } else {
                self.release_space(f.cast::<u8>(), stack_bytes::<V>((*f).capacity as usize));
            }
        }
    }

    unsafe fn suspend(&mut self, frame: FramePtr<V>) -> FramePtr<V> {
        let f = frame.as_ptr();
        // SAFETY: caller's contract: a live frame of this allocator, with an
        // up-to-date stacktop and no callee.
        unsafe {
            if (*f).flags & FLAG_HEAP != 0 {
                mark_suspended(frame);
                return frame;
            }
            let cap = (*f).capacity as usize;
            let lp = frame.localsplus();
            let nfast = (*f).valuestack.offset_from(lp) as usize;
            let live = (*f).stacktop.offset_from(lp) as usize;
            let h = alloc_frame::<V>(cap, self.owner, &mut self.stats);
            // Move header and live slots; the header's block fields and the
            // pointers into the block are then set for the new block.
            ptr::copy_nonoverlapping(
                f.cast::<u8>(),
                h.as_ptr().cast::<u8>(),
                frame_bytes::<V>(live),
            );
            init_block(h.as_ptr(), cap as u32, self.owner, FLAG_HEAP);
            let hlp = h.localsplus();
            (*h.as_ptr()).valuestack = hlp.add(nfast);
            (*h.as_ptr()).stacktop = hlp.add(live);
            mark_suspended(h);
            self.stats.moved_to_heap += 1;
            // The values now live in `h`: give the old space back without dropping.
            self.release_space(f.cast::<u8>(), stack_bytes::<V>(cap));
            h
        }
    }

    fn stats(&self) -> FrameStats {
        self.stats.clone()
    }

    fn strategy(&self) -> Strategy {
        Strategy::DataStack
    }
}

impl<V: Slot> Drop for DataStack<V> {
    fn drop(&mut self) {
        // Frames still alive on the stack end here without their values
        // being dropped (a leak, which is safe); heap frames still alive leak.
        let mut c = std::mem::replace(&mut self.chunk, ptr::null_mut());
        while let Some(chunk) = NonNull::new(c) {
            // SAFETY: chunks form a list of live blocks from raw::alloc.
            unsafe {
                c = (*chunk.as_ptr()).previous;
                self.free_chunk(chunk.as_ptr());
            }
        }
        if let Some(s) = NonNull::new(std::mem::replace(&mut self.spare, ptr::null_mut())) {
            // SAFETY: the spare is a live, empty chunk.
            unsafe { self.free_chunk(s.as_ptr()) };
        }
    }
}
