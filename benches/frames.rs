//! Wall time of frame push+pop per strategy (criterion).
//!
//! - `push_pop/<strategy>/<slots>x<depth>`: push `depth` frames of `slots`
//!   slots (each the caller of the next), then pop them all; reported per frame.
//! - `mixed/<strategy>`: calls cycling through 4-, 256-, 16- and 64-slot
//!   frames at varying depth, which makes free-list heads too small (resizes).
//! - `fib/<strategy>`: the frame-per-call fib(20) workload.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use framevm::bytecode::Code;
use framevm::frame::{
    CallStack, Config, DataStack, FrameAlloc, Frames, FreeList, Malloc, Namespaces, Strategy,
    Zombie, workload,
};

use common::{Val, code};

fn push_pop<'c, A: FrameAlloc<Val>>(
    stack: &mut CallStack<'c, Val, A>,
    code: &'c Code,
    depth: usize,
) {
    let ns = Namespaces::NONE;
    for _ in 0..depth {
        stack.push(black_box(code), &ns);
    }
    for _ in 0..depth {
        stack.pop();
    }
}

fn bench_push_pop<A: FrameAlloc<Val>>(c: &mut Criterion, make: impl Fn() -> A) {
    let name = make().strategy();
    let mut group = c.benchmark_group(format!("push_pop/{name}"));
    for slots in [4u32, 16, 64, 256] {
        let code = code(slots);
        for depth in [1usize, 10, 1000] {
            let mut stack = CallStack::new(make());
            push_pop(&mut stack, &code, depth); // warm: blocks, chunks
            group.throughput(Throughput::Elements(depth as u64));
            group.bench_function(
                BenchmarkId::from_parameter(format!("{slots}x{depth}")),
                |b| b.iter(|| push_pop(&mut stack, &code, depth)),
            );
        }
    }
    group.finish();
}

fn mixed<'c, A: FrameAlloc<Val>>(stack: &mut CallStack<'c, Val, A>, codes: &'c [Code]) {
    let ns = Namespaces::NONE;
    for round in 0..8 {
        for (i, code) in codes.iter().enumerate() {
            for _ in 0..(round + i) % 5 + 1 {
                stack.push(black_box(code), &ns);
            }
            while stack.depth() > round % 3 {
                stack.pop();
            }
        }
    }
    while stack.pop() {}
}

fn bench_mixed(c: &mut Criterion) {
    let codes: Vec<Code> = [4, 256, 16, 64].into_iter().map(code).collect();
    let mut group = c.benchmark_group("mixed");
    for strategy in Strategy::ALL {
        let mut stack: CallStack<'_, Val, Frames<Val>> =
            CallStack::new(Frames::new(strategy, Config::default()));
        group.bench_function(strategy.name(), |b| b.iter(|| mixed(&mut stack, &codes)));
        let s = stack.stats();
        eprintln!(
            "mixed/{strategy}: {} requests, {} resized in place, {} moved",
            s.requests, s.resized_in_place, s.resized_moved
        );
    }
    group.finish();
}

fn bench_fib(c: &mut Criterion) {
    let mut group = c.benchmark_group("fib");
    // fib(20) makes 21891 calls.
    group.throughput(Throughput::Elements(21891));
    group.bench_function("freelist", |b| {
        b.iter(|| workload::fib(FreeList::new(200), black_box(20)))
    });
    group.bench_function("zombie", |b| {
        b.iter(|| workload::fib(Zombie::new(200), black_box(20)))
    });
    group.bench_function("datastack", |b| {
        b.iter(|| workload::fib(DataStack::new(16 * 1024), black_box(20)))
    });
    group.bench_function("malloc", |b| {
        b.iter(|| workload::fib(Malloc::new(), black_box(20)))
    });
    group.finish();
}

fn all(c: &mut Criterion) {
    bench_push_pop(c, || FreeList::<Val>::new(200));
    bench_push_pop(c, || Zombie::<Val>::new(200));
    bench_push_pop(c, || DataStack::<Val>::new(16 * 1024));
    bench_push_pop(c, Malloc::<Val>::new);
    bench_mixed(c);
    bench_fib(c);
}

criterion_group! {
    name = benches;
    // Short runs: 2-core shared machines, 60 benchmarks.
    config = Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1)).sample_size(20);
    targets = all
}
criterion_main!(benches);
