//! The one place that knows the parser: ruff_python_parser, pinned in
//! Cargo.toml. A version bump touches this file and the AST matches in
//! `codegen` and `symtable`, nothing else.

use std::rc::Rc;

use ruff_python_ast::ModModule;
pub use ruff_python_ast::{self as ast};
use ruff_text_size::{Ranged, TextSize};

use super::CompileError;
use crate::runtime::ExcKind;

/// Line starts of a source text, for offsets to (line, column), and the
/// text itself (for the source line a syntax error shows).
pub struct LineIndex {
    starts: Vec<usize>,
    source: Rc<str>,
}

impl LineIndex {
    /// The text of `range` in the source.
    pub fn text(&self, range: ruff_text_size::TextRange) -> &str {
        self.source
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("")
    }

    /// Indexes `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            source: Rc::from(source),
        }
    }

    /// A SyntaxError at byte `offset` of the indexed source, in the layout
    /// the parser's own errors have.
    pub fn syntax_error(&self, filename: &str, offset: TextSize, msg: &str) -> CompileError {
        let (line, col, text) = self.locate(&self.source, offset);
        CompileError::Syntax {
            filename: filename.to_string(),
            line,
            col,
            source_line: text.to_string(),
            msg: msg.to_string(),
            kind: ExcKind::SyntaxError,
        }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: TextSize) -> u32 {
        let off = offset.to_usize();
        self.starts.partition_point(|&s| s <= off) as u32
    }

    /// 1-based line and 0-based byte column of a byte offset.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = offset.to_usize();
        let line = self.starts.partition_point(|&s| s <= off);
        (line as u32, (off - self.starts[line - 1]) as u32)
    }

    /// 1-based (line, column in characters) of a byte offset, and the line's text.
    pub fn locate<'s>(&self, source: &'s str, offset: TextSize) -> (u32, u32, &'s str) {
        let off = offset.to_usize().min(source.len());
        let line = self.starts.partition_point(|&s| s <= off);
        let start = self.starts[line - 1];
        let end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let text = source[start..end].trim_end_matches('\r');
        let col = source[start..off.max(start)].chars().count() as u32 + 1;
        (line as u32, col, text)
    }
}

/// Parses a module, or gives the first syntax error with its place.
pub fn parse(source: &str, filename: &str, lines: &LineIndex) -> Result<ModModule, CompileError> {
    // CPython refuses a NUL anywhere before tokenizing (the line of the
    // first one; its caret is not shown).
    if let Some(at) = source.find('\0') {
        let at = TextSize::try_from(at).unwrap_or(TextSize::new(u32::MAX));
        let (line, col, text) = lines.locate(source, at);
        return Err(CompileError::Syntax {
            filename: filename.to_string(),
            line,
            col,
            source_line: text.split('\0').next().unwrap_or("").to_string(),
            msg: "source code cannot contain null bytes".to_string(),
            kind: ExcKind::SyntaxError,
        });
    }
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(err) => Err(syntax_error(source, filename, lines, &err)),
    }
}

/// Parses one expression (`eval` mode) as a module whose body is that
/// expression's statement.
pub fn parse_expression(
    source: &str,
    filename: &str,
    lines: &LineIndex,
) -> Result<ModModule, CompileError> {
    match ruff_python_parser::parse_expression(source) {
        Ok(parsed) => {
            let expr = parsed.into_syntax();
            let range = expr.range;
            Ok(ModModule {
                node_index: Default::default(),
                range,
                body: std::iter::once(ast::Stmt::Expr(ast::StmtExpr {
                    node_index: Default::default(),
                    range,
                    value: expr.body,
                }))
                .collect(),
            })
        }
        Err(err) => Err(syntax_error(source, filename, lines, &err)),
    }
}

fn syntax_error(
    source: &str,
    filename: &str,
    lines: &LineIndex,
    err: &ruff_python_parser::ParseError,
) -> CompileError {
    let (line, col, text) = lines.locate(source, err.range().start());
    let (kind, msg) = cpython_message(source, lines, err);
    CompileError::Syntax {
        filename: filename.to_string(),
        line,
        col,
        source_line: text.to_string(),
        msg,
        kind,
    }
}

