//! The counting global allocator behind [`crate::alloc::Counting`]: the
//! system allocator, plus a per-thread count of the bytes live (allocated
//! on this thread, minus those freed on it). It lives here because a
//! `GlobalAlloc` is raw-pointer code, which the crate keeps in this module.
//!
//! The count is a `const`-initialised thread-local `Cell<isize>` with no
//! destructor: on the platforms with native thread-locals (Linux, macOS,
//! Windows) reading it is a plain load from the thread's block, which
//! neither allocates (so the allocator cannot recurse into itself) nor
//! registers a destructor nor panics; `try_with` covers the thread's
//! teardown anyway. No locks, no atomics: one add per call.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

#[inline(always)]
fn add(n: isize) {
    let _ = LIVE.try_with(|c| c.set(c.get().wrapping_add(n)));
}

/// Bytes live on this thread by the count (0 when [`Counting`] is not the
/// global allocator).
pub fn live_bytes() -> isize {
    LIVE.try_with(Cell::get).unwrap_or(0)
}

/// The system allocator, counting (see the module documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments,
// which upholds GlobalAlloc's contract; the counting touches no memory of
// the caller's and never allocates.
unsafe impl GlobalAlloc for Counting {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller passes a block this allocator (that is,
        // `System`) gave out, with its layout.
        unsafe { System.dealloc(ptr, layout) };
        add(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's block, layout and new size, as required.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            add((new_size as isize).wrapping_sub(layout.size() as isize));
        }
        p
    }
}
