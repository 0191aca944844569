//! After any program, under every frame strategy, the allocator's counters
//! show no frame alive: frames of returns, of exceptions unwinding, and of
//! generators (finished, closed or abandoned half way) all went back.

use std::path::Path;
use std::rc::Rc;

use framevm::frame::Strategy;
use framevm::interp::{Dispatch, Options, Vm};

#[test]
fn no_frame_is_left_alive_after_any_program() {
    // Special methods and generators run in nested loops: deep Python
    // recursion through them needs the stack the command line gives too.
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(check_every_program)
        .expect("a thread")
        .join()
        .expect("no panic");
}

fn check_every_program() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "py").then_some(p)
        })
        .collect();
    names.sort();
    assert!(names.len() > 100, "only {} programs", names.len());
    let mut checked = 0;
    for path in &names {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).expect("readable");
        let source = framevm::compiler::decode_source(&bytes, &name).expect("decodable");
        let Ok(code) = framevm::compiler::compile(&source, &name) else {
            continue; // programs that are refused never run
        };
        for frames in Strategy::ALL {
            let mut vm = Vm::with_options(
                Options {
                    dispatch: Dispatch::Threaded,
                    frames,
                    recursion_limit: 1000,
                    quick: true,
                },
                Box::new(std::io::sink()),
            );
            let _ = vm.run_module(&Rc::clone(&code));
            let s = vm.frame_stats();
            assert_eq!(s.alive, 0, "{name} under {frames}: {s}");
            assert!(s.requests > 0, "{name} under {frames} pushed no frame");
        }
        checked += 1;
    }
    eprintln!(
        "{checked} programs checked under {} strategies",
        Strategy::ALL.len()
    );
}
