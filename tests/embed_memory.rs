//! The memory cap through the embedding API (`Builder::memory_limit`,
//! `Vm::set_memory_limit`), with the counting allocator installed in this
//! test binary as a host installs it.

use framevm::{Dispatch, Error, Strategy, Vm};

#[global_allocator]
static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;

const MIB: usize = 1 << 20;

fn quiet(limit: usize) -> Vm {
    Vm::builder()
        .stdout(framevm::SharedBuffer::default())
        .memory_limit(limit)
        .build()
}

/// The exception's class name, or the error.
fn raised(r: framevm::Result<()>) -> String {
    match r {
        Ok(()) => "no error".into(),
        Err(Error::Exception(e)) => e.type_name().to_string(),
        Err(other) => format!("{other:?}"),
    }
}

const GROW: &str = "
def grow():
    l = []
    while True:
        l.append([0] * 10)
";

#[test]
fn the_allocator_counts() {
    assert!(framevm::alloc::is_counting());
    let before = framevm::alloc::live_bytes();
    let v = vec![0u8; 1 << 16];
    assert!(framevm::alloc::live_bytes() - before >= 1 << 16);
    drop(v);
    assert!(framevm::alloc::live_bytes() - before < 1 << 16);
}

#[test]
fn growth_in_a_loop_stops_with_memory_error_and_the_vm_goes_on() {
    let mut vm = quiet(32 * MIB);
    vm.exec(GROW, "<grow>").unwrap();
    assert_eq!(raised(vm.exec("grow()", "<grow>")), "MemoryError");
    // The list went with grow's frame: the VM is under its cap again and
    // runs scripts as before.
    let (used, limit) = vm.memory_used().unwrap();
    assert!(used < limit, "{used} of {limit}");
    assert_eq!(vm.eval::<i64>("sum(range(1000))").unwrap(), 499500);
    // And it stops again the same way.
    assert_eq!(raised(vm.exec("grow()", "<grow>")), "MemoryError");
}

#[test]
fn a_script_catches_memory_error_frees_and_finishes() {
    let mut vm = quiet(32 * MIB);
    vm.exec(GROW, "<grow>").unwrap();
    vm.exec(
        "caught = 0\nfor _ in range(3):\n    try:\n        grow()\n    except MemoryError:\n        caught += 1\ndone = [i * i for i in range(100)][-1]",
        "<catch>",
    )
    .unwrap();
    assert_eq!(vm.eval::<i64>("caught").unwrap(), 3);
    assert_eq!(vm.eval::<i64>("done").unwrap(), 9801);
}

#[test]
fn a_tight_cap_lets_a_small_script_run() {
    let mut vm = quiet(MIB);
    vm.exec(
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\
         words = ' '.join(str(i) for i in range(200)).split()\n\
         d = {w: len(w) for w in words}\n\
         r = (fib(18), len(d), sorted(d)[:2], f'{3.5:10.2f}', 'ab' * 10)",
        "<small>",
    )
    .unwrap();
    assert_eq!(
        vm.eval::<(i64, i64, Vec<String>, String, String)>("r")
            .unwrap(),
        (
            2584,
            200,
            vec!["0".into(), "1".into()],
            "      3.50".into(),
            "ab".repeat(10)
        )
    );
}

#[test]
fn sizes_a_script_chooses_are_refused_before_they_are_allocated() {
    // Each of these CPython would really allocate (gigabytes): under the
    // cap, MemoryError at once, and nothing near that size is touched.
    let cases = [
        "[0] * 10**9",
        "'a' * 10**10",
        "'a'.center(10**10)",
        "'a'.ljust(10**10)",
        "'a'.zfill(10**10)",
        "f'{1:{10**10}}'",
        "'%10000000000d' % 1",
        "('a' * 1000).replace('a', 'b' * 10**6)",
        "('x' * 10**4).join(['a'] * 10**5)",
        "[].extend(range(10**9))",
        "list(range(10**9))",
        "sorted(range(10**9))",
        "set(range(10**9))",
        "bytes(10**10)",
        "bytearray(10**10)",
        "b'ab' * 10**9",
        "bytearray(b'x') * 10**10",
        "b'a'.center(10**10)",
        "(1, 2) * 10**9",
    ];
    let mut vm = quiet(64 * MIB);
    for src in cases {
        let start = std::time::Instant::now();
        assert_eq!(raised(vm.exec(src, "<big>")), "MemoryError", "{src}");
        assert!(
            start.elapsed().as_secs() < 5,
            "{src} took {:?}",
            start.elapsed()
        );
    }
    assert_eq!(vm.eval::<i64>("len([0] * 1000)").unwrap(), 1000);
}

