//! Exact instruction counts (callgrind) of frame push+pop per strategy.
//!
//! Each strategy is measured doing 1 and 101 push+pop pairs of a fib-shaped
//! frame (1 local, 2 stack slots, 16-byte values) on a warmed allocator: the
//! block is on the free list, the zombie parked, the chunk allocated. The cost
//! of one push+pop is `(Ir(101) - Ir(1)) / 100`, free of call and setup
//! overhead; `scripts/frame-costs.sh` prints it.

mod common;

use std::hint::black_box;

use framevm::bytecode::Code;
use framevm::frame::{CallStack, DataStack, FrameAlloc, FreeList, Malloc, Namespaces, Zombie};
use iai_callgrind::{library_benchmark, library_benchmark_group, main};

use common::{Val, code};

type Stack<A> = CallStack<'static, Val, A>;

fn fib_code() -> &'static Code {
    // Leaked once per benchmark process: frames borrow their code.
    Box::leak(Box::new(code(3)))
}

fn warmed<A: FrameAlloc<Val>>(alloc: A) -> (Stack<A>, &'static Code) {
    let code = fib_code();
    let mut stack = CallStack::new(alloc);
    stack.push(code, &Namespaces::NONE);
    stack.pop();
    (stack, code)
}

fn freelist() -> (Stack<FreeList<Val>>, &'static Code) {
    warmed(FreeList::new(200))
}
fn zombie() -> (Stack<Zombie<Val>>, &'static Code) {
    warmed(Zombie::new(200))
}
fn datastack() -> (Stack<DataStack<Val>>, &'static Code) {
    warmed(DataStack::new(16 * 1024))
}
fn malloc() -> (Stack<Malloc<Val>>, &'static Code) {
    warmed(Malloc::new())
}

#[inline(always)]
fn run<A: FrameAlloc<Val>>((mut stack, code): (Stack<A>, &'static Code), n: usize) -> Stack<A> {
    let ns = Namespaces::NONE;
    let code = black_box(code);
    for _ in 0..black_box(n) {
        stack.push(code, &ns);
        stack.pop();
    }
    stack
}

#[library_benchmark]
#[bench::x1(args = (1), setup = freelist_with)]
#[bench::x101(args = (101), setup = freelist_with)]
fn push_pop_freelist(
    input: ((Stack<FreeList<Val>>, &'static Code), usize),
) -> Stack<FreeList<Val>> {
    run(input.0, input.1)
}

#[library_benchmark]
#[bench::x1(args = (1), setup = zombie_with)]
#[bench::x101(args = (101), setup = zombie_with)]
fn push_pop_zombie(input: ((Stack<Zombie<Val>>, &'static Code), usize)) -> Stack<Zombie<Val>> {
    run(input.0, input.1)
}

#[library_benchmark]
#[bench::x1(args = (1), setup = datastack_with)]
#[bench::x101(args = (101), setup = datastack_with)]
fn push_pop_datastack(
    input: ((Stack<DataStack<Val>>, &'static Code), usize),
) -> Stack<DataStack<Val>> {
    run(input.0, input.1)
}

#[library_benchmark]
#[bench::x1(args = (1), setup = malloc_with)]
#[bench::x101(args = (101), setup = malloc_with)]
fn push_pop_malloc(input: ((Stack<Malloc<Val>>, &'static Code), usize)) -> Stack<Malloc<Val>> {
    run(input.0, input.1)
}

fn freelist_with(n: usize) -> ((Stack<FreeList<Val>>, &'static Code), usize) {
    (freelist(), n)
}
fn zombie_with(n: usize) -> ((Stack<Zombie<Val>>, &'static Code), usize) {
    (zombie(), n)
}
fn datastack_with(n: usize) -> ((Stack<DataStack<Val>>, &'static Code), usize) {
    (datastack(), n)
}
fn malloc_with(n: usize) -> ((Stack<Malloc<Val>>, &'static Code), usize) {
    (malloc(), n)
}

library_benchmark_group!(
    name = frames;
    benchmarks = push_pop_freelist, push_pop_zombie, push_pop_datastack, push_pop_malloc
);

main!(library_benchmark_groups = frames);
