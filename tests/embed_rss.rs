//! Memory of a long-lived VM, measured as the process's resident set: in
//! a test binary of its own, so that no other test's threads allocate
//! while it measures.

use framevm::Vm;

/// Resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4
}

#[test]
fn many_execs_in_one_vm_keep_memory_flat() {
    let mut vm = Vm::new();
    let run = |vm: &mut Vm, n: usize| {
        for i in 0..n {
            vm.exec(
                &format!(
                    "class K:\n    pass\nk = K()\nk.n = {i}\n\ndef f(n):\n    return n if n < 2 else f(n - 1) + 1\n\nl = [f(5), k]\n"
                ),
                "<loop>",
            )
            .unwrap();
        }
    };
    run(&mut vm, 2_000);
    let before = rss_kib();
    run(&mut vm, 20_000);
    let after = rss_kib();
    // 20,000 runs, each defining a class, an instance and a recursive
    // function (whose code's global cache refers back to it): a leak of
    // even 200 bytes per run would show as 4 MB.
    assert!(
        after.saturating_sub(before) < 3_000,
        "RSS grew from {before} to {after} KiB"
    );
}

/// The figure: a million `exec` calls in one VM, memory flat.
/// Slow in a debug build: `cargo test --release --test embed_rss -- --ignored`.
#[test]
#[ignore]
fn a_million_execs_keep_memory_flat() {
    let mut vm = Vm::new();
    let run = |vm: &mut Vm, from: usize, n: usize| {
        for i in from..from + n {
            vm.exec(&format!("x = {i}\ny = [x, str(x)]\n"), "<loop>")
                .unwrap();
        }
    };
    run(&mut vm, 0, 50_000);
    let before = rss_kib();
    run(&mut vm, 50_000, 950_000);
    let after = rss_kib();
    eprintln!("RSS after 50,000 execs: {before} KiB; after 1,000,000: {after} KiB");
    assert!(
        after.saturating_sub(before) < 4_000,
        "RSS grew from {before} to {after} KiB"
    );
}
