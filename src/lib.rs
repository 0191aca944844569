//! framevm: an embeddable bytecode VM core built on CPython's frame model.
//!
//! The crate is organised as the architecture is (see `README.md`):
//!
//! - [`compiler`]: Python source to code objects.
//! - [`bytecode`]: the opcode table, code objects, the verifier, the disassembler.
//! - [`frame`]: the `#[repr(C)]` frame with its trailing slot array and the four
//!   allocation strategies that hand frames out.
//! - [`interp`]: the evaluation loop and its two dispatch backends.
//! - [`runtime`]: values, operators, builtins, formatting, errors.
//!
//! Raw pointers and `unsafe` live in [`frame`] and in the interpreter
//! ([`interp`]: its stack-pointer layer, the instructions that move values
//! through it, and the quick paths); the compiler enforces it:
//! `unsafe_code` is denied for the crate (here, the only mentions of
//! `unsafe` outside those two modules) and allowed in them only.

#![deny(unsafe_code)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

pub mod bytecode;
pub mod compiler;
pub mod frame;
pub mod interp;
pub mod runtime;
