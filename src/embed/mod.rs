//! The embedding API: what a Rust host uses to run Python code.
//!
//! One [`Vm`] holds a `__main__` namespace that lasts between calls, so a
//! host can run a script, read what it defined, call its functions with
//! Rust arguments and give it Rust functions to call:
//!
//! ```
//! use framevm::Vm;
//!
//! let mut vm = Vm::new();
//! vm.exec("x = 41", "setup.py")?;
//! vm.exec("y = x + 1", "step.py")?;
//! assert_eq!(vm.eval::<i64>("y")?, 42);
//!
//! // A Rust closure as a Python function; arguments and result converted.
//! let scale = 10;
//! let f = vm.function("scaled", move |_vm, (a, b): (i64, i64)| Ok((a + b) * scale));
//! vm.globals().set("scaled", f)?;
//! assert_eq!(vm.eval::<i64>("scaled(1, 2)")?, 30);
//!
//! // A Python function called from Rust.
//! vm.exec("def greet(name, punct='!'):\n    return 'hello ' + name + punct", "<host>")?;
//! let greet = vm.globals().get::<framevm::Object>("greet")?;
//! let s: String = vm.call(&greet, ("framevm",))?;
//! assert_eq!(s, "hello framevm!");
//! # Ok::<(), framevm::Error>(())
//! ```
//!
//! Limits make a sandbox: an exact instruction budget ([`Vm::set_fuel`]),
//! an interrupt another thread can raise ([`Vm::interrupt_handle`]), a
//! deadline ([`Vm::set_deadline`]), the recursion limit
//! ([`Builder::recursion_limit`]), a memory cap ([`Builder::memory_limit`]).

mod convert;
mod error;
mod function;
mod module;
mod userdata;

use std::collections::HashMap;
use std::io::Write;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub use convert::{FromPy, IntoPy, Object};
pub use error::{Error, Exception, Result, SystemExit};
pub(crate) use function::call_host;
pub use function::{Args, FromArgs, IntoArgs};
pub use module::ModuleBuilder;
pub(crate) use module::{main_namespace, remember_source};
pub use userdata::{Class, UserData};

use crate::bytecode::Code;
use crate::compiler::{self, Mode};
use crate::interp::{Dispatch, Options};
use crate::runtime::alloc::Cap;
use crate::runtime::error::Abort;
use crate::runtime::object::Namespace;
use crate::runtime::{PyErr, Value};

/// The interpreter: see the [module documentation](crate::embed).
pub use crate::interp::Vm;

/// Options for a new [`Vm`].
///
/// ```
/// use framevm::{Dispatch, Strategy, Vm};
///
/// let out = framevm::SharedBuffer::default();
/// let mut vm = Vm::builder()
///     .dispatch(Dispatch::Switch)
///     .frames(Strategy::DataStack)
///     .recursion_limit(200)
///     .stdout(out.clone())
///     .build();
/// vm.exec("print('hi')", "<host>").unwrap();
/// vm.flush().unwrap();
/// assert_eq!(out.text(), "hi\n");
/// ```
pub struct Builder {
    options: Options,
    out: Option<Box<dyn Write>>,
    stderr: Option<Box<dyn Write>>,
    fuel: Option<u64>,
    output_limit: Option<u64>,
    /// What the options of other files (module.rs) do to the new VM.
    setup: Vec<module::Setup>,
    memory_limit: Option<usize>,
}

impl Builder {
    /// The dispatch backend (default: threaded).
    pub fn dispatch(mut self, d: Dispatch) -> Builder {
        self.options.dispatch = d;
        self
    }

    /// The frame allocation strategy (default: the free list).
    pub fn frames(mut self, s: crate::frame::Strategy) -> Builder {
        self.options.frames = s;
        self
    }

    /// The deepest nesting of Python calls before `RecursionError`
    /// (default 1000).
    pub fn recursion_limit(mut self, n: usize) -> Builder {
        self.options.recursion_limit = n.max(1);
        self
    }

    /// Where `print` writes (default: the process's stdout, buffered;
    /// call [`Vm::flush`] to see it at once).
    pub fn stdout(mut self, out: impl Write + 'static) -> Builder {
        self.out = Some(Box::new(out));
        self
    }

