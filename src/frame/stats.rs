//! Counters kept by every frame allocator, and their printable report.

use std::fmt;

/// What a frame allocator has done so far.
///
/// `requests == freelist_hits + zombie_hits + misses` for the free-list,
/// zombie and malloc strategies (malloc misses every time). The data stack
/// counts neither hits nor misses: its requests are bump allocations, and
/// its trips to the raw allocator show in `chunks_allocated`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameStats {
    /// Frames asked for.
    pub requests: u64,
    /// Requests served from the free list.
    pub freelist_hits: u64,
    /// Requests served by the code object's parked (zombie) frame.
    pub zombie_hits: u64,
    /// Requests that needed fresh memory (malloc, or bump allocation).
    pub misses: u64,
    /// Reused blocks grown by realloc without moving.
    pub resized_in_place: u64,
    /// Reused blocks grown by realloc that moved.
    pub resized_moved: u64,
    /// Frames moved off the data stack to the heap (they outlive their call).
    pub moved_to_heap: u64,
    /// Data-stack chunks allocated from the raw allocator.
    pub chunks_allocated: u64,
    /// Frames handed out and not yet released.
    pub alive: u64,
    /// Highest `alive` seen.
    pub peak_alive: u64,
    /// Bytes currently held from the raw allocator (live, parked and chunk memory).
    pub bytes_held: u64,
    /// Highest `bytes_held` seen.
    pub peak_bytes: u64,
}

impl FrameStats {
    /// Counts one frame handed out (`requests` is derived by `stats()`).
    #[inline(always)]
    pub(crate) fn on_push(&mut self) {
        self.alive += 1;
        self.peak_alive = self.peak_alive.max(self.alive);
    }

    /// This snapshot with `requests` filled in from hits and misses.
    pub(crate) fn with_requests_from_hits(&self) -> FrameStats {
        FrameStats {
            requests: self.freelist_hits + self.zombie_hits + self.misses,
            ..self.clone()
        }
    }

    /// Counts one frame released.
    #[inline(always)]
    pub(crate) fn on_pop(&mut self) {
        self.alive -= 1;
    }

    /// Counts `n` bytes taken from the raw allocator.
    #[inline(always)]
    pub(crate) fn grab(&mut self, n: usize) {
        self.bytes_held += n as u64;
        if self.bytes_held > self.peak_bytes {
            self.peak_bytes = self.bytes_held;
        }
    }

    /// Counts `n` bytes given back to the raw allocator.
    #[inline(always)]
    pub(crate) fn give(&mut self, n: usize) {
        self.bytes_held -= n as u64;
    }
}

impl fmt::Display for FrameStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows: [(&str, u64); 12] = [
            ("requests", self.requests),
            ("free-list hits", self.freelist_hits),
            ("zombie hits", self.zombie_hits),
            ("misses", self.misses),
            ("resized in place", self.resized_in_place),
            ("resized (moved)", self.resized_moved),
            ("moved to heap", self.moved_to_heap),
            ("chunks allocated", self.chunks_allocated),
            ("frames alive", self.alive),
            ("peak frames alive", self.peak_alive),
            ("bytes held", self.bytes_held),
            ("peak bytes held", self.peak_bytes),
        ];
        for (i, (name, value)) in rows.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {name:<18} {value:>12}")?;
        }
        Ok(())
    }
}
