//! Python exceptions, as far as the core subset needs them: a kind, a
//! message, and the traceback collected while frames unwind.

use std::fmt;

/// The builtin exception types the core subset raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcKind {
    /// `ZeroDivisionError`
    ZeroDivisionError,
    /// `OverflowError`
    OverflowError,
    /// `IndexError`
    IndexError,
    /// `KeyError`
    KeyError,
    /// `NameError`
    NameError,
    /// `UnboundLocalError`
    UnboundLocalError,
    /// `TypeError`
    TypeError,
    /// `ValueError`
    ValueError,
    /// `AttributeError`
    AttributeError,
    /// `RecursionError`
    RecursionError,
    /// `AssertionError`
    AssertionError,
    /// `StopIteration`
    StopIteration,
    /// `MemoryError`
    MemoryError,
    /// `SystemError`: the VM refused something (unverifiable bytecode).
    SystemError,
}

impl ExcKind {
    /// The exception class's name.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::NameError => "NameError",
            ExcKind::UnboundLocalError => "UnboundLocalError",
            ExcKind::TypeError => "TypeError",
            ExcKind::ValueError => "ValueError",
            ExcKind::AttributeError => "AttributeError",
            ExcKind::RecursionError => "RecursionError",
            ExcKind::AssertionError => "AssertionError",
            ExcKind::StopIteration => "StopIteration",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::SystemError => "SystemError",
        }
    }
}

/// One line of a traceback: where a frame was when the error passed through it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceEntry {
    /// `co_filename`
    pub filename: String,
    /// Line being executed.
    pub line: u32,
    /// `co_name`
    pub function: String,
}

/// A raised exception.
#[derive(Clone, Debug, PartialEq)]
pub struct PyErr {
    /// Its type.
    pub kind: ExcKind,
    /// `str(e)`; empty for no arguments.
    pub msg: String,
    /// Innermost frame last, as Python prints it.
    pub traceback: Vec<TraceEntry>,
}

/// What every fallible runtime operation returns.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// A new exception with no traceback yet.
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr {
            kind,
            msg: msg.into(),
            traceback: Vec::new(),
        }
    }

    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(msg: &str) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }

    /// The last line of a traceback: `Kind: message` (or `Kind` alone).
    pub fn last_line(&self) -> String {
        if self.msg.is_empty() {
            self.kind.name().to_string()
        } else {
            format!("{}: {}", self.kind.name(), self.msg)
        }
    }
}

impl fmt::Display for PyErr {
    /// The traceback as CPython prints it, minus the source lines' text
    /// (added by the caller that has the source).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Traceback (most recent call last):")?;
        for e in &self.traceback {
            writeln!(
                f,
                "  File \"{}\", line {}, in {}",
                e.filename, e.line, e.function
            )?;
        }
        write!(f, "{}", self.last_line())
    }
}