/// The class and message CPython gives a parse error, where they differ
/// from the parser's: indentation errors are IndentationErrors.
fn cpython_message(
    source: &str,
    lines: &LineIndex,
    err: &ruff_python_parser::ParseError,
) -> (ExcKind, String) {
    use ruff_python_parser::{LexicalErrorType, ParseErrorType};
    let indentation = |msg: &str| (ExcKind::IndentationError, msg.to_string());
    match &err.error {
        ParseErrorType::UnexpectedIndentation => indentation("unexpected indent"),
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            indentation("unindent does not match any outer indentation level")
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after ") => {
            let clause = &m["Expected an indented block after ".len()..];
            // ruff: "`if` statement", "`else` clause", "function definition".
            let clause = match clause.split_once(' ') {
                Some((word, _)) if word.starts_with('`') => {
                    let word = word.trim_matches('`');
                    match word {
                        "class" => "class definition".to_string(),
                        _ => format!("'{word}' statement"),
                    }
                }
                _ => clause.to_string(),
            };
            let msg = match clause_line(source, lines, err.range().start()) {
                Some(at) => format!("expected an indented block after {clause} on line {at}"),
                None => format!("expected an indented block after {clause}"),
            };
            (ExcKind::IndentationError, msg)
        }
        other => (ExcKind::SyntaxError, other.to_string()),
    }
}

/// The first line of the compound statement header whose `:` is the last
/// one before `at` (where its missing block should have started).
fn clause_line(source: &str, lines: &LineIndex, at: TextSize) -> Option<u32> {
    use ruff_python_ast::token::TokenKind as T;
    let parsed =
        ruff_python_parser::parse_unchecked_source(source, ruff_python_ast::PySourceType::Python);
    let tokens: &[ruff_python_ast::token::Token] = parsed.tokens();
    let colon = tokens
        .iter()
        .rposition(|t| t.kind() == T::Colon && t.end() <= at)?;
    let start = tokens[..colon]
        .iter()
        .rposition(|t| matches!(t.kind(), T::Newline | T::Indent | T::Dedent))
        .map_or(0, |i| i + 1);
    let first = tokens[start..=colon]
        .iter()
        .find(|t| !matches!(t.kind(), T::Comment | T::NonLogicalNewline))?;
    Some(lines.line(first.start()))
}

/// Where CPython 3.11 draws `^` under an error's source segment, when the
/// segment alone parses as a binary operation or a subscript: the operator,
/// or the brackets and index, as character offsets in the segment (the
/// rest of the segment gets `~`). `None` marks the whole segment.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let module = ruff_python_parser::parse_module(segment)
        .ok()?
        .into_syntax();
    let [ast::Stmt::Expr(stmt)] = &module.body[..] else {
        return None;
    };
    let seg: Vec<char> = segment.chars().collect();
    let norm = |byte: usize| {
        segment
            .get(..byte.min(segment.len()))
            .map_or(seg.len(), |s| s.chars().count())
    };
    match &*stmt.value {
        ast::Expr::BinOp(b) => {
            // The operator: the first non-blank character after the left
            // operand that is not a closing parenthesis (and the next one
            // too for a two-character operator), as CPython's C traceback
            // printer finds it.
            let (from, to) = (
                norm(b.left.end().to_usize()),
                norm(b.right.start().to_usize()),
            );
            let mut found = None;
            for i in from..to.min(seg.len()) {
                if seg[i].is_whitespace() {
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < to && !seg[i + 1].is_whitespace() {
                    right += 1;
                }
                found = Some((i, right));
                if i + 1 < to && seg[i] == ')' {
                    continue;
                }
                break;
            }
            found
        }
        ast::Expr::Subscript(sub) => {
            let mut left = norm(sub.value.end().to_usize());
            let mut right = norm(sub.slice.end().to_usize() + 1);
            while left < seg.len() && seg[left] != '[' {
                left += 1;
            }
            while right < seg.len() && seg[right] != ']' {
                right += 1;
            }
            if right < seg.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}
