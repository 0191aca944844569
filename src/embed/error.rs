//! [`Error`]: what every fallible call of the embedding API returns.

use std::fmt;

use super::Object;
use crate::compiler::CompileError;
use crate::runtime::{ExcKind, PyErr, Value};

/// Everything that can go wrong when a host compiles or runs Python code.
///
/// ```
/// let mut vm = framevm::Vm::new();
/// let err = vm.exec("x = 1 / 0", "calc.py").unwrap_err();
/// assert_eq!(err.to_string().lines().last(), Some("ZeroDivisionError: division by zero"));
/// match err {
///     framevm::Error::Exception(e) => assert_eq!(e.type_name(), "ZeroDivisionError"),
///     other => panic!("{other}"),
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The source did not compile: a syntax error (line, column, the line
    /// and a caret), a construct framevm does not run, or a size limit.
    Compile(CompileError),
    /// A Python exception escaped the code (or a conversion failed: a
    /// `TypeError` or `OverflowError` naming both types).
    Exception(Box<Exception>),
    /// The instruction budget set by [`Builder::fuel`](super::Builder::fuel)
    /// ran out; the script stopped before its next instruction.
    OutOfFuel,
    /// [`InterruptHandle::interrupt`](super::InterruptHandle::interrupt) (or
    /// a deadline) stopped the script.
    Interrupted,
    /// The script wrote more than [`Builder::output_limit`](super::Builder::output_limit)
    /// allows.
    OutputLimit,
}

impl Error {
    /// A Python exception of builtin class `name` (`"ValueError"`,
    /// `"KeyError"`, ...) with message `msg`, for a host function to
    /// return; an unknown name gives a `SystemError` saying so.
    pub fn raise(name: &str, msg: impl Into<String>) -> Error {
        let msg = msg.into();
        match ExcKind::ALL.iter().find(|k| k.name() == name) {
            Some(&kind) => Error::from_py(PyErr::new(kind, msg)),
            None => Error::from_py(PyErr::new(
                ExcKind::SystemError,
                format!("unknown exception class {name} (message: {msg})"),
            )),
        }
    }

    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> Error {
        Error::from_py(PyErr::type_error(msg))
    }

    /// `ValueError(msg)`.
    pub fn value_error(msg: impl Into<String>) -> Error {
        Error::from_py(PyErr::value_error(msg))
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(msg: impl Into<String>) -> Error {
        Error::from_py(PyErr::new(ExcKind::RuntimeError, msg))
    }

    /// An instance of `class` (an exception class made by
    /// [`Vm::exception_class`](super::Vm::exception_class), or any
    /// exception class a script defined) with message `msg`.
    pub fn new_exception(class: &Object, msg: impl Into<String>) -> Error {
        match &class.0 {
            Value::Class(c) if c.is_exception() => {
                let msg = msg.into();
                let inst =
                    crate::runtime::class::new_exception(c.clone(), vec![Value::str(msg.clone())]);
                let mut err = PyErr::from_object(&inst);
                err.msg = msg;
                Error::from_py(err)
            }
            other => Error::type_error(format!(
                "exceptions must derive from BaseException, not {}",
                other.type_name()
            )),
        }
    }

    /// For a `SystemExit` that escaped the script: the exit status it asks
    /// for and the message to print on stderr, as CPython's rules have it
    /// (`sys.exit()` is 0, `sys.exit(3)` is 3, `sys.exit("bye")` prints
    /// "bye" and is 1).
    pub fn system_exit(&self) -> Option<SystemExit> {
        let exit = self.as_exception()?.err.system_exit()?;
        Some(SystemExit {
            status: exit.status,
            message: exit.message,
        })
    }

    /// The exception, if this is one.
    pub fn as_exception(&self) -> Option<&Exception> {
        match self {
            Error::Exception(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn from_py(err: PyErr) -> Error {
        match err.abort {
            Some(crate::runtime::error::Abort::Fuel) => Error::OutOfFuel,
            Some(crate::runtime::error::Abort::Interrupt) => Error::Interrupted,
            Some(crate::runtime::error::Abort::Output) => Error::OutputLimit,
            None => Error::Exception(Box::new(Exception {
                err,
                traceback: None,
            })),
        }
    }

    /// The error as a Python exception to raise into a script (a host
    /// function's error, passed on).
    pub(crate) fn into_py(self) -> PyErr {
        match self {
            Error::Exception(e) => e.err,
            Error::Compile(c) => match c {
                CompileError::Syntax { .. } => c.to_py_err(),
                _ => PyErr::new(ExcKind::SystemError, c.to_string()),
            },
            Error::OutOfFuel => PyErr::aborted(crate::runtime::error::Abort::Fuel),
            Error::Interrupted => PyErr::aborted(crate::runtime::error::Abort::Interrupt),
            Error::OutputLimit => PyErr::aborted(crate::runtime::error::Abort::Output),
        }
    }
}

impl From<CompileError> for Error {
    fn from(e: CompileError) -> Error {
        Error::Compile(e)
    }
}

impl fmt::Display for Error {
    /// A compile error as the command line prints it; an exception as its
    /// whole traceback (with source lines where the VM has the source).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Compile(c) => c.fmt(f),
            Error::Exception(e) => f.write_str(&e.traceback()),
            Error::OutOfFuel => f.write_str("the script ran out of fuel (instruction budget)"),
            Error::Interrupted => f.write_str("the script was interrupted"),
            Error::OutputLimit => f.write_str("the script reached the output limit"),
        }
    }
}

impl std::error::Error for Error {}

/// How a `SystemExit` asks the process to end (see [`Error::system_exit`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemExit {
    /// The exit status.
    pub status: u8,
    /// What to print on stderr first, if anything.
    pub message: Option<String>,
}

/// A Python exception that escaped to the host.
#[derive(Debug)]
pub struct Exception {
    err: PyErr,
    /// The traceback text with source lines, when the VM had the sources.
    traceback: Option<String>,
}

impl Exception {
    /// `type(e).__name__`: `"ValueError"`, or a script's own class name.
    pub fn type_name(&self) -> &str {
        self.err.type_name()
    }

    /// `str(e)`.
    pub fn message(&self) -> &str {
        &self.err.msg
    }

    /// The last line of the traceback: `ValueError: bad value`.
    pub fn last_line(&self) -> String {
        self.err.last_line()
    }

    /// The whole report as the command line prints it: chained exceptions,
    /// `Traceback (most recent call last):`, every frame (with its source
    /// line and carets when the VM ran that source), the last line.
    pub fn traceback(&self) -> String {
        self.traceback
            .clone()
            .unwrap_or_else(|| self.err.render(&|_| String::new()))
    }

    /// Whether the exception is an instance of builtin class `name`
    /// (`e.is("LookupError")` holds for a `KeyError`).
    pub fn is(&self, name: &str) -> bool {
        ExcKind::ALL
            .iter()
            .find(|k| k.name() == name)
            .is_some_and(|&k| self.err.is(k))
    }

    /// The exception object, when Python code made one (or caught it).
    pub fn value(&self) -> Option<Object> {
        self.err.value.clone().map(Object)
    }

    pub(crate) fn set_traceback(&mut self, text: String) {
        self.traceback = Some(text);
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.traceback())
    }
}

impl std::error::Error for Exception {}

/// What the embedding API returns.
pub type Result<T, E = Error> = std::result::Result<T, E>;
