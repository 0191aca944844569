//! The interpreter: one evaluation loop over frames from the frame layer.
//!
//! A Python-to-Python call takes a frame from the allocator and goes on in
//! the same loop (no Rust recursion per Python call); a return hands the
//! frame back. Every instruction's meaning is written once, in `exec`, and
//! run by two dispatch backends chosen at run time: `switch` (a plain
//! `loop { match }`) and `threaded` (a table of handlers, each dispatching
//! the next instruction itself).

// The stack-pointer layer (sp.rs) and the instructions that move values
// through it, trusting the verifier (see the crate docs).
#![allow(unsafe_code)]

mod attr;
pub(crate) mod eval;
mod exc;
mod exec;
mod generator;
mod jump;
pub(crate) use generator::{finalize as finalize_generator, visit_suspended};
pub mod import;
mod objects;
mod patterns;
mod quick;
pub mod sp;
mod step;
mod switch;
mod threaded;
pub mod trace;

use std::fmt;
use std::io::Write;
use std::rc::Rc;
use std::str::FromStr;

use crate::bytecode::Code;
use crate::frame::{
    Config, FrameAlloc, FramePtr, FrameStats, Frames, Namespaces, ObjPtr, Strategy,
};
use crate::runtime::builtins::{self, Host};
use crate::runtime::error::TraceEntry;
use crate::runtime::object::Namespace;
use crate::runtime::{PyErr, PyResult, Value};
use sp::{Fast, Ip, Sp};

/// The dispatch backends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dispatch {
    /// A handler per opcode, each ending in its own indirect jump.
    Threaded,
    /// `loop { match }`: one indirect jump for all opcodes.
    Switch,
}

impl FromStr for Dispatch {
    type Err = String;
    fn from_str(s: &str) -> Result<Dispatch, String> {
        match s {
            "threaded" => Ok(Dispatch::Threaded),
            "switch" => Ok(Dispatch::Switch),
            _ => Err(format!(
                "unknown dispatch '{s}' (expected threaded or switch)"
            )),
        }
    }
}

impl fmt::Display for Dispatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dispatch::Threaded => "threaded",
            Dispatch::Switch => "switch",
        })
    }
}

/// How a VM is set up.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Dispatch backend.
    pub dispatch: Dispatch,
    /// Frame allocation strategy.
    pub frames: Strategy,
    /// Deepest Python call nesting before RecursionError.
    pub recursion_limit: usize,
    /// Take the quick paths (the default). Off, every instruction runs its
    /// full path in the switch loop, whatever `dispatch` says: the tests
    /// check that both paths give the same answers.
    pub quick: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            dispatch: Dispatch::Threaded,
            frames: Strategy::FreeList,
            recursion_limit: 1000,
            quick: true,
        }
    }
}

/// Instructions between two returns of the threaded backend to its
/// trampoline, which bounds the Rust stack where a handler's dispatch is a
/// real call: every handler in debug builds (test threads have 2 MiB
/// stacks), and in release the 18 full handlers whose out-of-line slow
/// paths keep LLVM from emitting a tail jump (largest frame 480 bytes: at
/// most ~480 KiB of stack per budget; see asm-notes/dispatch.md).
pub(crate) const BUDGET: u32 = if cfg!(debug_assertions) { 128 } else { 1024 };

/// Native stack a run must have left to start: a budget of calling
/// handlers (about 560 KiB in release builds, asm-notes/dispatch.md; debug
/// builds have a smaller budget and larger frames) and the builtins that
/// run between two runs.
const STACK_RESERVE: usize = 1 << 20;

/// The most STORE_FASTs an UNPACK_SEQUENCE does along with itself
/// (`quick::unpack`, `exec::unpack_sequence`); longer unpackings fuse none.
pub(crate) const MOST_FUSED_STORES: usize = 15;

/// The most instructions one dispatch may do: an unpacking and its
/// stores (a comparison and its jump, or a call and the GET_ITER of its
/// `range`, are two).
const MOST_PER_DISPATCH: u64 = MOST_FUSED_STORES as u64 + 1;

/// A budget for `left` more instructions (None: no limit): `left /
/// MOST_PER_DISPATCH` dispatches and the one that checks in; never above
/// `BUDGET`.
fn span_for(left: Option<u64>) -> u32 {
    match left {
        Some(left) => (left / MOST_PER_DISPATCH + 1).min(u64::from(BUDGET)) as u32,
        None => BUDGET,
    }
}

/// A virtual machine: frames, builtins, output, counters.
pub struct Vm {
    frames: Frames<Value>,
    builtins: Rc<Namespace>,
    out: Box<dyn Write>,
    options: Options,
    /// Python frames on the call chain of the current run.
    depth: usize,
    /// The depth at which builtin `next()` steps an iterator: there, a
    /// StopIteration from an iterator object's `__next__` (or a
    /// generator's return value) passes through with its args, as
    /// CPython's `next()` (and the enumerate, map or zip it steps) lets
    /// it; deeper code (a `for` inside `__next__`) ends loops as usual.
    stop_depth: Option<usize>,
    /// Items the builtins' native loops (`sum`, `any`, `max`, ...) have
    /// taken: every 4,096 the interrupt handle and the deadline are
    /// checked, since no instruction runs while such a loop does.
    native_steps: u32,
    /// Instructions left before the dispatch loop checks in (the dispatch
    /// that takes the last one checks in before it runs its instruction).
    budget: u32,
    /// What `budget` was set to when it was last refilled.
    span: u32,
    /// Instructions executed before that refill.
    executed: u64,
    /// Instructions done inside another's quick path (a conditional jump
    /// fused into the comparison before it), never dispatched.
    fused: u64,
    /// The next instruction runs alone on its full path (the last one a
    /// fuel limit allows: see `Vm::check_in`).
    pub(crate) stepping: bool,
    /// The exception that escaped, once frames are unwound.
    pending: Option<PyErr>,
    /// Threaded backend: registers to resume after a budget return.
    resume: Option<Regs>,
    /// Threaded backend: how the run ended.
    outcome: Option<Outcome>,
    /// Every closure cell made by this run, to empty at its end: a
    /// function reaching itself through its cell is a reference cycle,
    /// which the cycle collector frees once unreachable; what is still
    /// held from outside at the end is broken here.
    cells: Vec<std::rc::Weak<std::cell::RefCell<Value>>>,
    /// Every class and instance made by this run, emptied at its end for
    /// the same reason (an instance in a list in its class's dict, a node
    /// pointing back to its parent).
    objects: Vec<Tracked>,
    /// The exception being handled (`sys.exc_info()`), if any.
    pub(crate) exc_info: Option<Value>,
    /// Frames of generators dropped while suspended.
    graveyard: crate::runtime::object::Graveyard,
    /// Where the frame of the generator that just yielded now lives.
    yielded: Option<FramePtr<Value>>,
    /// What the embedding API keeps: the `__main__` namespace, sources
    /// for tracebacks, limits.
    pub(crate) host: crate::embed::HostState,
    /// The frame whose CALL runs a builtin, while it runs (`locals()`
    /// reads it); None at any other time, so it never outlives the frame.
    pub(crate) caller: Option<FramePtr<Value>>,
    /// `sys.modules`, `sys.path`, the modules the host registered.
    imports: import::Imports,
    /// `sys.settrace`, `sys.setprofile`, the host's hook (see `trace`);
    /// None until one is first set.
    tracer: Option<Box<trace::Tracer>>,
    /// `check_in` raised to hand the run to the tracing loop (see
    /// `Vm::unwind`).
    hand_over: bool,
}

