//! Frames as heap blocks of their own: allocation, growth and release,
//! with the byte and resize counters kept in one place.

use std::ptr::NonNull;

use super::layout::{FLAG_HEAP, Frame, FramePtr, frame_bytes, init_block};
use super::stats::FrameStats;
use super::{Slot, raw};

/// A new heap block for `capacity` slots; header fields other than
/// `capacity`, `owner` and `flags` are left for `init_frame`.
#[inline]
pub(crate) fn alloc_frame<V: Slot>(
    capacity: usize,
    owner: u32,
    stats: &mut FrameStats,
) -> FramePtr<V> {
    let bytes = frame_bytes::<V>(capacity);
    let p = raw::alloc(bytes).cast::<Frame<V>>();
    stats.grab(bytes);
    // SAFETY: the block was just allocated with room for `capacity` slots.
    // capacity <= MAX_SLOTS (Shape::new), so it fits in u32.
    unsafe { init_block(p.as_ptr(), capacity as u32, owner, FLAG_HEAP) };
    FramePtr::from_raw(p)
}

/// Grows a released heap block to `capacity` slots with realloc, counting
/// whether it stayed in place (CPython's `PyObject_GC_Resize`).
///
/// # Safety
/// `f` is a heap block holding no live values, and is not used after the call.
#[inline(never)]
pub(crate) unsafe fn grow_frame<V: Slot>(
    f: FramePtr<V>,
    capacity: usize,
    stats: &mut FrameStats,
) -> FramePtr<V> {
    // SAFETY: heap block with an initialised header (caller's contract).
    let old_cap = unsafe { (*f.as_ptr()).capacity } as usize;
    let old = NonNull::new(f.as_ptr()).expect("FramePtr is never null");
    // SAFETY: heap blocks come from raw::alloc/realloc and are live.
    let p =
        unsafe { raw::realloc(old.cast::<u8>(), frame_bytes::<V>(capacity)) }.cast::<Frame<V>>();
    if p == old {
        stats.resized_in_place += 1;
    } else {
        stats.resized_moved += 1;
    }
    stats.give(frame_bytes::<V>(old_cap));
    stats.grab(frame_bytes::<V>(capacity));
    // SAFETY: realloc kept the header; only the capacity changes. Pointers
    // into the old block (valuestack, stacktop) are rewritten by init_frame.
    unsafe { (*p.as_ptr()).capacity = capacity as u32 };
    FramePtr::from_raw(p)
}

/// Frees a heap block that holds no live values.
///
/// # Safety
/// `f` is a heap block with no live values, not used after the call.
#[inline]
pub(crate) unsafe fn free_frame<V: Slot>(f: FramePtr<V>, stats: &mut FrameStats) {
    // SAFETY: live header (caller's contract).
    let cap = unsafe { (*f.as_ptr()).capacity } as usize;
    stats.give(frame_bytes::<V>(cap));
    let p = NonNull::new(f.as_ptr()).expect("FramePtr is never null");
    // SAFETY: heap blocks come from raw::alloc/realloc; the caller gives up `f`.
    unsafe { raw::free(p.cast::<u8>()) }
}
