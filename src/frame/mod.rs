//! Frames and the allocators that hand them out.
//!
//! A frame is one block from the raw allocator: a `#[repr(C)]` header laid out
//! like CPython 3.8's `PyFrameObject` ([`Frame`]) followed by the trailing
//! array `localsplus` (locals · cells · frees · value stack). Four strategies
//! hand frames out behind one interface, [`FrameAlloc`]:
//!
//! | strategy | model | reuse |
//! |---|---|---|
//! | [`FreeList`] | CPython 3.8 | LIFO list of released blocks, capped; too small a block grows with `realloc` |
//! | [`Zombie`] | CPython 3.8's `co_zombieframe` | one parked block per code object, then the free list |
//! | [`DataStack`] | CPython 3.11 | bump allocation in chunks; frames that outlive their call move to the heap |
//! | [`Malloc`] | baseline | none: malloc on push, free on pop |
//!
//! [`Frames`] picks one at run time. Everything with raw pointers in the crate
//! lives in this module.

// The frame layer is where raw pointers live (see the crate docs).
#![allow(unsafe_code)]

pub(crate) mod counting;
mod datastack;
mod freelist;
mod heap;
mod layout;
mod malloc;
mod raw;
mod stack;
mod stats;
pub mod workload;
mod zombie;

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};

pub use datastack::DataStack;
pub use freelist::FreeList;
pub use layout::{Block, CO_MAXBLOCKS, Frame, FramePtr, frame_bytes, header_size};
pub use malloc::Malloc;
pub use stack::{CallStack, FrameMut, Suspended};
pub use stats::FrameStats;
pub use zombie::Zombie;

use crate::bytecode::Code;

/// An untyped borrowed object pointer, standing in for the namespaces, trace
/// hook and generator until the runtime's object types exist.
pub type ObjPtr = *const ();

/// The value type stored in frame slots.
pub trait Slot: Sized {
    /// An unbound slot (CPython's `NULL` in `f_localsplus`). Locals, cells and
    /// frees start as `EMPTY`; dropping it must do nothing observable.
    const EMPTY: Self;
}

impl<T> Slot for Option<T> {
    const EMPTY: Self = None;
}

/// How many slots of each kind a code object's frames need (`co_nlocals`,
/// the cell and free variable counts, `co_stacksize`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shape {
    nlocals: u32,
    ncells: u32,
    nfrees: u32,
    stacksize: u32,
    // Precomputed: every call reads these two.
    nfast: u32,
    nslots: u32,
}

/// Largest number of slots a frame may have (about 16 million).
pub const MAX_SLOTS: u32 = 1 << 24;

impl Shape {
    /// A shape, or `None` if it needs more than [`MAX_SLOTS`] slots.
    pub const fn new(nlocals: u32, ncells: u32, nfrees: u32, stacksize: u32) -> Option<Shape> {
        let total = nlocals as u64 + ncells as u64 + nfrees as u64 + stacksize as u64;
        if total > MAX_SLOTS as u64 {
            return None;
        }
        let nfast = nlocals + ncells + nfrees; // no overflow: total <= MAX_SLOTS
        Some(Shape {
            nlocals,
            ncells,
            nfrees,
            stacksize,
            nfast,
            nslots: nfast + stacksize,
        })
    }
    /// Local variable slots.
    pub const fn nlocals(self) -> usize {
        self.nlocals as usize
    }
    /// Cell slots.
    pub const fn ncells(self) -> usize {
        self.ncells as usize
    }
    /// Free-variable slots.
    pub const fn nfrees(self) -> usize {
        self.nfrees as usize
    }
    /// Value-stack slots.
    pub const fn stacksize(self) -> usize {
        self.stacksize as usize
    }
    /// Locals, cells and frees: the slots before the value stack.
    #[inline(always)]
    pub const fn nfast(self) -> usize {
        self.nfast as usize
    }
    /// All slots.
    #[inline(always)]
    pub const fn nslots(self) -> usize {
        self.nslots as usize
    }
}

/// The three namespaces a frame runs with (borrowed; the caller keeps them
/// alive while the frame lives).
#[derive(Clone, Copy, Debug)]
pub struct Namespaces {
    /// `f_builtins`.
    pub builtins: ObjPtr,
    /// `f_globals`.
    pub globals: ObjPtr,
    /// `f_locals`: null for function frames.
    pub locals: ObjPtr,
}

impl Namespaces {
    /// No namespaces (all null): for tests, benches and the frame demo.
    pub const NONE: Namespaces = Namespaces {
        builtins: std::ptr::null(),
        globals: std::ptr::null(),
        locals: std::ptr::null(),
    };
}