/// A class or instance, weakly held until the end of the run.
pub(crate) enum Tracked {
    Class(std::rc::Weak<crate::runtime::class::Class>),
    Instance(std::rc::Weak<crate::runtime::class::Instance>),
}

impl Tracked {
    fn alive(&self) -> bool {
        match self {
            Tracked::Class(w) => w.strong_count() > 0,
            Tracked::Instance(w) => w.strong_count() > 0,
        }
    }

    /// Drops the attributes, breaking the cycles they close.
    fn clear(self) {
        let attrs = match self {
            Tracked::Class(w) => w.upgrade().map(|c| {
                c.clear_caches();
                let old = std::mem::take(&mut *c.dict.borrow_mut());
                old.into_values().collect::<Vec<_>>()
            }),
            Tracked::Instance(w) => w.upgrade().map(|i| {
                // The container a subclass of list or dict carries may
                // hold the instance itself.
                match i.base() {
                    Some(Value::List(l)) => drop(std::mem::take(&mut *l.borrow_mut())),
                    Some(Value::Dict(d)) => drop(std::mem::take(&mut *d.borrow_mut())),
                    Some(Value::Set(st)) => drop(std::mem::take(&mut *st.borrow_mut())),
                    _ => {}
                }
                i.dict.borrow_mut().take_values()
            }),
        };
        drop(attrs);
    }
}

/// The running frame's registers.
#[derive(Clone, Copy)]
pub(crate) struct Regs {
    pub ip: Ip,
    pub sp: Sp,
    pub fp: FramePtr<Value>,
    pub fast: Fast,
}

/// Why an instruction stopped the loop.
pub(crate) enum Stop {
    /// An exception was raised (boxed: the `Result` of every instruction
    /// stays two words).
    Raise(Box<PyErr>),
    /// The entry frame returned this value.
    Return(Value),
    /// The entry frame (a generator's) yielded this value.
    Yield(Value),
}

impl From<PyErr> for Stop {
    #[cold]
    fn from(e: PyErr) -> Stop {
        Stop::Raise(Box::new(e))
    }
}

/// How a run ended.
pub(crate) enum Outcome {
    /// The entry frame returned this value.
    Returned(Value),
    /// An exception escaped every frame (in `Vm::pending`).
    Raised,
    /// The entry frame (a generator's) yielded this value.
    Yielded(Value),
}

impl Vm {
    /// A VM writing program output to `out`.
    pub fn with_options(options: Options, out: Box<dyn Write>) -> Vm {
        Vm {
            frames: Frames::new(options.frames, Config::default()),
            builtins: Rc::new({
                let ns = builtins::namespace();
                ns.set(Rc::from("__import__"), import::dunder_import());
                ns.set(Rc::from("open"), crate::stdlib::fileio::builtin_open());
                ns.set(Rc::from("input"), crate::stdlib::fileio::builtin_input());
                ns
            }),
            out,
            options,
            depth: 0,
            stop_depth: None,
            native_steps: 0,
            budget: BUDGET,
            span: BUDGET,
            executed: 0,
            fused: 0,
            stepping: false,
            pending: None,
            resume: None,
            outcome: None,
            cells: Vec::new(),
            objects: Vec::new(),
            exc_info: None,
            graveyard: Default::default(),
            yielded: None,
            host: crate::embed::HostState::default(),
            caller: None,
            imports: import::Imports::default(),
            tracer: None,
            hand_over: false,
        }
    }

    /// The frame allocator's counters.
    pub fn frame_stats(&self) -> FrameStats {
        self.frames.stats()
    }

    /// Instructions executed so far.
    pub fn instructions(&self) -> u64 {
        self.executed + self.fused + u64::from(self.span - self.budget)
    }

    /// Python frames on the call chain now.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    /// The recursion limit (`sys.getrecursionlimit`).
    pub(crate) fn recursion_limit(&self) -> usize {
        self.options.recursion_limit
    }

    /// Sets the recursion limit (`sys.setrecursionlimit`).
    pub(crate) fn set_recursion_limit(&mut self, n: usize) {
        self.options.recursion_limit = n;
    }

    /// Puts the call depth back after a panic unwound through runs.
    pub(crate) fn reset_depth(&mut self, depth: usize) {
        self.depth = depth;
    }

    /// Replaces the program output, giving back the old writer.
    pub(crate) fn replace_out(&mut self, out: Box<dyn Write>) -> Box<dyn Write> {
        std::mem::replace(&mut self.out, out)
    }

    /// Starts a new budget span at once (the fuel changed): what the
    /// current one counted so far is added up.
    pub(crate) fn restart_budget(&mut self) {
        self.executed += u64::from(self.span - self.budget) + std::mem::take(&mut self.fused);
        let span = span_for(self.host.fuel_left(self.executed));
        self.budget = span;
        self.span = span;
    }

