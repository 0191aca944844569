//! Code objects and, later, the opcode table, disassembler and verifier.

pub mod code;
pub mod dis;
pub mod marshal;
pub mod opcode;
pub mod verify;

pub use code::{Code, CodeId};
pub use opcode::{BinOp, CmpOp, Op, Word};