/// The interface every frame strategy implements.
///
/// Frames are handed out by [`push`](FrameAlloc::push) and given back by
/// [`pop`](FrameAlloc::pop), normally in LIFO order. A frame that must outlive
/// that order (a generator's) is first [`suspend`](FrameAlloc::suspend)ed,
/// after which it may be resumed and released at any time.
pub trait FrameAlloc<V: Slot> {
    /// A frame for a call of `code`: header written, locals·cells·frees
    /// `EMPTY`, value stack empty, `back` set, `executing` true.
    ///
    /// The frame borrows `code` and the namespaces: they must outlive it.
    fn push(&mut self, code: &Code, back: Option<FramePtr<V>>, ns: &Namespaces) -> FramePtr<V>;

    /// Releases `frame`: drops its live values (fast slots and the saved value
    /// stack up to `stacktop`) and gives the block back.
    ///
    /// # Safety
    /// `frame` came from this allocator's `push` or `suspend`, has not been
    /// popped, its `stacktop` is up to date, its code object is still alive,
    /// and no other frame's `back` will be followed to it afterwards.
    unsafe fn pop(&mut self, frame: FramePtr<V>);

    /// Detaches `frame` from LIFO order so it can be resumed and released
    /// later, in any order. Saves nothing itself: `stacktop` must already be
    /// up to date. Clears `back` and `executing`. Returns where the frame now
    /// lives (the data stack moves it to the heap; the others leave it).
    ///
    /// The default suits heap blocks, which never move.
    ///
    /// # Safety
    /// As for [`pop`](FrameAlloc::pop); in addition no live frame's `back`
    /// points to `frame` (it has no callee running), and the old pointer is
    /// not used after the call.
    unsafe fn suspend(&mut self, frame: FramePtr<V>) -> FramePtr<V> {
        // SAFETY: caller's contract: a live frame.
        unsafe { mark_suspended(frame) };
        frame
    }

    /// The counters (a snapshot).
    fn stats(&self) -> FrameStats;

    /// Which strategy this is.
    fn strategy(&self) -> Strategy;
}

/// Marks a suspended frame running again, called from `back`.
///
/// # Safety
/// `frame` is live and was suspended.
#[inline]
pub unsafe fn resume<V: Slot>(frame: FramePtr<V>, back: Option<FramePtr<V>>) {
    let f = frame.as_ptr();
    // SAFETY: live frame (caller's contract); plain-data field writes.
    unsafe {
        (*f).back = back.map_or(std::ptr::null_mut(), FramePtr::as_ptr);
        (*f).executing = true;
    }
}

/// Marks a frame suspended without detaching it (the generic part of
/// `suspend`).
///
/// # Safety
/// `frame` is live.
#[inline]
pub(crate) unsafe fn mark_suspended<V: Slot>(frame: FramePtr<V>) {
    let f = frame.as_ptr();
    // SAFETY: live frame (caller's contract); plain-data field writes.
    unsafe {
        (*f).back = std::ptr::null_mut();
        (*f).executing = false;
    }
}

/// The part of every `pop` before the block is given back: checks (in
/// debug builds) that the frame came from allocator `owner`, drops its live
/// values and counts the release.
///
/// # Safety
/// `frame` is live, its `stacktop` up to date.
#[inline(always)]
pub(crate) unsafe fn retire<V: Slot>(frame: FramePtr<V>, owner: u32, stats: &mut FrameStats) {
    // SAFETY: caller's contract.
    unsafe {
        debug_assert_eq!(
            (*frame.as_ptr()).owner,
            owner,
            "frame popped into the wrong allocator"
        );
        layout::clear_frame(frame);
    }
    stats.on_pop();
}

/// A fresh allocator id, so debug builds can check that a frame goes back
/// to the allocator it came from.
pub(crate) fn next_owner_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The frame strategies, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// CPython 3.8's free list.
    FreeList,
    /// One parked frame per code object, then the free list.
    Zombie,
    /// CPython 3.11's chunked data stack.
    DataStack,
    /// malloc and free per call.
    Malloc,
}

impl Strategy {
    /// Every strategy, in the order reports list them.
    pub const ALL: [Strategy; 4] = [
        Strategy::FreeList,
        Strategy::Zombie,
        Strategy::DataStack,
        Strategy::Malloc,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::FreeList => "freelist",
            Strategy::Zombie => "zombie",
            Strategy::DataStack => "datastack",
            Strategy::Malloc => "malloc",
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Strategy {
    type Err = String;
    fn from_str(s: &str) -> Result<Strategy, String> {
        Strategy::ALL
            .into_iter()
            .find(|st| st.name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown frame strategy '{s}' (expected freelist, zombie, datastack or malloc)"
                )
            })
    }
}

/// Tunables of the strategies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Most blocks the free list keeps (CPython's `PyFrame_MAXFREELIST`).
    pub max_free: usize,
    /// Bytes of the data stack's first chunk; later chunks double.
    pub first_chunk: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_free: 200,
            first_chunk: 16 * 1024,
        }
    }
}