    /// The dispatch loop checks in: a dispatch found the budget spent and
    /// has not run its instruction. Counts the budget, then either stops
    /// the run (the host's fuel is used up, or it raised the interrupt
    /// handle: the error to raise) or refills the budget.
    ///
    /// Without a fuel limit the refill is `BUDGET`. With one, it is the
    /// instructions left over the most one dispatch may do (a comparison
    /// and the jump fused into it, an unpacking and its stores: see
    /// `MOST_PER_DISPATCH`), so the check-ins come closer as the fuel runs
    /// down; the last instructions allowed (no more than one dispatch may
    /// do) run alone (`Ok(true)`: the backend runs each on its full path,
    /// which fuses nothing, and checks in again). So the stop
    /// comes exactly after the last instruction the fuel allows, on every
    /// backend, and the quick paths pay nothing for it.
    #[cold]
    #[inline(never)]
    pub(crate) fn check_in(&mut self) -> Result<bool, PyErr> {
        // The instruction of the dispatch that checks in is not done yet.
        self.executed += u64::from(self.span - 1) + std::mem::take(&mut self.fused);
        // Until refilled: the next dispatch checks in again.
        self.budget = 1;
        self.span = 1;
        let left = match self.host.check(self.executed) {
            Ok(left) => left,
            Err(e) => {
                // A MemoryError (the memory cap) may be caught: its
                // handler runs on a fresh budget.
                if e.abort.is_none() {
                    self.restart_budget();
                }
                return Err(e);
            }
        };
        if left.is_some_and(|left| left <= MOST_PER_DISPATCH) {
            // Near the end, every instruction runs alone, one check-in
            // each (a dispatch of the full budget could overrun what is
            // left). Counted now; the next dispatch checks in.
            self.executed += 1;
            self.stepping = true;
            return Ok(true);
        }
        self.stepping = false;
        let span = span_for(left);
        self.budget = span;
        self.span = span;
        if self.tracing() {
            // A hook was set: the loop gives the run to the tracing loop,
            // through the path an error takes (`unwind` hands it over),
            // so that the loops themselves do not change at all.
            self.hand_over = true;
            return Err(PyErr::new(
                crate::runtime::ExcKind::SystemError,
                "hand over",
            ));
        }
        Ok(false)
    }

    /// Makes the next dispatch check in (a hook was set: the loop hands
    /// the run to the tracing loop there), counting what ran so far.
    pub(crate) fn check_in_soon(&mut self) {
        self.executed += u64::from(self.span - self.budget) + std::mem::take(&mut self.fused);
        self.budget = 1;
        self.span = 1;
    }

    /// Sets the budget aside for a nested run (see `threaded::run`): what
    /// the outer run counted so far is added up, and the countdown it had
    /// left is returned, to give back with [`Vm::end_nested`].
    pub(crate) fn begin_nested(&mut self) -> u32 {
        let outer = self.budget;
        self.executed += u64::from(self.span - self.budget) + std::mem::take(&mut self.fused);
        // The nested run goes on with the outer run's countdown (as the
        // switch loop does), so that a builtin calling a short Python
        // function many times (a sort key) still reaches check-ins: the
        // memory cap, interrupts and deadlines hold inside it too.
        // A run the host starts (its entry frame is the only one) has no
        // outer run: it starts a full budget. (Going on with the countdown
        // the last host call left made every later call check in at once:
        // 100 more instructions per call from Rust.)
        let left = self.host.fuel_left(self.executed);
        let span = if self.depth <= 1 {
            span_for(left)
        } else {
            match left {
                None => outer.max(1),
                left => outer.clamp(1, span_for(left)),
            }
        };
        self.budget = span;
        self.span = span;
        outer
    }

    /// Ends a nested run: counts what it ran and gives the outer run its
    /// countdown back (no more than the fuel left allows).
    pub(crate) fn end_nested(&mut self, outer: u32) {
        self.executed += u64::from(self.span - self.budget) + std::mem::take(&mut self.fused);
        // Back at the host (no Python frame left): the next run starts its
        // own budget, so what this one left needs no carrying.
        let mut budget = if self.depth == 0 {
            outer.max(1)
        } else {
            outer.min(self.budget).max(1)
        };
        if let left @ Some(_) = self.host.fuel_left(self.executed) {
            budget = budget.min(span_for(left));
        }
        self.budget = budget;
        self.span = budget;
    }

    /// Flushes program output.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Runs a module's code in a fresh global namespace, then breaks the
    /// cycles it left (see [`Vm::collect_at_exit`]): what the command line
    /// and the benches run. The code (and every code object among its
    /// constants) is verified first: code that fails verification never runs.
    pub fn run_module(&mut self, code: &Rc<Code>) -> PyResult<()> {
        let globals = crate::runtime::gc::namespace(Namespace::default());
        globals.set(Rc::from("__name__"), Value::str("__main__"));
        let result = self.exec_in(code, &globals);
        // Every frame that borrowed `globals` is gone; clearing it frees the
        // module's functions, which hold `globals` in turn.
        code.clear_caches();
        self.empty_module(&globals);
        self.collect_at_exit();
        result.map(drop)
    }

    /// Runs module-level code with `globals` as its globals and locals,
    /// which keep what it binds; returns what the code returns (None for
    /// a module, the value for code compiled from an expression). Verified
    /// first, once per code object. Runs may nest (a host function may run
    /// code).
    pub fn exec_in(&mut self, code: &Rc<Code>, globals: &Rc<Namespace>) -> PyResult<Value> {
        self.exec_with(code, globals, Rc::as_ptr(globals))
    }

