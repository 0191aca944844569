//! Tracing and profiling: `sys.settrace`, `sys.setprofile` and the host's
//! hook ([`Vm::set_hook`]), through the frame header's `trace`,
//! `trace_lines`, `trace_opcodes` and `lineno`.
//!
//! With no hook set nothing here runs: the dispatch loops are unchanged,
//! and setting a hook makes them check in at their next dispatch
//! ([`Vm::check_in_soon`]), where they hand the rest of the run to
//! [`go_on`]: a third loop, the switch loop's shape with every instruction
//! on its full path (so instruction counts are exact and the same on every
//! backend) and the events around it. Runs that start while a hook is set
//! start in it ([`run`]).
//!
//! The loop keeps a shadow stack of the frames it has seen (one entry per
//! live frame, across nested runs, whose own `back` is null): the 'call'
//! event pushes, the 'return' event pops, and the unwinder reports the
//! frames an exception leaves ([`unwinding`], [`leaving`]). A hook's frame
//! object is a view of the live frame through its entry, and keeps a
//! snapshot (line, locals) once the frame is gone.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::exec;
use super::sp::op_of;
use super::step::step;
use super::{Outcome, Regs, Stop, Vm};
use crate::bytecode::{Code, Op, code::flags};
use crate::embed::{Class, Object, UserData};
use crate::frame::FramePtr;
use crate::runtime::class::Instance;
use crate::runtime::object::Namespace;
use crate::runtime::{ExcKind, PyErr, PyResult, Value};

/// What a host hook sees happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A frame starts (or a generator resumes).
    Call,
    /// A new line starts (or a jump goes backwards).
    Line,
    /// A frame returns (or a generator yields, or an exception leaves it).
    Return,
    /// An exception is raised in (or passes through) a frame.
    Exception,
    /// An instruction is about to run (only with [`Hook::opcodes`]).
    Opcode,
}

/// One event, as a host hook gets it: the code, the line, the index of
/// the instruction, and a read-only view of the frame's variables.
pub struct Event<'a> {
    kind: EventKind,
    code: &'a Code,
    line: u32,
    lasti: usize,
    depth: usize,
    locals: &'a dyn Fn() -> Vec<(Rc<str>, Value)>,
}

impl Event<'_> {
    /// What happened.
    pub fn kind(&self) -> EventKind {
        self.kind
    }
    /// The function's name (`<module>` for module code).
    pub fn function(&self) -> &str {
        self.code.name()
    }
    /// The function's qualified name.
    pub fn qualname(&self) -> &str {
        self.code.qualname()
    }
    /// The file of the code.
    pub fn filename(&self) -> &str {
        self.code.filename()
    }
    /// The line of the function's `def` (1 for a module).
    pub fn firstlineno(&self) -> u32 {
        self.code.firstlineno()
    }
    /// The line being run.
    pub fn line(&self) -> u32 {
        self.line
    }
    /// The index of the instruction being run (or that returned).
    pub fn lasti(&self) -> usize {
        self.lasti
    }
    /// How many traced frames are below this one.
    pub fn depth(&self) -> usize {
        self.depth
    }
    /// An identity for the code object, the same for every event of it.
    pub fn code_id(&self) -> usize {
        self.code as *const Code as usize
    }
    /// The frame's variables that are bound now (locals, cells, free
    /// variables; a module's names for module code), read-only.
    pub fn locals(&self) -> Vec<(String, Object)> {
        (self.locals)()
            .into_iter()
            .map(|(k, v)| (k.to_string(), Object(v)))
            .collect()
    }
}

/// What a host hook tells the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookAction {
    /// Go on.
    Continue,
    /// Stop the script: the run ends with `Error::Interrupted`, running no
    /// `except` or `finally` of the script.
    Stop,
}

/// A host hook and the events it wants.
pub struct Hook {
    /// Called for each event.
    pub callback: Box<dyn FnMut(&Event<'_>) -> HookAction>,
    /// 'line' events.
    pub lines: bool,
    /// 'opcode' events (one per instruction: slow, exact).
    pub opcodes: bool,
}

/// A frame the loop has seen, alive.
struct Entry {
    fp: FramePtr<Value>,
    data: Rc<FrameData>,
    /// Index of the last instruction run in this frame (-1: none yet).
    prev: i32,
    /// Its line (the `def` line before the first).
    prev_line: i32,
    /// A builtin called by the instruction running (for 'c_return').
    c_call: Option<Value>,
}

/// The tracing state of a VM (boxed: off the VM's hot fields).
#[derive(Default)]
pub(crate) struct Tracer {
    /// `sys.settrace`'s function.
    pub(crate) trace: Option<Value>,
    /// `sys.setprofile`'s function.
    pub(crate) profile: Option<Value>,
    /// The host's hook.
    hook: Option<Hook>,
    stack: Vec<Entry>,
    /// A hook is running: nothing is traced inside it.
    busy: bool,
    /// The jump a trace function asked for at the 'line' event that just
    /// returned.
    jump: Option<super::jump::Jump>,
    /// A jump was taken (frame, target): the target runs with no events
    /// of its own.
    jumped: Option<(FramePtr<Value>, i32)>,
}

impl Tracer {
    fn wanted(&self) -> bool {
        !self.busy && (self.trace.is_some() || self.profile.is_some() || self.hook.is_some())
    }
}

/// What a frame object shows of a frame: a view of the live frame while
/// its entry is on the shadow stack, a snapshot after.
pub(crate) struct FrameData {
    fp: Cell<Option<FramePtr<Value>>>,
    code: Rc<Code>,
    globals: Rc<Namespace>,
    back: Option<Rc<FrameData>>,
    /// `f_trace`.
    trace: RefCell<Value>,
    lineno: Cell<i32>,
    lasti: Cell<i32>,
    trace_lines: Cell<bool>,
    trace_opcodes: Cell<bool>,
    /// The variables when the frame ended.
    locals: RefCell<Option<Value>>,
    /// The frame object scripts hold, if one was made.
    obj: RefCell<Weak<Instance>>,
    /// A jump its trace function asked for (`f_lineno` set), taken when
    /// the trace function returns.
    jump: RefCell<Option<super::jump::Jump>>,
    /// The names in `locals` that were bound to this frame's own object
    /// (`f = sys._getframe()`): kept out of the snapshot, which would
    /// otherwise hold the object that holds it (a cycle the collector
    /// cannot see through a frame object), and put back when read.
    self_names: RefCell<Vec<Value>>,
}

impl FrameData {
    /// The variables now, as `f_locals` gives them.
    fn locals_value(&self) -> PyResult<Value> {
        if let Some(l) = &*self.locals.borrow() {
            let names = self.self_names.borrow();
            let me = self.obj.borrow().upgrade();
            if let (false, Some(me), Value::Dict(d)) = (names.is_empty(), me, l) {
                let mut copy = d.borrow().clone();
                for k in names.iter() {
                    copy.set(k.clone(), Value::Instance(me.clone()))?;
                }
                return Ok(crate::runtime::dict::new_dict(copy));
            }
            return Ok(l.clone());
        }
        match self.fp.get() {
            Some(fp) => frame_locals(fp),
            None => Ok(crate::runtime::dict::new_dict(Default::default())),
        }
    }

