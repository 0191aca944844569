//! Bytecode through the embedding API -> verify -> run.
//!
//! Two kinds of input:
//!
//! - bytes that start with `FVC\0` are a saved program, given as they are
//!   to `Program::from_bytes` (which must refuse whatever does not load
//!   or verify) and run when it loads (the seed corpus holds every
//!   program of tests/programs compiled with `framevm --compile`, so the
//!   fuzzer mutates real code objects: jumps, blocks, nested code);
//! - anything else describes a code object: three header bytes
//!   (flags, stack size, how many locals, cells and frees), then three
//!   bytes per instruction (opcode, argument), the argument usually
//!   shaped to its kind so that the verifier often accepts the result.
//!   It is saved with the marshal format and loaded back through
//!   `Program::from_bytes`, so it takes the path a host's bytes take.
//!
//! What the verifier accepts must run without a panic inside the
//! sandbox's limits; what it refuses never runs.
#![no_main]

use std::rc::Rc;

use framevm::Program;
use framevm::bytecode::code::{CodeParts, flags};
use framevm::bytecode::opcode::{ArgKind, OP_COUNT};
use framevm::bytecode::{Code, Op, Word};
use framevm::runtime::Value;
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;

/// Code objects for the constant pool: a function with a default, a
/// generator, a closure's outer and inner code, a class body.
const NESTED: &str = "\
def f(a, b=1, *args, k=2, **kw):
    return a
def g(n):
    yield n
    yield from range(n)
def outer():
    x = 1
    def inner():
        return x
    return inner
class C:
    def m(self):
        return self
";

thread_local! {
    /// Built once: saving and loading copies it, so runs share nothing.
    static POOL: Vec<Value> = pool();
}

fn pool() -> Vec<Value> {
    let module = Program::compile(NESTED, "nested.py").expect("the pool compiles");
    let mut consts = vec![
        Value::None,
        Value::Int(3),
        Value::Int(-1),
        Value::str("s"),
        Value::str("m"),
        Value::Float(0.5),
        Value::Bool(true),
        Value::tuple(vec![Value::Int(1), Value::str("k")]),
        Value::tuple(vec![]),
        Value::tuple(vec![Value::str("a"), Value::str("b")]),
    ];
    let mut codes = Vec::new();
    collect_codes(module.code(), &mut codes);
    consts.extend(codes);
    consts
}

fn collect_codes(code: &Code, out: &mut Vec<Value>) {
    for c in code.consts() {
        if let Value::Code(inner) = c {
            out.push(c.clone());
            collect_codes(inner, out);
        }
    }
}

const NAMES: [&str; 8] = ["x", "len", "print", "append", "f", "__name__", "C", "range"];
const LOCALS: [&str; 4] = ["a", "b", "c", "d"];

/// The code object `data` describes, if it makes one.
fn describe(data: &[u8]) -> Option<Code> {
    let (&[flag_bits, stack, shape], body) = data.split_first_chunk::<3>()?;
    let consts = POOL.with(Vec::clone);
    let nlocals = (shape & 3) as usize;
    let ncells = ((shape >> 2) & 1) as usize;
    let nfrees = ((shape >> 3) & 1) as usize;
    let nderef = ncells + nfrees;
    let words = body.len() / 3;
    let mut code = Vec::with_capacity(words);
    for w in body.chunks_exact(3) {
        let op = Op::ALL[w[0] as usize % OP_COUNT];
        let raw = u32::from(u16::from_le_bytes([w[1], w[2]]));
        // One instruction in 16 keeps its raw argument: the verifier
        // must refuse what is out of range.
        let arg = if w[2] >= 0xf0 {
            raw
        } else {
            let small = u32::from(w[1]);
            match op.arg_kind() {
                ArgKind::plain => 0,
                ArgKind::konst => small % consts.len() as u32,
                ArgKind::local => small % nlocals.max(1) as u32,
                ArgKind::name => small % NAMES.len() as u32,
                ArgKind::deref => small % nderef.max(1) as u32,
                ArgKind::cmp => small % 11,
                ArgKind::binop => small % 14,
                ArgKind::count => small % 8,
                ArgKind::jump => small % (words as u32 + 1),
                ArgKind::format => small % 8,
                ArgKind::mkfn => small % 16,
            }
        };
        code.push(Word::new(op, arg));
    }
    let mut co_flags = 0;
    for (bit, flag) in [
        flags::GENERATOR,
        flags::COROUTINE,
        flags::ASYNC_GENERATOR,
        flags::OPTIMIZED,
        flags::NEWLOCALS,
    ]
    .into_iter()
    .enumerate()
    {
        // The flags a module's code never has, each now and then.
        if flag_bits >> bit & 1 == 1 && flag_bits >> 5 == 7 {
            co_flags |= flag;
        }
    }
    let name = |s: &str| Rc::<str>::from(s);
    Code::from_parts(CodeParts {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: Rc::from("fuzz.py"),
        firstlineno: 1,
        flags: co_flags,
        code,
        consts,
        names: NAMES.iter().map(|s| name(s)).collect(),
        varnames: LOCALS[..nlocals].iter().map(|s| name(s)).collect(),
        cellvars: (0..ncells).map(|_| name("cell")).collect(),
        freevars: (0..nfrees).map(|_| name("free")).collect(),
        stacksize: u32::from(stack % 64),
        lines: vec![(0, 1)],
        ..CodeParts::default()
    })
}

fuzz_target!(|data: &[u8]| {
    let program = if Program::is_compiled(data) {
        Program::from_bytes(data)
    } else {
        let Some(code) = describe(data) else {
            return;
        };
        let bytes = framevm::bytecode::marshal::dumps(&code, "").expect("small code saves");
        Program::from_bytes(&bytes)
    };
    let Ok(program) = program else {
        return;
    };
    let mut vm = framevm_fuzz::sandbox(framevm_fuzz::hash(data));
    let result = vm.run(&program);
    framevm_fuzz::finish(&mut vm, result);
});
