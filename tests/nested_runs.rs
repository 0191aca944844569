//! Runs nest (a generator step, a special method, a builtin calling back
//! into Python), and the threaded backend bounds its Rust stack by
//! returning to its trampoline within a budget of dispatches. A nested run
//! must give the outer run its countdown back: when it reset it instead,
//! the outer chain of handlers that really call the next one grew without
//! bound (145 MB of stack at 800,000 generator steps in release builds).

use std::rc::Rc;

use framevm::frame::Strategy;
use framevm::interp::{Dispatch, Options, Vm};

/// A generator pipeline stepped many times from one loop.
const PIPELINE: &str = "\
def numbers(n):
    i = 0
    while i < n:
        yield i
        i = i + 1


def squares(it):
    for x in it:
        yield x * x % 1000


total = 0
for v in squares(numbers(N)):
    total = total + v
print(total)
";

fn run(dispatch: Dispatch, n: u32) -> (Vec<u8>, u64) {
    let source = PIPELINE.replace("(N)", &format!("({n})"));
    let code = framevm::compiler::compile(&source, "pipeline.py").expect("compiles");
    let out = Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut vm = Vm::with_options(
        Options {
            dispatch,
            frames: Strategy::FreeList,
            recursion_limit: 1000,
            quick: true,
        },
        Box::new(Shared(out.clone())),
    );
    vm.run_module(&code).expect("runs");
    let printed = out.borrow().clone();
    (printed, vm.instructions())
}

struct Shared(Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn generator_steps_do_not_grow_the_stack() {
    // 4 MiB is plenty for a bounded run (a few budgets of handler frames
    // per nesting level) and far too little for one that grows with the
    // number of steps.
    let n = if cfg!(debug_assertions) {
        60_000
    } else {
        400_000
    };
    let (printed, _) = std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(move || run(Dispatch::Threaded, n))
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    let want: u64 = (0..u64::from(n)).map(|x| x * x % 1000).sum();
    assert_eq!(String::from_utf8(printed).unwrap(), format!("{want}\n"));
}

#[test]
fn both_backends_count_the_same_instructions() {
    // Budget returns and nested runs must not change the count
    // (`--stats`): the threaded backend once counted one instruction
    // twice per budget.
    let (a, threaded) = run(Dispatch::Threaded, 5_000);
    let (b, switch) = run(Dispatch::Switch, 5_000);
    assert_eq!(a, b);
    assert_eq!(threaded, switch);
    assert!(threaded > 5_000 * 10, "{threaded} instructions");
}

/// Nested runs are bounded by the native stack left, not only by the
/// recursion limit: with the limit far above what the thread's stack can
/// hold, special methods and key functions calling themselves raise
/// RecursionError instead of overflowing the stack (which aborts the
/// process).
#[test]
fn the_native_stack_guard_raises_recursion_error_on_a_small_thread() {
    const SOURCE: &str = "\
class A:
    def __repr__(self):
        return repr(self)


def key(x):
    return sorted([x], key=key)


caught = []
for f in (lambda: repr(A()), lambda: key(1)):
    try:
        f()
    except RecursionError:
        caught.append(True)
";
    for dispatch in [Dispatch::Threaded, Dispatch::Switch] {
        let caught = std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(move || {
                let mut vm = framevm::Vm::builder()
                    .dispatch(dispatch)
                    .recursion_limit(1_000_000)
                    .build();
                vm.exec(SOURCE, "deep.py").expect("runs");
                vm.eval::<Vec<bool>>("caught").expect("a list")
            })
            .expect("thread")
            .join()
            .expect("no stack overflow");
        assert_eq!(caught, [true, true], "{dispatch}");
    }
}
