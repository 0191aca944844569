//! Runs every program in tests/programs/ under every dispatch × frame
//! combination, and once with `--no-quick` (every instruction on its full
//! path), and compares stdout, the last line of stderr and the exit
//! status with what CPython 3.11 recorded in `<name>.expected`
//! (tests/programs/record.sh writes those; never edit them by hand).
//!
//! When `python3` is 3.11 or newer, each program also runs on CPython and a
//! recorded expectation that CPython no longer matches fails the test.
//!
//! `tests/programs/PENDING` lists programs that need features not built yet;
//! they must still fail (so the list only shrinks when they really pass).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DISPATCH: [&str; 2] = ["threaded", "switch"];
const FRAMES: [&str; 4] = ["freelist", "zombie", "datastack", "malloc"];

#[derive(Debug, PartialEq, Eq)]
struct Expected {
    status: i32,
    stderr_last: String,
    stdout: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

fn parse_expected(text: &str, name: &str) -> Expected {
    let (head, stdout) = text
        .split_once("--- stdout\n")
        .unwrap_or_else(|| panic!("{name}.expected: no '--- stdout' line"));
    let mut status = None;
    let mut stderr_last = None;
    for line in head.lines() {
        if let Some(v) = line.strip_prefix("status:") {
            status = Some(
                v.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}.expected: bad status")),
            );
        } else if let Some(v) = line.strip_prefix("stderr:") {
            stderr_last = Some(v.trim().to_string());
        }
    }
    Expected {
        status: status.unwrap_or_else(|| panic!("{name}.expected: no status")),
        stderr_last: stderr_last.unwrap_or_else(|| panic!("{name}.expected: no stderr line")),
        stdout: stdout.to_string(),
    }
}

fn observe(mut cmd: Command) -> Expected {
    let out = cmd.stdin(Stdio::null()).output().expect("the program runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    Expected {
        status: out.status.code().unwrap_or(-1),
        stderr_last: stderr.lines().last().unwrap_or("").trim().to_string(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/programs exists")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "py").then(|| p.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    names
}

fn pending() -> BTreeSet<String> {
    std::fs::read_to_string(dir().join("PENDING"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// CPython 3.11 or newer, if `python3` is one.
fn cpython() -> Option<String> {
    let out = Command::new("python3").arg("--version").output().ok()?;
    let v = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let minor: u32 = v
        .strip_prefix("Python 3.")?
        .split('.')
        .next()?
        .parse()
        .ok()?;
    (minor >= 11).then_some(v)
}

#[test]
fn programs_match_cpython_under_every_combination() {
    let names = programs();
    assert!(names.len() >= 60, "only {} programs", names.len());
    let pending = pending();
    for p in &pending {
        assert!(
            names.contains(p),
            "PENDING names {p}, which is not a program"
        );
    }
    // The 8 dispatch × frame combinations, then every instruction on its
    // full path (the quick paths must not change an answer).
    let configs: Vec<Vec<String>> = DISPATCH
        .iter()
        .flat_map(|d| {
            FRAMES
                .iter()
                .map(move |f| vec![format!("--dispatch={d}"), format!("--frames={f}")])
        })
        .chain(std::iter::once(vec!["--no-quick".to_string()]))
        .collect();
    let wants: Vec<Expected> = names
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir().join(format!("{name}.expected")))
                .unwrap_or_else(|_| panic!("{name}.expected is missing: run record.sh"));
            parse_expected(&text, name)
        })
        .collect();
    // Every (program, configuration) run is a job, taken in turn by one
    // thread per core (the programs that write files name them by pid).
    let jobs: Vec<(usize, usize)> = (0..names.len())
        .flat_map(|p| (0..configs.len()).map(move |c| (p, c)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Expected>>> =
        jobs.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let j = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&(p, c)) = jobs.get(j) else { break };
                    let mut cmd = Command::new(env!("CARGO_BIN_EXE_framevm"));
                    cmd.current_dir(dir())
                        .args(&configs[c])
                        .arg(format!("{}.py", names[p]));
                    *results[j].lock().expect("no thread panicked") = Some(observe(cmd));
                }
            });
        }
    });
    let mut failures = Vec::new();
    let mut passed_but_pending = Vec::new();
    for (p, name) in names.iter().enumerate() {
        let want = &wants[p];
        // The first configuration that differs is reported.
        let differs = (0..configs.len()).find_map(|c| {
            let got = results[p * configs.len() + c]
                .lock()
                .expect("no thread panicked")
                .take()
                .expect("every job ran");
            (got != *want).then_some((c, got))
        });
        match differs {
            Some((c, got)) if !pending.contains(name) => failures.push(format!(
                "{name} [{}]:\n  want {want:?}\n  got  {got:?}",
                configs[c].join(" ")
            )),
            Some(_) => {}
            None if pending.contains(name) => passed_but_pending.push(name.clone()),
            None => {}
        }
    }
    assert!(
        passed_but_pending.is_empty(),
        "these pass now: remove them from tests/programs/PENDING: {passed_but_pending:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs fail:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
    eprintln!(
        "{} programs pass under all 8 combinations and with --no-quick; {} pending",
        names.len() - pending.len(),
        pending.len()
    );
}

#[test]
fn expectations_still_match_cpython() {
    let Some(version) = cpython() else {
        eprintln!("python3 is missing or older than 3.11: recorded expectations not re-checked");
        return;
    };
    let mut drift = Vec::new();
    for name in programs() {
        let text =
            std::fs::read_to_string(dir().join(format!("{name}.expected"))).expect("recorded");
        let want = parse_expected(&text, &name);
        let mut cmd = Command::new("python3");
        cmd.current_dir(dir())
            .env("PYTHONHASHSEED", "0")
            .arg("-X")
            .arg("utf8")
            .arg(format!("{name}.py"));
        let got = observe(cmd);
        if got != want {
            drift.push(format!(
                "{name}: recorded {want:?}\n  {version} gives {got:?}"
            ));
        }
    }
    assert!(
        drift.is_empty(),
        "expectations differ from CPython:\n{}",
        drift.join("\n")
    );
}

/// The whole traceback of every program that ends in an uncaught
/// exception, byte for byte as CPython 3.11 prints it: chained exceptions,
/// every frame, source lines, the carets under the failing part, repeated
/// frames folded. Only with python3 3.11 (3.12 changed the format).
#[test]
fn tracebacks_match_cpython_3_11_exactly() {
    let Some(version) = cpython().filter(|v| v.starts_with("Python 3.11.")) else {
        eprintln!("python3 is not 3.11: full tracebacks not compared");
        return;
    };
    let mut differ = Vec::new();
    let mut compared = 0;
    for name in programs() {
        let text =
            std::fs::read_to_string(dir().join(format!("{name}.expected"))).expect("recorded");
        if parse_expected(&text, &name).status != 1 {
            continue;
        }
        let stderr = |mut cmd: Command| {
            let out = cmd.current_dir(dir()).output().expect("runs");
            String::from_utf8_lossy(&out.stderr).into_owned()
        };
        let mut ours = Command::new(env!("CARGO_BIN_EXE_framevm"));
        ours.arg(format!("{name}.py"));
        let mut theirs = Command::new("python3");
        theirs
            .env("PYTHONHASHSEED", "0")
            .arg("-X")
            .arg("utf8")
            .arg(format!("{name}.py"));
        let (a, b) = (stderr(ours), stderr(theirs));
        if a != b {
            differ.push(format!("{name}:\n--- framevm\n{a}--- {version}\n{b}"));
        }
        compared += 1;
    }
    assert!(
        compared >= 30,
        "only {compared} programs end in an exception"
    );
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
