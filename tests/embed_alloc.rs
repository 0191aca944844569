//! Calls between Rust and Python with a handful of small arguments
//! allocate nothing per call (counted by this test binary's allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is passed to the system allocator unchanged; the
// count is a const-initialised thread-local (no allocation, no recursion).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn allocations(f: impl FnOnce()) -> u64 {
    let before = ALLOCS.with(Cell::get);
    f();
    ALLOCS.with(Cell::get) - before
}

#[test]
fn calling_a_script_function_from_rust_allocates_nothing() {
    let mut vm = framevm::Vm::new();
    vm.exec(
        "def add(a, b):\n    return a + b\n\ndef pick(a, b, c, d, e):\n    return c\n",
        "f.py",
    )
    .unwrap();
    let add: framevm::Object = vm.globals().get("add").unwrap();
    let pick: framevm::Object = vm.globals().get("pick").unwrap();
    // Warm up: the frame allocator's free list fills on the first calls.
    for i in 0..10 {
        vm.call::<i64>(&add, (i, 1)).unwrap();
        vm.call::<f64>(&pick, (1, 2, 3.5, 4, 5)).unwrap();
    }
    let n = allocations(|| {
        for i in 0..1000i64 {
            assert_eq!(vm.call::<i64>(&add, (i, 1)).unwrap(), i + 1);
            assert_eq!(
                vm.call::<f64>(&pick, (1, 2, 3.5, i, None::<i64>)).unwrap(),
                3.5
            );
        }
    });
    assert_eq!(n, 0, "allocations in 2,000 calls");
}

#[test]
fn a_script_calling_a_host_function_allocates_nothing_per_call() {
    let mut vm = framevm::Vm::new();
    let add = vm.function("add", |_vm, (a, b): (i64, i64)| Ok(a + b));
    vm.globals().set("add", add).unwrap();
    let program =
        framevm::Program::compile("t = 0\nfor i in range(n):\n    t = add(t, i)\n", "loop.py")
            .unwrap();
    let mut run = |n: i64| {
        vm.globals().set("n", n).unwrap();
        let a = allocations(|| vm.run(&program).unwrap());
        assert_eq!(vm.globals().get::<i64>("t").unwrap(), n * (n - 1) / 2);
        a
    };
    run(5);
    let few = run(10);
    let many = run(10_000);
    assert_eq!(
        few, many,
        "allocations of a run with 10 calls and with 10,000"
    );
}

#[test]
fn calls_allocate_nothing_after_other_work_on_the_vm() {
    let mut vm = framevm::Vm::builder().stdout(std::io::sink()).build();
    vm.exec("def add(a, b):\n    return a + b\n", "bench.py")
        .unwrap();
    let add: framevm::Object = vm.globals().get("add").unwrap();
    // Other work first: evals, execs and conversions leave frames of other
    // sizes in the allocator.
    for _ in 0..3 {
        vm.eval::<i64>("1 + 2 * 3").unwrap();
        vm.exec("x = 1\ny = x + 2\n", "s.py").unwrap();
        vm.call::<i64>(&add, (1, 2)).unwrap();
    }
    let n = allocations(|| {
        for i in 0..100i64 {
            vm.call::<i64>(&add, (i, 1)).unwrap();
        }
    });
    assert_eq!(n, 0, "allocations in 100 calls");
}