    /// Whether instructions take their quick paths (the default); off, every
    /// instruction runs its full path in the switch loop (for testing).
    #[doc(hidden)]
    pub fn quick(mut self, on: bool) -> Builder {
        self.options.quick = on;
        self
    }

    /// Where `sys.stderr` writes (default: the process's stderr).
    ///
    /// ```
    /// let (out, err) = (framevm::SharedBuffer::default(), framevm::SharedBuffer::default());
    /// let mut vm = framevm::Vm::builder().stdout(out.clone()).stderr(err.clone()).build();
    /// vm.exec("import sys\nprint('to out')\nprint('to err', file=sys.stderr)", "<host>")?;
    /// vm.flush()?;
    /// assert_eq!((out.text(), err.text()), ("to out\n".into(), "to err\n".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stderr(mut self, err: impl Write + 'static) -> Builder {
        self.stderr = Some(Box::new(err));
        self
    }

    /// Where `print` writes, as a callback given each piece of text (as
    /// written: not split into lines).
    ///
    /// ```
    /// use std::{cell::RefCell, rc::Rc};
    /// let lines = Rc::new(RefCell::new(String::new()));
    /// let sink = lines.clone();
    /// let mut vm = framevm::Vm::builder()
    ///     .stdout_fn(move |text| sink.borrow_mut().push_str(text))
    ///     .build();
    /// vm.exec("print('a', 1)\nprint('b', end='!')", "<host>").unwrap();
    /// assert_eq!(*lines.borrow(), "a 1\nb!");
    /// ```
    pub fn stdout_fn(self, f: impl FnMut(&str) + 'static) -> Builder {
        self.stdout(Callback(f))
    }

    /// A cap on the bytes `print` may write in all: the script that would
    /// write more stops with [`Error::OutputLimit`] (no `except` runs).
    ///
    /// ```
    /// let out = framevm::SharedBuffer::default();
    /// let mut vm = framevm::Vm::builder().stdout(out.clone()).output_limit(10).build();
    /// let err = vm.exec("while True:\n    print('spam')", "<host>").unwrap_err();
    /// assert!(matches!(err, framevm::Error::OutputLimit));
    /// assert_eq!(out.text(), "spam\nspam\n");
    /// ```
    pub fn output_limit(mut self, bytes: u64) -> Builder {
        self.output_limit = Some(bytes);
        self
    }

    /// An instruction budget (see [`Vm::set_fuel`]).
    pub fn fuel(mut self, instructions: u64) -> Builder {
        self.fuel = Some(instructions);
        self
    }

    /// A cap on the bytes the VM may hold (see [`Vm::set_memory_limit`]).
    pub fn memory_limit(mut self, bytes: usize) -> Builder {
        self.memory_limit = Some(bytes);
        self
    }

    /// The VM.
    pub fn build(self) -> Vm {
        let mut out = self
            .out
            .unwrap_or_else(|| Box::new(std::io::BufWriter::new(std::io::stdout())));
        if let Some(left) = self.output_limit {
            out = Box::new(Capped { out, left });
        }
        let mut vm = Vm::with_options(self.options, out);
        vm.host.stderr = self.stderr;
        vm.set_fuel(self.fuel);
        for f in self.setup {
            f(&mut vm);
        }
        vm.set_memory_limit(self.memory_limit);
        vm
    }
}

/// Code compiled and verified once, to run many times.
///
/// ```
/// let program = framevm::Program::compile("total = total + step", "step.py")?;
/// let mut vm = framevm::Vm::new();
/// vm.exec("total, step = 0, 5", "<init>")?;
/// for _ in 0..3 {
///     vm.run(&program)?;
/// }
/// assert_eq!(vm.eval::<i64>("total")?, 15);
/// # Ok::<(), framevm::Error>(())
/// ```
#[derive(Clone)]
pub struct Program {
    code: Rc<Code>,
    filename: Rc<str>,
    source: Rc<str>,
}

impl Program {
    /// Compiles and verifies `source` (a module: statements).
    pub fn compile(source: &str, filename: &str) -> Result<Program> {
        Program::compile_mode(source, filename, Mode::Exec)
    }

