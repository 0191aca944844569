//! framevm: an embeddable bytecode VM core built on CPython's frame model.
//!
//! The crate is organised as the architecture is (see `README.md`):
//!
//! - [`bytecode`]: code objects (for now only the part frames need: their shape).
//! - [`frame`]: the `#[repr(C)]` frame with its trailing slot array and the four
//!   allocation strategies that hand frames out.
//!
//! Raw pointers and `unsafe` live in [`frame`] only; everything above it is safe Rust.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

pub mod bytecode;
pub mod compiler;
pub mod frame;
pub mod interp;
pub mod runtime;
