//! Workloads that drive the frame layer through its safe [`CallStack`]: the
//! command-line demo, the valgrind driver and the benches share them.
//! Nothing here is `unsafe`.

use super::{CallStack, FrameAlloc, FrameStats, Namespaces, Shape, Suspended};
use crate::bytecode::Code;

/// Recursive `fib(n)` the way the interpreter will run it: every call a
/// frame (one local, two stack slots), `lasti` recording where to resume
/// in the caller, no Rust recursion. Returns `fib(n)` and the counters.
pub fn fib<A: FrameAlloc<Option<i64>>>(alloc: A, n: i64) -> (i64, FrameStats) {
    let code = Code::new("fib", Shape::new(1, 0, 0, 2).expect("small shape"));
    let ns = Namespaces::NONE;
    let mut stack = CallStack::new(alloc);
    stack.push(&code, &ns);
    stack.top().expect("just pushed").set_fast(0, Some(n));
    let mut ret = 0;
    loop {
        let mut f = stack.top().expect("a frame is running");
        let k = f.fast(0).expect("n is bound");
        match f.header().lasti() {
            // Entry: base case, or call fib(k - 1).
            -1 if k < 2 => ret = k,
            -1 => {
                f.set_lasti(0);
                stack.push(&code, &ns);
                stack.top().expect("just pushed").set_fast(0, Some(k - 1));
                continue;
            }
            // fib(k - 1) returned: keep it on the stack, call fib(k - 2).
            0 => {
                f.push(Some(ret)).expect("stacksize 2");
                f.set_lasti(1);
                stack.push(&code, &ns);
                stack.top().expect("just pushed").set_fast(0, Some(k - 2));
                continue;
            }
            // fib(k - 2) returned: add.
            _ => ret += f.pop().flatten().expect("fib(k - 1) was pushed"),
        }
        stack.pop();
        if stack.depth() == 0 {
            break;
        }
    }
    (ret, stack.stats())
}

/// Random frame traffic with heap-allocated values: calls and returns of
/// codes from 1 to 300 slots (forcing resizes), values stored and dropped,
/// frames suspended, resumed and released out of order, as generators will.
/// Deterministic for a given `seed`. Releases everything before returning.
pub fn churn<A: FrameAlloc<Option<Box<u64>>>>(alloc: A, steps: usize, seed: u64) -> FrameStats {
    let shapes = [
        (0, 0, 0, 1),
        (1, 0, 0, 3),
        (2, 1, 1, 4),
        (8, 0, 0, 8),
        (4, 2, 2, 60),
        (50, 0, 0, 250),
    ];
    let codes: Vec<Code> = shapes
        .iter()
        .map(|&(a, b, c, d)| Code::new("churn", Shape::new(a, b, c, d).expect("small shape")))
        .collect();
    let ns = Namespaces::NONE;
    let mut stack = CallStack::new(alloc);
    let mut parked: Vec<Suspended<Option<Box<u64>>>> = Vec::new();
    let mut rng = seed | 1;
    let mut next = move |bound: u64| {
        // xorshift64*: enough to vary the traffic.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % bound
    };
    for step in 0..steps as u64 {
        match next(10) {
            0..=2 => stack.push(&codes[next(codes.len() as u64) as usize], &ns),
            3 | 4 => {
                stack.pop();
            }
            5 => {
                if let Some(mut f) = stack.top() {
                    let nfast = f.nfast() as u64;
                    if nfast > 0 {
                        f.set_fast(next(nfast) as usize, Some(Box::new(step)));
                    }
                    // A full stack hands the value back, and it is dropped.
                    let _ = f.push(Some(Box::new(step)));
                }
            }
            6 => {
                if let Some(mut f) = stack.top() {
                    f.pop();
                }
            }
            7 => {
                if let Some(s) = stack.suspend() {
                    parked.push(s);
                }
            }
            8 if !parked.is_empty() => {
                let s = parked.swap_remove(next(parked.len() as u64) as usize);
                stack.resume(s).expect("suspended by this stack");
            }
            9 if !parked.is_empty() => {
                let s = parked.swap_remove(next(parked.len() as u64) as usize);
                stack.release(s).expect("suspended by this stack");
            }
            _ => {}
        }
    }
    for s in parked {
        stack.release(s).expect("suspended by this stack");
    }
    while stack.pop() {}
    stack.stats()
}
