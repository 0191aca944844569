//! Exact instruction counts (callgrind) of Python programs through the
//! library API.
//!
//! - `programs`: each program of `benches/programs/` at its small size, run
//!   by `Vm::run_module` (verification included) on a VM with the default
//!   options, output to a sink. Compiling and making the VM are in the
//!   setup, which is not counted.
//! - `micro`: the micro-benchmarks of `benches/programs.rs` at 1 and 101
//!   loop iterations. `(Ir(101) - Ir(1)) / 100` is the cost of one
//!   iteration, free of start-up; one call and return of `def f(x): return x`
//!   is `call_return`'s minus `call_baseline`'s, one statement of a family
//!   is (its per-iteration cost minus `empty_loop`'s) / 10.
//!   `scripts/program-costs.sh` prints these as a table.

mod common;

use std::hint::black_box;
use std::rc::Rc;

use framevm::bytecode::Code;
use framevm::interp::Vm;
use iai_callgrind::{library_benchmark, library_benchmark_group, main};

use common::programs::{compiled, mechanism, micro, run, small_program, vm};

type Prepared = (Vm, Rc<Code>);

fn program(name: &str) -> Prepared {
    (vm(), compiled(name, &small_program(name)))
}

fn micro_with(name: &str, n: u64) -> Prepared {
    (vm(), compiled(name, &micro(name, n)))
}

fn mechanism_with(name: &str, n: u64) -> Prepared {
    (vm(), compiled(name, &mechanism(name, n)))
}

fn exec((mut vm, code): Prepared) -> Vm {
    run(&mut vm, black_box(&code));
    vm
}

#[library_benchmark]
#[bench::fib(setup = program, args = ("fib"))]
#[bench::loop_arith(setup = program, args = ("loop_arith"))]
#[bench::nested_loops(setup = program, args = ("nested_loops"))]
#[bench::closures(setup = program, args = ("closures"))]
#[bench::nbody(setup = program, args = ("nbody"))]
#[bench::spectral_norm(setup = program, args = ("spectral_norm"))]
#[bench::fannkuch(setup = program, args = ("fannkuch"))]
#[bench::sieve(setup = program, args = ("sieve"))]
#[bench::word_count(setup = program, args = ("word_count"))]
#[bench::generators(setup = program, args = ("generators"))]
fn programs(input: Prepared) -> Vm {
    exec(input)
}

#[library_benchmark]
#[bench::empty_loop_x1(setup = micro_with, args = ("empty_loop", 1))]
#[bench::empty_loop_x101(setup = micro_with, args = ("empty_loop", 101))]
#[bench::call_return_x1(setup = micro_with, args = ("call_return", 1))]
#[bench::call_return_x101(setup = micro_with, args = ("call_return", 101))]
#[bench::call_baseline_x1(setup = micro_with, args = ("call_baseline", 1))]
#[bench::call_baseline_x101(setup = micro_with, args = ("call_baseline", 101))]
#[bench::int_add_x1(setup = micro_with, args = ("int_add", 1))]
#[bench::int_add_x101(setup = micro_with, args = ("int_add", 101))]
#[bench::compare_jump_x1(setup = micro_with, args = ("compare_jump", 1))]
#[bench::compare_jump_x101(setup = micro_with, args = ("compare_jump", 101))]
#[bench::load_global_x1(setup = micro_with, args = ("load_global", 1))]
#[bench::load_global_x101(setup = micro_with, args = ("load_global", 101))]
#[bench::list_index_x1(setup = micro_with, args = ("list_index", 1))]
#[bench::list_index_x101(setup = micro_with, args = ("list_index", 101))]
fn micro_ops(input: Prepared) -> Vm {
    exec(input)
}

#[library_benchmark]
#[bench::attr_load_x1(setup = mechanism_with, args = ("attr_load", 1))]
#[bench::attr_load_x101(setup = mechanism_with, args = ("attr_load", 101))]
#[bench::attr_store_x1(setup = mechanism_with, args = ("attr_store", 1))]
#[bench::attr_store_x101(setup = mechanism_with, args = ("attr_store", 101))]
#[bench::method_call_x1(setup = mechanism_with, args = ("method_call", 1))]
#[bench::method_call_x101(setup = mechanism_with, args = ("method_call", 101))]
#[bench::instantiate_x1(setup = mechanism_with, args = ("instantiate", 1))]
#[bench::instantiate_x101(setup = mechanism_with, args = ("instantiate", 101))]
#[bench::unpack_x1(setup = mechanism_with, args = ("unpack", 1))]
#[bench::unpack_x101(setup = mechanism_with, args = ("unpack", 101))]
#[bench::builtin_call_x1(setup = mechanism_with, args = ("builtin_call", 1))]
#[bench::builtin_call_x101(setup = mechanism_with, args = ("builtin_call", 101))]
#[bench::gen_step_x1(setup = mechanism_with, args = ("gen_step", 1))]
#[bench::gen_step_x101(setup = mechanism_with, args = ("gen_step", 101))]
#[bench::exc_100_x1(setup = mechanism_with, args = ("exc_100", 1))]
#[bench::exc_100_x101(setup = mechanism_with, args = ("exc_100", 101))]
fn mechanisms(input: Prepared) -> Vm {
    exec(input)
}

library_benchmark_group!(name = whole; benchmarks = programs);
library_benchmark_group!(name = micro; benchmarks = micro_ops);

library_benchmark_group!(name = mechanism; benchmarks = mechanisms);
main!(library_benchmark_groups = whole, micro, mechanism);
