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

/// Allocator `A`, counting: [`Counting`] over another allocator (the
/// `framevm` command line counts over mimalloc's).
#[derive(Clone, Copy, Debug, Default)]
pub struct CountingWith<A>(pub A);

// SAFETY: every method forwards to `System` with the caller's arguments
// (through `CountingWith<System>`, which upholds the contract).
unsafe impl GlobalAlloc for Counting {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's arguments, as this method requires.
        unsafe { CountingWith(System).alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe { CountingWith(System).alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: a block this allocator (`System`) gave out, its layout.
        unsafe { CountingWith(System).dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's block, layout and new size.
        unsafe { CountingWith(System).realloc(ptr, layout, new_size) }
    }
}

// SAFETY: every method forwards to `A` with the caller's arguments, which
// upholds GlobalAlloc's contract as `A` does; the counting touches no
// memory of the caller's and never allocates.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingWith<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller passes a block this allocator (that is, `A`)
        // gave out, with its layout.
        unsafe { self.0.dealloc(ptr, layout) };
        add(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's block, layout and new size, as required.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            add((new_size as isize).wrapping_sub(layout.size() as isize));
        }
        p
    }
}

/// Blocks up to this size come from the small-block allocator.
pub const SMALL_BLOCK: usize = 32 << 10;

/// Allocator `A` for small blocks (up to [`SMALL_BLOCK`] bytes), the
/// system's for the rest. Every call is routed by the block's size, which
/// `GlobalAlloc` passes again on `dealloc` and `realloc`, so a block always
/// goes back to the allocator it came from. The command line puts
/// mimalloc under it: the interpreter's frequent small blocks get its
/// speed, while a large request a script sizes (`[0] * 10**10`) still
/// gets the system allocator's refusal, which the VM turns into
/// MemoryError (mimalloc would hand out overcommitted address space and
/// the process would be killed when it touched it).
#[derive(Clone, Copy, Debug, Default)]
pub struct SmallBlocks<A>(pub A);

// SAFETY: a block of size <= SMALL_BLOCK is allocated, freed and resized
// by `A`, a larger one by `System`, each with the caller's arguments; the
// size decides, and the caller passes the block's size back unchanged
// (GlobalAlloc's contract), so each block returns to its allocator. A
// resize across the boundary allocates from the other allocator, copies
// the bytes both sizes hold, and frees the old block with its own.
unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe {
            if layout.size() <= SMALL_BLOCK {
                self.0.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if layout.size() <= SMALL_BLOCK {
                self.0.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the block came from the allocator its size picks (as
        // `alloc` chose), with this layout.
        unsafe {
            if layout.size() <= SMALL_BLOCK {
                self.0.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (was_small, is_small) = (layout.size() <= SMALL_BLOCK, new_size <= SMALL_BLOCK);
        // SAFETY: on one side of the boundary the block's own allocator
        // resizes it. Across it: `new_size` with the block's alignment is
        // a valid layout (the caller guarantees it for realloc), the new
        // block is fresh, so the two do not overlap, and the old block is
        // freed by the allocator its size picks.
        unsafe {
            match (was_small, is_small) {
                (true, true) => self.0.realloc(ptr, layout, new_size),
                (false, false) => System.realloc(ptr, layout, new_size),
                _ => {
                    let new = Layout::from_size_align_unchecked(new_size, layout.align());
                    let p = self.alloc(new);
                    if !p.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    p
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resizes across the small-block boundary, both ways, through the
    /// system allocator on both sides (so Miri checks every step): the
    /// bytes the two sizes share survive each move and every block is
    /// freed by the allocator it came from.
    #[test]
    fn small_blocks_move_across_the_boundary_with_their_bytes() {
        let a = SmallBlocks(System);
        let sizes = [16, SMALL_BLOCK, SMALL_BLOCK + 1, 3 * SMALL_BLOCK, 40, 8];
        let layout = Layout::from_size_align(sizes[0], 16).expect("a layout");
        // SAFETY: each call gets the block the previous one returned with
        // the layout it has now (size and alignment), as GlobalAlloc asks.
        unsafe {
            let mut p = a.alloc(layout);
            assert!(!p.is_null());
            for i in 0..sizes[0] {
                *p.add(i) = i as u8;
            }
            let mut old = sizes[0];
            for &size in &sizes[1..] {
                let l = Layout::from_size_align(old, 16).expect("a layout");
                p = a.realloc(p, l, size);
                assert!(!p.is_null());
                assert_eq!(p as usize % 16, 0, "alignment kept at {size}");
                for i in 0..old.min(size).min(sizes[0]) {
                    assert_eq!(*p.add(i), i as u8, "byte {i} after a resize to {size}");
                }
                old = size;
            }
            a.dealloc(p, Layout::from_size_align(old, 16).expect("a layout"));
            let z = a.alloc_zeroed(Layout::from_size_align(2 * SMALL_BLOCK, 8).expect("a layout"));
            assert!((0..2 * SMALL_BLOCK).all(|i| *z.add(i) == 0));
            a.dealloc(
                z,
                Layout::from_size_align(2 * SMALL_BLOCK, 8).expect("a layout"),
            );
        }
    }
}
