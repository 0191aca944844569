//! The `framevm` command: runs a Python program, or disassembles it.

#![forbid(unsafe_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

mod repl;
mod tools;
use framevm::bytecode::dis::disassemble;
use framevm::frame::{Config, Frames, Strategy, workload};
use framevm::interp::{Dispatch, stats_report};
use framevm::{Program, Vm};

// Counts the bytes each thread holds, for `--memory-limit`: small blocks
// from mimalloc, large ones from the system (the default feature), or all
// from the system allocator (for valgrind).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: framevm::alloc::CountingWith<framevm::alloc::SmallBlocks<mimalloc::MiMalloc>> =
    framevm::alloc::CountingWith(framevm::alloc::SmallBlocks(mimalloc::MiMalloc));

#[cfg(not(feature = "mimalloc"))]
#[global_allocator]
static ALLOC: framevm::alloc::Counting = framevm::alloc::Counting;

/// Run a Python program (a subset of Python 3, see the README) on framevm.
#[derive(Parser, Debug)]
#[command(
    name = "framevm",
    version,
    about,
    long_about = None,
    override_usage = "framevm [OPTIONS] FILE.py|FILE.fvc [ARGS]...\n       \
                      framevm [OPTIONS] -c CODE [ARGS]...\n       \
                      framevm [OPTIONS] -m MODULE [ARGS]...\n       \
                      framevm [OPTIONS] - [ARGS]...      (the program from stdin; also with no FILE when stdin is not a terminal)\n       \
                      framevm [OPTIONS]                  (an interactive prompt, when stdin is a terminal)",
    after_help = "-c CODE      run CODE (sys.argv[0] is '-c')\n\
                  -m MODULE    run MODULE, found along sys.path, as __main__"
)]
struct Cli {
    /// The program to run (`-` reads it from stdin).
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

    /// Print each line as it runs (as `python3 -m trace --trace`), interleaved with the program's output.
    #[arg(long)]
    trace: bool,

    /// Profile the program: bytecode instructions (exact), calls and time per function and per line, a table on stderr sorted by cost, and a flame graph SVG (or folded stacks) of Python's stack.
    #[arg(long)]
    profile: bool,

    /// What --profile writes: `svg` (a flame graph) or `folded` (stacks for other tools).
    #[arg(long, value_name = "FORMAT", default_value = "svg", value_parser = ["svg", "folded"])]
    profile_format: String,

    /// Where --profile writes (default framevm-profile.svg or framevm-profile.folded).
    #[arg(long, value_name = "PATH")]
    profile_output: Option<PathBuf>,

    /// Record which lines ran, written as an lcov tracefile.
    #[arg(long)]
    coverage: bool,

