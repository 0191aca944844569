//! Python source to code objects: parse (ruff_python_parser, behind
//! `parse`), analyse scopes (`symtable`), generate bytecode (`codegen`),
//! then verify every code object (`crate::bytecode::verify`).

mod codegen;
mod fold;
pub mod parse;
pub mod symtable;

use std::fmt;
use std::rc::Rc;

use crate::bytecode::Code;

/// Why a program could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// The source is not valid Python.
    Syntax {
        /// Source file name.
        filename: String,
        /// 1-based line.
        line: u32,
        /// 1-based column, in characters.
        col: u32,
        /// The offending line's text.
        source_line: String,
        /// The parser's message.
        msg: String,
        /// SyntaxError, or its subclass IndentationError or TabError.
        kind: crate::runtime::ExcKind,
    },
    /// Valid Python outside the supported subset.
    Unsupported {
        /// Source file name.
        filename: String,
        /// 1-based line.
        line: u32,
        /// What it is.
        construct: String,
    },
    /// A limit of the bytecode or frame format was exceeded.
    TooLarge {
        /// Source file name.
        filename: String,
        /// What overflowed.
        what: String,
    },
}

impl CompileError {
    /// The process exit status for this error: 1 for a syntax error (as
    /// CPython), 2 for a refused construct or limit.
    pub fn exit_status(&self) -> u8 {
        match self {
            CompileError::Syntax { .. } => 1,
            _ => 2,
        }
    }
}

impl CompileError {
    /// The exception `compile`, `exec` and `import` raise for this error:
    /// a syntax error as CPython's SyntaxError object (`msg`, `filename`,
    /// `lineno`, `offset`, `text`), anything else a SyntaxError with
    /// this error's text.
    pub fn to_py_err(&self) -> crate::runtime::PyErr {
        use crate::runtime::{ExcKind, PyErr, Value, class};
        let CompileError::Syntax {
            filename,
            line,
            col,
            source_line,
            msg,
            kind,
        } = self
        else {
            return PyErr::new(ExcKind::SyntaxError, self.to_string());
        };
        let details = Value::tuple(vec![
            Value::str(filename.as_str()),
            Value::Int(i64::from(*line)),
            Value::Int(i64::from(*col)),
            Value::str(format!("{source_line}\n")),
            Value::Int(i64::from(*line)),
            Value::Int(i64::from(*col)),
        ]);
        let inst = class::new_exception(
            class::exc_class(*kind),
            vec![Value::str(msg.as_str()), details],
        );
        PyErr::from_object(&inst)
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax {
                filename,
                line,
                col,
                source_line,
                msg,
                kind,
            } => {
                // CPython's layout, with the column on the first line.
                let indent = source_line.len() - source_line.trim_start().len();
                let caret = (*col as usize).saturating_sub(1).saturating_sub(indent);
                writeln!(f, "  File \"{filename}\", line {line}, column {col}")?;
                writeln!(f, "    {}", source_line.trim_start())?;
                writeln!(f, "    {}^", " ".repeat(caret))?;
                write!(f, "{}: {msg}", kind.name())
            }
            CompileError::Unsupported {
                filename,
                line,
                construct,
            } => write!(
                f,
                "{filename}:{line}: unsupported: {construct} is not in the subset framevm runs"
            ),
            CompileError::TooLarge { filename, what } => write!(f, "{filename}: too large: {what}"),
        }
    }
}

/// Compiles a module's source into its code object (and, as constants,
/// the code objects of every function in it). Nothing runs.
pub fn compile(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    compile_mode(source, filename, Mode::Exec)
}

/// What a source text is compiled as (the `mode` of Python's `compile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: statements; the code returns None.
    Exec,
    /// One expression; the code returns its value.
    Eval,
    /// Statements whose expression statements print their values (what
    /// `compile(..., 'single')` makes).
    Single,
}

