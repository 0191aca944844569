//! Wall time of Python programs through the library API (criterion).
//!
//! - `programs/<name>`: a program of `benches/programs/` at its small size,
//!   compiled once, run by `Vm::run_module` (verification included) on one
//!   long-lived VM (threaded dispatch, freelist frames), output to a sink.
//! - `compile/<name>`: parsing and code generation of the same source.
//! - `micro/<name>`: a `for i in range(10000)` loop whose body is one call
//!   and return of `def f(x): return x` (`call_return`; `call_baseline` is
//!   the same loop loading and popping `f` and `i` instead), nothing
//!   (`empty_loop`), or ten copies of one statement: `x = x + i`
//!   (`int_add`), `if i < 0: x = 1` (`compare_jump`), `x = G` with `G`
//!   global (`load_global`), `x = a[j]` (`list_index`). Throughput is in
//!   statements, so criterion's elements/s is one statement's rate,
//!   loop overhead included; subtract `empty_loop` (per iteration) for the
//!   statement alone.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use common::programs::{MICRO, PROGRAMS, compiled, micro, run, small, vm};

/// Loop iterations of a micro-benchmark.
const MICRO_N: u64 = 10_000;

fn bench_programs(c: &mut Criterion) {
    let mut group = c.benchmark_group("programs");
    for (name, source) in PROGRAMS {
        let code = compiled(name, &small(source));
        let mut vm = vm();
        group.bench_function(name, |b| b.iter(|| run(&mut vm, black_box(&code))));
    }
    group.finish();
}

fn bench_compile(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    for (name, source) in PROGRAMS {
        let source = small(source);
        group.bench_function(name, |b| b.iter(|| compiled(name, black_box(&source))));
    }
    group.finish();
}

fn bench_micro(c: &mut Criterion) {
    let mut group = c.benchmark_group("micro");
    for (name, per_iteration, _) in MICRO {
        let code = compiled(name, &micro(name, MICRO_N));
        let mut vm = vm();
        group.throughput(Throughput::Elements(MICRO_N * per_iteration.max(1)));
        group.bench_function(name, |b| b.iter(|| run(&mut vm, black_box(&code))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: 2-core shared machines, 25 benchmarks.
    config = Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1)).sample_size(20);
    targets = bench_programs, bench_compile, bench_micro
}
criterion_main!(benches);
