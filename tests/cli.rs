//! The `framevm` command as a user runs it.

use std::path::PathBuf;
use std::process::Command;

fn framevm(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_framevm"))
        .args(args)
        .output()
        .expect("framevm runs");
    (
        out.status.code().expect("exit status"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Writes `source` to a fresh file named `name` and gives its path.
fn program(name: &str, source: &str) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("framevm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    path.display().to_string()
}

const FIB: &str = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(15), [fib(i) for i in range(8)])\n";

#[test]
fn runs_a_program_under_every_dispatch_and_frame_strategy() {
    let path = program("fib.py", FIB);
    for dispatch in ["threaded", "switch"] {
        for frames in ["freelist", "zombie", "datastack", "malloc"] {
            let (code, out, err) = framevm(&[
                &format!("--dispatch={dispatch}"),
                &format!("--frames={frames}"),
                &path,
            ]);
            assert_eq!(
                (code, out.as_str(), err.as_str()),
                (0, "610 [0, 1, 1, 2, 3, 5, 8, 13]\n", ""),
                "{dispatch}/{frames}"
            );
        }
    }
}

#[test]
fn stats_reports_frames_and_instructions() {
    let path = program("fib_stats.py", FIB);
    let (code, out, err) = framevm(&["--stats", "--frames=zombie", &path]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "610 [0, 1, 1, 2, 3, 5, 8, 13]\n");
    assert!(err.contains("zombie hits"), "{err}");
    assert!(err.contains("frames alive                  0"), "{err}");
    let executed: u64 = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("instructions executed"))
        .expect("an instruction count")
        .trim()
        .parse()
        .unwrap();
    assert!(executed > 10_000, "{executed}");
}

#[test]
fn dis_prints_every_code_object() {
    let path = program("fib_dis.py", FIB);
    let (code, out, _) = framevm(&["--dis", &path]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Disassembly of <code object fib, file"),
        "{out}"
    );
    assert!(
        out.contains("Disassembly of <code object <listcomp>, file"),
        "{out}"
    );
    assert!(out.contains("RETURN_VALUE"), "{out}");
}

#[test]
fn runtime_errors_print_a_traceback_and_exit_1() {
    let path = program(
        "div.py",
        "def f(x):\n    return 1 // x\n\nprint('before')\nf(0)\n",
    );
    let (code, out, err) = framevm(&[&path]);
    assert_eq!(code, 1);
    assert_eq!(out, "before\n");
    let want = format!(
        "Traceback (most recent call last):\n  File \"{path}\", line 5, in <module>\n    f(0)\n  File \"{path}\", line 2, in f\n    return 1 // x\n           ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n"
    );
    assert_eq!(err, want);
}

#[test]
fn recursion_is_bounded_by_the_limit_not_the_host_stack() {
    let path = program(
        "deep.py",
        "def down(n):\n    return down(n + 1)\n\ndown(0)\n",
    );
    let (code, _, err) = framevm(&["--recursion-limit=50000", &path]);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        &err[err.len().saturating_sub(200)..]
    );
}

#[test]
fn syntax_errors_show_the_place_and_exit_1() {
    let path = program("syntax.py", "x = 1\nif x\n    print(x)\n");
    let (code, out, err) = framevm(&[&path]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with(&format!(
            "  File \"{path}\", line 2, column 5\n    if x\n        ^\nSyntaxError: "
        )),
        "{err}"
    );
}

#[test]
fn unsupported_constructs_are_refused_before_running() {
    let path = program("alias.py", "print('never')\ntype Number = int\n");
    let (code, out, err) = framevm(&[&path]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("{path}:2: unsupported: type alias is not in the subset framevm runs\n")
    );
}