    /// The frame is going (`live`: it is still there to read) or gone:
    /// keep what it showed.
    fn die(&self, live: bool) {
        if live && let Some(fp) = self.fp.get() {
            if let Some(me) = self.obj.borrow().upgrade()
                && let Ok(l) = frame_locals(fp)
            {
                if let Value::Dict(d) = &l {
                    let mine: Vec<Value> = d
                        .borrow()
                        .map
                        .iter()
                        .filter(|(_, v)| matches!(v, Value::Instance(i) if Rc::ptr_eq(i, &me)))
                        .map(|(k, _)| k.0.clone())
                        .collect();
                    for k in &mine {
                        let old = d.borrow_mut().remove(k);
                        drop(old);
                    }
                    *self.self_names.borrow_mut() = mine;
                }
                *self.locals.borrow_mut() = Some(l);
            }
            // SAFETY: fp is live until its entry is popped, which is now.
            let h = unsafe { fp.header() };
            self.trace_lines.set(h.trace_lines);
            self.trace_opcodes.set(h.trace_opcodes);
        }
        self.fp.set(None);
    }
}

/// A live frame's variables as a dict.
fn frame_locals(fp: FramePtr<Value>) -> PyResult<Value> {
    // SAFETY: callers pass a frame on the shadow stack (live).
    let h = unsafe { fp.header() };
    let ns = h.locals() as *const Namespace;
    let items = if !ns.is_null() {
        // SAFETY: a module or class body's locals namespace outlives its
        // frame (the run that pushed the frame holds it).
        unsafe { &*ns }.as_dict()?
    } else {
        // SAFETY: live frame.
        let items = unsafe { super::eval::fast_items(fp) };
        let mut d = crate::runtime::dict::Dict::default();
        for (k, v) in items {
            d.set(Value::str(&*k), v)?;
        }
        crate::runtime::dict::new_dict(d)
    };
    Ok(items)
}

/// A frame's code and globals as new references.
///
/// # Safety
/// `fp` is live.
unsafe fn code_and_globals(fp: FramePtr<Value>) -> (Rc<Code>, Rc<Namespace>) {
    // SAFETY: caller's contract; every frame's code pointer is `Rc::as_ptr`
    // of an `Rc<Code>` that outlives it (the function or the run holds it),
    // and its globals pointer likewise (see exec::globals): each count is
    // raised before a second `Rc` is made from the pointer.
    unsafe {
        let h = fp.header();
        let c = h.code();
        Rc::increment_strong_count(c);
        let g = h.globals() as *const Namespace;
        Rc::increment_strong_count(g);
        (Rc::from_raw(c), Rc::from_raw(g))
    }
}

/// The frame object of `data` (made once, then the same object while it
/// is held).
fn frame_value(vm: &mut Vm, data: &Rc<FrameData>) -> PyResult<Value> {
    if let Some(i) = data.obj.borrow().upgrade() {
        return Ok(Value::Instance(i));
    }
    let o = vm
        .create_userdata(FrameObject(data.clone()))
        .map_err(crate::Error::into_py)?;
    if let Value::Instance(i) = &o.0 {
        *data.obj.borrow_mut() = Rc::downgrade(i);
    }
    Ok(o.0)
}

/// `frame`: what `sys._getframe()` and the hooks give scripts.
pub(crate) struct FrameObject(Rc<FrameData>);

fn lineno_of(d: &FrameData) -> i32 {
    match d.fp.get() {
        // SAFETY: a live frame (its entry is on the shadow stack).
        Some(fp) => unsafe { fp.header() }.lineno(),
        None => d.lineno.get(),
    }
}

impl UserData for FrameObject {
    const NAME: &'static str = "frame";
    fn register(c: &mut Class<Self>) {
        c.getter("f_code", |f| Object(Value::Code(f.0.code.clone())));
        c.getter("f_globals", |f| {
            Object(Value::Globals(Rc::new(crate::runtime::object::NsRef::Ns(
                f.0.globals.clone(),
            ))))
        });
        c.getter("f_lineno", |f| lineno_of(&f.0));
        c.getter("f_lasti", |f| {
            // CPython's instructions are 2 bytes: its lasti is a byte offset.
            2 * f.0.lasti.get()
        });
        c.getter("f_trace_lines", |f| match f.0.fp.get() {
            // SAFETY: live frame.
            Some(fp) => unsafe { fp.header() }.trace_lines,
            None => f.0.trace_lines.get(),
        });
        c.getter("f_trace_opcodes", |f| match f.0.fp.get() {
            // SAFETY: live frame.
            Some(fp) => unsafe { fp.header() }.trace_opcodes,
            None => f.0.trace_opcodes.get(),
        });
        c.getter("f_trace", |f| Object(f.0.trace.borrow().clone()));
        c.setter("f_trace", |f, v: Object| {
            set_local_trace(&f.0, v.0);
            Ok(())
        });
        c.setter("f_trace_lines", |f, v: bool| {
            match f.0.fp.get() {
                // SAFETY: live frame; no reference to its header is held.
                Some(fp) => unsafe { (*fp.as_ptr()).trace_lines = v },
                None => f.0.trace_lines.set(v),
            }
            Ok(())
        });
        c.setter("f_trace_opcodes", |f, v: bool| {
            match f.0.fp.get() {
                // SAFETY: live frame; no reference to its header is held.
                Some(fp) => unsafe { (*fp.as_ptr()).trace_opcodes = v },
                None => f.0.trace_opcodes.set(v),
            }
            Ok(())
        });
        c.setter("f_lineno", |f, v: Object| {
            set_lineno(&f.0, &v.0).map_err(|m| crate::Error::raise("ValueError", m))
        });
        c.method("__getattr__", |vm, f, (name,): (String,)| {
            match name.as_str() {
                "f_locals" => {
                    f.0.locals_value()
                        .map(Object)
                        .map_err(crate::Error::from_py)
                }
                "f_back" => match &f.0.back {
                    Some(b) => frame_value(vm, b)
                        .map(Object)
                        .map_err(crate::Error::from_py),
                    None => Ok(Object(Value::None)),
                },
                "f_builtins" => Ok(Object(Value::Globals(Rc::new(
                    crate::runtime::object::NsRef::Ns(vm.builtins.clone()),
                )))),
                _ => Err(crate::Error::raise(
                    "AttributeError",
                    format!("'frame' object has no attribute '{name}'"),
                )),
            }
        });
        c.method("__repr__", |_vm, f, (): ()| {
            Ok(format!(
                "<frame at {:#x}, file '{}', line {}, code {}>",
                Rc::as_ptr(&f.0) as usize,
                f.0.code.filename(),
                lineno_of(&f.0),
                f.0.code.name()
            ))
        });
    }
}

/// The trace events, as the thread's last one is kept (CPython's
/// `tracing_what`: which event the hook running now reports).
#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Call,
    Line,
    Other,
}

