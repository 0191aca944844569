//! The stack-pointer helpers: the interpreter's only raw pointers.
//!
//! `Sp` points one past the top of the running frame's value stack; `Ip` at
//! the next instruction word. Their methods are `unsafe`: each relies on the
//! verifier's guarantees for the code being run (stack depth within
//! `[0, co_stacksize]` on every path, jumps onto instructions, indices in
//! range), which every caller states in its `// SAFETY:` comment.

use crate::bytecode::Word;
use crate::runtime::Value;

/// Stack pointer: one past the top value of the running frame's stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(transparent)]
pub struct Sp(pub(crate) *mut Value);

impl Sp {
    /// Pushes `v`.
    ///
    /// # Safety
    /// The stack has room (verified depth < co_stacksize here).
    #[inline(always)]
    pub unsafe fn push(&mut self, v: Value) {
        // SAFETY: caller's contract: the slot is inside the frame's stack
        // and holds no live value.
        unsafe {
            self.0.write(v);
            self.0 = self.0.add(1);
        }
    }

    /// Pops the top value.
    ///
    /// # Safety
    /// The stack is not empty (verified depth > 0 here).
    #[inline(always)]
    pub unsafe fn pop(&mut self) -> Value {
        // SAFETY: caller's contract: the slot below sp holds a live value,
        // moved out here and no longer counted once sp is lowered.
        unsafe {
            self.0 = self.0.sub(1);
            self.0.read()
        }
    }

    /// The value `n` below the top (`peek(0)` is the top).
    ///
    /// # Safety
    /// The stack holds more than `n` values.
    #[inline(always)]
    pub unsafe fn peek<'a>(self, n: usize) -> &'a Value {
        // SAFETY: caller's contract: the slot holds a live value, not
        // written while the reference is used.
        unsafe { &*self.0.sub(n + 1) }
    }

    /// Replaces the value `n` below the top, dropping the old one.
    ///
    /// # Safety
    /// The stack holds more than `n` values.
    #[inline(always)]
    pub unsafe fn set(self, n: usize, v: Value) {
        // SAFETY: caller's contract: the slot holds a live value, dropped
        // by the assignment.
        unsafe { *self.0.sub(n + 1) = v }
    }

    /// Pops the top value, which must need no drop: it holds no reference
    /// (see `Value::is_plain`), or its reference was already released.
    ///
    /// # Safety
    /// The stack is not empty and its top needs no drop.
    #[inline(always)]
    pub unsafe fn pop_plain(&mut self) {
        // SAFETY: caller's contract: the slot needs no drop, so forgetting
        // it leaks nothing.
        unsafe { self.0 = self.0.sub(1) };
    }

    /// Overwrites the value `n` below the top, which must hold no
    /// reference, without dropping it.
    ///
    /// # Safety
    /// The stack holds more than `n` values; that one is plain.
    #[inline(always)]
    pub unsafe fn overwrite_plain(self, n: usize, v: Value) {
        // SAFETY: caller's contract: the old value needs no drop.
        unsafe { self.0.sub(n + 1).write(v) }
    }

    /// Moves the top `n` values out, bottom first.
    ///
    /// # Safety
    /// The stack holds at least `n` values.
    #[inline(always)]
    pub unsafe fn pop_n(&mut self, n: usize) -> Vec<Value> {
        // SAFETY: caller's contract; each value is read once and sp lowered
        // past them, so they are moved, not copied.
        unsafe {
            self.0 = self.0.sub(n);
            (0..n).map(|i| self.0.add(i).read()).collect()
        }
    }

    /// [`pop_n`](Sp::pop_n) into a small vector (no allocation for a
    /// handful).
    ///
    /// # Safety
    /// As `pop_n`.
    pub unsafe fn pop_n_small(&mut self, n: usize) -> crate::runtime::object::HostArgs {
        let mut out = crate::runtime::object::HostArgs::new();
        out.reserve_exact(n);
        // SAFETY: caller's contract: the n slots below sp hold live values;
        // they are moved (copied bitwise once, then sp lowered past them,
        // so the stack no longer counts them) into `out`, which has room
        // for n and takes them as its length.
        unsafe {
            self.0 = self.0.sub(n);
            std::ptr::copy_nonoverlapping(self.0.cast_const(), out.as_mut_ptr(), n);
            out.set_len(n);
        }
        out
    }

