//! Python exceptions: the builtin hierarchy, and `PyErr`, what every
//! fallible operation returns while an exception propagates.
//!
//! An error raised by Rust code starts light (a kind and a message); the
//! exception *object* (an instance of the kind's class) is made only when
//! Python code needs it: when an `except` clause catches it, or when it is
//! chained to another. An exception raised by Python code carries its
//! object from the start.

use std::fmt;

use super::Value;

macro_rules! exc_kinds {
    ($($kind:ident: $parent:expr;)*) => {
        /// The builtin exception classes, each with its base.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind {
            $(
                #[doc = concat!("`", stringify!($kind), "`")]
                $kind,
            )*
        }

        impl ExcKind {
            /// Every kind, bases before subclasses.
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$kind),*];

            /// The exception class's name.
            pub fn name(self) -> &'static str {
                match self {
                    $(ExcKind::$kind => stringify!($kind),)*
                }
            }

            /// The base class (`None` for BaseException, whose base is `object`).
            pub fn parent(self) -> Option<ExcKind> {
                use ExcKind::*;
                match self {
                    $($kind => $parent,)*
                }
            }
        }
    };
}

exc_kinds! {
    BaseException: None;
    Exception: Some(BaseException);
    GeneratorExit: Some(BaseException);
    KeyboardInterrupt: Some(BaseException);
    SystemExit: Some(BaseException);
    ArithmeticError: Some(Exception);
    ZeroDivisionError: Some(ArithmeticError);
    OverflowError: Some(ArithmeticError);
    LookupError: Some(Exception);
    IndexError: Some(LookupError);
    KeyError: Some(LookupError);
    ValueError: Some(Exception);
    TypeError: Some(Exception);
    NameError: Some(Exception);
    UnboundLocalError: Some(NameError);
    AttributeError: Some(Exception);
    RuntimeError: Some(Exception);
    RecursionError: Some(RuntimeError);
    NotImplementedError: Some(RuntimeError);
    StopIteration: Some(Exception);
    AssertionError: Some(Exception);
    MemoryError: Some(Exception);
    SystemError: Some(Exception);
    FloatingPointError: Some(ArithmeticError);
    BufferError: Some(Exception);
    EOFError: Some(Exception);
    ImportError: Some(Exception);
    ModuleNotFoundError: Some(ImportError);
    OSError: Some(Exception);
    BlockingIOError: Some(OSError);
    ChildProcessError: Some(OSError);
    ConnectionError: Some(OSError);
    BrokenPipeError: Some(ConnectionError);
    ConnectionAbortedError: Some(ConnectionError);
    ConnectionRefusedError: Some(ConnectionError);
    ConnectionResetError: Some(ConnectionError);
    FileExistsError: Some(OSError);
    FileNotFoundError: Some(OSError);
    InterruptedError: Some(OSError);
    IsADirectoryError: Some(OSError);
    NotADirectoryError: Some(OSError);
    PermissionError: Some(OSError);
    ProcessLookupError: Some(OSError);
    TimeoutError: Some(OSError);
    ReferenceError: Some(Exception);
    StopAsyncIteration: Some(Exception);
    SyntaxError: Some(Exception);
    IndentationError: Some(SyntaxError);
    TabError: Some(IndentationError);
    UnicodeError: Some(ValueError);
    UnicodeDecodeError: Some(UnicodeError);
    UnicodeEncodeError: Some(UnicodeError);
    UnicodeTranslateError: Some(UnicodeError);
    Warning: Some(Exception);
    BytesWarning: Some(Warning);
    DeprecationWarning: Some(Warning);
    EncodingWarning: Some(Warning);
    FutureWarning: Some(Warning);
    ImportWarning: Some(Warning);
    PendingDeprecationWarning: Some(Warning);
    ResourceWarning: Some(Warning);
    RuntimeWarning: Some(Warning);
    SyntaxWarning: Some(Warning);
    UnicodeWarning: Some(Warning);
    UserWarning: Some(Warning);
}