thread_local! {
    /// The event a hook is reporting now (outside hooks: 'call', as
    /// CPython's thread state starts), and the frame it reports it of.
    static WHAT: Cell<(What, *const FrameData)> = const { Cell::new((What::Call, std::ptr::null())) };
}

/// `frame.f_lineno = v`: CPython 3.11's checks, in its order; the jump
/// itself waits for the trace function to return.
fn set_lineno(d: &Rc<FrameData>, v: &Value) -> Result<(), String> {
    let line = match v {
        Value::Int(n) => Some(*n),
        Value::BigInt(_) => None,
        _ => return Err("lineno must be an integer".into()),
    };
    let (what, current) = WHAT.with(|w| w.get());
    match what {
        What::Call => return Err("can't jump from the 'call' trace event of a new frame".into()),
        What::Other => return Err("can only jump from a 'line' trace event".into()),
        What::Line => {}
    }
    if matches!(*d.trace.borrow(), Value::None) {
        return Err("f_lineno can only be set by a trace function".into());
    }
    let Some(line) = line.filter(|&n| i32::try_from(n).is_ok()) else {
        return Err("lineno out of range".into());
    };
    // (framevm jumps only in the frame whose 'line' event is reported.)
    if !std::ptr::eq(current, Rc::as_ptr(d)) || d.fp.get().is_none() {
        return Err("f_lineno can only be set by a trace function".into());
    }
    let j = super::jump::plan(&d.code, d.lasti.get().max(0) as usize, line)?;
    *d.jump.borrow_mut() = Some(j);
    Ok(())
}

/// Sets a frame's `f_trace` (and the header's mark that it has one).
fn set_local_trace(d: &FrameData, v: Value) {
    let on = !matches!(v, Value::None);
    *d.trace.borrow_mut() = v;
    if let Some(fp) = d.fp.get() {
        let mark = if on {
            d as *const FrameData as *const ()
        } else {
            std::ptr::null()
        };
        // SAFETY: live frame; no reference to its header is held.
        unsafe { (*fp.as_ptr()).trace = mark };
    }
}

impl Vm {
    /// Sets (or with None removes) the host's hook: it gets every 'call',
    /// 'return' and 'exception' event of every frame, and 'line' and
    /// 'opcode' events as [`Hook`] asks; returning [`HookAction::Stop`]
    /// stops the script with `Error::Interrupted`. While it is set, every
    /// instruction runs on its full path (exact counts, slower); with no
    /// hook, the interpreter runs as if this did not exist.
    ///
    /// ```
    /// use framevm::{EventKind, Hook, HookAction, Vm};
    /// use std::{cell::RefCell, rc::Rc};
    ///
    /// let mut vm = Vm::new();
    /// let lines = Rc::new(RefCell::new(Vec::new()));
    /// let seen = lines.clone();
    /// vm.set_hook(Some(Hook {
    ///     callback: Box::new(move |e| {
    ///         if e.kind() == EventKind::Line {
    ///             seen.borrow_mut().push((e.function().to_string(), e.line()));
    ///         }
    ///         HookAction::Continue
    ///     }),
    ///     lines: true,
    ///     opcodes: false,
    /// }));
    /// vm.exec("def f(x):\n    y = x + 1\n    return y\nf(1)\n", "t.py")?;
    /// vm.set_hook(None);
    /// assert!(lines.borrow().contains(&("f".to_string(), 2)));
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn set_hook(&mut self, hook: Option<Hook>) {
        self.tracer_mut().hook = hook;
        self.check_in_soon();
    }

    fn tracer_mut(&mut self) -> &mut Tracer {
        self.tracer.get_or_insert_with(Default::default)
    }

    /// Whether runs go through the tracing loop now.
    #[inline]
    pub(crate) fn tracing(&self) -> bool {
        self.tracer.as_ref().is_some_and(|t| t.wanted())
    }

    /// `sys.settrace(f)`.
    pub(crate) fn set_trace(&mut self, f: Value) {
        self.tracer_mut().trace = (!matches!(f, Value::None)).then_some(f);
        self.check_in_soon();
    }