    /// [`Vm::exec_in`] with a locals namespace of its own (`exec(code,
    /// globals, locals)`), which must outlive the run.
    pub(crate) fn exec_with(
        &mut self,
        code: &Rc<Code>,
        globals: &Rc<Namespace>,
        locals: *const Namespace,
    ) -> PyResult<Value> {
        if let Err(e) = crate::bytecode::verify::verify_once(code) {
            return Err(PyErr::new(
                crate::runtime::ExcKind::SystemError,
                format!("code failed verification: {e}"),
            ));
        }
        if code.flags() & crate::bytecode::code::flags::GENERATOR != 0 {
            return Err(PyErr::new(
                crate::runtime::ExcKind::SystemError,
                "a module cannot be a generator",
            ));
        }
        if self.depth >= self.options.recursion_limit {
            return Err(PyErr::new(
                crate::runtime::ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let ns = Namespaces {
            builtins: Rc::as_ptr(&self.builtins) as ObjPtr,
            globals: Rc::as_ptr(globals) as ObjPtr,
            locals: locals as ObjPtr,
        };
        let fp = self.frames.push(code, None, &ns);
        let depth = self.depth;
        self.depth += 1;
        let mut result = self.run_frames(exec::entry_regs(code, fp, Fast(fp.localsplus())));
        self.depth = depth;
        // The message may come from `__str__` and the chain from the
        // exception's attributes: both before any object is emptied.
        if let Err(e) = &mut result {
            self.describe(e);
        }
        self.bury();
        if depth == 0 {
            self.exc_info = None;
        }
        result
    }

    /// Empties a module's namespace at the end, newest names first,
    /// closing the generators each drop leaves suspended (their `finally`
    /// blocks still see the older names).
    pub(crate) fn empty_module(&mut self, ns: &Namespace) {
        while let Some(v) = ns.pop_last() {
            drop(v);
            self.bury_at_check_in();
        }
        ns.clear();
    }

    /// Breaks the reference cycles that runs left among objects nothing
    /// else can free (CPython's final collection at exit does the same):
    /// empties the attributes of every class and instance made so far and
    /// every closure cell. For the end of a VM's life: an object still
    /// held after this has lost its attributes.
    pub fn collect_at_exit(&mut self) {
        self.clear_modules();
        // Generators the modules held, closed while the builtins still work.
        self.bury();
        // The cycles now unreachable, freed as garbage (CPython's final
        // collection); what is left after is still held from outside.
        crate::runtime::gc::collect(true);
        self.bury();
        if crate::runtime::gc::take_finalized() {
            crate::runtime::gc::collect(true);
            self.bury();
        }
        for obj in std::mem::take(&mut self.objects) {
            obj.clear();
        }
        for cell in std::mem::take(&mut self.cells) {
            if let Some(c) = cell.upgrade() {
                let old = std::mem::replace(&mut *c.borrow_mut(), Value::Empty);
                drop(old);
            }
        }
        self.bury_with(false);
        self.exc_info = None;
        // Cycles of lists and dicts that the emptied objects held.
        crate::runtime::gc::collect(true);
    }

    /// Runs `regs` (a frame with no `back`: the module, or the entry of a
    /// nested run) to its return, with the chosen backend.
    fn run_frames(&mut self, regs: Regs) -> PyResult<Value> {
        match self.run_regs(regs) {
            Outcome::Returned(v) => Ok(v),
            Outcome::Raised => Err(self.pending.take().expect("an escaped exception is kept")),
            Outcome::Yielded(_) => {
                // Only code built through the API gets here (a generator's
                // code run as a class body): release the suspended frame.
                if let Some(fp) = self.yielded.take() {
                    // SAFETY: the frame just suspended by the yield; nothing
                    // else refers to it.
                    unsafe { self.frames.pop(fp) };
                }
                Err(PyErr::new(
                    crate::runtime::ExcKind::SystemError,
                    "a generator's code ran outside a generator",
                ))
            }
        }
    }

    /// Runs `regs` with the chosen backend, to the entry frame's return,
    /// yield, or an escaping exception.
    fn run_regs(&mut self, regs: Regs) -> Outcome {
        // A nested run (a special method, a key function, a generator
        // step) grows the Rust stack; it starts only with room for what a
        // run may take before the next one can check (a budget of calling
        // handlers, the builtins between them), whatever the recursion
        // limit and the thread's stack size.
        // (A run the host starts, with no Python frame below it, is not
        // checked: the host's own stack is the host's.)
        if self.depth > 1 && stacker::remaining_stack().is_some_and(|left| left < STACK_RESERVE) {
            let err = PyErr::new(
                crate::runtime::ExcKind::RecursionError,
                "maximum recursion depth exceeded (the native stack is nearly full)",
            );
            return match self.unwind(regs, err) {
                Ok(handler) => self.run_regs(handler),
                Err(outcome) => outcome,
            };
        }
        match self.options.dispatch {
            _ if self.tracing() => trace::run(self, regs),
            _ if !self.options.quick => switch::run(self, regs),
            Dispatch::Switch => switch::run(self, regs),
            Dispatch::Threaded => threaded::run(self, regs),
        }
    }

    /// Remembers a new class or instance (see `objects`), pruning dead ones.
    pub(crate) fn track_object(&mut self, obj: Tracked) {
        crate::runtime::gc::track(match &obj {
            Tracked::Class(w) => crate::runtime::gc::Entry::Class(w.clone()),
            Tracked::Instance(w) => crate::runtime::gc::Entry::Instance(w.clone()),
        });
        if self.objects.len() == self.objects.capacity() && self.objects.len() >= 64 {
            self.objects.retain(Tracked::alive);
        }
        self.objects.push(obj);
    }

    /// Remembers a new closure cell (see `cells`), pruning dead ones so the
    /// list stays proportional to the cells alive.
    pub(crate) fn track_cell(&mut self, cell: &Rc<std::cell::RefCell<Value>>) {
        crate::runtime::gc::track(crate::runtime::gc::Entry::Cell(Rc::downgrade(cell)));
        if self.cells.len() == self.cells.capacity() && self.cells.len() >= 64 {
            self.cells.retain(|w| w.strong_count() > 0);
        }
        self.cells.push(Rc::downgrade(cell));
    }

    /// Unwinds after an error at `r`: each frame it passes through is
    /// added to the traceback (outermost first) and searched for a try
    /// block, innermost first. A handler found resumes the run there, with
    /// the previous exception and the exception pushed; frames without one
    /// go back to their allocator.
    #[cold]
    #[inline(never)]
    pub(crate) fn unwind(&mut self, r: Regs, mut err: PyErr) -> Result<Regs, Outcome> {
        if self.hand_over {
            self.hand_over = false;
            return Err(trace::hand_over(self, r));
        }
        let mut fp = r.fp;
        // SAFETY: fp is the running frame; its code is alive (its function
        // is on the caller's stack, or the module code is held by run_module).
        let code = unsafe { fp.code() };
        let mut lasti = r.ip.index(code.code()).saturating_sub(1);
        // SAFETY: sp is inside fp's stack.
        unsafe { fp.save(lasti as i32, r.sp.as_ptr()) };
        if !err.reraised {
            self.chain_context(&mut err);
        }
        let mut skip_entry = err.reraised;
        err.reraised = false;
        // The frames passed, innermost first: they go in front of the
        // traceback at once before anything reads it (one insertion per
        // frame at the front would make a deep unwind quadratic).
        let mut passed: Vec<TraceEntry> = Vec::new();
        let flush = |err: &mut PyErr, passed: &mut Vec<TraceEntry>| {
            if !passed.is_empty() {
                err.traceback.splice(0..0, passed.drain(..).rev());
            }
        };
        loop {
            // SAFETY: each frame on the chain is live until popped below.
            let code = unsafe { fp.code() };
            if !skip_entry {
                passed.push(TraceEntry {
                    filename: code.filename().to_string(),
                    line: code.line_of(lasti),
                    function: code.name().to_string(),
                    span: code
                        .position_of(lasti)
                        .map(|p| (p.end_line, p.col, p.end_col)),
                });
            }
            if self.tracer.is_some() {
                flush(&mut err, &mut passed);
                trace::unwinding(self, fp, lasti, &mut err, !skip_entry);
            }
            skip_entry = false;
            // A script the host stopped runs no handler on its way out.
            // SAFETY: live frame.
            if err.abort.is_none() && !unsafe { fp.header() }.blocks().is_empty() {
                flush(&mut err, &mut passed);
                // SAFETY: fp is live and not borrowed; its stacktop is saved.
                if let Some(regs) = unsafe { self.find_handler(fp, &mut err) } {
                    return Ok(regs);
                }
            }
            if self.tracer.is_some() {
                trace::leaving(self, fp, &mut err);
            }
            // SAFETY: live frame.
            let back = unsafe { fp.header() }.back();
            // SAFETY: fp is live, came from self.frames, its stacktop is
            // saved, and no frame above it remains.
            unsafe { self.frames.pop(fp) };
            self.depth -= 1;
            match back {
                Some(b) => {
                    fp = b;
                    // SAFETY: live caller frame.
                    lasti = unsafe { b.header() }.lasti().max(0) as usize;
                }
                None => break,
            }
        }
        flush(&mut err, &mut passed);
        self.pending = Some(err);
        Err(Outcome::Raised)
    }

    /// Pops `fp`'s blocks looking for a try block: an except handler's
    /// block restores the exception it replaced; a try block is turned into
    /// a handler block and its handler's registers returned.
    ///
    /// # Safety
    /// `fp` is live, not borrowed, its stacktop saved; its blocks were
    /// pushed by verified code (levels within the stack).
    unsafe fn find_handler(&mut self, fp: FramePtr<Value>, err: &mut PyErr) -> Option<Regs> {
        // SAFETY: caller's contract throughout: the verifier keeps every
        // block's level (and, for handlers, the saved exception at it)
        // below the stack top.
        unsafe {
            let base = fp.valuestack();
            while let Some(b) = fp.pop_block() {
                let mut sp = Sp(fp.stacktop());
                let level = base.add(b.level as usize);
                match b.kind {
                    exc::HANDLER => {
                        while sp.as_ptr() > level.add(1) {
                            drop(sp.pop());
                        }
                        let prev = sp.pop();
                        self.exc_info = (!matches!(prev, Value::None)).then_some(prev);
                        fp.save(fp.header().lasti(), sp.as_ptr());
                    }
                    _ => {
                        while sp.as_ptr() > level {
                            drop(sp.pop());
                        }
                        fp.push_block(crate::frame::Block {
                            kind: exc::HANDLER,
                            handler: 0,
                            level: b.level,
                        });
                        sp.push(self.exc_info.take().unwrap_or(Value::None));
                        let obj = Value::Instance(err.object());
                        self.exc_info = Some(obj.clone());
                        sp.push(obj);
                        let code = fp.code();
                        return Some(Regs {
                            ip: Ip::at(code.code(), b.handler as usize),
                            sp,
                            fp,
                            fast: Fast(fp.localsplus()),
                        });
                    }
                }
            }
        }
        None
    }

    /// An exception raised while another is handled gets it as its
    /// `__context__` (unless that would make a cycle).
    fn chain_context(&mut self, err: &mut PyErr) {
        let Some(Value::Instance(ctx)) = self.exc_info.clone() else {
            return;
        };
        let obj = err.object();
        if Rc::ptr_eq(&obj, &ctx) {
            return;
        }
        // Break a cycle: walk ctx's chain; if it reaches obj, cut it there.
        let mut o = ctx.clone();
        while let Some(Value::Instance(next)) = o.get("__context__") {
            if Rc::ptr_eq(&next, &obj) {
                o.set(Rc::from("__context__"), Value::None);
                break;
            }
            o = next;
        }
        obj.set(Rc::from("__context__"), Value::Instance(ctx));
    }

    /// Fills in what printing needs once an error escapes: the message
    /// (`str(e)`, which may be user code) and the chained exceptions.
    pub(crate) fn describe(&mut self, err: &mut PyErr) {
        let Some(Value::Instance(inst)) = err.value.clone() else {
            return;
        };
        err.msg = self.exc_text(&inst);
        if inst.class.exc_base == Some(crate::runtime::ExcKind::SystemExit) {
            let code = crate::runtime::class::system_exit_code(&inst);
            err.exit = Some(Box::new(crate::runtime::error::Exit::from_code(
                &code,
                |c| {
                    self.str_of(c)
                        .unwrap_or_else(|_| "<exception str() failed>".to_string())
                },
            )));
        }
        let mut chain = Vec::new();
        let mut cur = inst;
        let mut seen = vec![Rc::as_ptr(&cur)];
        loop {
            let cause = cur.get("__cause__").filter(|v| !matches!(v, Value::None));
            let suppress = cur.get("__suppress_context__").is_some_and(|v| v.truthy());
            let (next, link) = match cause {
                Some(c) => (c, crate::runtime::error::CAUSE_LINK),
                None if !suppress => match cur.get("__context__") {
                    Some(c) if !matches!(c, Value::None) => {
                        (c, crate::runtime::error::CONTEXT_LINK)
                    }
                    _ => break,
                },
                None => break,
            };
            let Value::Instance(next) = next else { break };
            if seen.contains(&Rc::as_ptr(&next)) {
                break;
            }
            seen.push(Rc::as_ptr(&next));
            let text = self.exc_text(&next);
            let name = next.class.name.to_string();
            chain.push(crate::runtime::error::ChainLink {
                traceback: next.traceback.borrow().clone(),
                last_line: if text.is_empty() {
                    name
                } else {
                    format!("{name}: {text}")
                },
                link,
            });
            cur = next;
        }
        chain.reverse();
        err.chain = chain;
    }

    /// `str(e)` for printing, as CPython falls back when it fails.
    fn exc_text(&mut self, inst: &Rc<crate::runtime::class::Instance>) -> String {
        // A SyntaxError with a place prints its `msg` alone (the place is
        // shown above it, as CPython's printer does).
        if inst
            .class
            .exc_base
            .is_some_and(|k| k.is_a(crate::runtime::ExcKind::SyntaxError))
            && let Some(Value::Tuple(_)) = crate::runtime::class::exc_args(inst).get(1)
            && let Some(msg) = crate::runtime::class::exc_attr(inst, "msg")
        {
            return self
                .str_of(&msg)
                .unwrap_or_else(|_| "<exception str() failed>".to_string());
        }
        self.str_of(&Value::Instance(inst.clone()))
            .unwrap_or_else(|_| "<exception str() failed>".to_string())
    }
}

impl crate::runtime::format::Stringify for Vm {
    fn text(&mut self, v: &Value) -> PyResult<String> {
        self.str_of(v)
    }
    fn user_format(&mut self, v: &Value, spec: &str) -> PyResult<Option<String>> {
        let Value::Instance(i) = v else {
            return Ok(None);
        };
        if i.class.lookup("__format__").is_none() {
            return Ok(None);
        }
        let Some(m) = self.special(v, "__format__")? else {
            return Ok(None);
        };
        match self.call_value(&m, vec![Value::str(spec)], Vec::new())? {
            Value::Str(s) => Ok(Some(s.as_str().to_owned())),
            other => Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                other.type_name()
            ))),
        }
    }
    fn text_repr(&mut self, v: &Value) -> PyResult<String> {
        self.repr_of(v)
    }
    fn int_of(&mut self, v: &Value) -> PyResult<Option<Value>> {
        if !objects::is_instance(v) {
            return Ok(None);
        }
        for name in ["__index__", "__int__"] {
            if let Some(m) = self.special(v, name)? {
                return self.call_value(&m, Vec::new(), Vec::new()).map(Some);
            }
        }
        Ok(None)
    }
    fn field_attr(&mut self, v: &Value, name: &str) -> PyResult<Value> {
        self.getattr(v, name)
    }
    fn field_item(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        Vm::getitem(self, v, key)
    }
}