#[test]
fn doubling_stops_under_the_cap() {
    let mut vm = quiet(64 * MIB);
    vm.exec(
        "def double():\n    l = [1]\n    s = 'ab'\n    b = b'xy'\n    n = 0\n    try:\n        while True:\n            l = l + l\n            n += 1\n    except MemoryError:\n        pass\n    m = 0\n    try:\n        while True:\n            s = s + s\n            b = b + b\n            m += 1\n    except MemoryError:\n        pass\n    return n, m\nn, m = double()",
        "<double>",
    )
    .unwrap();
    let (n, m) = vm.eval::<(i64, i64)>("(n, m)").unwrap();
    // 2**n values of 16 bytes fit in 64 MiB (and the copy being made).
    assert!((18..=22).contains(&n), "{n}");
    assert!((20..=26).contains(&m), "{m}");
}

#[test]
fn dicts_and_sets_grown_item_by_item_stop() {
    let mut vm = quiet(16 * MIB);
    let r = vm.exec(
        "def f():\n    d = {}\n    s = set()\n    i = 0\n    while True:\n        d[i] = i\n        s.add(-i)\n        i += 1\nf()",
        "<dict>",
    );
    assert_eq!(raised(r), "MemoryError");
}

#[test]
fn fuel_and_the_cap_together() {
    // A script that catches every MemoryError and tries again is still
    // stopped by the fuel.
    let mut vm = Vm::builder()
        .stdout(framevm::SharedBuffer::default())
        .memory_limit(8 * MIB)
        .fuel(3_000_000)
        .build();
    vm.exec(GROW, "<grow>").unwrap();
    let err = vm
        .exec(
            "while True:\n    try:\n        grow()\n    except MemoryError:\n        pass",
            "<stubborn>",
        )
        .unwrap_err();
    assert!(matches!(err, Error::OutOfFuel), "{err}");
    // Fuel that runs out before the cap is reached: OutOfFuel.
    vm.set_fuel(Some(1000));
    let err = vm.exec("grow()", "<grow>").unwrap_err();
    assert!(matches!(err, Error::OutOfFuel), "{err}");
    // Plenty of fuel: the cap stops it.
    vm.set_fuel(Some(100_000_000));
    assert_eq!(raised(vm.exec("grow()", "<grow>")), "MemoryError");
    assert!(vm.fuel_left().unwrap() > 0);
}

#[test]
fn the_cap_holds_on_every_backend_and_strategy() {
    for dispatch in [Dispatch::Threaded, Dispatch::Switch] {
        for frames in Strategy::ALL {
            let mut vm = Vm::builder()
                .dispatch(dispatch)
                .frames(frames)
                .stdout(framevm::SharedBuffer::default())
                .memory_limit(16 * MIB)
                .build();
            vm.exec(GROW, "<grow>").unwrap();
            assert_eq!(
                raised(vm.exec("grow()", "<grow>")),
                "MemoryError",
                "{dispatch:?} {frames}"
            );
            assert_eq!(vm.eval::<i64>("6 * 7").unwrap(), 42);
        }
    }
}

#[test]
fn each_vm_has_its_own_cap() {
    let mut capped = quiet(MIB);
    let mut free = Vm::builder()
        .stdout(framevm::SharedBuffer::default())
        .build();
    assert_eq!(raised(capped.exec("x = 'a' * 10**7", "<c>")), "MemoryError");
    free.exec("x = 'a' * 10**7", "<f>").unwrap();
    assert_eq!(free.eval::<i64>("len(x)").unwrap(), 10_000_000);
    // Lifted, the cap no longer refuses.
    capped.set_memory_limit(None);
    assert!(capped.memory_used().is_none());
    capped.exec("x = 'a' * 10**7", "<c>").unwrap();
    // Set again, it counts from now: the 10 MB held already are not
    // counted against it.
    capped.set_memory_limit(Some(MIB));
    capped.exec("y = 'b' * 1000", "<c>").unwrap();
    assert_eq!(raised(capped.exec("z = 'c' * 10**7", "<c>")), "MemoryError");
}

