//! Python source -> compile -> verify -> run, inside the embedding API's
//! limits (see `framevm_fuzz::sandbox`). Bytes that are not UTF-8 are
//! decoded lossily, as a host reading a file might.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The counting allocator, so the memory cap sees every byte a script
// builds up piece by piece (as the command line has it).
#[global_allocator]
static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let mut vm = framevm_fuzz::sandbox(framevm_fuzz::hash(data));
    let result = vm.exec(&source, "fuzz.py");
    framevm_fuzz::finish(&mut vm, result);
});
