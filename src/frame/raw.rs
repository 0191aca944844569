//! The raw allocator under every frame strategy: libc's malloc, realloc and
//! free, so that growing a block can happen in place as `PyObject_GC_Resize`
//! does (Rust's global allocator gives no way to tell in-place from moved
//! beyond comparing pointers, which is all we need, but malloc is what the
//! seed asks for and what valgrind and the counters are read against).

use std::alloc::{Layout, handle_alloc_error};
use std::ptr::NonNull;

/// Alignment malloc guarantees on the platforms we build for.
pub(crate) const MALLOC_ALIGN: usize = 16;

#[cold]
fn out_of_memory(bytes: usize) -> ! {
    handle_alloc_error(Layout::from_size_align(bytes, MALLOC_ALIGN).unwrap_or(Layout::new::<u8>()))
}

/// A new block of `bytes` (non-zero) bytes; aborts on out-of-memory.
#[inline]
pub(crate) fn alloc(bytes: usize) -> NonNull<u8> {
    debug_assert!(bytes > 0);
    // SAFETY: malloc may be called with any size; a null result is handled.
    let p = unsafe { libc::malloc(bytes) };
    match NonNull::new(p.cast::<u8>()) {
        Some(p) => p,
        None => out_of_memory(bytes),
    }
}

/// Grows or shrinks `p` to `bytes` bytes, keeping its contents; aborts on
/// out-of-memory (leaving `p` valid, as realloc does on failure).
///
/// # Safety
/// `p` came from [`alloc`] or [`realloc`] and has not been freed; after the
/// call only the returned pointer may be used.
#[inline]
pub(crate) unsafe fn realloc(p: NonNull<u8>, bytes: usize) -> NonNull<u8> {
    debug_assert!(bytes > 0);
    // SAFETY: `p` is a live malloc block (caller's contract).
    let q = unsafe { libc::realloc(p.as_ptr().cast(), bytes) };
    match NonNull::new(q.cast::<u8>()) {
        Some(q) => q,
        None => out_of_memory(bytes),
    }
}

/// Returns `p` to the allocator.
///
/// # Safety
/// `p` came from [`alloc`] or [`realloc`] and is not used afterwards.
#[inline]
pub(crate) unsafe fn free(p: NonNull<u8>) {
    // SAFETY: `p` is a live malloc block (caller's contract).
    unsafe { libc::free(p.as_ptr().cast()) }
}