impl ExcKind {
    /// Whether `self` is `other` or derives from it.
    pub fn is_a(self, other: ExcKind) -> bool {
        let mut k = Some(self);
        while let Some(c) = k {
            if c == other {
                return true;
            }
            k = c.parent();
        }
        false
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
    /// The failing instruction's last line and byte columns (start on
    /// `line`, end on the last line), for the carets under the source.
    pub span: Option<(u32, u32, u32)>,
}

/// An exception printed before the one that escaped: its traceback, its
/// last line, and the sentence that links it to the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainLink {
    /// Innermost frame last.
    pub traceback: Vec<TraceEntry>,
    /// `Kind: message`.
    pub last_line: String,
    /// "The above exception was the direct cause ..." or "During handling ...".
    pub link: &'static str,
}

/// Printed between an exception and the one raised from it.
pub const CAUSE_LINK: &str = "The above exception was the direct cause of the following exception:";
/// Printed between an exception and the one raised while handling it.
pub const CONTEXT_LINK: &str =
    "During handling of the above exception, another exception occurred:";

/// A raised exception.
#[derive(Clone, Debug)]
pub struct PyErr {
    /// Its class, or the nearest builtin base of a user class.
    pub kind: ExcKind,
    /// `str(e)` of an error raised by Rust code (empty for no arguments);
    /// for an exception object, filled in when the error escapes the run.
    pub msg: String,
    /// Innermost frame last, as Python prints it.
    pub traceback: Vec<TraceEntry>,
    /// The exception object, once there is one.
    pub value: Option<Value>,
    /// Raised again by a bare `raise` (or the end of a `finally`): the
    /// frame that re-raises is already in the traceback.
    pub reraised: bool,
    /// Exceptions chained before this one, outermost first (filled in
    /// when the error escapes the run, for printing).
    pub chain: Vec<ChainLink>,
    /// Set when the host stopped the script: no `except` or `finally`
    /// runs, the error unwinds every frame to the host.
    pub abort: Option<Abort>,
    /// For a `SystemExit` that escaped the run: how the process ends
    /// (filled in with `msg`, from the exception's `code`; boxed: errors
    /// stay small).
    pub exit: Option<Box<Exit>>,
}

/// Why the host stopped a script (see [`PyErr::abort`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abort {
    /// The instruction budget ran out.
    Fuel,
    /// The interrupt handle was raised.
    Interrupt,
    /// The output cap was reached.
    Output,
}

/// The error a capped output writer gives when the cap is reached (see
/// [`Abort::Output`]).
#[derive(Debug)]
pub struct OutputLimitReached;

impl fmt::Display for OutputLimitReached {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the output limit was reached")
    }
}

impl std::error::Error for OutputLimitReached {}

impl PyErr {
    /// The error for a failed write of program output: the host's output
    /// cap stops the script; anything else is an OSError.
    pub fn from_write(e: std::io::Error) -> PyErr {
        if e.get_ref().is_some_and(|r| r.is::<OutputLimitReached>()) {
            return PyErr::aborted(Abort::Output);
        }
        PyErr::new(ExcKind::ValueError, format!("print: {e}"))
    }
}

/// How an escaping `SystemExit` ends the process, as CPython's
/// `handle_system_exit`: `code` None is status 0, an int is that status
/// (modulo 256, as the OS keeps it), anything else is printed on stderr
/// and the status is 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    /// The process exit status.
    pub status: u8,
    /// `str(code)`, printed on stderr before exiting, if any.
    pub message: Option<String>,
}

impl Exit {
    /// The exit for `SystemExit.code` = `code`; `text` gives `str(code)`.
    pub fn from_code(code: &Value, text: impl FnOnce(&Value) -> String) -> Exit {
        let status = match code {
            Value::None => Some(0),
            Value::Bool(b) => Some(*b as u8),
            Value::Int(n) => Some((*n & 0xff) as u8),
            Value::BigInt(b) => {
                use num_traits::ToPrimitive;
                let low: num_bigint::BigInt = &**b & num_bigint::BigInt::from(0xff);
                Some(low.to_u8().unwrap_or(1))
            }
            _ => None,
        };
        match status {
            Some(status) => Exit {
                status,
                message: None,
            },
            None => Exit {
                status: 1,
                message: Some(text(code)),
            },
        }
    }
}

