//! The switch backend: `loop { match }`, one indirect jump for every
//! opcode. The baseline the threaded backend is measured against.

use super::quick;
use super::sp::op_of;
use super::step::step;
use super::{BUDGET, Outcome, Regs, Stop, Vm};

pub(crate) fn run(vm: &mut Vm, mut r: Regs) -> Outcome {
    let quick = vm.options.quick;
    loop {
        // SAFETY: verified code: no path runs off the end.
        let w = unsafe { r.ip.fetch() };
        vm.budget -= 1;
        if vm.budget == 0 {
            vm.executed += u64::from(BUDGET);
            vm.budget = BUDGET;
        }
        // SAFETY: verified code.
        let op = unsafe { op_of(w) };
        if quick && quick::step(vm, &mut r, op, w.arg()) {
            continue;
        }
        if let Err(stop) = step(vm, &mut r, op, w.arg()) {
            match stop {
                Stop::Return(v) => return Outcome::Returned(v),
                Stop::Yield(v) => return Outcome::Yielded(v),
                Stop::Raise(e) => match vm.unwind(r, *e) {
                    Ok(handler) => r = handler,
                    Err(outcome) => return outcome,
                },
            }
        }
    }
}