/// Compiles `source` as `mode` says.
pub fn compile_mode(source: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, CompileError> {
    let normalised = universal_newlines(source);
    let source: &str = &normalised;
    let lines = parse::LineIndex::new(source);
    let module = match mode {
        Mode::Exec | Mode::Single => parse::parse(source, filename, &lines)?,
        Mode::Eval => parse::parse_expression(source, filename, &lines)?,
    };
    if mode == Mode::Single
        && let Some(second) = module.body.get(1)
    {
        use ruff_text_size::Ranged;
        return Err(lines.syntax_error(
            filename,
            second.start(),
            "multiple statements found while compiling a single statement",
        ));
    }
    let scopes = symtable::analyse(&module, &lines, filename)?;
    codegen::module(
        &module,
        &scopes,
        &lines,
        filename,
        mode == Mode::Eval,
        mode == Mode::Single,
    )
}

/// `source` with CRLF and lone CR line ends made LF, as CPython reads a
/// file (also inside string literals).
/// Source bytes as text, as CPython reads a file: a UTF-8 byte order
/// mark is dropped; a coding declaration on the first or second line
/// (`# -*- coding: latin-1 -*-`) names the encoding (UTF-8, Latin-1 and
/// ASCII are known); else the bytes must be UTF-8. The error is the
/// message of the SyntaxError CPython raises.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut encoding = None;
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let line = String::from_utf8_lossy(line);
        let t = line.trim_start();
        if !t.starts_with('#') {
            if t.is_empty() {
                continue;
            }
            break;
        }
        if let Some(at) = t.find("coding").map(|i| i + 6)
            && matches!(t[at..].chars().next(), Some(':' | '='))
        {
            let name: String = t[at + 1..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                .collect();
            encoding = Some(name);
            break;
        }
    }
    let norm = encoding
        .as_deref()
        .map(|e| e.to_ascii_lowercase().replace('_', "-"));
    match norm.as_deref() {
        None | Some("utf-8" | "utf8" | "utf-8-sig") => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let declared = if encoding.is_some() {
                "with encoding utf-8 declared"
            } else {
                "but no encoding declared"
            };
            format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, {declared}; see https://peps.python.org/pep-0263/ for details",
                bytes[at]
            )
        }),
        Some("latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1") => {
            Ok(bytes.iter().map(|&b| b as char).collect())
        }
        Some("ascii" | "us-ascii") => match bytes.iter().position(|b| !b.is_ascii()) {
            None => Ok(String::from_utf8(bytes.to_vec()).unwrap_or_default()),
            Some(at) => Err(format!(
                "(unicode error) 'ascii' codec can't decode byte {:#04x} in position {at}: ordinal not in range(128)",
                bytes[at]
            )),
        },
        Some(_) => Err(format!(
            "unknown encoding: {}",
            encoding.unwrap_or_default()
        )),
    }
}

pub fn universal_newlines(source: &str) -> std::borrow::Cow<'_, str> {
    if source.contains('\r') {
        std::borrow::Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(source)
    }
}