    /// `sys.setprofile(f)`.
    pub(crate) fn set_profile(&mut self, f: Value) {
        self.tracer_mut().profile = (!matches!(f, Value::None)).then_some(f);
        self.check_in_soon();
    }

    /// `sys._getframe(depth)`: the frame `depth` calls up from the caller.
    pub(crate) fn getframe(&mut self, depth: usize) -> PyResult<Value> {
        let Some(fp) = self.caller else {
            return Err(PyErr::value_error("call stack is not deep enough"));
        };
        let mut d = self.entry_data(fp);
        for _ in 0..depth {
            d = match &d.back {
                Some(b) => b.clone(),
                None => return Err(PyErr::value_error("call stack is not deep enough")),
            };
        }
        frame_value(self, &d)
    }

    /// The frame data of live frame `fp`: its entry's on the shadow stack,
    /// or else a snapshot of it and its callers (through `back`).
    fn entry_data(&mut self, fp: FramePtr<Value>) -> Rc<FrameData> {
        if let Some(t) = &self.tracer
            && let Some(e) = t.stack.iter().rev().find(|e| e.fp == fp)
        {
            return e.data.clone();
        }
        snapshot(fp)
    }
}

/// A snapshot of live frame `fp` and its callers.
fn snapshot(fp: FramePtr<Value>) -> Rc<FrameData> {
    // SAFETY: callers pass a live frame; `back` links live callers.
    let h = unsafe { fp.header() };
    let back = h.back().map(snapshot);
    // SAFETY: live frame.
    let (code, globals) = unsafe { code_and_globals(fp) };
    let lasti = h.lasti().max(0);
    Rc::new(FrameData {
        fp: Cell::new(None),
        lineno: Cell::new(code.line_of(lasti as usize) as i32),
        lasti: Cell::new(lasti),
        code,
        globals,
        back,
        trace: RefCell::new(Value::None),
        trace_lines: Cell::new(true),
        trace_opcodes: Cell::new(false),
        locals: RefCell::new(frame_locals(fp).ok()),
        self_names: RefCell::new(Vec::new()),
        jump: RefCell::new(None),
        obj: RefCell::new(Weak::new()),
    })
}

/// Calls a Python hook with (frame, event, arg), nothing traced inside it.
/// A hook that raises is removed (as CPython removes it) and its error
/// goes on in the traced code.
fn call_hook(
    vm: &mut Vm,
    f: &Value,
    data: &Rc<FrameData>,
    event: &str,
    arg: Value,
) -> PyResult<Value> {
    let frame = frame_value(vm, data)?;
    let t = vm.tracer_mut();
    let was = std::mem::replace(&mut t.busy, true);
    let caller = vm.caller.take();
    let what = match event {
        "call" => What::Call,
        "line" => What::Line,
        _ => What::Other,
    };
    let old = WHAT.with(|w| w.replace((what, Rc::as_ptr(data))));
    let r = vm.call_value(f, vec![frame, Value::str(event), arg], Vec::new());
    WHAT.with(|w| w.set(old));
    vm.caller = caller;
    vm.tracer_mut().busy = was;
    r
}

/// Calls the host hook, if it wants `kind`.
fn host_event(vm: &mut Vm, i: usize, kind: EventKind) -> Result<(), PyErr> {
    let t = vm.tracer.as_mut().expect("tracing");
    let Some(hook) = &mut t.hook else {
        return Ok(());
    };
    match kind {
        EventKind::Line if !hook.lines => return Ok(()),
        EventKind::Opcode if !hook.opcodes => return Ok(()),
        _ => {}
    }
    let e = &t.stack[i];
    let fp = e.data.fp.get();
    let lasti = e.prev.max(0) as usize;
    // Before the first line: the `def` line, as `f_lineno` shows it.
    let line = if e.prev_line < 0 {
        e.data.code.firstlineno()
    } else {
        e.prev_line as u32
    };
    let locals = move || match fp {
        Some(fp) => {
            // SAFETY: the frame is live while its event is reported.
            let h = unsafe { fp.header() };
            if h.locals().is_null() {
                // SAFETY: as above.
                unsafe { super::eval::fast_items(fp) }
            } else {
                // SAFETY: a body's locals namespace outlives its frame.
                let ns = unsafe { &*(h.locals() as *const Namespace) };
                ns.names()
                    .into_iter()
                    .filter_map(|k| ns.get(&k).map(|v| (Rc::from(k.as_str()), v)))
                    .collect()
            }
        }
        None => Vec::new(),
    };
    let ev = Event {
        kind,
        code: &e.data.code,
        line,
        lasti,
        depth: i,
        locals: &locals,
    };
    match (hook.callback)(&ev) {
        HookAction::Continue => Ok(()),
        HookAction::Stop => Err(PyErr::aborted(crate::runtime::error::Abort::Interrupt)),
    }
}

/// Reports `event` of the entry `i` to the frame's local trace function
/// (and its result becomes the new one, unless None).
fn local_event(vm: &mut Vm, i: usize, event: &str, arg: Value) -> PyResult<()> {
    let t = vm.tracer.as_ref().expect("tracing");
    if t.busy {
        return Ok(());
    }
    let data = t.stack[i].data.clone();
    let f = data.trace.borrow().clone();
    if matches!(f, Value::None) || t.trace.is_none() {
        return Ok(());
    }
    let r = call_hook(vm, &f, &data, event, arg);
    let jump = data.jump.take();
    if event == "line" && r.is_ok() {
        vm.tracer_mut().jump = jump;
    }
    match r {
        Ok(Value::None) => Ok(()),
        Ok(v) => {
            set_local_trace(&data, v);
            Ok(())
        }
        Err(e) => {
            vm.tracer_mut().trace = None;
            set_local_trace(&data, Value::None);
            Err(e)
        }
    }
}