    /// Where --coverage writes (default framevm-coverage.lcov).
    #[arg(long, value_name = "PATH")]
    coverage_output: Option<PathBuf>,

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

/// What to run.
enum Source {
    File(PathBuf),
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE`.
    Module(String),
    /// The program read from stdin: `-` given (argv[0] `-`) or not (`''`).
    Stdin {
        explicit: bool,
    },
    /// The interactive prompt.
    Repl,
}

/// Options that take a value as the next argument (so that value is not
/// mistaken for the program).
const VALUE_OPTIONS: [&str; 9] = [
    "--profile-format",
    "--profile-output",
    "--coverage-output",
    "--dispatch",
    "--frames",
    "--recursion-limit",
    "--memory-limit",
    "--output",
    "-o",
];

/// Splits the command line at `-c CODE` or `-m MODULE`, as CPython does:
/// what comes before is framevm's options, what comes after is the
/// program's arguments. Gives the options, and the flag, its value and
/// the rest when there is one.
#[allow(clippy::type_complexity)]
fn split_args(args: Vec<String>) -> (Vec<String>, Option<(char, Option<String>, Vec<String>)>) {
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "--" || a == "-" || !a.starts_with('-') {
            break;
        }
        if let Some(flag @ ('c' | 'm')) = a.strip_prefix('-').and_then(|r| r.chars().next())
            && !a.starts_with("--")
        {
            let inline = &a[2..];
            let (value, rest) = if !inline.is_empty() {
                (Some(inline.to_string()), i + 1)
            } else {
                (args.get(i + 1).cloned(), i + 2)
            };
            let tail = args.get(rest..).map(<[String]>::to_vec).unwrap_or_default();
            return (args[..i].to_vec(), Some((flag, value, tail)));
        }
        if VALUE_OPTIONS.contains(&a.as_str()) {
            i += 1;
        }
        i += 1;
    }
    (args, None)
}

fn main() -> ExitCode {
    let (options, flag) = split_args(std::env::args().collect());
    let mut cli = Cli::parse_from(options);
    let source = match flag {
        Some((_, None, _)) => {
            let f = std::env::args().find(|a| a.starts_with("-c") || a.starts_with("-m"));
            eprintln!(
                "framevm: argument expected for the {} option\nusage: framevm [OPTIONS] -c CODE | -m MODULE | FILE | - [ARGS]...\nTry `framevm --help' for more information.",
                f.as_deref().unwrap_or("-c")
            );
            return ExitCode::from(2);
        }
        Some((flag, Some(value), rest)) => {
            if let Some(f) = cli.file.take() {
                // `framevm --opt -c CODE` never has a FILE; clap saw none.
                cli.args.insert(0, f.display().to_string());
            }
            cli.args.splice(0..0, rest);
            if flag == 'c' {
                Source::Command(value)
            } else {
                Source::Module(value)
            }
        }
        None => match cli.file.take() {
            Some(f) if f.as_os_str() == "-" => Source::Stdin { explicit: true },
            Some(f) => Source::File(f),
            None if cli.frame_demo.is_some() => Source::Repl,
            None => {
                use std::io::IsTerminal;
                if std::io::stdin().is_terminal() {
                    Source::Repl
                } else {
                    Source::Stdin { explicit: false }
                }
            }
        },
    };
    let worker = std::thread::Builder::new()
        .name("framevm".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(cli, source));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            eprintln!("framevm: cannot start the interpreter thread: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli, source: Source) -> ExitCode {
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
    // The program, its name in tracebacks, sys.argv[0], and the folder
    // heading sys.path when it is not argv[0]'s.
    let (program, name, argv0, script_dir) = match &source {
        Source::Repl => {
            let mut vm = new_vm(&cli);
            vm.set_argv(&[""]);
            return ExitCode::from(repl::run(vm));
        }
        Source::File(path) => {
            // Tracebacks name the script by its absolute path, as CPython's do.
            let name = absolute(path).display().to_string();
            let bytes = match std::fs::read(path) {
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
            (program, name, path.display().to_string(), None)
        }
        Source::Command(code) => match compile_source(code.clone().into_bytes(), "<string>") {
            Ok(p) => (p, "<string>".to_string(), "-c".to_string(), None),
            Err(code) => return code,
        },
        Source::Stdin { explicit } => {
            use std::io::Read;
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("framevm: reading the program from stdin: {e}");
                return ExitCode::from(2);
            }
            match compile_source(bytes, "<stdin>") {
                Ok(p) => {
                    let argv0 = if *explicit { "-" } else { "" };
                    (p, "<stdin>".to_string(), argv0.to_string(), None)
                }
                Err(code) => return code,
            }
        }
        Source::Module(module) => {
            let Some(path) = find_module(module) else {
                eprintln!("framevm: No module named {module}");
                return ExitCode::from(1);
            };
            let name = absolute(&path).display().to_string();
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("framevm: can't open file '{name}': {e}");
                    return ExitCode::from(2);
                }
            };
            match compile_source(bytes, &name) {
                Ok(p) => {
                    let cwd = std::env::current_dir()
                        .map(|d| d.display().to_string())
                        .ok();
                    (p, name.clone(), name, cwd)
                }
                Err(code) => return code,
            }
        }
    };
    if cli.compile {
        let out = match (&cli.output, &source) {
            (Some(o), _) => o.clone(),
            (None, Source::File(path)) => path.with_extension("fvc"),
            (None, _) => {
                eprintln!("framevm: --compile of a program not from a file needs -o PATH");
                return ExitCode::from(2);
            }
        };
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
    let mut vm = new_vm(&cli);
    // sys.argv: the script as given, then its arguments.
    let mut argv = vec![argv0];
    argv.extend(cli.args.iter().cloned());
    vm.set_argv(&argv);
    if script_dir.is_some() {
        vm.set_script_dir(script_dir.as_deref());
    }
    if matches!(source, Source::File(_) | Source::Module(_)) && !vm.globals().contains("__file__") {
        let _ = vm.globals().set("__file__", name.as_str());
    }
    if [cli.trace, cli.profile, cli.coverage]
        .iter()
        .filter(|b| **b)
        .count()
        > 1
    {
        eprintln!("framevm: --trace, --profile and --coverage are one at a time");
        return ExitCode::from(2);
    }
    if cli.trace {
        // One writer for the program and the trace, so their lines interleave.
        let shared = tools::SharedOut(std::rc::Rc::new(std::cell::RefCell::new(Box::new(
            std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
        ))));
        vm.set_stdout(Box::new(shared.clone()));
        tools::trace(&mut vm, shared);
    }
    let profile = cli.profile.then(|| tools::profile(&mut vm));
    let coverage = cli.coverage.then(|| tools::coverage(&mut vm));
    // `-m a.b.c` imports package a.b first (a/b/c/__main__.py: a.b.c),
    // as runpy does, so the module's relative imports find their parent;
    // a script, -c and stdin have no package.
    let result = match &source {
        Source::Module(module) => {
            let package = if name.ends_with("__main__.py") {
                module.as_str()
            } else {
                module.rsplit_once('.').map_or("", |(p, _)| p)
            };
            let _ = vm.globals().set("__package__", package);
            // (framevm has no namespace packages: a folder without an
            // __init__.py is not imported.)
            let has_init = std::path::Path::new(&name)
                .parent()
                .is_some_and(|d| d.join("__init__.py").is_file());
            if package.is_empty() || !has_init {
                Ok(())
            } else {
                vm.import(package).map(drop)
            }
        }
        _ => {
            let _ = vm.globals().set("__package__", ());
            Ok(())
        }
    };
    let result = result.and_then(|()| vm.run(&program));
    let flushed = vm.flush();
    let mut tool_failed = false;
    if let Some(p) = &profile {
        let folded = cli.profile_format == "folded";
        let path = cli.profile_output.clone().unwrap_or_else(|| {
            PathBuf::from(if folded {
                "framevm-profile.folded"
            } else {
                "framevm-profile.svg"
            })
        });
        let title = format!(
            "framevm --profile {}",
            name.rsplit('/').next().unwrap_or(&name)
        );
        if let Err(e) = tools::write_profile(&mut vm, p, folded, &path, &title) {
            eprintln!("framevm: cannot write {}: {e}", path.display());
            tool_failed = true;
        }
    }
    if let Some(c) = &coverage {
        vm.set_hook(None);
        let path = cli
            .coverage_output
            .clone()
            .unwrap_or_else(|| PathBuf::from("framevm-coverage.lcov"));
        match tools::write_lcov(c, &path) {
            Ok(()) => eprintln!("framevm: coverage written to {}", path.display()),
            Err(e) => {
                eprintln!("framevm: cannot write {}: {e}", path.display());
                tool_failed = true;
            }
        }
    }
    let status = exit_status(result);
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
    if tool_failed && status == 0 {
        return ExitCode::from(1);
    }
    ExitCode::from(status)
}