/// What CPython 3.11 prints under a traceback's `File` line: the source
/// line, stripped, and a line of carets under the part that failed (when
/// that is not the whole line). `lines` is the source split into lines.
pub fn traceback_excerpt(lines: &[&str], e: &crate::runtime::error::TraceEntry) -> String {
    let Some(text) = (e.line as usize).checked_sub(1).and_then(|i| lines.get(i)) else {
        return String::new();
    };
    // As Python's linecache gives it: with its newline.
    let raw = format!("{}\n", text.trim_end_matches('\r'));
    let stripped = raw.trim();
    if stripped.is_empty() {
        return String::new();
    }
    let mut out = format!("    {stripped}\n");
    let Some((end_line, col, end_col)) = e.span else {
        return out;
    };
    let chars: Vec<char> = raw.chars().collect();
    let stripped_len = stripped.chars().count();
    let stripped_characters = chars.len() - stripped_len;
    let to_char = |byte: u32| {
        raw.get(..(byte as usize).min(raw.len()))
            .map_or(chars.len(), |s| s.chars().count())
    };
    let start = to_char(col);
    let mut end = to_char(end_col);
    let segment: String = chars[start.min(chars.len())..end.clamp(start, chars.len())]
        .iter()
        .collect();
    let anchors = if end_line == e.line {
        parse::caret_anchors(&segment)
    } else {
        end = raw.trim_end().chars().count();
        None
    };
    let spans_part = end.saturating_sub(start) < stripped_len;
    if spans_part || anchors.is_some_and(|(l, r)| r > l) {
        let (dp_start, dp_end) = (start + 1, end + 1);
        out.push_str("    ");
        out.push_str(&" ".repeat(dp_start.saturating_sub(stripped_characters)));
        match anchors {
            Some((l, r)) => {
                out.push_str(&"~".repeat(l));
                out.push_str(&"^".repeat(r.saturating_sub(l)));
                out.push_str(&"~".repeat(dp_end.saturating_sub(dp_start).saturating_sub(r)));
            }
            // A loaded program's positions may end before they start.
            None => out.push_str(&"^".repeat(dp_end.saturating_sub(dp_start))),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::Op;
    use crate::runtime::Value;

    fn code_const(c: &Code, name: &str) -> Rc<Code> {
        c.consts()
            .iter()
            .find_map(|v| match v {
                Value::Code(inner) if inner.name() == name => Some(inner.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no code object {name}"))
    }

    #[test]
    fn stack_depth_is_the_deepest_path() {
        let m = compile("x = (1, (2, 3), [4, 5, 6])\n", "t.py").unwrap();
        // 1, then 2 3 -> tuple, then 4 5 6: at most 5 values at once.
        assert_eq!(m.stacksize(), 5);
        let m = compile("def f(a, b):\n    return a + b * (a - b)\n", "t.py").unwrap();
        assert_eq!(code_const(&m, "f").stacksize(), 4);
    }

    #[test]
    fn scopes_make_locals_cells_and_frees() {
        let src = "g = 1\ndef outer(a):\n    b = 2\n    def inner():\n        nonlocal b\n        b += a\n        return g\n    return inner\n";
        let m = compile(src, "t.py").unwrap();
        let outer = code_const(&m, "outer");
        let names = |v: &[Rc<str>]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(names(outer.varnames()), ["a", "inner"]);
        assert_eq!(names(outer.cellvars()), ["a", "b"]);
        assert_eq!(outer.cell_args(), &[(0, 0)], "parameter a starts its cell");
        let inner = code_const(&outer, "inner");
        assert_eq!(names(inner.freevars()), ["a", "b"]);
        assert!(inner.varnames().is_empty());
        assert_eq!(inner.qualname(), "outer.<locals>.inner");
        assert!(inner.names().iter().any(|n| &**n == "g"), "g is a global");
    }

    #[test]
    fn syntax_errors_point_at_the_place() {
        let e = compile("x = 1\nif x\n    pass\n", "bad.py").unwrap_err();
        let CompileError::Syntax {
            line,
            col,
            ref source_line,
            ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!((line, col, source_line.as_str()), (2, 5, "if x"));
        let text = e.to_string();
        assert!(
            text.starts_with(
                "  File \"bad.py\", line 2, column 5\n    if x\n        ^\nSyntaxError: "
            ),
            "{text}"
        );
        assert_eq!(e.exit_status(), 1);
        // What CPython's symtable and compiler refuse is a SyntaxError too.
        let e = compile("x = 1\nyield x\n", "t.py").unwrap_err();
        assert!(
            e.to_string()
                .ends_with("SyntaxError: 'yield' outside function"),
            "{e}"
        );
        assert_eq!(e.exit_status(), 1);
    }

    #[test]
    fn constructs_outside_the_subset_are_named_with_their_line() {
        for (src, want) in [
            (
                "x = 1\nclass A(**kw):\n    pass\n",
                "t.py:2: unsupported: ** in a class statement",
            ),
            (
                "def f():\n    from m import *\n",
                "t.py:2: unsupported: SyntaxError: import * only allowed at module level",
            ),
            (
                "try:\n    pass\nexcept* E:\n    pass\n",
                "t.py:1: unsupported: except*",
            ),
            (
                "x = 1\ntype Number = int\n",
                "t.py:2: unsupported: type alias",
            ),
        ] {
            let e = compile(src, "t.py").unwrap_err();
            assert!(e.to_string().starts_with(want), "{src:?}: {e}");
            assert_eq!(e.exit_status(), 2);
        }
    }

    #[test]
    fn return_inside_loops_drops_their_iterators() {
        let src = "def f(xs):\n    for a in xs:\n        for b in xs:\n            if a == b:\n                return a\n    while True:\n        return 0\n";
        // Verification requires exactly one value at every RETURN_VALUE.
        let m = compile(src, "t.py").unwrap();
        assert_eq!(code_const(&m, "f").stacksize(), 4);
    }

    #[test]
    fn swaps_rotate_instead_of_packing_a_tuple() {
        let src = "def f(a, i, j):\n    a[i], a[j] = a[j], a[i]\n    x, y, z = 1, 2, 3\n    p, q = [1, 2]\n    return x\n";
        let m = compile(src, "t.py").unwrap();
        let ops: Vec<Op> = crate::bytecode::verify::decode(code_const(&m, "f").code())
            .unwrap()
            .into_iter()
            .map(|(_, op, _)| op)
            .collect();
        assert_eq!(ops.iter().filter(|o| **o == Op::RotTwo).count(), 2);
        assert_eq!(ops.iter().filter(|o| **o == Op::RotThree).count(), 1);
        assert!(!ops.contains(&Op::BuildTuple));
        // Unpacking a list is still an unpacking.
        assert_eq!(ops.iter().filter(|o| **o == Op::UnpackSequence).count(), 1);
    }

    #[test]
    fn fib_compiles_and_verifies() {
        let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/fib.py"))
            .unwrap();
        let m = compile(&src, "fib.py").unwrap();
        let fib = code_const(&m, "fib");
        assert_eq!((fib.argcount(), fib.varnames().len()), (1, 1));
        assert!(fib.stacksize() >= 3);
    }
}