/// Reports `event` to the profiler.
fn profile_event(vm: &mut Vm, i: usize, event: &str, arg: Value) -> PyResult<()> {
    let t = vm.tracer.as_ref().expect("tracing");
    if t.busy {
        return Ok(());
    }
    let Some(p) = t.profile.clone() else {
        return Ok(());
    };
    let data = t.stack[i].data.clone();
    if let Err(e) = call_hook(vm, &p, &data, event, arg) {
        vm.tracer_mut().profile = None;
        return Err(e);
    }
    Ok(())
}

/// Pushes an entry for frame `fp` (called from the top entry's frame);
/// `call`: it starts now (the 'call' events), else it was running already.
fn push(vm: &mut Vm, fp: FramePtr<Value>, call: bool) -> PyResult<()> {
    // SAFETY: fp is the running frame.
    let (code, globals) = unsafe { code_and_globals(fp) };
    let t = vm.tracer_mut();
    let back = t.stack.last().map(|e| e.data.clone());
    // SAFETY: running frame.
    let h = unsafe { fp.header() };
    let (prev, prev_line) = if call && h.lasti() < 0 {
        // Before the first instruction: no line (its line is a new one).
        (-1, -1)
    } else {
        let l = h.lasti().max(0);
        (l, code.line_of(l as usize) as i32)
    };
    // `f_lineno` at the 'call' event: the `def` line.
    let shown_line = if prev_line < 0 {
        code.firstlineno() as i32
    } else {
        prev_line
    };
    let data = Rc::new(FrameData {
        fp: Cell::new(Some(fp)),
        code,
        globals,
        back,
        trace: RefCell::new(Value::None),
        lineno: Cell::new(shown_line),
        lasti: Cell::new(prev.max(0)),
        trace_lines: Cell::new(true),
        trace_opcodes: Cell::new(false),
        locals: RefCell::new(None),
        self_names: RefCell::new(Vec::new()),
        jump: RefCell::new(None),
        obj: RefCell::new(Weak::new()),
    });
    // SAFETY: running frame; no reference to its header is held.
    unsafe {
        let h = &mut *fp.as_ptr();
        h.trace = std::ptr::null();
        h.trace_lines = true;
        h.trace_opcodes = false;
        h.lineno = shown_line;
    }
    t.stack.push(Entry {
        fp,
        data: data.clone(),
        prev,
        prev_line,
        c_call: None,
    });
    if !call || t.busy {
        return Ok(());
    }
    let i = t.stack.len() - 1;
    if let Some(g) = t.trace.clone() {
        match call_hook(vm, &g, &data, "call", Value::None) {
            Ok(Value::None) => {}
            Ok(f) => set_local_trace(&data, f),
            Err(e) => {
                vm.tracer_mut().trace = None;
                return Err(e);
            }
        }
    }
    profile_event(vm, i, "call", Value::None)?;
    host_event(vm, i, EventKind::Call)
}

/// Pops the top entry (its frame is ending).
fn pop(vm: &mut Vm) {
    if let Some(t) = &mut vm.tracer
        && let Some(e) = t.stack.pop()
    {
        e.data.lineno.set(e.prev_line);
        e.data.lasti.set(e.prev.max(0));
        e.data.die(true);
    }
}

/// Makes `fp` the top entry: entries above it are frames that ended
/// unseen; a frame not there is pushed (`call`: it starts now).
fn sync(vm: &mut Vm, fp: FramePtr<Value>, call: bool) -> PyResult<()> {
    let t = vm.tracer_mut();
    if t.stack.last().is_some_and(|e| e.fp == fp) {
        return Ok(());
    }
    if let Some(k) = t.stack.iter().rposition(|e| e.fp == fp) {
        // (Never expected: every loop that runs a frame with an entry is
        // the tracing loop, which pops it. Their memory is not read.)
        for e in t.stack.drain(k + 1..) {
            e.data.die(false);
        }
        return Ok(());
    }
    push(vm, fp, call)
}

fn top(vm: &Vm) -> usize {
    vm.tracer
        .as_ref()
        .map_or(0, |t| t.stack.len().saturating_sub(1))
}

/// The 'return' events of the top entry's frame, with `v` (None when an
/// exception ends it).
fn return_events(vm: &mut Vm, v: Value) -> PyResult<()> {
    let i = top(vm);
    local_event(vm, i, "return", v.clone())?;
    profile_event(vm, i, "return", v)?;
    host_event(vm, i, EventKind::Return)
}

/// The unwinder is at frame `fp` (instruction `lasti`) with `err`:
/// 'exception' to its trace function unless the exception is re-raised
/// there. A hook's own error replaces `err`.
#[cold]
pub(crate) fn unwinding(
    vm: &mut Vm,
    fp: FramePtr<Value>,
    lasti: usize,
    err: &mut PyErr,
    report: bool,
) {
    if !vm.tracing() || err.abort.is_some() {
        return;
    }
    let gen_code =
        // SAFETY: the unwinder's frame is live.
        unsafe { fp.code() }.flags() & (flags::GENERATOR | flags::COROUTINE) != 0;
    let seen = vm
        .tracer
        .as_ref()
        .is_some_and(|t| t.stack.iter().any(|e| e.fp == fp));
    if !seen {
        // A frame the tracing loop has not run (a generator a throw goes
        // into, or a loop that has not checked in since the hook was
        // set): it gets an entry, and whatever loop runs it next checks
        // in at once and hands it to the tracing loop, so that the entry
        // goes when the frame does.
        vm.check_in_soon();
    }
    if let Err(e) = sync(vm, fp, gen_code) {
        *err = e;
        return;
    }
    let i = top(vm);
    if let Some(t) = &mut vm.tracer {
        let e = &mut t.stack[i];
        e.prev = lasti as i32;
        e.prev_line = e.data.code.line_of(lasti) as i32;
        e.c_call = None;
    }
    if !report {
        return;
    }
    let obj = Value::Instance(err.object());
    let arg = Value::tuple(vec![
        match &obj {
            Value::Instance(o) => Value::Class(o.class.clone()),
            _ => Value::None,
        },
        obj,
        Value::None,
    ]);
    let r =
        local_event(vm, i, "exception", arg).and_then(|()| host_event(vm, i, EventKind::Exception));
    if let Err(e) = r {
        *err = e;
    }
}