impl Host for Vm {
    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
    fn sys_trace(&mut self, what: &str, args: Vec<Value>) -> PyResult<Value> {
        trace::sys_function(self, what, args)
    }
    fn rebound_stdout(&mut self) -> Option<Value> {
        Vm::rebound_stdout(self)
    }

    /// Calls `f` from Rust (a builtin's callback): a Python function runs in
    /// a nested loop on a frame of its own; the Rust stack grows by one
    /// loop per nesting, bounded by the recursion limit.
    fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_value(f, args, Vec::new())
    }
    fn call_kw(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        self.call_value(f, args, kwargs)
    }
    fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.repr_of(v)
    }
    fn str(&mut self, v: &Value) -> PyResult<String> {
        self.str_of(v)
    }
    fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Vm::truthy(self, v)
    }
    fn len(&mut self, v: &Value) -> PyResult<usize> {
        self.len_of(v)
    }
    fn iter(&mut self, v: &Value) -> PyResult<Value> {
        self.iter_of(v)
    }
    fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.native_steps = self.native_steps.wrapping_add(1);
        if self.native_steps.is_multiple_of(4096) {
            self.host.check_stop()?;
        }
        self.next_of(it)
    }
    fn next_or_stop(&mut self, it: &Value) -> PyResult<Value> {
        let saved = self.stop_depth.replace(self.depth);
        let r = self.next_of(it);
        self.stop_depth = saved;
        r?.ok_or_else(|| PyErr::new(crate::runtime::ExcKind::StopIteration, ""))
    }
    fn items(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        self.collect_values(v)
    }
    fn less(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        Vm::less(self, a, b)
    }
    fn equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        Vm::equal(self, a, b)
    }
    fn getattr(&mut self, v: &Value, name: &str) -> PyResult<Value> {
        Vm::getattr(self, v, name)
    }
    fn setattr(&mut self, v: &Value, name: &str, value: Value) -> PyResult<()> {
        Vm::setattr(self, v, Rc::from(name), value)
    }
    fn build_class(&mut self, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
        Vm::build_class(self, args, kwargs)
    }
    fn gen_step(
        &mut self,
        g: &Rc<crate::runtime::object::Generator>,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<Value> {
        self.gen_step_value(g, sent, throw)
    }
    fn binary(&mut self, op: crate::bytecode::BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        crate::runtime::ops::binary(op, a, b)
            .or_else(|e| exec::binary_slow(self, op, a, b, false, e))
    }
    fn special(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        match Vm::special(self, v, name)? {
            Some(m) => Ok(Some(self.call_value(&m, Vec::new(), Vec::new())?)),
            None => Ok(None),
        }
    }
    fn dict_key(
        &mut self,
        d: &std::cell::RefCell<crate::runtime::dict::Dict>,
        k: &Value,
    ) -> PyResult<Value> {
        Vm::dict_key(self, d, k)
    }
    fn gen_close(&mut self, g: &Rc<crate::runtime::object::Generator>) -> PyResult<()> {
        Vm::gen_close(self, g)
    }
    fn set_elements(&mut self, s: Option<&Value>, items: Vec<Value>) -> PyResult<Vec<Value>> {
        Vm::set_elements(self, s, items)
    }
    fn delattr(&mut self, v: &Value, name: &str) -> PyResult<()> {
        Vm::delattr(self, v, name)
    }
    fn names(&mut self, locals: bool) -> PyResult<Value> {
        self.names_dict(locals)
    }
    fn getitem(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        Vm::getitem(self, c, k)
    }
    fn setitem(&mut self, c: &Value, k: &Value, v: Value) -> PyResult<()> {
        Vm::setitem(self, c, k, v)
    }
    fn delitem(&mut self, c: &Value, k: &Value) -> PyResult<()> {
        Vm::delitem(self, c, k)
    }
    fn contains(&mut self, c: &Value, x: &Value) -> PyResult<bool> {
        Vm::contains(self, c, x)
    }
    fn compare(&mut self, op: crate::bytecode::CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.compare_values(op, a, b)
    }
    fn make_class(
        &mut self,
        meta: Option<Rc<crate::runtime::class::Class>>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        Vm::make_class(self, meta, args, kwargs)
    }
    fn instantiate(
        &mut self,
        cls: &Rc<crate::runtime::class::Class>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        self.instantiate_plain(cls, args, kwargs)
    }
    fn generic_attr(
        &mut self,
        obj: &Value,
        name: &str,
        value: Option<Value>,
        delete: bool,
    ) -> PyResult<Value> {
        Vm::generic_attr(self, obj, name, value, delete)
    }
    fn alloc_instance(
        &mut self,
        cls: &Rc<crate::runtime::class::Class>,
        base: Option<Value>,
    ) -> Rc<crate::runtime::class::Instance> {
        let inst = crate::runtime::class::Instance::new(cls.clone());
        if let Some(b) = base {
            let _ = inst.base.set(b);
        }
        let inst = Rc::new(inst);
        self.track_object(Tracked::Instance(Rc::downgrade(&inst)));
        inst
    }
    fn exec_code(
        &mut self,
        source: &Value,
        globals: Option<&Value>,
        locals: Option<&Value>,
        eval: bool,
    ) -> PyResult<Value> {
        self.exec_builtin(source, globals, locals, eval)
    }
}

