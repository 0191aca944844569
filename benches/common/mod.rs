//! Shared by the frame benches: a slot value shaped like the interpreter's
//! (16 bytes, an unbound state, a reference-counted heap case that needs drop),
//! and code objects of a given slot count. [`programs`] serves the program
//! benches.

#![allow(dead_code)]

pub mod programs;

use std::rc::Rc;

use framevm::bytecode::Code;
use framevm::frame::{Shape, Slot};

/// 16 bytes with drop glue, as the interpreter's values will be.
pub enum Val {
    Empty,
    Int(i64),
    Obj(Rc<u64>),
}

impl Slot for Val {
    const EMPTY: Val = Val::Empty;
}

/// A code object with `slots` slots: half locals, half value stack.
pub fn code(slots: u32) -> Code {
    let locals = slots / 2;
    Code::new(
        format!("f{slots}"),
        Shape::new(locals, 0, 0, slots - locals).expect("small shape"),
    )
}