#[test]
fn bad_arguments_exit_2() {
    let path = program("ok.py", "pass\n");
    for (args, says) in [
        (
            vec!["--frames=lifo", path.as_str()],
            "unknown frame strategy 'lifo'",
        ),
        (
            vec!["--dispatch=jit", path.as_str()],
            "unknown dispatch 'jit'",
        ),
        (
            vec!["--recursion-limit=0", path.as_str()],
            "--recursion-limit",
        ),
        (
            vec!["/no/such/file.py"],
            "can't open file '/no/such/file.py'",
        ),
        (vec!["-c"], "argument expected for the -c option"),
        (vec!["--stats", "-m"], "argument expected for the -m option"),
    ] {
        let (code, out, err) = framevm(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn help_explains_every_option() {
    let (code, out, _) = framevm(&["--help"]);
    assert_eq!(code, 0);
    for opt in [
        "--dis",
        "--stats",
        "--dispatch",
        "--frames",
        "--recursion-limit",
        "--frame-demo",
    ] {
        assert!(out.contains(opt), "{opt} missing from\n{out}");
    }
}

#[test]
fn frame_demo_runs_fib_under_every_strategy() {
    let (code, out, err) = framevm(&["--frame-demo=10"]);
    assert_eq!(code, 0, "{err}");
    for strategy in ["freelist", "zombie", "datastack", "malloc"] {
        assert!(
            out.contains(&format!("{strategy}: fib(10) = 55 in")),
            "{strategy} missing:\n{out}"
        );
    }
    // fib(10) makes 177 calls; every report shows them and no frame left alive.
    assert_eq!(
        out.matches("requests                    177").count(),
        4,
        "{out}"
    );
    assert_eq!(
        out.matches("frames alive                  0").count(),
        4,
        "{out}"
    );
    let (_, out, _) = framevm(&["--frame-demo=5", "--frames=datastack"]);
    assert!(
        out.starts_with("datastack: fib(5) = 5 in") && !out.contains("freelist"),
        "{out}"
    );
}

#[test]
fn hostile_programs_end_cleanly() {
    // A container that contains itself prints as CPython prints it.
    let path = program(
        "cyclic.py",
        "a = [1]\na.append(a)\nd = {'k': 1}\nd['self'] = d\nprint(a, d)\n",
    );
    let (code, out, err) = framevm(&[&path]);
    assert_eq!(
        (code, out.as_str()),
        (0, "[1, [...]] {'k': 1, 'self': {...}}\n"),
        "{err}"
    );
    // Dropping a structure a million levels deep does not overflow the stack.
    let path = program(
        "deep_data.py",
        "x = None\nfor i in range(1000000):\n    x = (i, [x])\nprint('built')\n",
    );
    let (code, out, err) = framevm(&[&path]);
    assert_eq!((code, out.as_str()), (0, "built\n"), "{err}");
    // Comparing containers that contain themselves raises, as in CPython.
    let path = program(
        "cyclic_eq.py",
        "a = []\na.append(a)\nb = []\nb.append(b)\nprint(a == b)\n",
    );
    let (code, _, err) = framevm(&[&path]);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded in comparison\n"),
        "{err}"
    );
    // Source nested deeper than the compiler's bound is refused, not crashed on.
    let path = program("deep_source.py", &format!("x = {}1\n", "-".repeat(100_000)));
    let (code, _, err) = framevm(&[&path]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unsupported: nesting deeper than 2000 levels"),
        "{err}"
    );
}

#[test]
fn a_compiled_program_runs_like_its_source() {
    let src = program(
        "saved.py",
        "def f(x):\n    return 10 // x\n\nprint(f(5))\nf(0)\n",
    );
    let fvc = src.replace(".py", ".fvc");
    let (code, out, err) = framevm(&["--compile", &src]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let from_source = framevm(&[&src]);
    let from_saved = framevm(&[&fvc]);
    assert_eq!(from_saved, from_source, "same output, status and traceback");
    assert_eq!(from_saved.0, 1);
    assert!(
        from_saved
            .2
            .ends_with("ZeroDivisionError: integer division or modulo by zero\n")
    );
    // A damaged file is an error, never a crash.
    let mut bytes = std::fs::read(&fvc).unwrap();
    bytes.truncate(bytes.len() / 2);
    let cut = src.replace(".py", "-cut.fvc");
    std::fs::write(&cut, &bytes).unwrap();
    let (code, _, err) = framevm(&[&cut]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot load the program"), "{err}");
}

#[test]
fn sigint_raises_keyboard_interrupt_in_the_script() {
    use std::io::{BufRead, BufReader};
    let path = program(
        "sigint.py",
        "import sys\ntry:\n    print('ready', flush=True)\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught KeyboardInterrupt')\nwhile True:\n    pass\n",
    );
    let run = |signals: usize| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_framevm"))
            .arg(&path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("framevm runs");
        let mut out = BufReader::new(child.stdout.take().expect("piped"));
        let mut line = String::new();
        out.read_line(&mut line).expect("a line");
        assert_eq!(line, "ready\n");
        for _ in 0..signals {
            std::thread::sleep(std::time::Duration::from_millis(200));
            let sent = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .expect("kill runs");
            assert!(sent.success());
        }
        let status = child.wait().expect("exits");
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut out, &mut rest).expect("stdout");
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut err)
            .expect("stderr");
        (status.code(), rest, err)
    };
    // The first SIGINT is caught by the script's handler; the second,
    // uncaught, ends it with a traceback and the status of a SIGINT death.
    let (code, out, err) = run(2);
    assert_eq!(out, "caught KeyboardInterrupt\n");
    assert_eq!(code, Some(130), "{err}");
    assert!(err.ends_with("KeyboardInterrupt\n"), "{err}");
}

/// `framevm ARGS` with `input` on its stdin.
fn framevm_stdin(args: &[&str], input: &str, dir: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_framevm"));
    cmd.args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("framevm runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().expect("exit status"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

#[test]
fn dash_c_runs_code_with_its_arguments() {
    let (code, out, err) = framevm(&[
        "--frames",
        "zombie",
        "-c",
        "import sys\nprint(sys.argv, __name__)",
        "a",
        "--dis",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "['-c', 'a', '--dis'] __main__\n");
    // Errors name the program "<string>"; SystemExit gives its status.
    let (code, _, err) = framevm(&["-c", "x = 1\n1 / x / 0"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("File \"<string>\", line 2, in <module>"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: float division by zero\n"),
        "{err}"
    );
    let (code, _, _) = framevm(&["-c", "raise SystemExit(7)"]);
    assert_eq!(code, 7);
    let (code, _, err) = framevm(&["-c", "def"]);
    assert_eq!(code, 1);
    assert!(err.contains("SyntaxError"), "{err}");
}

#[test]
fn dash_m_runs_a_module_found_on_the_path() {
    let main = program("mod_main.py", "");
    let dir = std::path::Path::new(&main).parent().unwrap().join("dash_m");
    std::fs::create_dir_all(dir.join("tool")).unwrap();
    std::fs::write(
        dir.join("hello.py"),
        "import sys, helper\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('/hello.py'), __file__ == sys.argv[0], helper.X)\n",
    )
    .unwrap();
    std::fs::write(dir.join("helper.py"), "X = 42\n").unwrap();
    std::fs::write(dir.join("tool/__main__.py"), "print('tool', __name__)\n").unwrap();
    let d = dir.to_str().unwrap();
    let (code, out, err) = framevm_stdin(&["-m", "hello", "x", "-y"], "", Some(d));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "__main__ ['x', '-y'] True True 42\n");
    let (code, out, _) = framevm_stdin(&["-m", "tool"], "", Some(d));
    assert_eq!((code, out.as_str()), (0, "tool __main__\n"));
    let (code, _, err) = framevm_stdin(&["-m", "no_such_module"], "", Some(d));
    assert_eq!(code, 1);
    assert!(err.contains("No module named no_such_module"), "{err}");
}

#[test]
fn dash_m_imports_the_package_of_a_module_first() {
    // As CPython's runpy: `-m pkg.mod` runs pkg/__init__.py, then
    // pkg/mod.py as __main__ with __package__ 'pkg', so `from . import`
    // works; `-m pkg` runs pkg/__main__.py the same way.
    let main = program("mod_main.py", "");
    let dir = std::path::Path::new(&main)
        .parent()
        .unwrap()
        .join("dash_m_pkg");
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "print('init', __name__)\n").unwrap();
    std::fs::write(dir.join("pkg/helper.py"), "X = 5\n").unwrap();
    std::fs::write(
        dir.join("pkg/mod.py"),
        "from . import helper\nfrom .helper import X\nprint(__name__, __package__, helper.X, X)\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("pkg/__main__.py"),
        "from .helper import X\nprint('main', __name__, __package__, X)\n",
    )
    .unwrap();
    std::fs::write(dir.join("top.py"), "print(repr(__package__), __name__)\n").unwrap();
    let d = dir.to_str().unwrap();
    let (code, out, err) = framevm_stdin(&["-m", "pkg.mod"], "", Some(d));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "init pkg\n__main__ pkg 5 5\n");
    let (code, out, err) = framevm_stdin(&["-m", "pkg"], "", Some(d));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "init pkg\nmain __main__ pkg 5\n");
    let (code, out, _) = framevm_stdin(&["-m", "top"], "", Some(d));
    assert_eq!((code, out.as_str()), (0, "'' __main__\n"));
    let (code, out, _) = framevm_stdin(&["top.py"], "", Some(d));
    assert_eq!((code, out.as_str()), (0, "None __main__\n"));
}

#[test]
fn the_program_comes_from_stdin() {
    // `-`, with arguments after it; the program was all of stdin, so
    // input() finds its end.
    let src =
        "import sys\nprint(sys.argv)\ntry:\n    input('? ')\nexcept EOFError:\n    print('EOF')\n";
    let (code, out, err) = framevm_stdin(&["-", "a"], src, None);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "['-', 'a']\n? EOF\n");
    // No FILE and stdin not a terminal: the same, argv[0] ''.
    let (code, out, err) = framevm_stdin(&[], "import sys\nprint(sys.argv)\n1/0\n", None);
    assert_eq!(code, 1);
    assert_eq!(out, "['']\n");
    assert!(
        err.contains("File \"<stdin>\", line 3, in <module>"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn input_reads_lines_and_raises_eof_error_at_the_end() {
    let path = program(
        "input.py",
        "print(repr(input('name: ')))\nprint(repr(input()))\ntry:\n    input('more? ')\nexcept EOFError as e:\n    print('EOF:', e)\n",
    );
    let (code, out, err) = framevm_stdin(&[path.as_str()], "Ada Lovelace\n  spaced  \n", None);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "name: 'Ada Lovelace'\n'  spaced  '\nmore? EOF: EOF when reading a line\n"
    );
}

/// Runs `framevm` under a pseudo-terminal through python3's `pty`
/// (tests/cli/pty_session.py), typing and waiting as `steps` say; gives
/// the transcript, or None when python3 is not there.
fn pty_session(steps: &[&str]) -> Option<String> {
    let driver = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cli/pty_session.py");
    let out = match Command::new("python3")
        .arg(driver)
        .arg(env!("CARGO_BIN_EXE_framevm"))
        .args(steps)
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipped: python3 cannot run ({e})");
            return None;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "the session stalled:\n{text}");
    Some(text)
}

#[test]
fn the_interactive_prompt_under_a_terminal() {
    let Some(t) = pty_session(&[
        "wait:>>> ",
        "send:6 * 7\n",
        "wait:42",
        "wait:>>> ",
        "send:_ + 1\n",
        "wait:43",
        "wait:>>> ",
        "send:'a' + \"b\"\n",
        "wait:'ab'",
        "wait:>>> ",
        "send:1 / 0\n",
        "wait:ZeroDivisionError: division by zero",
        "wait:>>> ",
        "send:def twice(x):\n",
        "wait:... ",
        "send:    return [x,\n",
        "wait:... ",
        "send:            x]\n",
        "wait:... ",
        "send:\n",
        "wait:>>> ",
        "send:twice(5)\n",
        "wait:[5, 5]",
        "wait:>>> ",
        "send:print('printed')\n",
        "wait:printed",
        "wait:>>> ",
        "send:None\n",
        "wait:>>> ",
        "send:unfinished\x03",
        "wait:KeyboardInterrupt",
        "wait:>>> ",
        "send:\x04",
    ]) else {
        return;
    };
    assert!(t.starts_with("framevm "), "{t}");
    assert!(t.contains("(Python 3.11 compatible)"), "{t}");
    assert!(
        t.contains("Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>"),
        "{t}"
    );
    // print's output once, not echoed as a repr; None not echoed.
    assert_eq!(t.matches("printed").count(), 2, "{t}");
    assert!(!t.contains("\r\nNone\r\n"), "{t}");
    assert!(t.trim_end().ends_with("EXIT 0"), "{t}");
}

#[test]
fn the_interactive_prompt_exits_with_system_exit_and_survives_ctrl_c_in_a_loop() {
    let Some(t) = pty_session(&[
        "wait:>>> ",
        "send:while True: pass\n",
        "wait:... ",
        "send:\n",
        "sleep:0.5",
        "send:\x03",
        "wait:KeyboardInterrupt",
        "wait:>>> ",
        "send:import sys; sys.exit(4)\n",
    ]) else {
        return;
    };
    assert!(t.trim_end().ends_with("EXIT 4"), "{t}");
}

const TRACED: &str = "def sq(x):\n    return x * x\n\ndef gen(n):\n    for i in range(n):\n        yield i\n\ntotal = 0\nfor i in gen(3):\n    total += sq(i)\n    if total > 100:\n        break\nelse:\n    total -= 1\nprint(total)\n";

#[test]
fn trace_prints_lines_as_python_m_trace_does() {
    let path = program("traced.py", TRACED);
    let (code, out, err) = framevm(&["--trace", &path]);
    assert_eq!((code, err.as_str()), (0, ""));
    // What `python3 -m trace --trace traced.py` printed (CPython 3.11.7).
    let want = " --- modulename: traced, funcname: <module>\n\
traced.py(1): def sq(x):\n\
traced.py(4): def gen(n):\n\
traced.py(8): total = 0\n\
traced.py(9): for i in gen(3):\n \
--- modulename: traced, funcname: gen\n\
traced.py(5):     for i in range(n):\n\
traced.py(6):         yield i\n\
traced.py(10):     total += sq(i)\n \
--- modulename: traced, funcname: sq\n\
traced.py(2):     return x * x\n\
traced.py(11):     if total > 100:\n\
traced.py(9): for i in gen(3):\n \
--- modulename: traced, funcname: gen\n\
traced.py(5):     for i in range(n):\n\
traced.py(6):         yield i\n\
traced.py(10):     total += sq(i)\n \
--- modulename: traced, funcname: sq\n\
traced.py(2):     return x * x\n\
traced.py(11):     if total > 100:\n\
traced.py(9): for i in gen(3):\n \
--- modulename: traced, funcname: gen\n\
traced.py(5):     for i in range(n):\n\
traced.py(6):         yield i\n\
traced.py(10):     total += sq(i)\n \
--- modulename: traced, funcname: sq\n\
traced.py(2):     return x * x\n\
traced.py(11):     if total > 100:\n\
traced.py(9): for i in gen(3):\n \
--- modulename: traced, funcname: gen\n\
traced.py(5):     for i in range(n):\n\
traced.py(14):     total -= 1\n\
traced.py(15): print(total)\n\
4\n";
    assert_eq!(out, want);
    // And against python3 itself when it is 3.11.
    let py = Command::new("python3").arg("--version").output();
    if py.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11")) {
        let dir = std::path::Path::new(&path).parent().unwrap();
        let o = Command::new("python3")
            .args(["-m", "trace", "--trace", "traced.py"])
            .current_dir(dir)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stdout), out);
    }
}