    /// Compiles and verifies one expression, for [`Vm::eval_program`]
    /// (an interactive prompt tries this first, to echo the value).
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// let p = framevm::Program::compile_expr("6 * 7", "<stdin>")?;
    /// assert_eq!(vm.eval_program::<i64>(&p)?, 42);
    /// assert!(framevm::Program::compile_expr("x = 1", "<stdin>").is_err());
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn compile_expr(source: &str, filename: &str) -> Result<Program> {
        Program::compile_mode(source, filename, Mode::Eval)
    }

    fn compile_mode(source: &str, filename: &str, mode: Mode) -> Result<Program> {
        let code = compiler::compile_mode(source, filename, mode)?;
        if let Err(e) = crate::bytecode::verify::verify_once(&code) {
            return Err(Error::from_py(PyErr::new(
                crate::runtime::ExcKind::SystemError,
                format!("code failed verification: {e}"),
            )));
        }
        Ok(Program {
            code,
            filename: Rc::from(filename),
            source: Rc::from(source),
        })
    }

    /// The program as bytes, to save (as `.pyc` files are) and load with
    /// [`Program::from_bytes`], in this process or another, on any thread.
    /// The source is kept inside, for tracebacks.
    ///
    /// ```
    /// let p = framevm::Program::compile("x = [n * n for n in range(4)]", "sq.py")?;
    /// let bytes = p.to_bytes()?;
    /// let saved = std::thread::spawn(move || {
    ///     let p = framevm::Program::from_bytes(&bytes).unwrap();
    ///     let mut vm = framevm::Vm::new();
    ///     vm.run(&p).unwrap();
    ///     vm.eval::<Vec<i64>>("x").unwrap()
    /// });
    /// assert_eq!(saved.join().unwrap(), [0, 1, 4, 9]);
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        crate::bytecode::marshal::dumps(&self.code, &self.source)
            .map_err(|e| Error::value_error(format!("cannot save the program: {e}")))
    }

    /// A program saved by [`Program::to_bytes`]. Bytes from anywhere are
    /// safe: whatever does not load gives an error, and what loads is
    /// verified before it can run.
    pub fn from_bytes(bytes: &[u8]) -> Result<Program> {
        let (code, source) = crate::bytecode::marshal::loads(bytes)
            .map_err(|e| Error::value_error(format!("cannot load the program: {e}")))?;
        let code = Rc::new(code);
        if let Err(e) = crate::bytecode::verify::verify_once(&code) {
            return Err(Error::value_error(format!(
                "cannot load the program: code failed verification: {e}"
            )));
        }
        Ok(Program {
            filename: Rc::from(code.filename()),
            code,
            source: Rc::from(source),
        })
    }

    /// Whether `bytes` start like a saved program.
    pub fn is_compiled(bytes: &[u8]) -> bool {
        bytes.starts_with(b"FVC\0")
    }

    /// The file name tracebacks give for it.
    pub fn filename(&self) -> &str {
        &self.filename
    }

    /// The module's code object (for the disassembler and the benches).
    #[doc(hidden)]
    pub fn code(&self) -> &Rc<Code> {
        &self.code
    }
}

/// A module namespace: `__main__`'s ([`Vm::globals`]) or one a program ran
/// in ([`Vm::run_fresh`]). A handle: clones share the namespace.
///
/// ```
/// let mut vm = framevm::Vm::new();
/// let g = vm.globals();
/// g.set("limit", 3)?;
/// vm.exec("doubled = [i * 2 for i in range(limit)]", "<host>")?;
/// assert_eq!(g.get::<Vec<i64>>("doubled")?, [0, 2, 4]);
/// assert!(g.names().contains(&"doubled".to_string()));
/// assert!(g.remove("doubled"));
/// assert!(g.get::<framevm::Object>("doubled").is_err());
/// # Ok::<(), framevm::Error>(())
/// ```
#[derive(Clone)]
pub struct Globals(Rc<Namespace>);

impl Globals {
    /// The value bound to `name`, converted; `NameError` if unbound.
    pub fn get<T: FromPy>(&self, name: &str) -> Result<T> {
        match self.0.get(name) {
            Some(v) => T::from_py(&Object(v)),
            None => Err(Error::from_py(PyErr::new(
                crate::runtime::ExcKind::NameError,
                format!("name '{name}' is not defined"),
            ))),
        }
    }

