//! A sandbox: limits on what an untrusted script may do — an exact
//! instruction budget, a wall-clock deadline, an interrupt from another
//! thread, an output cap, the recursion limit.
//!
//!     cargo run --example embed_sandbox

use std::time::Duration;

use framevm::{Error, SharedBuffer, Vm};

fn main() {
    // Fuel: exactly this many bytecode instructions, the same on every
    // backend; the script cannot catch the stop.
    let mut vm = Vm::builder().fuel(50_000).build();
    let r = vm.exec(
        "n = 0\ntry:\n    while True:\n        n += 1\nexcept BaseException:\n    n = -1\n",
        "spin.py",
    );
    assert!(matches!(r, Err(Error::OutOfFuel)));
    println!(
        "fuel: stopped after {} instructions, n = {}",
        vm.instructions(),
        // (Reading a global runs no code: no fuel needed.)
        vm.globals().get::<i64>("n").unwrap()
    );

    // A deadline.
    let mut vm = Vm::new();
    vm.set_deadline(Some(Duration::from_millis(50)));
    let r = vm.exec("while True:\n    pass\n", "forever.py");
    println!("deadline: {}", r.unwrap_err());
    vm.set_deadline(None);

    // An interrupt from another thread.
    let stop = vm.interrupt_handle();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(30));
        stop.interrupt();
    });
    let r = vm.exec("x = 0\nwhile True:\n    x = x + 1\n", "busy.py");
    watchdog.join().unwrap();
    println!(
        "interrupt: {}, and the VM goes on: {}",
        r.unwrap_err(),
        vm.eval::<i64>("2 + 2").unwrap()
    );

    // An output cap.
    let out = SharedBuffer::default();
    let mut vm = Vm::builder().stdout(out.clone()).output_limit(64).build();
    let r = vm.exec("for i in range(1000):\n    print('line', i)\n", "chatty.py");
    println!(
        "output cap: {} after {} bytes",
        r.unwrap_err(),
        out.text().len()
    );

    // Recursion: a RecursionError the script may catch.
    let mut vm = Vm::builder().recursion_limit(100).build();
    let r = vm.exec("def f(n):\n    return f(n + 1)\nf(0)\n", "deep.py");
    println!(
        "recursion: {}",
        r.unwrap_err().to_string().lines().last().unwrap()
    );
}
