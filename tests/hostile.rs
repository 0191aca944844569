//! Hostile inputs: programs that once panicked framevm or gave a wrong
//! answer (issue 10), each with CPython 3.11's behaviour recorded by
//! `tests/hostile/record.sh` in `<name>.expected`. Every program runs under
//! every dispatch × frame combination and once with `--no-quick`; stdout,
//! the last line of stderr, the exit status and where the error is (the
//! line of the last `File` line of stderr, and for a SyntaxError the
//! caret's column) must be CPython's. With python3 3.11, the recordings
//! are re-checked against it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DISPATCH: [&str; 2] = ["threaded", "switch"];
const FRAMES: [&str; 4] = ["freelist", "zombie", "datastack", "malloc"];

#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    status: i32,
    stderr_last: String,
    /// `N` or `N:C` (see record.sh).
    place: String,
    stdout: String,
}

impl Outcome {
    /// Whether `got` is this expectation: a recorded place without a
    /// column (CPython drew no caret) matches any column on that line.
    fn matched_by(&self, got: &Outcome) -> bool {
        let place_ok = match self.place.split_once(':') {
            Some(_) => self.place == got.place,
            None => got.place.split(':').next() == Some(self.place.as_str()),
        };
        self.status == got.status
            && self.stderr_last == got.stderr_last
            && self.stdout == got.stdout
            && place_ok
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn parse_expected(text: &str, name: &str) -> Outcome {
    let (head, stdout) = text
        .split_once("--- stdout\n")
        .unwrap_or_else(|| panic!("{name}.expected: no '--- stdout' line"));
    let field = |key: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("{name}.expected: no {key} line"))
    };
    Outcome {
        status: field("status:")
            .parse()
            .unwrap_or_else(|_| panic!("{name}.expected: bad status")),
        stderr_last: field("stderr:"),
        place: field("where:"),
        stdout: stdout.to_string(),
    }
}

/// The `where` of a stderr text, as record.sh computes it.
fn place(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let Some(i) = lines.iter().rposition(|l| l.starts_with("  File \"")) else {
        return String::new();
    };
    let line: String = lines[i]
        .rsplit(", line ")
        .next()
        .unwrap_or("")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let last = lines.last().copied().unwrap_or("");
    let syntax = ["SyntaxError:", "IndentationError:", "TabError:"]
        .iter()
        .any(|p| last.starts_with(p));
    let caret = lines.get(i + 2).filter(|l| {
        let t = l.trim();
        !t.is_empty() && t.chars().all(|c| c == '^')
    });
    match caret {
        Some(c) if syntax => {
            let col = c.find('^').unwrap_or(0) as i64 - 3;
            format!("{line}:{col}")
        }
        _ => line,
    }
}

fn observe(mut cmd: Command) -> Outcome {
    let out = cmd.stdin(Stdio::null()).output().expect("the program runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let status = out.status.code().unwrap_or(-1);
    Outcome {
        status,
        stderr_last: stderr.lines().last().unwrap_or("").trim().to_string(),
        place: if status == 0 {
            String::new()
        } else {
            place(&stderr)
        },
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/hostile exists")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "py").then(|| p.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    names
}

fn expected(name: &str) -> Outcome {
    let text = std::fs::read_to_string(dir().join(format!("{name}.expected")))
        .unwrap_or_else(|_| panic!("{name}.expected is missing: run tests/hostile/record.sh"));
    parse_expected(&text, name)
}

#[test]
fn hostile_programs_behave_as_cpython_under_every_combination() {
    let names = programs();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for name in &names {
        let want = expected(name);
        let configs = DISPATCH
            .iter()
            .flat_map(|d| {
                FRAMES
                    .iter()
                    .map(move |f| vec![format!("--dispatch={d}"), format!("--frames={f}")])
            })
            .chain(std::iter::once(vec!["--no-quick".to_string()]));
        for args in configs {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_framevm"));
            cmd.current_dir(dir()).args(&args).arg(format!("{name}.py"));
            let got = observe(cmd);
            if !want.matched_by(&got) {
                failures.push(format!(
                    "{name} [{}]:\n  want {want:?}\n  got  {got:?}",
                    args.join(" ")
                ));
                break;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} hostile programs differ from CPython:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

#[test]
fn hostile_expectations_still_match_cpython_3_11() {
    let is_311 = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11."));
    if !is_311 {
        eprintln!("python3 is not 3.11: hostile recordings not re-checked");
        return;
    }
    let mut drift = Vec::new();
    for name in programs() {
        let want = expected(&name);
        let mut cmd = Command::new("python3");
        cmd.current_dir(dir())
            .env("PYTHONHASHSEED", "0")
            .args(["-X", "utf8"])
            .arg(format!("{name}.py"));
        let got = observe(cmd);
        if got != want {
            drift.push(format!(
                "{name}: recorded {want:?}\n  CPython gives {got:?}"
            ));
        }
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
}