    /// Binds `name` to `value`.
    pub fn set(&self, name: &str, value: impl IntoPy) -> Result<()> {
        let v = value.into_py()?;
        self.0.set(Rc::from(name), v.0);
        Ok(())
    }

    /// Unbinds `name`; false if it was not bound.
    pub fn remove(&self, name: &str) -> bool {
        self.0.remove(name)
    }

    /// Whether `name` is bound.
    pub fn contains(&self, name: &str) -> bool {
        self.0.get(name).is_some()
    }

    /// The bound names, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names = self.0.names();
        names.sort();
        names
    }
}

/// Stops a running script from any thread: the script ends with
/// [`Error::Interrupted`] within about a thousand instructions (well under
/// a millisecond), wherever it is, and no `except` or `finally` of the
/// script runs. `Send + Sync`, cheap to clone.
///
/// ```
/// let mut vm = framevm::Vm::new();
/// let stop = vm.interrupt_handle();
/// let t = std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(20));
///     stop.interrupt();
/// });
/// let err = vm.exec("while True:\n    pass", "<spin>").unwrap_err();
/// assert!(matches!(err, framevm::Error::Interrupted));
/// t.join().unwrap();
/// // The VM is usable afterwards.
/// assert_eq!(vm.eval::<i64>("6 * 7").unwrap(), 42);
/// ```
#[derive(Clone, Debug)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Stops the script running now (or the next one to start).
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// A `Write` into memory that the host keeps a handle to: give a clone to
/// [`Builder::stdout`], read it with [`SharedBuffer::text`].
#[derive(Clone, Default, Debug)]
pub struct SharedBuffer(Rc<std::cell::RefCell<Vec<u8>>>);

impl SharedBuffer {
    /// What was written, as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }

    /// Takes what was written out, leaving the buffer empty.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A writer calling a closure with the text.
struct Callback<F>(F);

impl<F: FnMut(&str)> Write for Callback<F> {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        (self.0)(&String::from_utf8_lossy(b));
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A writer that refuses to go past a number of bytes: what fits of a
/// write that would cross the cap is written, then the cap's error.
struct Capped {
    out: Box<dyn Write>,
    left: u64,
}

impl Write for Capped {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.left == 0 && !b.is_empty() {
            return Err(std::io::Error::other(
                crate::runtime::error::OutputLimitReached,
            ));
        }
        let n = (b.len() as u64).min(self.left) as usize;
        let n = self.out.write(&b[..n])?;
        self.left -= n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// What the VM keeps for its host.
#[derive(Default)]
pub(crate) struct HostState {
    /// `__main__`'s namespace, made on first use.
    main: Option<Rc<Namespace>>,
    /// The source of every file run, for tracebacks (the latest by name).
    sources: HashMap<Rc<str>, Rc<str>>,
    /// Module code run in namespaces that outlive the run: their inline
    /// caches are emptied when the VM goes (they may hold functions that
    /// hold the code).
    ran: Vec<Weak<Code>>,
    /// Total instructions the VM may have executed when the fuel runs out.
    fuel: Option<u64>,
    interrupt: Option<Arc<AtomicBool>>,
    /// Set (by a SIGINT handler, say): the script gets KeyboardInterrupt.
    keyboard: Option<Arc<AtomicBool>>,
    deadline: Option<Instant>,
    /// The memory cap: installed for the allocations of each call into
    /// the VM, and checked at every check-in.
    memory: Option<Cap>,
    /// Where `sys.stderr` writes (None: the process's stderr).
    pub(crate) stderr: Option<Box<dyn Write>>,
    /// The class made for each userdata type.
    pub(crate) userdata: HashMap<std::any::TypeId, Rc<crate::runtime::class::Class>>,
    /// Set by `Builder::allow_files(false)`: open() and the os file
    /// functions raise PermissionError.
    pub(crate) no_files: bool,
}

impl HostState {
    /// At a check-in of the dispatch loop, with `executed` instructions
    /// done: the error that stops the script, or how many more
    /// instructions the fuel allows (None: no limit).
    pub(crate) fn check(&mut self, executed: u64) -> std::result::Result<Option<u64>, PyErr> {
        self.check_stop()?;
        let left = match self.fuel {
            Some(limit) if executed >= limit => return Err(PyErr::aborted(Abort::Fuel)),
            Some(limit) => Some(limit - executed),
            None => None,
        };
        // Past the memory cap: a MemoryError the script may catch. Not
        // when the fuel allows one instruction more (its check-in, next,
        // stops the script): a handler always runs at least one.
        if let Some(cap) = self.memory
            && left != Some(1)
            && cap.exceeded()
        {
            return Err(crate::runtime::alloc::memory_error());
        }
        Ok(left)
    }

