//! The threaded backend: a table of handlers indexed by opcode. Each
//! handler runs its instruction and then dispatches the next one itself,
//! so each has its own indirect jump and the branch predictor learns
//! opcode pairs.
//!
//! Stable Rust does not guarantee tail calls: in release builds LLVM turns
//! the dispatch into a `jmp` (see asm-notes), but debug builds really call.
//! So a handler returns to the trampoline every `BUDGET` instructions,
//! which bounds the Rust stack in every profile.

use super::quick;
use super::sp::{Fast, Ip, Sp};
use super::step::step;
use super::{Outcome, Regs, Stop, Vm};
use crate::bytecode::Op;
use crate::frame::FramePtr;
use crate::runtime::Value;

/// Registers as separate arguments, in x86_64 argument registers. The
/// locals are not passed: they start at a fixed offset from the frame
/// (`localsplus`), which an address folds in, and a sixth argument would
/// take the last free scratch register (handlers then save callee-saved
/// ones: measured, asm-notes/dispatch.md).
type Handler = fn(&mut Vm, Ip, Sp, FramePtr<Value>, u32) -> Exit;

/// Why a handler returned to the trampoline.
pub(crate) enum Exit {
    /// The budget ran out; registers are in `Vm::resume`.
    Budget,
    /// An exception found a handler; its registers are in `Vm::resume`.
    Handler,
    /// The run is over; the outcome is in `Vm::outcome`.
    Done,
}

macro_rules! handlers {
    ($( $variant:ident = $code:literal, $name:literal, $kind:ident, $fall:expr, $jump:tt ; $doc:literal; )*) => {
        /// The full handler of each opcode: `step` specialised to it,
        /// named after it (so profiles and disassembly tell them apart).
        #[allow(non_snake_case)]
        mod full {
            use super::*;
            $(
                #[inline(never)]
                pub(super) fn $variant(vm: &mut Vm, ip: Ip, sp: Sp, fp: FramePtr<Value>, arg: u32) -> Exit {
                    let mut r = Regs { ip, sp, fp, fast: Fast(fp.localsplus()) };
                    // The Result must be gone before dispatching: a `match`
                    // on it would keep it alive (and its drop pending)
                    // across `next`, which would then not be a tail call.
                    if let Err(stop) = step(vm, &mut r, Op::$variant, arg) {
                        return finish(vm, r, stop);
                    }
                    next(vm, r)
                }
            )*
        }

        /// The handler of each opcode that has a quick path: the quick
        /// path, else a tail call of the full handler. Every path ends in
        /// a jump, so these need no stack frame.
        #[allow(non_snake_case)]
        mod quick_handler {
            use super::*;
            $(
                pub(super) fn $variant(vm: &mut Vm, ip: Ip, sp: Sp, fp: FramePtr<Value>, arg: u32) -> Exit {
                    let mut r = Regs { ip, sp, fp, fast: Fast(fp.localsplus()) };
                    if quick::step(vm, &mut r, Op::$variant, arg) {
                        return next(vm, r);
                    }
                    full::$variant(vm, ip, sp, fp, arg)
                }
            )*
        }

        /// The handlers by opcode; 256 entries so that indexing by the
        /// opcode byte needs no bounds check (the verifier keeps the unused
        /// ones unreachable).
        static TABLE: [Handler; 256] = {
            let mut t: [Handler; 256] = [invalid; 256];
            $(
                t[$code] = if quick::has(Op::$variant) {
                    quick_handler::$variant
                } else {
                    full::$variant
                };
            )*
            t
        };
    };
}

crate::for_each_opcode!(handlers);

/// Dispatches the next instruction (a tail call in optimised builds).
#[inline(always)]
fn next(vm: &mut Vm, mut r: Regs) -> Exit {
    vm.budget -= 1;
    if vm.budget == 0 {
        vm.resume = Some(r);
        return Exit::Budget;
    }
    // SAFETY: verified code: no path runs off the end.
    let w = unsafe { r.ip.fetch() };
    let h = TABLE[w.code() as usize];
    h(vm, r.ip, r.sp, r.fp, w.arg())
}

/// The handler of codes that are not opcodes: verified code never has them.
fn invalid(vm: &mut Vm, ip: Ip, sp: Sp, fp: FramePtr<Value>, _arg: u32) -> Exit {
    let stop = Stop::from(crate::runtime::PyErr::new(
        crate::runtime::ExcKind::SystemError,
        "invalid opcode",
    ));
    let fast = Fast(fp.localsplus());
    finish(vm, Regs { ip, sp, fp, fast }, stop)
}

#[cold]
#[inline(never)]
fn finish(vm: &mut Vm, r: Regs, stop: Stop) -> Exit {
    vm.outcome = Some(match stop {
        Stop::Return(v) => Outcome::Returned(v),
        Stop::Yield(v) => Outcome::Yielded(v),
        Stop::Raise(e) => match vm.unwind(r, *e) {
            Ok(handler) => {
                // Resume in the handler from the trampoline.
                vm.resume = Some(handler);
                return Exit::Handler;
            }
            Err(outcome) => outcome,
        },
    });
    Exit::Done
}

/// Runs `r` to its outcome. Runs nest (a generator step, a special
/// method, a builtin calling back into Python): the countdown of the run
/// this one nests in is kept aside and given back at the end, so that the
/// outer run still returns to its trampoline within `BUDGET` dispatches.
/// (A nested run that reset it instead let the outer chain of calling
/// handlers grow the Rust stack without bound: 145 MB at 800,000
/// generator steps.)
pub(crate) fn run(vm: &mut Vm, r: Regs) -> Outcome {
    let outer = vm.begin_nested();
    vm.resume = Some(r);
    let outcome = loop {
        let r = vm.resume.take().expect("registers to resume");
        match next(vm, r) {
            Exit::Budget => {
                // Spent: the dispatch that found it spent did not run its
                // instruction, which runs first after the refill (or the
                // host's limit stops the run there).
                match vm.check_in() {
                    Ok(false) => {
                        // The registers aside while dropped generators
                        // close (their runs nest in this one).
                        let r = r_of(vm);
                        vm.bury_at_check_in();
                        vm.resume = Some(r);
                    }
                    // The last instruction the fuel allows: alone, on its
                    // full path.
                    Ok(true) => {
                        let mut r = r_of(vm);
                        // SAFETY: verified code: no path runs off the end.
                        let w = unsafe { r.ip.fetch() };
                        // SAFETY: verified code.
                        let op = unsafe { crate::interp::sp::op_of(w) };
                        match super::step::step(vm, &mut r, op, w.arg()) {
                            Ok(()) => vm.resume = Some(r),
                            Err(stop) => {
                                if let Exit::Done = finish(vm, r, stop) {
                                    break vm.outcome.take().expect("an outcome is set");
                                }
                            }
                        }
                    }
                    Err(e) => {
                        let r = r_of(vm);
                        match vm.unwind(r, e) {
                            Ok(handler) => vm.resume = Some(handler),
                            Err(outcome) => break outcome,
                        }
                    }
                }
            }
            // A handler found by the unwinder resumes from here.
            Exit::Handler => {}
            Exit::Done => break vm.outcome.take().expect("an outcome is set"),
        }
    };
    vm.end_nested(outer);
    outcome
}

/// The registers a budget return left to resume, taken out.
fn r_of(vm: &mut Vm) -> Regs {
    vm.resume.take().expect("registers to resume")
}
