//! The frame: a `#[repr(C)]` header mirroring CPython 3.8's `PyFrameObject`,
//! followed in the same block by the trailing slot array `localsplus`.
//!
//! ```text
//!  offset  field                              (64-bit; see asm-notes/frames.md)
//!  0       back ─────────┐ first cache line:
//!  8       code          │ what every call and
//!  16      valuestack    │ every instruction
//!  24      stacktop      │ touches
//!  32      globals       │
//!  40      builtins      │
//!  48      lasti         │
//!  52      capacity      │
//!  56      lineno        │
//!  60      iblock, executing, trace_lines, trace_opcodes
//!  64      locals, trace, generator, owner, flags        (cold)
//!  96      blockstack[CO_MAXBLOCKS]               (cold unless try blocks)
//!  336     localsplus[capacity]:  locals · cells · frees · value stack
//!                                                 ^valuestack
//! ```

use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull, addr_of_mut};

use memoffset::offset_of;

use super::{Namespaces, ObjPtr, Slot};
use crate::bytecode::Code;

/// Depth of the block stack (CPython's `CO_MAXBLOCKS`).
pub const CO_MAXBLOCKS: usize = 20;

/// One entry of the block stack: a loop or try block (CPython's `PyTryBlock`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// What kind of block (the opcode that pushed it).
    pub kind: u32,
    /// Where to jump when the block is left by an exception or `break`.
    pub handler: u32,
    /// Value-stack depth to restore when the block is popped.
    pub level: u32,
}

/// `flags`: the block is a heap block of its own (always true outside the data stack).
pub(crate) const FLAG_HEAP: u32 = 1;

/// A frame: header plus trailing slots, in one block from the raw allocator.
///
/// Values of this type only ever exist behind a [`FramePtr`] handed out by a
/// frame allocator; the trailing array extends past `size_of::<Frame<V>>()`.
#[repr(C)]
pub struct Frame<V> {
    // ---- first cache line: read or written on every call and instruction ----
    /// The caller's frame (the saved `ebp`); null for the outermost frame.
    pub(crate) back: *mut Frame<V>,
    /// The code object being run. Borrowed: the code outlives the frame.
    pub(crate) code: *const Code,
    /// First slot of the value stack: `localsplus + nlocals + ncells + nfrees`.
    pub(crate) valuestack: *mut V,
    /// One past the last live value-stack slot, saved when the frame is not
    /// running the top of the interpreter loop (calls, suspension, release).
    pub(crate) stacktop: *mut V,
    /// Module namespace (borrowed).
    pub(crate) globals: ObjPtr,
    /// Builtins namespace (borrowed).
    pub(crate) builtins: ObjPtr,
    /// Index of the last instruction executed (the saved `eip`); -1 before the first.
    pub(crate) lasti: i32,
    /// Number of slots in `localsplus` this block can hold (CPython's `ob_size`).
    pub(crate) capacity: u32,
    /// Current line; kept up to date only while tracing.
    pub(crate) lineno: i32,
    /// Number of entries in use in `blockstack`.
    pub(crate) iblock: u8,
    /// Whether the frame is running (pushed or resumed, not suspended).
    pub(crate) executing: bool,
    /// Call the trace hook on each new line.
    pub(crate) trace_lines: bool,
    /// Call the trace hook on each opcode.
    pub(crate) trace_opcodes: bool,
    // ---- cold ----
    /// Local namespace for module and class bodies; null for function frames.
    pub(crate) locals: ObjPtr,
    /// Trace hook, null when not tracing.
    pub(crate) trace: ObjPtr,
    /// The generator owning this frame, null for ordinary calls.
    pub(crate) generator: ObjPtr,
    /// Id of the allocator that owns the block (checked in debug builds).
    pub(crate) owner: u32,
    /// `FLAG_*` bits.
    pub(crate) flags: u32,
    /// Try and loop blocks.
    pub(crate) blockstack: [Block; CO_MAXBLOCKS],
    /// locals · cells · frees · value stack; `capacity` slots long.
    pub(crate) localsplus: [V; 0],
}