/// A VM with the command line's options, its stdout buffered, Ctrl-C
/// raising KeyboardInterrupt.
fn new_vm(cli: &Cli) -> Vm {
    let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut vm = Vm::builder()
        .dispatch(cli.dispatch)
        .frames(cli.frames)
        .recursion_limit(cli.recursion_limit as usize)
        .quick(!cli.no_quick)
        .stdout(stdout)
        .build();
    vm.set_memory_limit(cli.memory_limit);
    // Ctrl-C: KeyboardInterrupt in the script (if the handler cannot be
    // installed, SIGINT keeps its default action).
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, vm.keyboard_interrupt_flag());
    vm
}

/// The exit status of a run, its error (if any) printed on stderr.
fn exit_status(result: Result<(), framevm::Error>) -> u8 {
    match result {
        Ok(()) => 0,
        Err(err) => match err.system_exit() {
            // SystemExit ends the run silently, with its code's status.
            Some(exit) => {
                if let Some(m) = exit.message {
                    eprintln!("{m}");
                }
                exit.status
            }
            None => {
                eprintln!("{err}");
                // An uncaught KeyboardInterrupt: the status of a SIGINT
                // death (as CPython's 128 + 2).
                match &err {
                    framevm::Error::Exception(e) if e.type_name() == "KeyboardInterrupt" => 130,
                    _ => 1,
                }
            }
        },
    }
}

/// The file `-m name` runs: `name.py` (dots are folders) or
/// `name/__main__.py`, in the current folder, then along FRAMEVMPATH.
fn find_module(name: &str) -> Option<PathBuf> {
    if name.is_empty() || name.split('.').any(str::is_empty) {
        return None;
    }
    let rel: PathBuf = name.split('.').collect();
    let mut dirs = vec![PathBuf::from(".")];
    if let Ok(p) = std::env::var("FRAMEVMPATH") {
        dirs.extend(p.split(':').filter(|d| !d.is_empty()).map(PathBuf::from));
    }
    dirs.into_iter().find_map(|d| {
        let file = d.join(&rel).with_extension("py");
        if file.is_file() {
            return Some(file);
        }
        let main = d.join(&rel).join("__main__.py");
        main.is_file().then_some(main)
    })
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
