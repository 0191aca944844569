//! The disassembler: code objects printed in the manner of Python's `dis`.
//!
//! ```text
//!   2           0 LOAD_FAST                0 (n)
//!               4 LOAD_CONST               1 (2)
//!               8 COMPARE_OP               0 (<)
//!     >>       20 LOAD_FAST                0 (n)
//! ```
//! Offsets are in bytes (4 per instruction word); `>>` marks jump targets.

use std::collections::HashSet;
use std::fmt::Write;

use super::Code;
use super::opcode::{ArgKind, BinOp, CmpOp, Op};
use super::verify::decode;
use crate::runtime::Value;

/// The disassembly of `code` and, after it, of every code object among its
/// constants (depth first), headed as `dis` heads them.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    write_code(code, &mut out, false);
    out
}

fn write_code(code: &Code, out: &mut String, header: bool) {
    if header {
        let _ = writeln!(
            out,
            "\nDisassembly of <code object {}, file \"{}\", line {}>:",
            code.name(),
            code.filename(),
            code.firstlineno()
        );
    }
    let instrs = match decode(code.code()) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(out, "  <undecodable: {e}>");
            return;
        }
    };
    let targets: HashSet<u32> = instrs
        .iter()
        .filter(|(_, op, _)| op.arg_kind() == ArgKind::jump)
        .map(|(_, _, a)| *a)
        .collect();
    // Field widths as CPython's dis: at least 3 for lines, 4 for offsets.
    let max_line = instrs
        .iter()
        .map(|(at, ..)| code.line_of(*at))
        .max()
        .unwrap_or(0);
    let line_w = max_line.to_string().len().max(3);
    let off_w = (code.code().len() * 4).to_string().len().max(4);
    let mut last_line = 0;
    for &(at, op, arg) in &instrs {
        let line = code.line_of(at);
        let mut fields = Vec::with_capacity(7);
        if line != last_line {
            if last_line != 0 {
                out.push('\n');
            }
            fields.push(format!("{line:>line_w$}"));
            last_line = line;
        } else {
            fields.push(" ".repeat(line_w));
        }
        fields.push("   ".to_string());
        fields.push(
            if targets.contains(&(at as u32)) {
                ">>"
            } else {
                "  "
            }
            .to_string(),
        );
        fields.push(format!("{:>off_w$}", at * 4));
        fields.push(format!("{:<20}", op.name()));
        if op.arg_kind() != ArgKind::plain || arg != 0 {
            fields.push(format!("{arg:>5}"));
            if let Some(note) = describe(code, op, arg) {
                fields.push(format!("({note})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    for c in code.consts() {
        if let Value::Code(inner) = c {
            write_code(inner, out, true);
        }
    }
}

fn describe(code: &Code, op: Op, arg: u32) -> Option<String> {
    let a = arg as usize;
    Some(match op.arg_kind() {
        ArgKind::konst => match code.consts().get(a)? {
            Value::Code(c) => format!("<code object {}>", c.name()),
            v => v.repr(),
        },
        ArgKind::local => code.varnames().get(a)?.to_string(),
        ArgKind::name => code.names().get(a)?.to_string(),
        ArgKind::deref => code
            .cellvars()
            .iter()
            .chain(code.freevars())
            .nth(a)?
            .to_string(),
        ArgKind::cmp => CmpOp::ALL.get(a)?.symbol().to_string(),
        ArgKind::binop => format!("{}=", BinOp::ALL.get(a)?.symbol()),
        ArgKind::jump => format!("to {}", a * 4),
        ArgKind::mkfn => {
            let names = [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ];
            let parts: Vec<&str> = names
                .iter()
                .filter(|(bit, _)| arg & bit != 0)
                .map(|(_, n)| *n)
                .collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::compile;

    #[test]
    fn shows_lines_offsets_names_constants_and_targets() {
        let src =
            "def f(n):\n    if n < 2:\n        return n\n    return f(n - 1)\n\nprint(f(3))\n";
        let text = disassemble(&compile(src, "t.py").unwrap());
        let lines: Vec<&str> = text.lines().collect();
        // The module first, without a header, as dis.dis prints it.
        assert_eq!(
            lines[0],
            "  1           0 LOAD_CONST               0 (<code object f>)"
        );
        assert_eq!(lines[1], "              4 MAKE_FUNCTION            0");
        assert!(
            text.contains("\nDisassembly of <code object f, file \"t.py\", line 1>:\n"),
            "{text}"
        );
        // Line numbers start a line's first instruction; `>>` marks jump targets.
        assert!(
            text.contains("\n  2           0 LOAD_FAST                0 (n)\n"),
            "{text}"
        );
        assert!(
            text.contains("              8 COMPARE_OP               0 (<)\n"),
            "{text}"
        );
        assert!(
            text.contains("             12 POP_JUMP_IF_FALSE        6 (to 24)\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  4     >>   24 LOAD_GLOBAL              0 (f)\n"),
            "{text}"
        );
    }
}