/// Bytes of header before the first slot.
pub const fn header_size<V>() -> usize {
    offset_of!(Frame<V>, localsplus)
}

/// Bytes of a frame block with `nslots` trailing slots.
#[inline(always)]
pub const fn frame_bytes<V>(nslots: usize) -> usize {
    header_size::<V>() + nslots * size_of::<V>()
}

// Layout asserted at compile time, for pointer-sized slots and for the
// two-word values the interpreter will use.
const _: () = {
    type F = Frame<[usize; 2]>;
    // The trailing array starts right at the end of the header, slot-aligned.
    assert!(offset_of!(F, localsplus) == size_of::<F>());
    assert!(offset_of!(F, localsplus) % align_of::<usize>() == 0);
    assert!(offset_of!(Frame<usize>, localsplus) == offset_of!(F, localsplus));
    // Every field touched per call or per instruction lies in bytes 0..64.
    assert!(offset_of!(F, trace_opcodes) + size_of::<bool>() <= 64);
    assert!(offset_of!(F, back) == 0);
    assert!(offset_of!(F, code) == 8);
    assert!(offset_of!(F, valuestack) == 16);
    assert!(offset_of!(F, stacktop) == 24);
    assert!(offset_of!(F, lasti) == 48);
    // The cold part starts on the second line.
    assert!(offset_of!(F, locals) == 64);
    assert!(offset_of!(F, blockstack) == 96);
    assert!(size_of::<Block>() == 12);
    assert!(offset_of!(F, localsplus) == 336);
    // malloc's blocks are 16-aligned on x86_64; the header must not need more.
    assert!(align_of::<F>() <= 16);
};

/// A pointer to a live frame block.
///
/// It is `Copy` and carries no lifetime: frames link to each other through
/// `back`, as in CPython. Whoever holds one must follow the contracts of the
/// `unsafe` methods: the frame is live (pushed, not yet popped) and nothing
/// else is writing it at the same time.
#[repr(transparent)]
pub struct FramePtr<V>(NonNull<Frame<V>>);

impl<V> Clone for FramePtr<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V> Copy for FramePtr<V> {}
impl<V> PartialEq for FramePtr<V> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<V> Eq for FramePtr<V> {}
impl<V> std::fmt::Debug for FramePtr<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FramePtr({:p})", self.0)
    }
}

impl<V: Slot> FramePtr<V> {
    #[inline(always)]
    pub(crate) fn from_raw(p: NonNull<Frame<V>>) -> Self {
        FramePtr(p)
    }

    /// The raw block pointer (its provenance covers header and slots).
    #[inline(always)]
    pub fn as_ptr(self) -> *mut Frame<V> {
        self.0.as_ptr()
    }

    /// The header, by shared reference.
    ///
    /// # Safety
    /// The frame is live and not being written through another path while the
    /// reference is in use.
    #[inline(always)]
    pub unsafe fn header<'a>(self) -> &'a Frame<V> {
        // SAFETY: the caller guarantees the block is live; its header is
        // always fully initialised by the allocator that handed it out.
        unsafe { self.0.as_ref() }
    }

    /// First slot of `localsplus`, with the provenance of the whole block.
    #[inline(always)]
    pub fn localsplus(self) -> *mut V {
        // SAFETY: projecting a field of a live block is in bounds; no
        // reference is created, so the pointer keeps the block's provenance.
        unsafe { addr_of_mut!((*self.as_ptr()).localsplus).cast::<V>() }
    }

    /// Number of local, cell and free slots (`valuestack - localsplus`).
    ///
    /// # Safety
    /// The frame is live.
    #[inline(always)]
    pub unsafe fn nfast(self) -> usize {
        // SAFETY: live frame, so `valuestack` lies in the same block at or
        // after `localsplus` (set by `init_frame`).
        unsafe { (*self.as_ptr()).valuestack.offset_from(self.localsplus()) as usize }
    }