/// The table's per-function instruction columns and the folded stacks.
fn profile_of(args: &[&str], path: &str, out_file: &str) -> (String, String) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend([
        "--profile",
        "--profile-format=folded",
        "--profile-output",
        out_file,
        path,
    ]);
    let (code, out, err) = framevm(&all);
    assert_eq!((code, out.as_str()), (0, "4\n"), "{err}");
    let table: String = err
        .lines()
        .filter(|l| l.contains("profiled.py"))
        // Instruction and call columns only: times vary.
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            format!("{} {}", w[..2].join(" "), w[w.len() - 2..].join(" "))
        })
        .collect::<Vec<_>>()
        .join("\n");
    (table, std::fs::read_to_string(out_file).unwrap())
}

#[test]
fn profile_counts_are_exact_on_every_run_and_backend() {
    let path = program("profiled.py", TRACED);
    let dir = std::path::Path::new(&path).parent().unwrap().to_path_buf();
    let first = dir.join("p0.folded").display().to_string();
    let (table, folded) = profile_of(&[], &path, &first);
    assert!(
        folded.contains("<module> (profiled.py:1);sq (profiled.py:1) 12\n"),
        "{folded}"
    );
    assert!(
        folded
            .lines()
            .any(|l| l.starts_with("<module> (profiled.py:1);gen (profiled.py:4) "))
    );
    let mut runs = 0;
    for dispatch in ["threaded", "switch"] {
        for frames in ["freelist", "datastack", "malloc"] {
            let f = dir
                .join(format!("p-{dispatch}-{frames}.folded"))
                .display()
                .to_string();
            let d = format!("--dispatch={dispatch}");
            let s = format!("--frames={frames}");
            let (t, fo) = profile_of(&[&d, &s], &path, &f);
            assert_eq!((&t, &fo), (&table, &folded), "{dispatch} {frames}");
            runs += 1;
        }
    }
    assert_eq!(runs, 6);
    // --no-quick too: the counts are the same whatever the fast paths do.
    let f = dir.join("p-noquick.folded").display().to_string();
    assert_eq!(profile_of(&["--no-quick"], &path, &f), (table, folded));
}

