//! The switch backend: `loop { match }`, one indirect jump for every
//! opcode. The baseline the threaded backend is measured against.

use super::quick;
use super::sp::op_of;
use super::step::step;
use super::{Outcome, Regs, Stop, Vm};

pub(crate) fn run(vm: &mut Vm, mut r: Regs) -> Outcome {
    let quick = vm.options.quick;
    loop {
        // SAFETY: verified code: no path runs off the end.
        let w = unsafe { r.ip.fetch() };
        vm.budget -= 1;
        let mut alone = false;
        if vm.budget == 0 {
            match vm.check_in() {
                Err(e) => {
                    match vm.unwind(r, e) {
                        Ok(handler) => r = handler,
                        Err(outcome) => return outcome,
                    }
                    continue;
                }
                // The last instruction the fuel allows: on its full path.
                Ok(true) => alone = true,
                // This instruction is the first of the new budget.
                Ok(false) => {
                    vm.budget -= 1;
                    vm.bury_at_check_in();
                }
            }
        }
        // SAFETY: verified code.
        let op = unsafe { op_of(w) };
        if quick && !alone && quick::step(vm, &mut r, op, w.arg()) {
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