/// The unwinder leaves frame `fp`: its 'return' events (with None), then
/// its entry goes.
#[cold]
pub(crate) fn leaving(vm: &mut Vm, fp: FramePtr<Value>, err: &mut PyErr) {
    let Some(t) = &vm.tracer else {
        return;
    };
    if !t.stack.last().is_some_and(|e| e.fp == fp) {
        return;
    }
    if vm.tracing()
        && err.abort.is_none()
        && let Err(e) = return_events(vm, Value::None)
    {
        *err = e;
    }
    pop(vm);
}

/// The callable of a call instruction and whether it is a builtin (which
/// gets 'c_call' / 'c_return' events), with what the profiler is given.
///
/// # Safety
/// `r` is at a verified call instruction `op` with `arg`.
unsafe fn builtin_callee(r: &Regs, op: Op, arg: u32) -> Option<Value> {
    let n = arg as usize;
    // SAFETY: caller's contract: verified stack shapes (see exec::call,
    // exec::call_method, exec::call_kw, exec::call_ex).
    let callee = unsafe {
        match op {
            Op::CallFunction => r.sp.peek(n).clone(),
            Op::CallFunctionKw => r.sp.peek(n + 1).clone(),
            Op::CallFunctionEx => r.sp.peek(1 + (n & 1)).clone(),
            Op::CallMethod => match r.sp.peek(n + 1) {
                Value::Empty => r.sp.peek(n).clone(),
                Value::Builtin(b) => {
                    let this = r.sp.peek(n).clone();
                    return Some(Value::Method(Rc::new((this, *b))));
                }
                _ => return None,
            },
            _ => return None,
        }
    };
    // `str.join(',', xs)`: the profiler gets the method bound to the first
    // argument (`','.join`), as CPython's does.
    // (A call by CALL_METHOD that gets here found no method: the same
    // stack below the callee.)
    if let (Op::CallFunction | Op::CallMethod, Value::Method(m)) = (op, &callee)
        && n > 0
        && crate::runtime::typemethods::is_unbound(m.1)
        && let Value::Str(meth) = &m.0
    {
        // SAFETY: as above: the first argument is under the callee's slot.
        let this = unsafe { r.sp.peek(n - 1) };
        let native = crate::runtime::class::native_value(this);
        if let Some(b) = crate::runtime::methods::lookup(native, meth.as_str()) {
            return Some(Value::Method(Rc::new((this.clone(), b))));
        }
    }
    matches!(
        callee,
        Value::Builtin(_) | Value::Method(_) | Value::HostFn(_)
    )
    .then_some(callee)
}

/// Runs `r` to its outcome in the tracing loop (a run that starts while
/// tracing is on: its entry frame starts, or a generator resumes, now).
#[cold]
#[inline(never)]
pub(crate) fn run(vm: &mut Vm, r: Regs) -> Outcome {
    let outer = vm.begin_nested();
    let fresh = {
        // SAFETY: the run's entry frame.
        let code = unsafe { r.fp.code() };
        // SAFETY: as above.
        unsafe { r.fp.header() }.lasti() < 0
            || code.flags() & (flags::GENERATOR | flags::COROUTINE) != 0
    };
    let outcome = lp(vm, r, fresh);
    vm.end_nested(outer);
    outcome
}

/// A dispatch loop checked in with a hook set (see `Vm::check_in`): the
/// run goes on in the tracing loop from the instruction whose dispatch
/// checked in (the switch loop had fetched it; the threaded one had not).
#[cold]
#[inline(never)]
pub(crate) fn hand_over(vm: &mut Vm, mut r: Regs) -> Outcome {
    let threaded = vm.options.quick && vm.options.dispatch == super::Dispatch::Threaded;
    if !threaded {
        // SAFETY: the switch loop fetched the instruction, which did not
        // run: one word back is its start, inside the code.
        r.ip = super::sp::Ip(unsafe { r.ip.0.sub(1) });
    }
    vm.bury_at_check_in();
    go_on(vm, r)
}

/// Goes on with a run the other loops started, in the tracing loop (a
/// hook was set): its frames were running already.
#[cold]
#[inline(never)]
pub(crate) fn go_on(vm: &mut Vm, r: Regs) -> Outcome {
    lp(vm, r, false)
}

#[inline(never)]
fn lp(vm: &mut Vm, r: Regs, fresh: bool) -> Outcome {
    let was = vm.stepping;
    let outcome = lp_inner(vm, r, fresh);
    vm.stepping = was;
    outcome
}

fn lp_inner(vm: &mut Vm, mut r: Regs, fresh: bool) -> Outcome {
    // The entry frame: 'call' (or it was running, and its callers too,
    // which the shadow stack may not have).
    if let Err(e) = enter(vm, r.fp, fresh) {
        match vm.unwind(r, e) {
            Ok(handler) => r = handler,
            Err(outcome) => return outcome,
        }
    }
    loop {
        vm.budget -= 1;
        if vm.budget == 0 {
            match vm.check_in() {
                // Already here.
                Err(_) if vm.hand_over => {
                    vm.hand_over = false;
                    vm.budget -= 1;
                    vm.bury_at_check_in();
                }
                Err(e) => {
                    match vm.unwind(r, e) {
                        Ok(handler) => r = handler,
                        Err(outcome) => return outcome,
                    }
                    continue;
                }
                Ok(true) => {}
                Ok(false) => {
                    vm.budget -= 1;
                    vm.bury_at_check_in();
                }
            }
        }
        // SAFETY: verified code: no path runs off the end.
        let w = unsafe { r.ip.fetch() };
        // SAFETY: verified code.
        let op = unsafe { op_of(w) };
        match before(vm, &r, op, w.arg()) {
            Ok(None) => {}
            Ok(Some(j)) => {
                // `f_lineno` was set: the instruction does not run; the
                // target does, next.
                super::jump::take(vm, &mut r, &j);
                vm.tracer_mut().jumped = Some((r.fp, j.target as i32));
                // A generator the jump dropped (a `for` loop's) closes now.
                vm.bury_at_check_in();
                continue;
            }
            Err(e) => {
                match vm.unwind(r, e) {
                    Ok(handler) => r = handler,
                    Err(outcome) => return outcome,
                }
                continue;
            }
        }
        let fp = r.fp;
        // Every instruction alone: nothing fused into a call (`range`'s
        // GET_ITER), so the counts are the same on every backend.
        vm.stepping = true;
        match step(vm, &mut r, op, w.arg()) {
            Ok(()) => {
                if let Err(e) = after(vm, fp, &r, op) {
                    match vm.unwind(r, e) {
                        Ok(handler) => r = handler,
                        Err(outcome) => return outcome,
                    }
                }
            }
            // The entry was popped before the return (see `before`).
            Err(Stop::Return(v)) => return Outcome::Returned(v),
            Err(Stop::Yield(v)) => {
                if op == Op::YieldFrom
                    && let Err(e) = yield_from_return(vm, &v)
                {
                    // The frame is suspended: the error goes to its consumer.
                    pop(vm);
                    vm.pending = Some(e);
                    return Outcome::Raised;
                }
                if op == Op::YieldFrom {
                    pop(vm);
                }
                return Outcome::Yielded(v);
            }
            Err(Stop::Raise(e)) => {
                let mut e = *e;
                if let Some(c) = take_c_call(vm, fp)
                    && let Err(h) = profile_event(vm, top(vm), "c_exception", c)
                {
                    e = h;
                }
                match vm.unwind(r, e) {
                    Ok(handler) => r = handler,
                    Err(outcome) => return outcome,
                }
            }
        }
    }
}