    /// Number of values on the saved value stack.
    ///
    /// # Safety
    /// The frame is live.
    #[inline(always)]
    pub unsafe fn stack_depth(self) -> usize {
        // SAFETY: live frame: `valuestack <= stacktop`, both in the block.
        unsafe {
            let f = self.as_ptr();
            (*f).stacktop.offset_from((*f).valuestack) as usize
        }
    }

    /// How many values the value stack can hold.
    ///
    /// # Safety
    /// The frame is live.
    #[inline(always)]
    pub unsafe fn stack_capacity(self) -> usize {
        // SAFETY: live frame.
        unsafe { (*self.as_ptr()).capacity as usize - self.nfast() }
    }

    /// Local, cell or free slot `i` (checked).
    ///
    /// # Safety
    /// The frame is live and slot `i` is not being written elsewhere while the
    /// reference is in use.
    pub unsafe fn fast<'a>(self, i: usize) -> &'a V {
        // SAFETY: live frame.
        let n = unsafe { self.nfast() };
        assert!(i < n, "fast slot {i} out of range (nfast {n})");
        // SAFETY: i < nfast, and every fast slot is initialised (EMPTY at push).
        unsafe { &*self.localsplus().add(i) }
    }

    /// Stores `v` in local, cell or free slot `i` (checked), dropping the old value.
    ///
    /// # Safety
    /// The frame is live and no reference to slot `i` is held.
    pub unsafe fn set_fast(self, i: usize, v: V) {
        // SAFETY: live frame.
        let n = unsafe { self.nfast() };
        assert!(i < n, "fast slot {i} out of range (nfast {n})");
        // SAFETY: i < nfast and the slot holds an initialised value, which the
        // assignment drops.
        unsafe { *self.localsplus().add(i) = v }
    }

    /// Pushes `v` on the saved value stack (checked against the capacity).
    ///
    /// # Safety
    /// The frame is live.
    pub unsafe fn stack_push(self, v: V) {
        // SAFETY: live frame.
        unsafe {
            assert!(
                self.stack_depth() < self.stack_capacity(),
                "value stack overflow"
            );
            let f = self.as_ptr();
            (*f).stacktop.write(v);
            (*f).stacktop = (*f).stacktop.add(1);
        }
    }

    /// Pops the top of the saved value stack, if any.
    ///
    /// # Safety
    /// The frame is live.
    pub unsafe fn stack_pop(self) -> Option<V> {
        // SAFETY: live frame; a slot below stacktop holds a live value, which
        // is moved out and no longer counted once stacktop is lowered.
        unsafe {
            if self.stack_depth() == 0 {
                return None;
            }
            let f = self.as_ptr();
            (*f).stacktop = (*f).stacktop.sub(1);
            Some((*f).stacktop.read())
        }
    }

    /// Value-stack slot `i` counted from the bottom (checked).
    ///
    /// # Safety
    /// The frame is live; nothing writes the slot while the reference is in use.
    pub unsafe fn stack_slot<'a>(self, i: usize) -> &'a V {
        // SAFETY: live frame; i < depth so the slot is initialised.
        unsafe {
            assert!(i < self.stack_depth(), "stack slot {i} out of range");
            &*(*self.as_ptr()).valuestack.add(i)
        }
    }
}

impl<V: Slot> FramePtr<V> {
    /// Saves the running state before the frame stops running the loop
    /// (a call, a suspension, an error): where to resume and the stack top.
    ///
    /// # Safety
    /// The frame is live; `stacktop` points into its value stack.
    #[inline(always)]
    pub unsafe fn save(self, lasti: i32, stacktop: *mut V) {
        // SAFETY: live frame (caller's contract); plain-data writes.
        unsafe {
            (*self.as_ptr()).lasti = lasti;
            (*self.as_ptr()).stacktop = stacktop;
        }
    }

    /// The code object the frame runs.
    ///
    /// # Safety
    /// The frame is live and its code object outlives the returned
    /// reference (whoever pushed the frame keeps the code alive).
    #[inline(always)]
    pub unsafe fn code<'a>(self) -> &'a Code {
        // SAFETY: caller's contract; `code` was set from a `&Code` at push.
        unsafe { &*(*self.as_ptr()).code }
    }

