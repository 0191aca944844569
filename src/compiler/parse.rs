//! The one place that knows the parser: ruff_python_parser, pinned in
//! Cargo.toml. A version bump touches this file and the AST matches in
//! `codegen` and `symtable`, nothing else.

use ruff_python_ast::ModModule;
pub use ruff_python_ast::{self as ast};
use ruff_text_size::{Ranged, TextSize};

use super::CompileError;

/// Line starts of a source text, for offsets to (line, column).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: TextSize) -> u32 {
        let off = offset.to_usize();
        self.starts.partition_point(|&s| s <= off) as u32
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
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(err) => {
            let (line, col, text) = lines.locate(source, err.range().start());
            Err(CompileError::Syntax {
                filename: filename.to_string(),
                line,
                col,
                source_line: text.to_string(),
                msg: err.error.to_string(),
            })
        }
    }
}