/// A frame allocator whose strategy is chosen at run time.
///
/// Each call matches on the strategy; an interpreter that wants no such
/// branch can instead be generic over [`FrameAlloc`] and pick the
/// monomorphised copy once, when the VM is created. (`repr(u8)`: the
/// match is on a tag byte, not on a niche decoded from a field.)
#[repr(u8)]
pub enum Frames<V: Slot> {
    /// See [`FreeList`].
    FreeList(FreeList<V>),
    /// See [`Zombie`].
    Zombie(Zombie<V>),
    /// See [`DataStack`].
    DataStack(DataStack<V>),
    /// See [`Malloc`].
    Malloc(Malloc<V>),
}

impl<V: Slot> Frames<V> {
    /// A new allocator of the given strategy.
    pub fn new(strategy: Strategy, config: Config) -> Frames<V> {
        match strategy {
            Strategy::FreeList => Frames::FreeList(FreeList::new(config.max_free)),
            Strategy::Zombie => Frames::Zombie(Zombie::new(config.max_free)),
            Strategy::DataStack => Frames::DataStack(DataStack::new(config.first_chunk)),
            Strategy::Malloc => Frames::Malloc(Malloc::new()),
        }
    }
}

impl<V: Slot> Frames<V> {
    /// `push`, when the strategy can hand a frame out without calling the
    /// allocator or growing a block: the interpreter's quick call path,
    /// which must call nothing. The first `args` fast slots are left
    /// unwritten, for the call's arguments. `None` changes nothing (the
    /// baseline `Malloc` always says `None`).
    ///
    /// # Safety
    /// `args <= code.shape().nfast()`, and the caller writes fast slots
    /// `0..args` of the frame before anything reads or drops its slots.
    #[inline(always)]
    pub unsafe fn quick_push(
        &mut self,
        code: &Code,
        back: Option<FramePtr<V>>,
        ns: &Namespaces,
        args: usize,
    ) -> Option<FramePtr<V>> {
        // SAFETY: forwarded contract.
        unsafe {
            match self {
                Frames::FreeList(a) => a.quick_push(code, back, ns, args),
                Frames::Zombie(a) => a.quick_push(code, back, ns, args),
                Frames::DataStack(a) => a.quick_push(code, back, ns, args),
                Frames::Malloc(_) => None,
            }
        }
    }

    /// Whether [`Frames::quick_pop`] can take `frame` back without calling
    /// out. Changes nothing.
    ///
    /// # Safety
    /// `frame` is a live frame of this allocator.
    #[inline(always)]
    pub unsafe fn can_quick_pop(&self, frame: FramePtr<V>) -> bool {
        // SAFETY: forwarded contract.
        unsafe {
            match self {
                Frames::FreeList(a) => a.can_quick_pop(),
                Frames::Zombie(a) => a.can_quick_pop(frame),
                Frames::DataStack(a) => a.can_quick_pop(frame),
                Frames::Malloc(_) => false,
            }
        }
    }

    /// `pop` with no drop and no call.
    ///
    /// # Safety
    /// As [`FrameAlloc::pop`]; [`Frames::can_quick_pop`] said yes for this
    /// frame and the allocator has not been used since; no slot in
    /// `[localsplus, stacktop)` holds a value with drop glue to run.
    #[inline(always)]
    pub unsafe fn quick_pop(&mut self, frame: FramePtr<V>) {
        // SAFETY: forwarded contract.
        unsafe {
            match self {
                Frames::FreeList(a) => a.quick_pop(frame),
                Frames::Zombie(a) => a.quick_pop(frame),
                Frames::DataStack(a) => a.quick_pop(frame),
                Frames::Malloc(_) => debug_assert!(false, "can_quick_pop is false"),
            }
        }
    }
}

macro_rules! each_strategy {
    ($self:expr, $a:ident => $e:expr) => {
        match $self {
            Frames::FreeList($a) => $e,
            Frames::Zombie($a) => $e,
            Frames::DataStack($a) => $e,
            Frames::Malloc($a) => $e,
        }
    };
}

impl<V: Slot> FrameAlloc<V> for Frames<V> {
    #[inline]
    fn push(&mut self, code: &Code, back: Option<FramePtr<V>>, ns: &Namespaces) -> FramePtr<V> {
        each_strategy!(self, a => a.push(code, back, ns))
    }
    #[inline]
    unsafe fn pop(&mut self, frame: FramePtr<V>) {
        // SAFETY: forwarded contract.
        each_strategy!(self, a => unsafe { a.pop(frame) })
    }
    #[inline]
    unsafe fn suspend(&mut self, frame: FramePtr<V>) -> FramePtr<V> {
        // SAFETY: forwarded contract.
        each_strategy!(self, a => unsafe { a.suspend(frame) })
    }
    fn stats(&self) -> FrameStats {
        each_strategy!(self, a => a.stats())
    }
    fn strategy(&self) -> Strategy {
        each_strategy!(self, a => a.strategy())
    }
}