#[test]
fn profile_writes_a_flame_graph_svg() {
    let path = program("flame.py", TRACED);
    let svg = std::path::Path::new(&path).with_file_name("flame.svg");
    let (code, out, err) = framevm(&[
        "--profile",
        "--profile-output",
        svg.to_str().unwrap(),
        &path,
    ]);
    assert_eq!((code, out.as_str()), (0, "4\n"), "{err}");
    assert!(err.contains("self instr"), "{err}");
    assert!(err.contains("sq (flame.py:1)"), "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.starts_with("<?xml"),
        "{}",
        &text[..100.min(text.len())]
    );
    assert!(text.trim_end().ends_with("</svg>"));
    assert!(text.contains("<svg"));
    // Python's stack as the frames: the function names are in it.
    assert!(text.contains("sq (flame.py:1)"));
    assert!(text.contains("gen (flame.py:4)"));
    // Every element opened is closed (a cheap well-formedness check).
    assert_eq!(text.matches("<g").count(), text.matches("</g>").count());
}

#[test]
fn coverage_writes_lcov_lines() {
    let path = program(
        "covered.py",
        "def used():\n    return 1\n\ndef unused():\n    return 2\n\nif used():\n    print('yes')\nelse:\n    print('no')\n",
    );
    let lcov = std::path::Path::new(&path).with_file_name("cov.lcov");
    let (code, out, err) = framevm(&[
        "--coverage",
        "--coverage-output",
        lcov.to_str().unwrap(),
        &path,
    ]);
    assert_eq!((code, out.as_str()), (0, "yes\n"), "{err}");
    let text = std::fs::read_to_string(&lcov).unwrap();
    let want = format!(
        "TN:\nSF:{path}\nDA:1,1\nDA:2,1\nDA:4,1\nDA:5,0\nDA:7,1\nDA:8,1\nDA:10,0\nLH:5\nLF:7\nend_of_record\n"
    );
    assert_eq!(text, want);
}