    /// What stops a script whatever it runs: the interrupt handle, the
    /// KeyboardInterrupt flag, the deadline.
    pub(crate) fn check_stop(&mut self) -> std::result::Result<(), PyErr> {
        if let Some(flag) = &self.interrupt
            && flag.swap(false, Ordering::Relaxed)
        {
            return Err(PyErr::aborted(Abort::Interrupt));
        }
        if let Some(flag) = &self.keyboard
            && flag.swap(false, Ordering::Relaxed)
        {
            return Err(PyErr::new(
                crate::runtime::ExcKind::KeyboardInterrupt,
                String::new(),
            ));
        }
        if let Some(d) = self.deadline
            && Instant::now() >= d
        {
            self.deadline = None;
            return Err(PyErr::aborted(Abort::Interrupt));
        }
        Ok(())
    }

    /// How many more instructions the fuel allows.
    pub(crate) fn fuel_left(&self, executed: u64) -> Option<u64> {
        self.fuel.map(|f| f.saturating_sub(executed))
    }

    fn remember(&mut self, filename: &Rc<str>, source: &Rc<str>) {
        if self
            .sources
            .get(filename)
            .is_none_or(|s| !Rc::ptr_eq(s, source))
        {
            self.sources.insert(filename.clone(), source.clone());
        }
    }
}

impl Vm {
    /// `time.sleep`: waits `d` in slices of at most 10 ms, so that the
    /// interrupt handle, the deadline and the KeyboardInterrupt flag stop
    /// a sleeping script as they stop a running one (a sandboxed script
    /// could otherwise hold its host for as long as it likes).
    pub(crate) fn sleep(&mut self, d: Duration) -> Result<()> {
        let end = Instant::now().checked_add(d);
        loop {
            let now = Instant::now();
            let left = match end {
                Some(end) if now >= end => return Ok(()),
                Some(end) => end - now,
                None => d,
            };
            std::thread::sleep(left.min(Duration::from_millis(10)));
            self.host.check_stop().map_err(Error::from_py)?;
        }
    }
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

impl Vm {
    /// A VM with the default options, printing to the process's stdout.
    pub fn new() -> Vm {
        Vm::builder().build()
    }

    /// Options for a new VM.
    pub fn builder() -> Builder {
        Builder {
            options: Options::default(),
            out: None,
            stderr: None,
            fuel: None,
            output_limit: None,
            setup: Vec::new(),
            memory_limit: None,
        }
    }

    /// `__main__`'s namespace, which `exec`, `eval` and `run` share.
    pub fn globals(&mut self) -> Globals {
        Globals(self.main().clone())
    }

    fn main(&mut self) -> &Rc<Namespace> {
        self.host.main.get_or_insert_with(|| {
            let ns = Namespace::default();
            ns.set(Rc::from("__name__"), Value::str("__main__"));
            crate::runtime::gc::namespace(ns)
        })
    }

    /// Runs statements in `__main__`: what they bind stays for the next
    /// call. `filename` names the code in tracebacks.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// vm.exec("def sq(x):\n    return x * x", "lib.py").unwrap();
    /// vm.exec("r = sq(12)", "main.py").unwrap();
    /// assert_eq!(vm.eval::<i64>("r").unwrap(), 144);
    /// ```
    pub fn exec(&mut self, source: &str, filename: &str) -> Result<()> {
        let p = Program::compile(source, filename)?;
        self.run(&p)
    }

    /// Evaluates one expression in `__main__` and converts its value.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// let v: Vec<(String, f64)> = vm.eval("[('a', 1.5), ('b', 2)]").unwrap();
    /// assert_eq!(v, [("a".to_string(), 1.5), ("b".to_string(), 2.0)]);
    /// let err = vm.eval::<i64>("'text'").unwrap_err();
    /// assert_eq!(err.to_string(), "TypeError: 'str' object cannot be converted to i64");
    /// ```
    pub fn eval<T: FromPy>(&mut self, expr: &str) -> Result<T> {
        let p = Program::compile_mode(expr, "<string>", Mode::Eval)?;
        let main = self.main().clone();
        let v = self.run_code(&p, &main)?;
        T::from_py(&Object(v))
    }

