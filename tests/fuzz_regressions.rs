//! Inputs the fuzz targets (fuzz/, see the README's Robustness section)
//! found that need the embedding API to reproduce: each once panicked.

use framevm::{Error, Program, Vm};

/// The bytecode target: a saved program whose source positions end
/// before they start (a compiler never writes one; bytes from anywhere
/// may) made the traceback's caret line subtract with overflow.
#[test]
fn a_loaded_program_with_positions_ending_before_they_start_renders_its_traceback() {
    let p = Program::compile("x = 1\ny = (x +\n     1) / 0\n", "p.py").unwrap();
    let mut bytes = p.to_bytes().unwrap();
    // The module's positions are the last table: u32 n, then n entries of
    // (index, line, end_line, col, end_col).
    let len = bytes.len();
    let n = (1..len / 20)
        .find(|&k| {
            let at = len - 20 * k - 4;
            u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize == k
        })
        .expect("a positions table");
    for e in 0..n {
        let at = len - 20 * (n - e);
        let field = |b: &[u8], f: usize| {
            u32::from_le_bytes(b[at + 4 * f..at + 4 * f + 4].try_into().unwrap())
        };
        let (line, col, end_col) = (field(&bytes, 1), field(&bytes, 3), field(&bytes, 4));
        // On one line, with the end before the start, and far past it.
        bytes[at + 8..at + 12].copy_from_slice(&line.to_le_bytes());
        bytes[at + 12..at + 16].copy_from_slice(&(end_col + 7).to_le_bytes());
        bytes[at + 16..at + 20].copy_from_slice(&col.min(1).to_le_bytes());
    }
    let loaded = Program::from_bytes(&bytes).expect("positions are not the verifier's");
    let mut vm = Vm::builder()
        .stdout(framevm::SharedBuffer::default())
        .build();
    let err = vm.run(&loaded).unwrap_err();
    assert!(matches!(err, Error::Exception(_)));
    let text = err.to_string();
    assert!(
        text.ends_with("ZeroDivisionError: division by zero"),
        "{text}"
    );
}

/// The numfmt and bytecode targets keep their VM (and constants) in a
/// thread-local, as a host may: at the thread's exit the VM dropped
/// after the thread-local its sequences park deep drops in, and
/// panicked there (aborting the process).
#[test]
fn a_vm_kept_in_a_thread_local_drops_cleanly_at_thread_exit() {
    use std::cell::RefCell;
    thread_local! {
        static KEPT: RefCell<Option<(Vm, framevm::Object)>> = const { RefCell::new(None) };
    }
    let t = std::thread::spawn(|| {
        KEPT.with(|k| {
            let mut vm = Vm::builder()
                .stdout(framevm::SharedBuffer::default())
                .build();
            vm.exec(
                "l = [[i, (i, [i])] for i in range(100)]\nt = tuple(l)",
                "<kept>",
            )
            .unwrap();
            let t: framevm::Object = vm.globals().get("t").unwrap();
            *k.borrow_mut() = Some((vm, t));
        });
    });
    assert!(t.join().is_ok());
}

/// The bytecode target (under ASan): a saved code object with no
/// instruction at all passed the verifier, and the loop read past its
/// end (a segfault). The verifier refuses it now.
#[test]
fn a_loaded_program_with_no_instruction_is_refused() {
    let code = framevm::bytecode::Code::from_parts(framevm::bytecode::code::CodeParts {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: std::rc::Rc::from("empty.py"),
        stacksize: 4,
        ..Default::default()
    })
    .unwrap();
    let bytes = framevm::bytecode::marshal::dumps(&code, "").unwrap();
    let err = Program::from_bytes(&bytes).err().expect("refused");
    assert!(err.to_string().contains("no instructions"), "{err}");
}