    /// The saved stack top.
    ///
    /// # Safety
    /// The frame is live.
    #[inline(always)]
    pub unsafe fn stacktop(self) -> *mut V {
        // SAFETY: live frame.
        unsafe { (*self.as_ptr()).stacktop }
    }

    /// First value-stack slot.
    ///
    /// # Safety
    /// The frame is live.
    #[inline(always)]
    pub unsafe fn valuestack(self) -> *mut V {
        // SAFETY: live frame.
        unsafe { (*self.as_ptr()).valuestack }
    }

    /// Pushes a block on the frame's block stack; false when it is full.
    ///
    /// # Safety
    /// The frame is live and no reference to its header is held.
    #[inline]
    pub unsafe fn push_block(self, b: Block) -> bool {
        // SAFETY: caller's contract: exclusive access to a live header.
        unsafe { (*self.as_ptr()).push_block(b) }
    }

    /// Pops the innermost block.
    ///
    /// # Safety
    /// As for [`push_block`](FramePtr::push_block).
    #[inline]
    pub unsafe fn pop_block(self) -> Option<Block> {
        // SAFETY: caller's contract.
        unsafe { (*self.as_ptr()).pop_block() }
    }

    /// Sets the locals namespace (a class body's).
    ///
    /// # Safety
    /// The frame is live; `locals` outlives the frame's run.
    #[inline]
    pub unsafe fn set_locals(self, locals: ObjPtr) {
        // SAFETY: caller's contract; a plain-data write.
        unsafe { (*self.as_ptr()).locals = locals }
    }
}

impl<V> Frame<V> {
    /// The caller's frame, if any.
    #[inline(always)]
    pub fn back(&self) -> Option<FramePtr<V>> {
        NonNull::new(self.back).map(FramePtr)
    }
    /// The code object's address (borrowed; valid while the code lives).
    #[inline(always)]
    pub fn code(&self) -> *const Code {
        self.code
    }
    /// Index of the last instruction executed, -1 before the first.
    pub fn lasti(&self) -> i32 {
        self.lasti
    }
    /// Slots this block holds (CPython's `ob_size`).
    pub fn capacity(&self) -> usize {
        self.capacity as usize
    }
    /// Whether the frame is running (not suspended).
    pub fn executing(&self) -> bool {
        self.executing
    }
    /// Whether the frame is a heap block of its own (always, but for data-stack frames).
    pub fn is_heap(&self) -> bool {
        self.flags & FLAG_HEAP != 0
    }
    /// The block stack in use.
    pub fn blocks(&self) -> &[Block] {
        &self.blockstack[..self.iblock as usize]
    }
    /// Globals namespace.
    pub fn globals(&self) -> ObjPtr {
        self.globals
    }
    /// Builtins namespace.
    pub fn builtins(&self) -> ObjPtr {
        self.builtins
    }
    /// Locals namespace (module and class bodies).
    pub fn locals(&self) -> ObjPtr {
        self.locals
    }
    /// Current line (while tracing).
    pub fn lineno(&self) -> i32 {
        self.lineno
    }
    /// Owning generator.
    pub fn gen_owner(&self) -> ObjPtr {
        self.generator
    }
    /// Trace hook.
    pub fn trace(&self) -> ObjPtr {
        self.trace
    }
    /// Per-line and per-opcode trace switches.
    pub fn trace_flags(&self) -> (bool, bool) {
        (self.trace_lines, self.trace_opcodes)
    }

    /// Records the last instruction executed.
    pub(crate) fn set_lasti(&mut self, lasti: i32) {
        self.lasti = lasti;
    }
    /// Pushes a block; false when the block stack is full.
    pub(crate) fn push_block(&mut self, b: Block) -> bool {
        let i = self.iblock as usize;
        if i == CO_MAXBLOCKS {
            return false;
        }
        self.blockstack[i] = b;
        self.iblock += 1;
        true
    }
    /// Pops the innermost block.
    pub(crate) fn pop_block(&mut self) -> Option<Block> {
        self.iblock = self.iblock.checked_sub(1)?;
        Some(self.blockstack[self.iblock as usize])
    }
}