/// A run's entry frame is seen.
fn enter(vm: &mut Vm, fp: FramePtr<Value>, fresh: bool) -> PyResult<()> {
    let on_stack = vm
        .tracer
        .as_ref()
        .is_some_and(|t| t.stack.iter().any(|e| e.fp == fp));
    if !fresh && !on_stack {
        // A frame that was running: it and the callers not yet seen.
        let mut chain = vec![fp];
        // SAFETY: `back` links live frames.
        while let Some(b) = unsafe { chain.last().copied().unwrap().header() }.back() {
            if vm
                .tracer
                .as_ref()
                .is_some_and(|t| t.stack.iter().any(|e| e.fp == b))
            {
                break;
            }
            chain.push(b);
        }
        for f in chain.into_iter().rev() {
            sync(vm, f, false)?;
        }
        return Ok(());
    }
    sync(vm, fp, fresh)
}

fn take_c_call(vm: &mut Vm, fp: FramePtr<Value>) -> Option<Value> {
    let t = vm.tracer.as_mut()?;
    let e = t.stack.last_mut()?;
    if e.fp != fp {
        return None;
    }
    e.c_call.take()
}

/// Before an instruction: 'line' and 'opcode' events, 'c_call', and the
/// 'return' of a frame about to return or yield; the jump a trace function
/// asked for at the 'line' event (the instruction does not run).
fn before(vm: &mut Vm, r: &Regs, op: Op, arg: u32) -> PyResult<Option<super::jump::Jump>> {
    let Some(t) = &vm.tracer else {
        return Ok(None);
    };
    if t.stack.last().is_none_or(|e| e.fp != r.fp) {
        sync(vm, r.fp, false)?;
    }
    // SAFETY: the running frame's code; ip is past the instruction.
    let code = unsafe { exec::code(r) };
    let idx = r.ip.index(code.code()) as i32 - 1;
    let line = code.line_of(idx as usize) as i32;
    let t = vm.tracer.as_mut().expect("tracing");
    let i = t.stack.len() - 1;
    let e = &mut t.stack[i];
    let (prev, prev_line) = (e.prev, e.prev_line);
    // A loop's jump back carries the loop header's line, where CPython's
    // carries the body's: it is not a line of its own (its target, a
    // backward jump, is).
    // (Nor is one that only carries on the line before it: the jump back
    // of a `while` after the body's last statement.)
    let loop_back = op == Op::Jump
        && (arg as i32) < idx
        && (code.line_of(arg as usize) as i32 == line
            || code
                .lines()
                .binary_search_by_key(&(idx as u32), |&(i, _)| i)
                .is_err());
    if !loop_back {
        e.prev = idx;
        e.prev_line = line;
    }
    e.data.lasti.set(idx);
    // SAFETY: the running frame; no reference to its header is held.
    let (traced, lines, opcodes) = unsafe {
        let h = &mut *r.fp.as_ptr();
        h.lineno = line;
        (!h.trace.is_null(), h.trace_lines, h.trace_opcodes)
    };
    if t.busy {
        return Ok(None);
    }
    let host = t.hook.is_some();
    // The target of a jump: its events were the jump's.
    let jumped = t.jumped.take() == Some((r.fp, idx));
    // A jump into the middle of another line's instructions (the implicit
    // `return None` after an `else` body, which carries that body's last
    // line) is no new line: CPython's copy of that code has no line of its
    // own there.
    let starts = |i: i32| {
        code.lines()
            .binary_search_by_key(&(i as u32), |&(i, _)| i)
            .is_ok()
    };
    // A class body starts on its `class` line (CPython's sets
    // `__module__` there; framevm's has no instruction of that line).
    if prev < 0
        && code.flags() & flags::NEWLOCALS == 0
        && code.name() != "<module>"
        && line != code.firstlineno() as i32
    {
        // SAFETY: the running frame; no reference to its header is held.
        unsafe { (*r.fp.as_ptr()).lineno = code.firstlineno() as i32 };
        if let Some(t) = &mut vm.tracer
            && let Some(e) = t.stack.get_mut(i)
        {
            e.prev_line = code.firstlineno() as i32;
        }
        if traced && lines {
            local_event(vm, i, "line", Value::None)?;
        }
        if host {
            host_event(vm, i, EventKind::Line)?;
        }
        if let Some(t) = &mut vm.tracer {
            // (A jump is taken only at the instruction's own line.)
            t.jump = None;
            if let Some(e) = t.stack.get_mut(i) {
                e.prev_line = line;
            }
        }
        // SAFETY: as above.
        unsafe { (*r.fp.as_ptr()).lineno = line };
    }
    let new_line = !loop_back
        && !jumped
        && line > 0
        && ((line != prev_line && (idx == prev + 1 || prev < 0 || starts(idx))) || idx < prev);
    if traced {
        if lines && new_line {
            local_event(vm, i, "line", Value::None)?;
            if let Some(j) = vm.tracer.as_mut().and_then(|t| t.jump.take()) {
                return Ok(Some(j));
            }
        }
        if opcodes && !jumped {
            local_event(vm, i, "opcode", Value::None)?;
        }
    }
    if host {
        if new_line {
            host_event(vm, i, EventKind::Line)?;
        }
        if !jumped {
            host_event(vm, i, EventKind::Opcode)?;
        }
    }
    match op {
        // The frame goes (or moves, suspended) in the instruction: its
        // events and entry go first.
        Op::ReturnValue | Op::YieldValue => {
            // SAFETY: verified: the value to return or yield is on top.
            let v = unsafe { r.sp.peek(0) }.clone();
            return_events(vm, v)?;
            pop(vm);
        }
        Op::CallFunction | Op::CallFunctionKw | Op::CallFunctionEx | Op::CallMethod => {
            let has_profile = vm.tracer.as_ref().is_some_and(|t| t.profile.is_some());
            // SAFETY: a verified call instruction.
            if has_profile && let Some(c) = unsafe { builtin_callee(r, op, arg) } {
                profile_event(vm, i, "c_call", c.clone())?;
                if let Some(t) = &mut vm.tracer
                    && let Some(e) = t.stack.get_mut(i)
                {
                    e.c_call = Some(c);
                }
            }
        }
        _ => {}
    }
    Ok(None)
}

