//! Shared by the program benches: the whole programs of `benches/programs/`
//! at their small size, micro-benchmark programs of one Python call and of
//! opcode families, and running a program through the library API.

use std::rc::Rc;

use framevm::bytecode::Code;
use framevm::compiler::compile;
use framevm::interp::{Options, Vm};

/// The whole programs, as `(name, source at its bench size)`.
pub const PROGRAMS: [(&str, &str); 10] = [
    ("fib", include_str!("../programs/fib.py")),
    ("loop_arith", include_str!("../programs/loop_arith.py")),
    ("nested_loops", include_str!("../programs/nested_loops.py")),
    ("closures", include_str!("../programs/closures.py")),
    ("nbody", include_str!("../programs/nbody.py")),
    (
        "spectral_norm",
        include_str!("../programs/spectral_norm.py"),
    ),
    ("fannkuch", include_str!("../programs/fannkuch.py")),
    ("sieve", include_str!("../programs/sieve.py")),
    ("word_count", include_str!("../programs/word_count.py")),
    ("generators", include_str!("../programs/generators.py")),
];

/// `source` at its small size: the first line `N = <bench>  # small: <small>`
/// becomes `N = <small>`.
pub fn small(source: &str) -> String {
    let (first, rest) = source.split_once('\n').expect("a first line");
    let n = first
        .split_once("# small:")
        .map(|(_, n)| n.trim())
        .expect("first line names the small size");
    format!("N = {n}\n{rest}")
}

/// A program by name at its small size.
pub fn small_program(name: &str) -> String {
    let (_, source) = PROGRAMS
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a known program");
    small(source)
}

/// What every micro-benchmark program defines first.
const MICRO_PRELUDE: &str = "\
G = 7


def f(x):
    return x
";

/// The micro-benchmarks: `(name, statements per loop iteration, function)`.
/// Each function runs a `for i in range(n)` loop whose body is nothing
/// (`empty_loop`), one call and return (`call_return`), the call's operands
/// loaded and popped without the call (`call_baseline`), or ten copies of
/// one statement (the opcode families).
pub const MICRO: [(&str, u64, &str); 7] = [
    (
        "empty_loop",
        0,
        "\
def empty_loop(n):
    for i in range(n):
        pass
",
    ),
    (
        "call_return",
        1,
        "\
def call_return(n):
    for i in range(n):
        f(i)
",
    ),
    (
        "call_baseline",
        1,
        "\
def call_baseline(n):
    for i in range(n):
        f
        i
",
    ),
    (
        "int_add",
        10,
        "\
def int_add(n):
    x = 0
    for i in range(n):
        x = x + i
        x = x + i
        x = x + i
        x = x + i
        x = x + i
        x = x + i
        x = x + i
        x = x + i
        x = x + i
        x = x + i
",
    ),
    (
        "compare_jump",
        10,
        "\
def compare_jump(n):
    x = 0
    for i in range(n):
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
        if i < 0:
            x = 1
",
    ),
    (
        "load_global",
        10,
        "\
def load_global(n):
    for i in range(n):
        x = G
        x = G
        x = G
        x = G
        x = G
        x = G
        x = G
        x = G
        x = G
        x = G
",
    ),
    (
        "list_index",
        10,
        "\
def list_index(n):
    a = [1, 2, 3, 4]
    j = 2
    for i in range(n):
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
        x = a[j]
",
    ),
];

/// The program running micro-benchmark `name` for `n` loop iterations: the
/// prelude, the benchmark's function, and its call.
pub fn micro(name: &str, n: u64) -> String {
    let (_, _, function) = MICRO
        .iter()
        .find(|(m, _, _)| *m == name)
        .expect("a known micro-benchmark");
    format!("N = {n}\n{MICRO_PRELUDE}\n\n{function}\n\n{name}(N)\n")
}

/// Compiles `source`, panicking on an error (the sources are ours).
pub fn compiled(name: &str, source: &str) -> Rc<Code> {
    compile(source, &format!("{name}.py")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A VM with the default options (threaded dispatch, freelist frames)
/// writing program output to a sink.
pub fn vm() -> Vm {
    Vm::with_options(Options::default(), Box::new(std::io::sink()))
}

/// Runs `code` on `vm` (verification included, as every run does).
pub fn run(vm: &mut Vm, code: &Rc<Code>) {
    if let Err(e) = vm.run_module(code) {
        panic!("program failed: {}", e.last_line());
    }
}

/// The mechanism micro-benchmarks of `benches/micro/`: `(name, source)`,
/// each with a first line `N = 1` (see `scripts/mechanism-ir.sh`).
pub const MECHANISMS: [(&str, &str); 8] = [
    ("attr_load", include_str!("../micro/attr_load.py")),
    ("attr_store", include_str!("../micro/attr_store.py")),
    ("method_call", include_str!("../micro/method_call.py")),
    ("instantiate", include_str!("../micro/instantiate.py")),
    ("unpack", include_str!("../micro/unpack.py")),
    ("builtin_call", include_str!("../micro/builtin_call.py")),
    ("gen_step", include_str!("../micro/gen_step.py")),
    ("exc_100", include_str!("../micro/exc_100.py")),
];

/// Mechanism micro-benchmark `name` for `n` iterations.
pub fn mechanism(name: &str, n: u64) -> String {
    let (_, source) = MECHANISMS
        .iter()
        .find(|(m, _)| *m == name)
        .expect("a known mechanism");
    let (_, rest) = source.split_once('\n').expect("a first line");
    format!("N = {n}\n{rest}")
}
