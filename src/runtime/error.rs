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
    SyntaxError: Some(Exception);
    ImportError: Some(Exception);
    ModuleNotFoundError: Some(ImportError);
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
}

/// Why the host stopped a script (see [`PyErr::abort`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abort {
    /// The instruction budget ran out.
    Fuel,
    /// The interrupt handle was raised.
    Interrupt,
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
        }
    }

    /// The error that stops a script for `why`; Python code cannot catch it.
    pub fn aborted(why: Abort) -> PyErr {
        let msg = match why {
            Abort::Fuel => "the script ran out of fuel",
            Abort::Interrupt => "the script was interrupted",
        };
        PyErr {
            abort: Some(why),
            ..PyErr::new(ExcKind::SystemError, msg)
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