#[test]
fn the_command_line_caps_memory_and_keeps_what_was_printed() {
    let dir = std::env::temp_dir().join(format!("framevm-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("grow.py");
    std::fs::write(
        &script,
        format!("{GROW}\nfor i in range(3):\n    print('line', i)\ngrow()\n"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_framevm"))
        .arg("--memory-limit")
        .arg((32 * MIB).to_string())
        .arg(&script)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "line 0\nline 1\nline 2\n"
    );
    assert_eq!(stderr.lines().last(), Some("MemoryError"));
}

#[test]
fn callbacks_from_builtins_reach_the_check_ins() {
    // A sort key runs a few instructions per call, each call a nested run
    // of the dispatch loop: they share its countdown, so the cap (checked
    // at check-ins) stops the growth inside sorted(), on both backends.
    for dispatch in [Dispatch::Threaded, Dispatch::Switch] {
        let mut vm = Vm::builder()
            .dispatch(dispatch)
            .stdout(framevm::SharedBuffer::default())
            .memory_limit(16 * MIB)
            .build();
        let r = vm.exec(
            "def f():\n    big = []\n    def key(x):\n        big.append([x] * 20)\n        return x\n    sorted(range(10**6), key=key)\nf()",
            "<key>",
        );
        assert_eq!(raised(r), "MemoryError", "{dispatch:?}");
    }
}

/// Found by the numfmt fuzz target: a format precision sizes the text
/// (`'%.2000000000f' % 1.0` built 2 GB of digits under a 64 MiB cap, 6 GB
/// for 2,333,333,333). Each is a MemoryError under the cap now, at once;
/// `g` without `#` needs no room (a double has no more digits to give).
#[test]
fn a_huge_format_precision_is_a_memory_error_under_the_cap() {
    let mut vm = quiet(64 * MIB);
    for expr in [
        "'%.2000000000f' % 1.0",
        "'%.2000000000e' % 1.0",
        "'%.2000000000d' % 1",
        "'%.2000000000x' % 255",
        "format(1.0, '.2000000000f')",
        "format(1.0, '#.2000000000g')",
        "f'{0.5:.2000000000%}'",
        "'{:.2000000000E}'.format(2)",
    ] {
        let started = std::time::Instant::now();
        let got = raised(vm.exec(&format!("x = {expr}"), "<fmt>"));
        assert_eq!(got, "MemoryError", "{expr}");
        assert!(
            started.elapsed().as_secs() < 5,
            "{expr} took {:?}",
            started.elapsed()
        );
    }
    assert_eq!(
        vm.eval::<String>("format(0.5, '.2000000000g')").unwrap(),
        "0.5"
    );
    assert_eq!(vm.eval::<String>("'%.2000000000s' % 'ab'").unwrap(), "ab");
}

#[test]
fn set_copies_past_the_cap_are_memory_errors() {
    // Each of these copies a set whose table alone is most of the cap
    // (found by the bytecode fuzzer: the copy assumed it could not fail).
    for op in [
        "s | s",
        "s.copy()",
        "s.union()",
        "s & s",
        "s.intersection()",
        "s - {0}",
        "s ^ set()",
        "frozenset(s)",
        "s in {frozenset()}",
    ] {
        let mut vm = quiet(20 * MIB);
        vm.exec("s = set(range(300000))", "<setup>").expect("fits");
        let r = vm.exec(&format!("t = {op}"), "<copy>");
        assert_eq!(raised(r), "MemoryError", "{op}");
        assert_eq!(
            vm.eval::<i64>("len(s)").expect("the VM goes on"),
            300000,
            "{op}"
        );
    }
}

#[test]
fn products_past_the_cap_are_memory_errors_before_they_are_computed() {
    // Found by the bytecode fuzzer: a test program's `math.factorial(500)`
    // mutated to a large n ran for minutes under a 64 MiB cap (CPython
    // computes them, for as long and as much memory as they take).
    for expr in [
        "math.factorial(10**8)",
        "math.perm(10**8)",
        "math.perm(10**20, 10**9)",
        "math.comb(10**9, 5 * 10**8)",
    ] {
        let mut vm = quiet(64 * MIB);
        let started = std::time::Instant::now();
        let r = vm.exec(&format!("import math\nx = {expr}"), "<product>");
        assert_eq!(raised(r), "MemoryError", "{expr}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{expr}"
        );
        assert_eq!(vm.eval::<i64>("math.factorial(20) % 1000").unwrap(), 0);
    }
    // Under the cap they are whole.
    let mut vm = quiet(64 * MIB);
    vm.exec("import math", "<m>").unwrap();
    assert_eq!(
        vm.eval::<i64>("math.factorial(10**4).bit_length()")
            .unwrap(),
        118_459
    );
}