impl PartialEq for PyErr {
    /// Same kind, message and traceback (what a test can observe).
    fn eq(&self, other: &PyErr) -> bool {
        self.kind == other.kind
            && self.msg == other.msg
            && self.traceback == other.traceback
            && self.type_name() == other.type_name()
    }
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
            value: None,
            reraised: false,
            chain: Vec::new(),
            abort: None,
            exit: None,
        }
    }

    /// The error that stops a script for `why`; Python code cannot catch it.
    pub fn aborted(why: Abort) -> PyErr {
        let msg = match why {
            Abort::Fuel => "the script ran out of fuel",
            Abort::Interrupt => "the script was interrupted",
            Abort::Output => "the script reached the output limit",
        };
        PyErr {
            abort: Some(why),
            ..PyErr::new(ExcKind::SystemError, msg)
        }
    }

    /// If this is a `SystemExit` (or a subclass): the process exit it
    /// asks for. An error raised by Rust code has no object: its message
    /// is the code (none: status 0).
    pub fn system_exit(&self) -> Option<Exit> {
        if !self.is(ExcKind::SystemExit) {
            return None;
        }
        if let Some(e) = &self.exit {
            return Some((**e).clone());
        }
        Some(if self.msg.is_empty() {
            Exit {
                status: 0,
                message: None,
            }
        } else {
            Exit {
                status: 1,
                message: Some(self.msg.clone()),
            }
        })
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

    /// Whether this exception is an instance of builtin class `kind`.
    pub fn is(&self, kind: ExcKind) -> bool {
        self.kind.is_a(kind)
    }

    /// The class name Python prints.
    pub fn type_name(&self) -> &str {
        match &self.value {
            Some(Value::Instance(i)) => &i.class.name,
            _ => self.kind.name(),
        }
    }

    /// The last line of a traceback: `Kind: message` (or `Kind` alone).
    pub fn last_line(&self) -> String {
        if self.msg.is_empty() {
            self.type_name().to_string()
        } else {
            format!("{}: {}", self.type_name(), self.msg)
        }
    }

    /// The whole report as CPython prints it: chained exceptions first,
    /// each traceback entry followed by what `below` gives for it (its
    /// source line and carets, when the source is at hand).
    pub fn render(&self, below: &dyn Fn(&TraceEntry) -> String) -> String {
        let mut text = String::new();
        let tb = |text: &mut String, entries: &[TraceEntry]| {
            if entries.is_empty() {
                return;
            }
            text.push_str("Traceback (most recent call last):\n");
            // A run of more than 3 identical entries (recursion) prints its
            // first 3 and a count, as CPython does.
            let repeated = |text: &mut String, n: usize| {
                if n > 3 {
                    let more = n - 3;
                    let s = if more > 1 { "s" } else { "" };
                    text.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
                }
            };
            let mut run = 0;
            for (i, e) in entries.iter().enumerate() {
                let same = i > 0 && {
                    let p = &entries[i - 1];
                    (&p.filename, p.line, &p.function) == (&e.filename, e.line, &e.function)
                };
                if !same {
                    repeated(text, run);
                    run = 0;
                }
                run += 1;
                if run <= 3 {
                    text.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        e.filename, e.line, e.function
                    ));
                    text.push_str(&below(e));
                }
            }
            repeated(text, run);
        };
        for link in &self.chain {
            tb(&mut text, &link.traceback);
            text.push_str(&link.last_line);
            text.push_str("\n\n");
            text.push_str(link.link);
            text.push_str("\n\n");
        }
        tb(&mut text, &self.traceback);
        text.push_str(&self.last_line());
        text
    }
}

impl fmt::Display for PyErr {
    /// The report, without source lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&|_| String::new()))
    }
}
