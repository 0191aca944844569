//! What the fuzz targets share: a VM boxed in by the embedding API's
//! limits, so that no input can hang the fuzzer or eat the machine, and
//! a choice of backend, frame strategy and quick paths that every input
//! determines (so a reproducer reproduces).
//!
//! Whatever a script does inside these limits must end in `Ok` or an
//! `Err` — never a panic, an abort or a timeout of the fuzzer.

use std::time::Duration;

use framevm::{Dispatch, Strategy, Vm};

/// Bytecode instructions one input may run.
pub const FUEL: u64 = 50_000;
/// Bytes a script may hold beyond what the thread holds when it starts.
pub const MEMORY: usize = 64 << 20;
/// Bytes a script may print (to a sink).
pub const OUTPUT: u64 = 1 << 20;
/// Wall time for one input (well inside libFuzzer's `-timeout`).
pub const DEADLINE: Duration = Duration::from_secs(2);

/// A small hash of the input (FNV-1a), to pick a configuration.
pub fn hash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A VM with every limit on: fuel, memory cap, output cap, deadline, no
/// file access and no imports from files, output to a sink. `pick`
/// chooses the backend, the frame strategy and whether quick paths run.
pub fn sandbox(pick: u64) -> Vm {
    let dispatch = if pick & 1 == 0 {
        Dispatch::Threaded
    } else {
        Dispatch::Switch
    };
    let frames = Strategy::ALL[(pick >> 1) as usize % Strategy::ALL.len()];
    let mut vm = Vm::builder()
        .dispatch(dispatch)
        .frames(frames)
        .quick((pick >> 3) % 4 != 0)
        .stdout(std::io::sink())
        .stderr(std::io::sink())
        .output_limit(OUTPUT)
        .fuel(FUEL)
        .memory_limit(MEMORY)
        .allow_files(false)
        .allow_file_imports(false)
        .build();
    vm.set_deadline(Some(DEADLINE));
    vm
}

/// Ends a run: renders its error as the command line would (traceback,
/// chained exceptions), since that path must not panic either, and
/// flushes the output.
pub fn finish(vm: &mut Vm, result: framevm::Result<()>) {
    if let Err(e) = result {
        std::hint::black_box(e.to_string());
    }
    let _ = vm.flush();
}