    /// The position `n` values below this one.
    ///
    /// # Safety
    /// At least `n` values lie below, in the same frame's stack.
    #[inline(always)]
    pub unsafe fn below(self, n: usize) -> Sp {
        // SAFETY: caller's contract.
        Sp(unsafe { self.0.sub(n) })
    }

    /// Moves out the value at this position and advances past it (reading
    /// a run of values bottom first).
    ///
    /// # Safety
    /// The slot holds a live value that nothing else will read or drop.
    #[inline(always)]
    pub unsafe fn take_next(&mut self) -> Value {
        // SAFETY: caller's contract.
        unsafe {
            let v = self.0.read();
            self.0 = self.0.add(1);
            v
        }
    }

    /// Removes the value `n` below the top, moving the ones above it down.
    ///
    /// # Safety
    /// The stack holds more than `n` values.
    #[inline]
    pub unsafe fn remove(&mut self, n: usize) {
        // SAFETY: caller's contract: slots sp-n-1 .. sp are live; the
        // removed value is read out once, the rest move down one slot
        // (`copy` handles the overlap), and sp drops by one.
        unsafe {
            let at = self.0.sub(n + 1);
            let gone = at.read();
            std::ptr::copy(at.add(1), at, n);
            self.0 = self.0.sub(1);
            drop(gone);
        }
    }

    /// Moves the top value down to `n` below the top (`rotate_down(1)`
    /// changes nothing), lifting the `n - 1` values above that place.
    ///
    /// # Safety
    /// The stack holds at least `n` values.
    #[inline]
    pub unsafe fn rotate_down(self, n: usize) {
        // SAFETY: caller's contract: the n slots below sp are live values
        // of this frame's stack, and no reference to them is held while
        // the slice permutes them in place.
        unsafe { std::slice::from_raw_parts_mut(self.0.sub(n), n).rotate_right(1) }
    }

    /// The address (for saving into the frame's `stacktop`).
    #[inline(always)]
    pub fn as_ptr(self) -> *mut Value {
        self.0
    }
}

/// Instruction pointer: the next word to execute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(transparent)]
pub struct Ip(pub(crate) *const Word);

impl Ip {
    /// Reads the next word and advances.
    ///
    /// # Safety
    /// `ip` is inside the running code (verified: no path falls off the end).
    #[inline(always)]
    pub unsafe fn fetch(&mut self) -> Word {
        // SAFETY: caller's contract.
        unsafe {
            let w = self.0.read();
            self.0 = self.0.add(1);
            w
        }
    }

    /// The instruction pointer of `index` in `code`.
    ///
    /// # Safety
    /// `index <= code.len()`.
    #[inline(always)]
    pub unsafe fn at(code: &[Word], index: usize) -> Ip {
        // SAFETY: caller's contract: in bounds or one past the end.
        Ip(unsafe { code.as_ptr().add(index) })
    }

    /// Index of this position in `code`.
    #[inline(always)]
    pub fn index(self, code: &[Word]) -> usize {
        (self.0 as usize - code.as_ptr() as usize) / std::mem::size_of::<Word>()
    }
}

/// The running frame's locals (`localsplus`).
#[derive(Clone, Copy, Debug)]
#[repr(transparent)]
pub struct Fast(pub(crate) *mut Value);

impl Fast {
    /// Local, cell or free slot `i`.
    ///
    /// # Safety
    /// `i` is a verified index below the frame's nfast.
    #[inline(always)]
    pub unsafe fn get<'a>(self, i: usize) -> &'a Value {
        // SAFETY: caller's contract; fast slots are always initialised.
        unsafe { &*self.0.add(i) }
    }

    /// Stores into slot `i`, dropping the old value.
    ///
    /// # Safety
    /// As for `get`.
    #[inline(always)]
    pub unsafe fn set(self, i: usize, v: Value) {
        // SAFETY: caller's contract; the old value is initialised.
        unsafe { *self.0.add(i) = v }
    }
}

/// The opcode of a verified instruction word.
///
/// # Safety
/// `w` is from a verified code object (its opcode byte is a valid `Op`).
#[inline(always)]
pub unsafe fn op_of(w: Word) -> crate::bytecode::Op {
    // SAFETY: `Op` is `repr(u8)` with dense codes 0..OP_COUNT (asserted in
    // the opcode table) and the verifier refused any other byte.
    unsafe { std::mem::transmute::<u8, crate::bytecode::Op>(w.code()) }
}
