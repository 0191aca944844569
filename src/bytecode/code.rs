//! The code object.
//!
//! Until the compiler exists this holds only what the frame layer needs: a
//! name (for reports) and the frame [`Shape`]. The allocators read nothing else
//! from a code object (`shape()` and `id()`), so adding `co_code`, `co_consts`
//! and the rest here later does not touch them.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::frame::Shape;

/// A small dense number naming one code object for the life of the process.
///
/// The zombie strategy keeps its parked frames in a table indexed by it, the
/// way CPython 3.8 keeps one in each code object's `co_zombieframe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeId(u32);

impl CodeId {
    /// The id as an index.
    #[inline(always)]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn fresh() -> CodeId {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        // Relaxed: only uniqueness matters. Wrapping after 2^32 code objects
        // would only make two codes share a zombie slot, which stays sound:
        // a parked frame is reused only if it is large enough.
        CodeId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// A code object: what one function body, module or class body runs.
#[derive(Debug)]
pub struct Code {
    name: String,
    shape: Shape,
    id: CodeId,
}

impl Code {
    /// A code object named `name` whose frames have `shape`.
    pub fn new(name: impl Into<String>, shape: Shape) -> Code {
        Code {
            name: name.into(),
            shape,
            id: CodeId::fresh(),
        }
    }

    /// `co_name`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Slot counts of this code's frames.
    #[inline(always)]
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// This code object's id.
    #[inline(always)]
    pub fn id(&self) -> CodeId {
        self.id
    }
}
