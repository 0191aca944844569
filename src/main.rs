//! The `framevm` command: runs a Python program, or disassembles it.

#![forbid(unsafe_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use framevm::bytecode::dis::disassemble;
use framevm::frame::{Config, Frames, Strategy, workload};
use framevm::interp::{Dispatch, stats_report};
use framevm::{Program, Vm};

/// Counts the bytes each thread holds, for `--memory-limit`.
#[global_allocator]
static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;

/// Run a Python program (a subset of Python 3, see the README) on framevm.
#[derive(Parser, Debug)]
#[command(name = "framevm", version, about, long_about = None)]
struct Cli {
    /// The program to run.
    #[arg(required_unless_present = "frame_demo")]
    file: Option<PathBuf>,

    /// Arguments for the program (its `sys.argv[1:]`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,

    /// Print the bytecode of every code object (as Python's dis) instead of running.
    #[arg(long)]
    dis: bool,

    /// Compile FILE to a saved program (bytecode, verified again when it is loaded) instead of running it; FILE.fvc, or the path given with -o. `framevm FILE.fvc` runs it.
    #[arg(long)]
    compile: bool,

    /// Where --compile writes the program.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "PATH",
        requires = "compile"
    )]
    output: Option<PathBuf>,

    /// Print frame-allocator counters and the number of instructions executed, on stderr, when the program ends.
    #[arg(long)]
    stats: bool,

    /// Dispatch backend: `threaded` (a handler per opcode, each dispatching the next) or `switch` (one loop with a match).
    #[arg(long, value_name = "BACKEND", default_value = "threaded", value_parser = parse_dispatch)]
    dispatch: Dispatch,

    /// Frame allocation strategy: freelist (CPython 3.8), zombie (one parked frame per code object), datastack (CPython 3.11), malloc.
    #[arg(long, value_name = "STRATEGY", default_value = "freelist", value_parser = parse_strategy)]
    frames: Strategy,

    /// Run every instruction on its full path, in the switch loop (for testing: the quick paths must give the same answers).
    #[arg(long)]
    no_quick: bool,

    /// Deepest nesting of Python calls before RecursionError.
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    recursion_limit: u32,

    /// Cap the bytes the program may hold: past it, MemoryError.
    #[arg(long, value_name = "BYTES")]
    memory_limit: Option<usize>,

    /// Instead of a program: the frame layer's demo (recursive fib with one frame per call under each strategy, or the one given with --frames).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "25", value_parser = clap::value_parser!(i64).range(0..=40))]
    frame_demo: Option<i64>,
}

fn parse_dispatch(s: &str) -> Result<Dispatch, String> {
    s.parse()
}

fn parse_strategy(s: &str) -> Result<Strategy, String> {
    s.parse()
}

/// Stack reserved for the thread that compiles and runs the program: the
/// parser and the AST's destructors recurse once per nesting level, and
/// builtins calling back into Python nest a dispatch loop per level. The
/// memory is reserved, not committed: pages are touched only when used.
const STACK_BYTES: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("framevm".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(cli));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            eprintln!("framevm: cannot start the interpreter thread: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    if let Some(n) = cli.frame_demo {
        let explicit = std::env::args().any(|a| a.starts_with("--frames"));
        let strategies = if explicit {
            vec![cli.frames]
        } else {
            Strategy::ALL.to_vec()
        };
        frame_demo(&strategies, n);
        return ExitCode::SUCCESS;
    }
    let path = cli.file.expect("clap requires FILE without --frame-demo");
    // Tracebacks name the script by its absolute path, as CPython's do.
    let name = absolute(&path).display().to_string();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("framevm: can't open file '{name}': {e}");
            return ExitCode::from(2);
        }
    };
    let program = if Program::is_compiled(&bytes) {
        match Program::from_bytes(&bytes) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("framevm: {name}: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        match compile_source(bytes, &name) {
            Ok(p) => p,
            Err(code) => return code,
        }
    };
    if cli.compile {
        let out = cli.output.unwrap_or_else(|| path.with_extension("fvc"));
        let written = program
            .to_bytes()
            .map_err(|e| e.to_string())
            .and_then(|b| std::fs::write(&out, b).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("framevm: cannot write {}: {e}", out.display());
            return ExitCode::from(1);
        }
        return ExitCode::SUCCESS;
    }
    if cli.dis {
        print!("{}", disassemble(program.code()));
        return ExitCode::SUCCESS;
    }
    let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut vm = Vm::builder()
        .dispatch(cli.dispatch)
        .frames(cli.frames)
        .recursion_limit(cli.recursion_limit as usize)
        .quick(!cli.no_quick)
        .stdout(stdout)
        .build();
    // sys.argv: the script as given, then its arguments.
    let mut argv = vec![path.display().to_string()];
    argv.extend(cli.args.iter().cloned());
    vm.set_argv(&argv);
    vm.set_memory_limit(cli.memory_limit);
    // Ctrl-C: KeyboardInterrupt in the script (if the handler cannot be
    // installed, SIGINT keeps its default action).
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, vm.keyboard_interrupt_flag());
    let result = vm.run(&program);
    let flushed = vm.flush();
    let status = match result {
        Ok(()) => 0,
        // SystemExit ends the run silently, with its code's status.
        Err(err) if err.system_exit().is_some() => match err.system_exit() {
            Some(exit) => {
                if let Some(m) = exit.message {
                    eprintln!("{m}");
                }
                exit.status
            }
            None => 1,
        },
        Err(err) => {
            eprintln!("{err}");
            // An uncaught KeyboardInterrupt: the status of a SIGINT death
            // (as CPython's 128 + 2).
            match &err {
                framevm::Error::Exception(e) if e.type_name() == "KeyboardInterrupt" => 130,
                _ => 1,
            }
        }
    };
    if cli.stats {
        eprintln!("{}", stats_report(&vm));
    }
    if let Err(e) = flushed
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("framevm: writing output: {e}");
        return ExitCode::from(1);
    }
    let _ = std::io::stderr().flush();
    ExitCode::from(status)
}

/// Source bytes compiled, or the exit status of the error printed.
fn compile_source(bytes: Vec<u8>, name: &str) -> Result<Program, ExitCode> {
    let source = match framevm::compiler::decode_source(&bytes, name) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("SyntaxError: {e}");
            return Err(ExitCode::from(1));
        }
    };
    match Program::compile(&source, name) {
        Ok(p) => Ok(p),
        Err(framevm::Error::Compile(e)) => {
            eprintln!("{e}");
            Err(ExitCode::from(e.exit_status()))
        }
        Err(e) => {
            eprintln!("{e}");
            Err(ExitCode::from(1))
        }
    }
}

/// `path` made absolute and normalised as Python's `os.path.abspath` does
/// (`.` and `..` folded, symlinks left alone).
fn absolute(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = std::path::PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn frame_demo(strategies: &[Strategy], n: i64) {
    for &strategy in strategies {
        let start = std::time::Instant::now();
        let (value, stats) = workload::fib(Frames::new(strategy, Config::default()), n);
        let elapsed = start.elapsed();
        let per_call = elapsed.as_nanos() as f64 / stats.requests.max(1) as f64;
        println!("{strategy}: fib({n}) = {value} in {elapsed:.2?} ({per_call:.1} ns per call)");
        println!("{stats}");
    }
}
