//! The interactive prompt of the command line (`framevm` alone, stdin a
//! terminal): `>>> ` and `... ` prompts with line editing and history
//! (rustyline), each input run in one lasting `__main__`, the `repr` of an
//! expression's value echoed (and kept as `_`), a traceback printed
//! without ending the session. Ctrl-D ends it, Ctrl-C drops the input.

use std::io::Write;

use framevm::{Object, Program, Vm};
use rustyline::error::ReadlineError;

/// Whether the input so far is a whole statement, or needs more lines.
#[derive(Debug, PartialEq)]
pub(crate) enum Need {
    Done,
    More,
}

/// CPython's rule, done by scanning instead of compiling: more lines while
/// a bracket or a triple-quoted string is open or a line ends with `\`;
/// after a compound statement's header (a first line ending with `:`, or
/// a decorator), more lines until an empty one.
pub(crate) fn need(input: &str) -> Need {
    let mut depth: i32 = 0;
    let mut chars = input.chars().peekable();
    let mut quote: Option<(char, bool)> = None; // (quote char, triple)
    let mut continued = false;
    while let Some(c) = chars.next() {
        continued = false;
        if let Some((q, triple)) = quote {
            match c {
                '\\' => continued = chars.next() == Some('\n') && !triple,
                '\n' if !triple => quote = None, // an unterminated string: an error, done
                _ if c == q => {
                    if !triple {
                        quote = None;
                    } else if chars.peek() == Some(&q) {
                        chars.next();
                        if chars.peek() == Some(&q) {
                            chars.next();
                            quote = None;
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        match c {
            '#' => {
                while chars.peek().is_some_and(|&n| n != '\n') {
                    chars.next();
                }
            }
            '\'' | '"' => {
                let mut triple = false;
                if chars.peek() == Some(&c) {
                    chars.next();
                    if chars.peek() == Some(&c) {
                        chars.next();
                        triple = true;
                    } else {
                        continue; // an empty string
                    }
                }
                quote = Some((c, triple));
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '\\' if chars.peek() == Some(&'\n') => {
                chars.next();
                continued = true;
                continue;
            }
            _ => {}
        }
    }
    if depth > 0 || continued || matches!(quote, Some((_, true))) {
        return Need::More;
    }
    let first = input.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let head = first.trim_start();
    let word = head
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    let compound = head.starts_with('@')
        || matches!(
            word,
            "if" | "while" | "for" | "def" | "class" | "with" | "try" | "async"
        )
        || strip_comment(first).trim_end().ends_with(':');
    if compound && !input.ends_with("\n\n") {
        return Need::More;
    }
    Need::Done
}

/// A line without its comment (a `#` outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q && prev != '\\' => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' => return &line[..i],
            None => {}
        }
        prev = c;
    }
    line
}

/// Runs the prompt until Ctrl-D (status 0) or SystemExit (its status).
pub(crate) fn run(mut vm: Vm) -> u8 {
    eprintln!(
        "framevm {} (Python 3.11 compatible)",
        env!("CARGO_PKG_VERSION")
    );
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("framevm: cannot start line editing: {e}");
            return 1;
        }
    };
    loop {
        let mut input = String::new();
        let mut prompt = ">>> ";
        let done = loop {
            match editor.readline(prompt) {
                Ok(line) => {
                    if input.is_empty() && line.trim().is_empty() {
                        break false;
                    }
                    input.push_str(&line);
                    input.push('\n');
                    if need(&input) == Need::Done {
                        break true;
                    }
                    prompt = "... ";
                }
                Err(ReadlineError::Interrupted) => {
                    eprintln!("KeyboardInterrupt");
                    break false;
                }
                Err(ReadlineError::Eof) => {
                    let _ = vm.flush();
                    return 0;
                }
                Err(e) => {
                    eprintln!("framevm: reading input: {e}");
                    return 1;
                }
            }
        };
        if !done {
            continue;
        }
        let _ = editor.add_history_entry(input.trim_end());
        if let Some(status) = run_input(&mut vm, &input) {
            return status;
        }
    }
}

/// Runs one input; gives the status to exit with on SystemExit.
fn run_input(vm: &mut Vm, input: &str) -> Option<u8> {
    // Set by a Ctrl-C that came while the prompt was waiting.
    vm.keyboard_interrupt_flag()
        .store(false, std::sync::atomic::Ordering::Relaxed);
    let result = match Program::compile_expr(input, "<stdin>") {
        Ok(p) => vm.eval_program::<Object>(&p).and_then(|v| echo(vm, v)),
        Err(_) => Program::compile(input, "<stdin>").and_then(|p| vm.run(&p)),
    };
    let _ = vm.flush();
    let _ = std::io::stdout().flush();
    match result {
        Ok(()) => None,
        Err(e) => match e.system_exit() {
            Some(exit) => {
                if let Some(m) = exit.message {
                    eprintln!("{m}");
                }
                Some(exit.status)
            }
            None => {
                eprintln!("{e}");
                None
            }
        },
    }
}

/// Prints `repr(v)` and keeps `v` as `builtins._`, unless it is None.
fn echo(vm: &mut Vm, v: Object) -> Result<(), framevm::Error> {
    if v.is_none() {
        return Ok(());
    }
    let text = vm.repr(&v)?;
    let builtins = vm.import("builtins")?;
    vm.set_attr(&builtins, "_", v)?;
    vm.flush()
        .map_err(|e| framevm::Error::raise("OSError", e.to_string()))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{Need, need};

    #[test]
    fn statements_that_need_more_lines() {
        for done in [
            "1 + 2\n",
            "x = [1,\n 2]\n",
            "print('(')\n",
            "s = '''a\nb'''\n",
            "if x: pass\n\n",
            "ifx = 1\n",
            "def f():\n    return 1\n\n",
            "x = 1  # if:\n",
            "d = {'a': 1}\n",
        ] {
            assert_eq!(need(done), Need::Done, "{done:?}");
        }
        for more in [
            "def f():\n",
            "def f():\n    return 1\n",
            "x = [1,\n",
            "s = '''a\n",
            "x = 1 + \\\n",
            "@dec\n",
            "while True: pass\n",
            "for i in range(3):  # loop\n",
            "class C:\n    x = (\n",
        ] {
            assert_eq!(need(more), Need::More, "{more:?}");
        }
    }
}