/// After an instruction that went on: a frame it started ('call'), the
/// frame a return came back to, a builtin's 'c_return'.
fn after(vm: &mut Vm, fp: FramePtr<Value>, r: &Regs, op: Op) -> PyResult<()> {
    if let Some(c) = take_c_call(vm, fp) {
        profile_event(vm, top(vm), "c_return", c)?;
    }
    if r.fp == fp {
        if op == Op::YieldFrom {
            // Its iterator is done: CPython 3.11 reports the StopIteration
            // that carried the result.
            // SAFETY: verified: YIELD_FROM pushed the result.
            let v = unsafe { r.sp.peek(0) }.clone();
            let obj = Value::Instance(super::generator::stop_iteration(v).object());
            let arg = Value::tuple(vec![
                match &obj {
                    Value::Instance(o) => Value::Class(o.class.clone()),
                    _ => Value::None,
                },
                obj,
                Value::None,
            ]);
            local_event(vm, top(vm), "exception", arg)?;
        }
        return Ok(());
    }
    if op == Op::ReturnValue {
        // Generators its frame dropped close now, as CPython's refcounts
        // close them (their events come before the caller goes on).
        vm.bury_at_check_in();
        return sync(vm, r.fp, false);
    }
    sync(vm, r.fp, true)
}

/// YIELD_FROM yielded what its iterator yielded: the 'return' events.
fn yield_from_return(vm: &mut Vm, v: &Value) -> PyResult<()> {
    // The frame moved when it was suspended: the entry follows it.
    if let Some(fp) = vm.yielded
        && let Some(t) = &mut vm.tracer
        && let Some(e) = t.stack.last_mut()
    {
        e.fp = fp;
        e.data.fp.set(Some(fp));
    }
    return_events(vm, v.clone())
}

/// The error `sys` functions give for a wrong argument count.
pub(crate) fn arity_error(name: &str, n: usize) -> PyErr {
    PyErr::new(
        ExcKind::TypeError,
        format!("{name}() takes exactly one argument ({n} given)"),
    )
}

/// The `sys` functions of tracing (builtins, so that they see the frame
/// calling them).
pub(crate) fn sys_function(vm: &mut Vm, what: &str, args: Vec<Value>) -> PyResult<Value> {
    let one = |args: Vec<Value>| -> PyResult<Value> {
        let n = args.len();
        let mut it = args.into_iter();
        match (it.next(), it.next()) {
            (Some(v), None) => Ok(v),
            _ => Err(arity_error(what, n)),
        }
    };
    match what {
        "settrace" => {
            vm.set_trace(one(args)?);
            Ok(Value::None)
        }
        "setprofile" => {
            vm.set_profile(one(args)?);
            Ok(Value::None)
        }
        "gettrace" | "getprofile" => {
            if !args.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{what}() takes no arguments ({} given)",
                    args.len()
                )));
            }
            let t = vm.tracer.as_ref();
            let v = if what == "gettrace" {
                t.and_then(|t| t.trace.clone())
            } else {
                t.and_then(|t| t.profile.clone())
            };
            Ok(v.unwrap_or(Value::None))
        }
        "_getframe" => {
            let depth = match args.as_slice() {
                [] => 0,
                [Value::Int(n)] if *n >= 0 => *n as usize,
                [Value::Int(_)] => 0,
                [Value::Bool(b)] => *b as usize,
                [v] => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        v.type_name()
                    )));
                }
                _ => {
                    return Err(PyErr::type_error(format!(
                        "_getframe expected at most 1 argument, got {}",
                        args.len()
                    )));
                }
            };
            vm.getframe(depth)
        }
        _ => Err(PyErr::new(ExcKind::SystemError, "no such sys function")),
    }
}

macro_rules! sys_builtin {
    ($($id:ident = $name:literal;)*) => {$(
        pub(crate) static $id: crate::runtime::object::Builtin = crate::runtime::object::Builtin {
            name: $name,
            call: |ctx, args, kw| {
                if let Some((k, _)) = kw.first() {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{k}'",
                        $name
                    )));
                }
                ctx.sys_trace($name, args)
            },
        };
    )*};
}

sys_builtin! {
    SETTRACE = "settrace";
    SETPROFILE = "setprofile";
    GETTRACE = "gettrace";
    GETPROFILE = "getprofile";
    GETFRAME = "_getframe";
}
