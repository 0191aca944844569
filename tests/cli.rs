//! The `framevm` command as a user runs it.

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

#[test]
fn demo_runs_fib_under_every_strategy() {
    let (code, out, err) = framevm(&["--n=10"]);
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
}

#[test]
fn one_strategy_by_name() {
    let (code, out, _) = framevm(&["--frames=datastack", "--n=5"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("datastack: fib(5) = 5 in"), "{out}");
    assert!(!out.contains("freelist"), "{out}");
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    for args in [&["--frames=lifo"][..], &["--n=x"], &["--n=99"], &["extra"]] {
        let (code, out, err) = framevm(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("framevm: "), "{args:?}: {err}");
        assert!(err.contains("usage: framevm"), "{args:?}: {err}");
    }
    let (_, _, err) = framevm(&["--frames=lifo"]);
    assert!(err.contains("unknown frame strategy 'lifo'"), "{err}");
}

#[test]
fn help_exits_0() {
    let (code, out, _) = framevm(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: framevm"), "{out}");
}