    /// Evaluates, in `__main__`, an expression compiled by
    /// [`Program::compile_expr`], and converts its value.
    pub fn eval_program<T: FromPy>(&mut self, program: &Program) -> Result<T> {
        let main = self.main().clone();
        let v = self.run_code(program, &main)?;
        T::from_py(&Object(v))
    }

    /// Compiles and verifies a program (see [`Program::compile`]).
    pub fn compile(&mut self, source: &str, filename: &str) -> Result<Program> {
        Program::compile(source, filename)
    }

    /// Runs a program in `__main__`.
    pub fn run(&mut self, program: &Program) -> Result<()> {
        let main = self.main().clone();
        self.run_code(program, &main).map(drop)
    }

    /// Runs a program in a fresh namespace of its own (named `__main__`),
    /// and gives the namespace back.
    pub fn run_fresh(&mut self, program: &Program) -> Result<Globals> {
        let ns = crate::runtime::gc::namespace(Namespace::default());
        ns.set(Rc::from("__name__"), Value::str("__main__"));
        self.run_code(program, &ns)?;
        Ok(Globals(ns))
    }

    fn run_code(&mut self, program: &Program, globals: &Rc<Namespace>) -> Result<Value> {
        self.host.remember(&program.filename, &program.source);
        let ran = &mut self.host.ran;
        if ran.len() == ran.capacity() && ran.len() >= 64 {
            ran.retain(|w| w.strong_count() > 0);
        }
        if !ran
            .iter()
            .any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(&program.code)))
        {
            ran.push(Rc::downgrade(&program.code));
        }
        let result = self.guarded(|vm| vm.exec_in(&program.code, globals));
        // The caches of the functions this code defined may hold those
        // functions (a recursive one caches itself): emptied, so that a
        // function rebound later is freed; they fill again on use.
        program.code.clear_caches();
        result.map_err(|e| self.error(e))
    }