/// Writes the fields that describe the block itself: done once when a block
/// is allocated or resized, not when a free-list block is reused.
///
/// # Safety
/// `f` points to a writable block of at least `frame_bytes::<V>(capacity)` bytes.
#[inline(always)]
pub(crate) unsafe fn init_block<V>(f: *mut Frame<V>, capacity: u32, owner: u32, flags: u32) {
    // SAFETY: the fields are plain data without drop glue, so assigning them
    // never reads the (possibly uninitialised) old contents.
    unsafe {
        (*f).capacity = capacity;
        (*f).owner = owner;
        (*f).flags = flags;
    }
}

/// Writes a fresh header for a call of `code` and sets every local, cell and
/// free slot to `EMPTY`; the value stack starts empty.
///
/// # Safety
/// `f` points to a block set up by `init_block` with a capacity of at least
/// `code.shape().nslots()` slots, and holds no live values.
#[inline(always)]
pub(crate) unsafe fn init_frame<V: Slot>(
    f: *mut Frame<V>,
    code: &Code,
    back: Option<FramePtr<V>>,
    ns: &Namespaces,
) {
    // SAFETY: caller's contract; every fast slot is written.
    unsafe { init_frame_from(f, code, back, ns, 0) }
}

/// `init_frame`, leaving the first `args` fast slots unwritten: a call
/// moves its arguments there.
///
/// # Safety
/// As `init_frame`; `args <= code.shape().nfast()`, and the caller writes
/// slots `0..args` before anything reads or drops the frame's slots.
#[inline(always)]
pub(crate) unsafe fn init_frame_from<V: Slot>(
    f: *mut Frame<V>,
    code: &Code,
    back: Option<FramePtr<V>>,
    ns: &Namespaces,
    args: usize,
) {
    let nfast = code.shape().nfast();
    // SAFETY: the fields written are plain data (no drop glue), the block is
    // large enough for `nfast` slots, and the slots are written without
    // reading or dropping what was there.
    unsafe {
        (*f).back = match back {
            Some(b) => b.as_ptr(),
            None => ptr::null_mut(),
        };
        (*f).code = code;
        let lp = addr_of_mut!((*f).localsplus).cast::<V>();
        let vs = lp.add(nfast);
        (*f).valuestack = vs;
        (*f).stacktop = vs;
        (*f).globals = ns.globals;
        (*f).builtins = ns.builtins;
        (*f).locals = ns.locals;
        (*f).lasti = -1;
        (*f).lineno = 0;
        (*f).iblock = 0;
        (*f).executing = true;
        (*f).trace_lines = true;
        (*f).trace_opcodes = false;
        (*f).trace = ptr::null();
        (*f).generator = ptr::null();
        let mut p = lp.add(args);
        while p < vs {
            p.write(V::EMPTY);
            p = p.add(1);
        }
    }
}

/// Drops every live value of the frame: all fast slots and the saved value
/// stack. Afterwards the block holds no live values; its slot pointers are
/// stale until `init_frame` runs again, and nothing reads them before that.
///
/// # Safety
/// `f` is a live frame; its `stacktop` is up to date.
#[inline(always)]
pub(crate) unsafe fn clear_frame<V: Slot>(f: FramePtr<V>) {
    if !std::mem::needs_drop::<V>() {
        return;
    }
    // SAFETY: live frame: slots [localsplus, stacktop) are initialised and
    // owned by the frame; each is dropped once here, and the block is then
    // given back (callers), so they are not seen again.
    unsafe {
        let lp = f.localsplus();
        let live = (*f.as_ptr()).stacktop.offset_from(lp) as usize;
        // One slice drop: measured 3 instructions cheaper per pop than a
        // pointer-walking loop (iai bench, fib-shaped frame).
        ptr::drop_in_place(ptr::slice_from_raw_parts_mut(lp, live));
    }
}
