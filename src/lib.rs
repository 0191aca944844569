//! framevm: an embeddable bytecode VM core built on CPython's frame model.
//!
//! A Rust host runs Python code through [`Vm`]: [`exec`](Vm::exec)
//! statements in a `__main__` namespace that lasts between calls,
//! [`eval`](Vm::eval) expressions into Rust types, [`call`](Vm::call)
//! Python functions with Rust arguments, give scripts Rust closures as
//! functions ([`function`](Vm::function)), and bound what a script may do
//! (fuel, interrupts, deadlines, recursion, memory: [`alloc`]). See [`embed`] for a tour.
//!
//! ```
//! let mut vm = framevm::Vm::new();
//! vm.exec("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)", "fib.py")?;
//! let fib = vm.globals().get::<framevm::Object>("fib")?;
//! assert_eq!(vm.call::<u64>(&fib, (20,))?, 6765);
//! # Ok::<(), framevm::Error>(())
//! ```
//!
//! The crate is organised as the architecture is (see `README.md`); the
//! modules below the facade are public for the benches and tests only
//! and are not a stable interface:
//!
//! - `compiler`: Python source to code objects.
//! - `bytecode`: the opcode table, code objects, the verifier, the disassembler.
//! - `frame`: the `#[repr(C)]` frame with its trailing slot array and the four
//!   allocation strategies that hand frames out.
//! - `interp`: the evaluation loop and its two dispatch backends.
//! - `runtime`: values, operators, builtins, formatting, errors.
//!
//! Raw pointers and `unsafe` live in `frame` (which also holds the
//! counting global allocator behind the safe `alloc` facade) and in the interpreter
//! (`interp`: its stack-pointer layer, the instructions that move values
//! through it, and the quick paths); the compiler enforces it:
//! `unsafe_code` is denied for the crate (here, the only mentions of
//! `unsafe` outside those two modules) and allowed in them only.

#![deny(unsafe_code)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

pub mod alloc;
#[doc(hidden)]
pub mod bytecode;
#[doc(hidden)]
pub mod compiler;
pub mod embed;
#[doc(hidden)]
pub mod frame;
#[doc(hidden)]
pub mod interp;
#[doc(hidden)]
pub mod runtime;
mod stdlib;

pub use compiler::CompileError;
pub use embed::{
    Args, Builder, Class, Error, Exception, FromArgs, FromPy, Globals, InterruptHandle, IntoArgs,
    IntoPy, ModuleBuilder, Object, Program, Result, SharedBuffer, SystemExit, UserData, Vm,
};
pub use frame::Strategy;
pub use interp::Dispatch;
pub use interp::trace::{Event, EventKind, Hook, HookAction};
/// Arbitrary-precision ints, as [`IntoPy`] and [`FromPy`] take them.
pub use num_bigint;