    /// Runs `f` so that a panic inside it (a bug of the VM's, or of a host
    /// function the host called directly) comes back as a `SystemError`
    /// and leaves the VM usable.
    fn guarded<T>(
        &mut self,
        f: impl FnOnce(&mut Vm) -> std::result::Result<T, PyErr>,
    ) -> std::result::Result<T, PyErr> {
        let depth = self.depth();
        let outer = crate::runtime::alloc::install(self.host.memory.unwrap_or(Cap::NONE));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *self)));
        crate::runtime::alloc::install(outer);
        match result {
            Ok(r) => r,
            Err(payload) => {
                self.reset_depth(depth);
                Err(PyErr::new(
                    crate::runtime::ExcKind::SystemError,
                    format!("internal error: {}", function::panic_message(&*payload)),
                ))
            }
        }
    }

    /// Source line `e.line` of `e`'s file, stripped (None when the VM
    /// does not have that source), and the text a traceback prints under
    /// the entry (the line and its carets).
    pub(crate) fn trace_source(
        &self,
        e: &crate::runtime::error::TraceEntry,
    ) -> (Option<String>, String) {
        let Some(src) = self.host.sources.get(e.filename.as_str()) else {
            return (None, String::new());
        };
        let lines: Vec<&str> = src.split('\n').collect();
        let line = (e.line as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .map(|l| l.trim().to_string());
        (line, compiler::traceback_excerpt(&lines, e))
    }

    /// The error for the host, with the traceback text rendered from the
    /// sources this VM ran.
    pub(crate) fn error(&mut self, err: PyErr) -> Error {
        let text = err.render(&|e| {
            let Some(src) = self.host.sources.get(e.filename.as_str()) else {
                return String::new();
            };
            let lines: Vec<&str> = src.split('\n').collect();
            compiler::traceback_excerpt(&lines, e)
        });
        let mut out = Error::from_py(err);
        if let Error::Exception(e) = &mut out {
            e.set_traceback(text);
        }
        out
    }

    /// Calls `f` (a function, class, method or any callable) with Rust
    /// arguments (a tuple of [`IntoPy`] values, `()` for none) and converts
    /// the result.
    pub fn call<R: FromPy>(&mut self, f: &Object, args: impl IntoArgs) -> Result<R> {
        let mut args = args.into_args()?;
        let f = &f.0;
        let v = self
            .guarded(|vm| {
                if args.keywords.is_empty() {
                    vm.call_positional(f, &mut args.positional)
                } else {
                    let keywords = std::mem::take(&mut args.keywords);
                    vm.call_value(f, std::mem::take(&mut args.positional).into_vec(), keywords)
                }
            })
            .map_err(|e| self.error(e))?;
        R::from_py(&Object(v))
    }

    /// `obj.name(*args)`.
    pub fn call_method<R: FromPy>(
        &mut self,
        obj: &Object,
        name: &str,
        args: impl IntoArgs,
    ) -> Result<R> {
        let m = self.get_attr(obj, name)?;
        self.call(&m, args)
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Object, name: &str) -> Result<Object> {
        let o = obj.0.clone();
        self.guarded(|vm| crate::runtime::builtins::Host::getattr(vm, &o, name))
            .map(Object)
            .map_err(|e| self.error(e))
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Object, name: &str, value: impl IntoPy) -> Result<()> {
        let v = value.into_py()?.0;
        let o = obj.0.clone();
        self.guarded(|vm| crate::runtime::builtins::Host::setattr(vm, &o, name, v))
            .map_err(|e| self.error(e))
    }

    /// `repr(obj)`, the object's own `__repr__` included.
    pub fn repr(&mut self, obj: &Object) -> Result<String> {
        let o = obj.0.clone();
        self.guarded(|vm| vm.repr_of(&o)).map_err(|e| self.error(e))
    }

    /// `str(obj)`.
    pub fn str(&mut self, obj: &Object) -> Result<String> {
        let o = obj.0.clone();
        self.guarded(|vm| vm.str_of(&o)).map_err(|e| self.error(e))
    }

    /// `bool(obj)`.
    pub fn is_true(&mut self, obj: &Object) -> Result<bool> {
        let o = obj.0.clone();
        self.guarded(|vm| Vm::truthy(vm, &o))
            .map_err(|e| self.error(e))
    }

    /// A new exception class `name`, derived from builtin class `base`
    /// (`"Exception"`, `"ValueError"`, ...), for host functions to raise
    /// with [`Error::new_exception`] and scripts to catch.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// let quota = vm.exception_class("QuotaError", "Exception")?;
    /// vm.globals().set("QuotaError", &quota)?;
    /// let q = quota.clone();
    /// let take = vm.function("take", move |_vm, (n,): (i64,)| {
    ///     if n > 10 {
    ///         return Err(framevm::Error::new_exception(&q, format!("{n} is over the quota")));
    ///     }
    ///     Ok(n)
    /// });
    /// vm.globals().set("take", take)?;
    /// vm.exec("try:\n    take(11)\nexcept QuotaError as e:\n    msg = str(e)", "<host>")?;
    /// assert_eq!(vm.eval::<String>("msg")?, "11 is over the quota");
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn exception_class(&mut self, name: &str, base: &str) -> Result<Object> {
        let Some(&kind) = crate::runtime::ExcKind::ALL
            .iter()
            .find(|k| k.name() == base)
        else {
            return Err(Error::type_error(format!(
                "{base} is not a builtin exception class"
            )));
        };
        let mut dict = crate::runtime::class::AttrMap::default();
        dict.insert(Rc::from("__module__"), Value::str("__main__"));
        let cls = crate::runtime::class::Class::new(
            Rc::from(name),
            Rc::from(name),
            vec![crate::runtime::class::exc_class(kind)],
            dict,
        )
        .map_err(Error::from_py)?;
        self.track_object(crate::interp::Tracked::Class(Rc::downgrade(&cls)));
        Ok(Object(Value::Class(cls)))
    }

    /// Sets an instruction budget: the scripts run from now on may execute
    /// `instructions` bytecode instructions in all, then stop with
    /// [`Error::OutOfFuel`] before the next one — at exactly the same
    /// instruction with every dispatch backend and frame strategy. `None`
    /// removes the limit. The interpreter pays nothing for it when unset.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// vm.set_fuel(Some(10_000));
    /// let err = vm.exec("while True:\n    pass", "<spin>").unwrap_err();
    /// assert!(matches!(err, framevm::Error::OutOfFuel));
    /// assert_eq!(vm.fuel_left(), Some(0));
    /// ```
    pub fn set_fuel(&mut self, instructions: Option<u64>) {
        let now = self.instructions();
        self.host.fuel = instructions.map(|n| now.saturating_add(n));
        self.restart_budget();
    }

    /// Caps the bytes the VM may hold at `bytes` more than its thread
    /// holds now (`None` removes the cap). Past the cap a script gets a
    /// `MemoryError`, a normal exception it may catch, as CPython raises
    /// when memory runs out:
    ///
    /// - at once, from any allocation whose size the script chooses
    ///   (`[0] * n`, `'a' * n`, `s.center(n)`, `list(range(n))`, `a + b`,
    ///   `bytes(n)`, format widths, ...) that does not fit;
    /// - at the next check-in of the dispatch loop (every 1,024
    ///   instructions) when the memory held has grown past the cap piece
    ///   by piece (`l.append(x)` in a loop). The handler that catches it
    ///   has until the next check-in to free memory, or gets another.
    ///
    /// What is counted is every byte allocated on the VM's thread, net of
    /// frees, since the cap was set: the VM's objects and anything else
    /// the host allocates on that thread (two VMs on one thread share the
    /// count). That needs [`crate::alloc::Counting`] as the global
    /// allocator; without it, only the first kind applies (each single
    /// allocation a script sizes must fit under the cap).
    /// The interpreter pays nothing for it when unset.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// vm.set_memory_limit(Some(1 << 20));
    /// vm.exec("try:\n    x = 'a' * 10**7\nexcept MemoryError:\n    x = 'refused'", "<m>")?;
    /// assert_eq!(vm.eval::<String>("x")?, "refused");
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.host.memory = bytes.map(Cap::new);
    }

    /// The memory cap and the bytes counted against it now (see
    /// [`Vm::set_memory_limit`]).
    pub fn memory_used(&self) -> Option<(usize, usize)> {
        self.host
            .memory
            .map(|c| (c.used(), c.limit().unwrap_or(usize::MAX)))
    }

    /// The instructions the fuel still allows (None: no limit).
    pub fn fuel_left(&self) -> Option<u64> {
        self.host.fuel_left(self.instructions())
    }

    /// A handle that stops the running script from another thread.
    pub fn interrupt_handle(&mut self) -> InterruptHandle {
        let flag = self
            .host
            .interrupt
            .get_or_insert_with(|| Arc::new(AtomicBool::new(false)));
        InterruptHandle(flag.clone())
    }

    /// A flag that, once set (from a signal handler or another thread),
    /// raises KeyboardInterrupt in the running script at its next
    /// check-in — an exception it may catch, as CPython's on SIGINT. The
    /// command line sets it on SIGINT.
    pub fn keyboard_interrupt_flag(&mut self) -> Arc<AtomicBool> {
        self.host
            .keyboard
            .get_or_insert_with(|| Arc::new(AtomicBool::new(false)))
            .clone()
    }

    /// Stops scripts that run longer than `limit` from now (with
    /// [`Error::Interrupted`]); `None` removes the deadline.
    pub fn set_deadline(&mut self, limit: Option<Duration>) {
        self.host.deadline = limit.map(|d| Instant::now() + d);
    }

    /// Replaces where `print` writes, giving back the previous writer
    /// (flushed).
    pub fn set_stdout(&mut self, out: Box<dyn Write>) -> Box<dyn Write> {
        let _ = self.flush();
        self.replace_out(out)
    }

    /// What Drop does before the frames go: empties `__main__` and the
    /// caches and attributes that could hold cycles.
    fn shut_down(&mut self) {
        let _ = self.flush();
        for code in std::mem::take(&mut self.host.ran) {
            if let Some(c) = code.upgrade() {
                c.clear_caches();
            }
        }
        if let Some(main) = self.host.main.take() {
            for v in main.values() {
                if let Value::Function(f) = v {
                    f.code.clear_caches();
                }
            }
            self.empty_module(&main);
        }
        self.collect_at_exit();
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.shut_down();
    }
}
