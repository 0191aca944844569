//! Counting the bytes a thread holds, for the memory cap
//! ([`Builder::memory_limit`](crate::Builder::memory_limit)).
//!
//! A host that wants the cap to bound everything a script holds installs
//! the counting allocator once, in its binary (the `framevm` command line
//! does):
//!
//! ```
//! #[global_allocator]
//! static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;
//!
//! fn main() {
//!     let mut vm = framevm::Vm::builder().memory_limit(16 << 20).build();
//!     let err = vm
//!         .exec("def grow():\n    l = []\n    while True:\n        l.append([0] * 100)\ngrow()", "<grow>")
//!         .unwrap_err();
//!     assert_eq!(err.to_string().lines().last(), Some("MemoryError"));
//!     // The list went with the frame that held it: the VM goes on.
//!     assert_eq!(vm.eval::<i64>("len([0] * 1000)").unwrap(), 1000);
//! }
//! ```
//!
//! [`Counting`] is the system allocator plus one thread-local add per
//! call (no lock, no atomic). A `GlobalAlloc` cannot refuse an allocation
//! without aborting the process, so it only counts; the VM compares the
//! count with its cap at every check-in of the dispatch loop (every 1,024
//! instructions) and before every allocation whose size a script chooses,
//! and raises `MemoryError` there.
//!
//! Without it the count stays 0: the cap then bounds each allocation a
//! script sizes (`[0] * n`, `'a' * n`, `s.center(n)`, `list(range(n))`,
//! ...) but not the total a script builds up piece by piece.

pub use crate::frame::counting::{Counting, CountingWith, SMALL_BLOCK, SmallBlocks, live_bytes};

/// Whether [`Counting`] is the global allocator (so the cap sees every
/// byte the thread holds).
pub fn is_counting() -> bool {
    let before = live_bytes();
    let probe = std::hint::black_box(Box::new([0u8; 32]));
    let after = live_bytes();
    drop(probe);
    after != before
}

#[cfg(test)]
mod tests {
    #[test]
    fn without_the_counting_allocator_the_count_stays_zero() {
        // The library's own test binary keeps the system allocator.
        assert!(!super::is_counting());
        let v = vec![0u8; 1 << 16];
        assert_eq!(super::live_bytes(), 0);
        drop(v);
    }
}
