//! The number parsers and the formatting mini-languages: `int(s, base)`,
//! `float(s)`, `complex(s)`, `float.fromhex(s)`, `format(v, spec)`,
//! f-string specs, `%` on str and bytes, `str.format`. Compared against
//! nothing: any answer or Python exception is fine, a panic, an abort or
//! a hang is not.
//!
//! Input: one byte choosing the operation, one choosing the base or the
//! operand, then the text (UTF-8, decoded lossily).
#![no_main]

use std::cell::RefCell;

use framevm::{Program, Vm};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;

/// Operands for the formatting operations (`V[i]`).
const SETUP: &str = "\
V = [0, -7, 255, 2**100, -2**64, 2**63, 1.5, -0.0, 1e300, float('inf'),
     float('nan'), 5e-324, 'abc', '', True, complex(1, -2), None,
     (1, 2.5, 'x'), {'a': 1, 'b': 2.5}, [1], (), (10**5, 1), b'xy',
     (3, 4, 5, 6), {'x': (1, 2)}, 12345.678]
BASES = [0, 2, 8, 10, 16, 36, 1, 37, -1, 3, 7, 20, 35]
";

/// The operations, each reading `s` (the text) and `i` (the variant).
const OPS: [&str; 9] = [
    "r = int(s, BASES[i % len(BASES)])",
    "r = float(s)",
    "r = complex(s)",
    "r = float.fromhex(s)",
    "r = format(V[i % len(V)], s)",
    "r = f'{V[i % len(V)]:{s}}'",
    "r = s % V[i % len(V)]",
    "r = s.encode() % V[i % len(V)]",
    "v = V[i % len(V)]\nr = s.format(v, *v, **v) if isinstance(v, dict) else s.format(v, v, x=v)",
];

struct State {
    vm: Vm,
    ops: Vec<Program>,
}

thread_local! {
    /// One VM for all inputs: the operations only set `r` (and `v`).
    static STATE: RefCell<State> = RefCell::new(State::new());
}

impl State {
    fn new() -> State {
        let mut vm = framevm_fuzz::sandbox(0);
        vm.exec(SETUP, "setup.py").expect("the operands build");
        let ops = OPS
            .iter()
            .map(|src| Program::compile(src, "numfmt.py").expect("the operations compile"))
            .collect();
        State { vm, ops }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&[op, variant], text)) = data.split_first_chunk::<2>() else {
        return;
    };
    let text = String::from_utf8_lossy(text);
    STATE.with_borrow_mut(|st| {
        let vm = &mut st.vm;
        vm.set_fuel(Some(framevm_fuzz::FUEL));
        vm.set_memory_limit(Some(framevm_fuzz::MEMORY));
        vm.set_deadline(Some(framevm_fuzz::DEADLINE));
        let g = vm.globals();
        g.set("s", text.as_ref()).expect("a str global");
        g.set("i", i64::from(variant)).expect("an int global");
        let program = &st.ops[op as usize % OPS.len()];
        let result = vm.run(program);
        g.remove("r");
        framevm_fuzz::finish(vm, result);
    });
});