impl Vm {
    /// `globals()` (`locals` false) or `locals()` of the frame calling the
    /// builtin, as a new dict: a module's or class body's namespace, or a
    /// function's bound locals, cells and free variables in that order.
    /// `__name__` of the calling frame's globals, while a builtin runs.
    pub(crate) fn caller_module_name(&self) -> Option<Value> {
        let fp = self.caller?;
        // SAFETY: `caller` is set only while fp's CALL runs a builtin, so
        // fp is live, and its globals (held by the frame's function) with it.
        let ns = unsafe { &*(fp.header().globals() as *const Namespace) };
        ns.get("__name__")
    }

    fn names_dict(&mut self, locals: bool) -> PyResult<Value> {
        let mut items: Vec<(Rc<str>, Value)> = Vec::new();
        // The calling frame's globals (none when the host calls the builtin).
        let mut ns: *const Namespace = match self.caller {
            // SAFETY: `caller` is set only while fp's CALL runs a builtin,
            // so fp is live, and its globals with it.
            Some(fp) => unsafe { fp.header() }.globals() as *const Namespace,
            None => std::ptr::null(),
        };
        if locals && let Some(fp) = self.caller {
            // SAFETY: `caller` is set only while fp's CALL runs a builtin,
            // so fp is live.
            let l = unsafe { fp.header() }.locals() as *const Namespace;
            if l.is_null() {
                // SAFETY: as above.
                items = unsafe { eval::fast_items(fp) };
                ns = std::ptr::null();
            } else {
                ns = l;
            }
        }
        if !ns.is_null() {
            // A module's or class body's namespace: itself, as a dict.
            // SAFETY: every frame's globals and locals namespace pointer is
            // `Rc::as_ptr` of a live `Rc<Namespace>` (a module's, held by
            // the frame's function or the VM; a class body's, held by
            // `build_class` while the body runs; exec's, held by
            // `exec_builtin`): the count is raised before a second `Rc` is
            // made from it, so both references are counted.
            let rc: Rc<Namespace> = unsafe {
                Rc::increment_strong_count(ns);
                Rc::from_raw(ns)
            };
            // A class body running through its metaclass's mapping: that.
            if let Some(m) = rc.mapping() {
                return Ok(m);
            }
            return Ok(Value::Globals(Rc::new(crate::runtime::object::NsRef::Ns(
                rc,
            ))));
        }
        let mut d = crate::runtime::dict::Dict::default();
        for (k, v) in items {
            d.set(Value::str(&*k), v)?;
        }
        Ok(crate::runtime::dict::new_dict(d))
    }
}

