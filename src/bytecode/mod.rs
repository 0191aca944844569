//! Code objects and, later, the opcode table, disassembler and verifier.

mod code;

pub use code::{Code, CodeId};