/// Where a run stopped, for the command line's `--stats`.
pub fn stats_report(vm: &Vm) -> String {
    format!(
        "frames ({}):\n{}\n  instructions executed {:>12}\n  dispatch            {:>12}",
        vm.options.frames,
        vm.frame_stats(),
        vm.instructions(),
        vm.options.dispatch
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::code::CodeParts;
    use crate::bytecode::{Op, Word};

    #[test]
    fn unverified_code_never_runs() {
        // LOAD_CONST 5 with one constant: would read out of bounds.
        let bad = Code::from_parts(CodeParts {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: Rc::from("bad.py"),
            code: vec![Word::new(Op::LoadConst, 5), Word::new(Op::ReturnValue, 0)],
            consts: vec![Value::None],
            stacksize: 1,
            ..CodeParts::default()
        })
        .unwrap();
        let mut vm = Vm::with_options(Options::default(), Box::new(std::io::sink()));
        let err = vm.run_module(&Rc::new(bad)).unwrap_err();
        assert_eq!(
            err.last_line(),
            "SystemError: code failed verification: instruction 0: LOAD_CONST argument 5 out of range"
        );
        assert_eq!(vm.frame_stats().requests, 0, "no frame was ever pushed");
    }

    #[test]
    fn output_and_frames_are_clean_after_every_combination() {
        let code = crate::compiler::compile("def f(n):\n    return n * 2\nprint(f(21))\n", "t.py")
            .unwrap();
        for dispatch in [Dispatch::Threaded, Dispatch::Switch] {
            for frames in Strategy::ALL {
                let out = crate::embed::SharedBuffer::default();
                let mut vm = Vm::with_options(
                    Options {
                        dispatch,
                        frames,
                        recursion_limit: 100,
                        quick: true,
                    },
                    Box::new(out.clone()),
                );
                vm.run_module(&code).unwrap();
                assert_eq!(out.text(), "42\n");
                let s = vm.frame_stats();
                assert_eq!((s.requests, s.alive), (2, 0), "{dispatch}/{frames}");
            }
        }
    }
}

#[cfg(test)]
mod bytecode_fuzz {
    //! Bytecode built through the public API: whatever the verifier
    //! accepts must run without panicking or touching memory outside its
    //! frame (run under Miri too); whatever it refuses must never run.

    use super::*;
    use crate::bytecode::code::CodeParts;
    use crate::bytecode::opcode::{ArgKind, OP_COUNT};
    use crate::bytecode::verify::inputs;
    use crate::bytecode::{Op, Word};

    /// A small deterministic generator (xorshift).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, bound: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % bound
        }
    }

    fn consts() -> Vec<Value> {
        let inner = crate::compiler::compile("def f(a, b=1):\n    return a\n", "inner.py").unwrap();
        let f = inner
            .consts()
            .iter()
            .find(|c| matches!(c, Value::Code(_)))
            .cloned()
            .unwrap();
        vec![
            Value::None,
            Value::Int(3),
            Value::str("s"),
            Value::tuple(vec![Value::Int(1), Value::str("k")]),
            f,
            Value::list(vec![Value::Int(2)]),
            Value::Float(0.5),
        ]
    }

    /// A program of `len` random instructions, usually with their inputs
    /// supplied, the stack emptied before `return None`.
    fn program(rng: &mut Rng, len: usize, consts: &[Value]) -> Code {
        let mut code = Vec::new();
        let mut depth: i64 = 0;
        let mut max = 0;
        for _ in 0..len {
            let op = Op::ALL[rng.next(OP_COUNT as u64) as usize];
            // Jumps, block operations and yields need structure a random
            // sequence never has (the verifier's tests cover their refusal).
            if op.arg_kind() == ArgKind::jump
                || matches!(
                    op,
                    Op::ExtendedArg
                        | Op::ReturnValue
                        | Op::PopBlock
                        | Op::PopExcept
                        | Op::WithExceptStart
                        | Op::EndAsyncFor
                        | Op::YieldValue
                        | Op::YieldFrom
                )
            {
                continue;
            }
            let arg = match op.arg_kind() {
                ArgKind::konst => rng.next(consts.len() as u64 + 1) as u32,
                ArgKind::cmp => rng.next(11) as u32,
                ArgKind::binop => rng.next(13) as u32,
                ArgKind::mkfn => [0, 1, 2, 8, 9][rng.next(5) as usize],
                ArgKind::format => rng.next(8) as u32,
                _ => rng.next(4) as u32,
            };
            let need = inputs(op, arg);
            // Usually supply the inputs; sometimes fall short (the verifier must refuse).
            let supply = if rng.next(10) < 9 {
                (need - depth).max(0)
            } else {
                rng.next(2) as i64
            };
            for _ in 0..supply {
                code.push(Word::new(
                    Op::LoadConst,
                    rng.next(consts.len() as u64) as u32,
                ));
                depth += 1;
                max = max.max(depth);
            }
            code.push(Word::new(op, arg));
            depth += op.stack_effect(arg);
            max = max.max(depth).max(depth - op.stack_effect(arg));
        }
        for _ in 0..depth.max(0) {
            code.push(Word::new(Op::PopTop, 0));
        }
        code.push(Word::new(Op::LoadConst, 0));
        code.push(Word::new(Op::ReturnValue, 0));
        let stacksize = (max + 1 + rng.next(2) as i64).clamp(0, 64) as u32;
        Code::from_parts(CodeParts {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: Rc::from("fuzz.py"),
            code,
            consts: consts.to_vec(),
            names: vec![
                Rc::from("len"),
                Rc::from("x"),
                Rc::from("print"),
                Rc::from("append"),
            ],
            varnames: vec![Rc::from("a"), Rc::from("b")],
            cellvars: vec![Rc::from("c")],
            stacksize,
            ..CodeParts::default()
        })
        .expect("small code")
    }

    #[test]
    fn accepted_bytecode_runs_without_panic() {
        let consts = consts();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let programs = if cfg!(miri) { 30 } else { 4000 };
        let (mut accepted, mut completed) = (0, 0);
        for i in 0..programs {
            // Fresh containers for each program: one that ran may have
            // changed a list constant (even put it inside itself).
            let mut consts = consts.clone();
            assert!(
                matches!(consts[5], Value::List(_)),
                "constant 5 is the list"
            );
            consts[5] = Value::list(vec![Value::Int(2)]);
            let code = Rc::new(program(&mut rng, 1 + i % 8, &consts));
            let verified = crate::bytecode::verify::verify(&code).is_ok();
            let dispatch = if i % 2 == 0 {
                Dispatch::Threaded
            } else {
                Dispatch::Switch
            };
            let frames = Strategy::ALL[i % 4];
            let mut vm = Vm::with_options(
                Options {
                    dispatch,
                    frames,
                    recursion_limit: 50,
                    quick: i % 3 != 0,
                },
                Box::new(std::io::sink()),
            );
            let result = vm.run_module(&code);
            if !verified {
                let err = result.expect_err("refused code must not run");
                assert!(err.msg.starts_with("code failed verification"), "{err:?}");
                assert_eq!(vm.frame_stats().requests, 0);
                continue;
            }
            accepted += 1;
            if result.is_ok() {
                completed += 1;
            }
            assert_eq!(vm.frame_stats().alive, 0, "frames left after {code:?}");
        }
        eprintln!("fuzz: {accepted} of {programs} verified, {completed} ran to the end");
        // The generator must really exercise the interpreter, not just the verifier.
        assert!(
            accepted * 2 > programs,
            "only {accepted} of {programs} programs verified"
        );
        assert!(
            completed > 0 && completed < accepted,
            "{completed} of {accepted} ran to the end"
        );
    }

    /// `exec`, `eval` and `compile` reach the calling frame through raw
    /// pointers (its globals, a class body's namespace, a function's
    /// slots): a program using each, under Miri in CI.
    #[test]
    fn exec_and_eval_read_the_callers_namespaces() {
        const SOURCE: &str = "x = 2\nexec('y = x + 1')\n\ndef f(n):\n    k = n * 10\n    return eval('k + x + y')\n\nclass C:\n    exec('w = y * 2')\n\nd = {}\nexec(compile('z = 4', 's', 'exec'), d)\nprint(f(1), C.w, d['z'], eval('[i for i in range(y)]'))\n";
        let code = crate::compiler::compile(SOURCE, "ev.py").expect("compiles");
        for dispatch in [Dispatch::Threaded, Dispatch::Switch] {
            let out = crate::embed::SharedBuffer::default();
            let mut vm = Vm::with_options(
                Options {
                    dispatch,
                    frames: Strategy::DataStack,
                    recursion_limit: 50,
                    quick: true,
                },
                Box::new(out.clone()),
            );
            vm.run_module(&code).expect("runs");
            assert_eq!(out.text(), "15 6 4 [0, 1, 2]\n", "{dispatch}");
            assert_eq!(vm.frame_stats().alive, 0);
        }
    }

    /// The quick paths and the full ones on a real program (closures,
    /// calls and returns with references in the frame, list and tuple
    /// subscripts, a list holding itself, int and float edges), under
    /// every backend and strategy: the same output (CPython 3.11's), and
    /// no frame left. Small enough for Miri, which checks the quick
    /// paths' raw pointer work.
    #[test]
    fn quick_and_full_paths_agree() {
        const SOURCE: &str = r#"def adder(k):
    def add(x):
        return x + k
    return add


def counter():
    n = 0

    def inc(d):
        nonlocal n
        n = n + d
        return n
    return inc


def fill(xs, v):
    for i in range(len(xs)):
        xs[i] = xs[i - 1] * v + i
    return xs


def norm(p):
    return (p[0] * p[0] + p[1] * p[1]) / 2


a = [adder(k) for k in range(3)]
c = counter()
s = 0
for i in range(6):
    s = a[i % 3](s) + c(i) % 7 // 2
b = [1.5, 2, None]
b[2] = b
t = (norm((3, 4.5)), fill([0] * 4, 3), b[2][2][0] < 2.0, s, -7 // 2, -7 % 3)
b[2] = 0  # (a list cycle leaks until a collector exists)
print(t[0], t[1], t[2], t[3], t[4], t[5], 2 ** 70 // 3 << 1, 1 << 63)
"#;
        const CPYTHON: &str =
            "14.625 [0, 1, 5, 18] True 11 -4 2 787061080478274202282 9223372036854775808\n";
        let code = crate::compiler::compile(SOURCE, "quick.py").expect("compiles");
        for quick in [true, false] {
            for dispatch in [Dispatch::Threaded, Dispatch::Switch] {
                for frames in Strategy::ALL {
                    let out = crate::embed::SharedBuffer::default();
                    let mut vm = Vm::with_options(
                        Options {
                            dispatch,
                            frames,
                            recursion_limit: 50,
                            quick,
                        },
                        Box::new(out.clone()),
                    );
                    vm.run_module(&code).expect("runs");
                    let text = out.text();
                    assert_eq!(text, CPYTHON, "{dispatch}/{frames}, quick {quick}");
                    assert_eq!(vm.frame_stats().alive, 0, "{dispatch}/{frames}");
                }
            }
        }
    }
}
