//! Generators: a generator owns its frame, suspended off the call chain
//! between steps (the allocator's `suspend`: the data stack moves it to
//! the heap). Each step (`next`, `send`, `throw`, `close`) runs the frame
//! in a nested loop as the entry frame of that run: YIELD_VALUE saves
//! `lasti` and the stack top, suspends the frame and ends the run; the
//! next step pushes the sent value where the yield left its result.

use std::rc::Rc;

use super::exec::{self, Step};
use super::sp::{Fast, Ip, Sp};
use super::{Outcome, Regs, Stop, Vm};
use crate::bytecode::code::flags;
use crate::frame::{FrameAlloc, FramePtr};
use crate::runtime::object::{
    AsyncOp, AsyncOpKind, AsyncOpState, Builtin, Function, GenKind, GenState, Generator,
};
use crate::runtime::{ExcKind, PyErr, PyResult, Value};

/// How a generator step ended.
pub(crate) enum GenStep {
    /// It yielded this value.
    Yielded(Value),
    /// It returned this value (StopIteration's value).
    Returned(Value),
}

impl Vm {
    /// A call of generator function `f` with its parameters bound: the
    /// frame is made and filled, then suspended before its first
    /// instruction.
    pub(crate) fn make_generator(
        &mut self,
        f: &Rc<Function>,
        locals: Vec<Value>,
    ) -> PyResult<Value> {
        self.bury();
        let regs = exec::enter_fresh(self, f, locals)?;
        // SAFETY: the frame was just pushed, is not running (no callee),
        // its stack is empty: saving and suspending it is sound.
        let fp = unsafe {
            regs.fp.save(-1, regs.sp.as_ptr());
            self.frames.suspend(regs.fp)
        };
        self.depth -= 1;
        Ok(crate::runtime::gc::generator(Generator {
            func: f.clone(),
            state: std::cell::RefCell::new(GenState::Suspended(fp)),
            graveyard: self.graveyard.clone(),
            exc_state: Default::default(),
            kind: if f.code.flags() & flags::COROUTINE != 0 {
                GenKind::Coroutine
            } else if f.code.flags() & flags::ASYNC_GENERATOR != 0 {
                GenKind::AsyncGenerator
            } else {
                GenKind::Generator
            },
        }))
    }

    /// Gives the frames of dropped generators back to the allocator, first
    /// closing those suspended inside a `try` or `with` (GeneratorExit
    /// raised where they stopped, so that their `finally` blocks and
    /// `__exit__`s run, as CPython closes a generator it frees). An error
    /// the close raises is reported on stderr, as CPython's "Exception
    /// ignored in" is, and goes no further.
    pub(crate) fn bury(&mut self) {
        self.bury_with(true);
    }

    /// [`Vm::bury`] at a check-in of the dispatch loop (every 1,024
    /// instructions), when a generator was dropped since the last one.
    #[inline]
    pub(crate) fn bury_at_check_in(&mut self) {
        // The cycle collector's automatic runs come here too: no borrow
        // is held between instructions.
        if crate::runtime::gc::due() {
            crate::runtime::gc::collect_due();
            // Finalized generators are closed just below.
            crate::runtime::gc::take_finalized();
        }
        if !self.graveyard.borrow().is_empty() {
            self.bury();
        }
    }

    /// [`Vm::bury`]; `close` false frees the frames without running them
    /// (for the end of a VM's life, when modules are gone).
    pub(crate) fn bury_with(&mut self, close: bool) {
        loop {
            // In the order they were dropped.
            let dead = std::mem::take(&mut *self.graveyard.borrow_mut());
            if dead.is_empty() {
                return;
            }
            for (fp, func) in dead {
                self.bury_one(fp, func, close);
            }
        }
    }

    fn bury_one(&mut self, fp: crate::frame::FramePtr<Value>, func: Rc<Function>, close: bool) {
        {
            // SAFETY: a suspended generator frame from this VM's allocator,
            // never popped (its generator is gone).
            let header = unsafe { fp.header() };
            // (Under a trace hook every started one: CPython's close runs
            // it, and the hook sees that.)
            let pending = header.lasti() != -1 && (!header.blocks().is_empty() || self.tracing());
            let is_async_gen = func.code.flags() & flags::ASYNC_GENERATOR != 0;
            if close && pending && !is_async_gen {
                // The generator again, for its close: once closed it is
                // done, and dropping it gives nothing back to the graveyard.
                let kind = if func.code.flags() & flags::COROUTINE != 0 {
                    GenKind::Coroutine
                } else {
                    GenKind::Generator
                };
                let g = Rc::new(Generator {
                    func,
                    state: std::cell::RefCell::new(GenState::Suspended(fp)),
                    graveyard: self.graveyard.clone(),
                    exc_state: Default::default(),
                    kind,
                });
                if let Err(mut e) = self.gen_close(&g) {
                    self.describe(&mut e);
                    let what = g.what();
                    let name = g.func.code.qualname().to_string();
                    eprintln!(
                        "Exception ignored in: <{what} object {name} at {:#x}>\n{}",
                        Rc::as_ptr(&g) as usize,
                        e.last_line()
                    );
                }
                return;
            }
            // SAFETY: as above; `func` keeps its code alive through the pop.
            unsafe { self.frames.pop(fp) };
            drop(func);
        }
    }

    /// Runs one step of generator `g`: sends `sent`, or raises `throw` at
    /// the point where it is suspended.
    pub(crate) fn resume_gen(
        &mut self,
        g: &Rc<Generator>,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        if let GenKind::AsyncOp(op) = &g.kind {
            return self.async_op_step(op, sent, throw);
        }
        let g = g.target();
        let fp = match &*g.state.borrow() {
            GenState::Suspended(fp) => *fp,
            GenState::Running => {
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    g.what()
                )));
            }
            // An exhausted coroutine cannot be stepped again.
            GenState::Done if g.is_coroutine() => {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            GenState::Done => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenStep::Returned(Value::None)),
                };
            }
        };
        // SAFETY: a live suspended frame owned by `g`.
        let lasti = unsafe { fp.header() }.lasti();
        if lasti == -1 && throw.is_none() && !matches!(sent, Value::None) {
            return Err(PyErr::type_error(format!(
                "can't send non-None value to a just-started {}",
                g.what()
            )));
        }
        if self.depth >= self.options.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        // SAFETY: a live suspended frame owned by `g`.
        if throw.is_some() && unsafe { at_yield_from(fp, lasti) } {
            return self.resume_delegating(g, fp, lasti, throw);
        }
        *g.state.borrow_mut() = GenState::Running;
        self.depth += 1;
        // SAFETY: the frame is live and suspended; it becomes the entry
        // frame of the nested run below. Its saved lasti and stacktop say
        // where it stopped (a yield leaves room for the sent value).
        let mut regs = unsafe {
            crate::frame::resume(fp, None);
            let code = fp.code();
            Regs {
                ip: Ip::at(code.code(), (lasti + 1) as usize),
                sp: Sp(fp.stacktop()),
                fp,
                fast: Fast(fp.localsplus()),
            }
        };
        // The generator's frame sees its own exception state, not the
        // consumer's; the consumer's comes back when it yields or ends.
        let outer = std::mem::replace(&mut self.exc_info, g.exc_state.borrow_mut().take());
        let outcome = match throw {
            Some(e) => match self.unwind(regs, e) {
                Ok(handler) => self.run_regs(handler),
                Err(o) => o,
            },
            None => {
                if lasti != -1 {
                    // SAFETY: the yield popped its value: the slot is free.
                    unsafe { regs.sp.push(sent) };
                }
                self.run_regs(regs)
            }
        };
        let inner = std::mem::replace(&mut self.exc_info, outer);
        match outcome {
            Outcome::Yielded(v) => {
                *g.exc_state.borrow_mut() = inner;
                let fp = self.yielded.take().expect("a yield leaves its frame");
                *g.state.borrow_mut() = GenState::Suspended(fp);
                Ok(GenStep::Yielded(v))
            }
            Outcome::Returned(v) => {
                *g.state.borrow_mut() = GenState::Done;
                Ok(GenStep::Returned(v))
            }
            Outcome::Raised => {
                *g.state.borrow_mut() = GenState::Done;
                let e = self.pending.take().expect("an escaped exception is kept");
                let stop = if e.is(ExcKind::StopIteration) {
                    Some("StopIteration")
                } else if e.is(ExcKind::StopAsyncIteration)
                    && matches!(g.kind, GenKind::AsyncGenerator)
                {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(stop) = stop {
                    let msg = format!("{} raised {stop}", g.what());
                    let mut r = PyErr::new(ExcKind::RuntimeError, msg);
                    r.traceback = e.traceback.clone();
                    // It is the RuntimeError's cause (`raise ... from`).
                    let mut e = e;
                    let cause = Value::Instance(e.object());
                    let inst = r.object();
                    inst.set(Rc::from("__cause__"), cause.clone());
                    inst.set(Rc::from("__context__"), cause);
                    inst.set(Rc::from("__suppress_context__"), Value::Bool(true));
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// A throw (or close) into `g` suspended in a `yield from` at `lasti`:
    /// it goes to the inner iterator first, as CPython's `_gen_throw`
    /// does; if that ends the `yield from`, the frame goes on after it
    /// with the result (or the error) there. Off the plain resume path.
    #[cold]
    #[inline(never)]
    fn resume_delegating(
        &mut self,
        g: &Rc<Generator>,
        fp: FramePtr<Value>,
        lasti: i32,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        let e = throw.unwrap_or_else(|| PyErr::new(ExcKind::SystemError, ""));
        // SAFETY: YIELD_FROM suspends with its iterator on top.
        let inner = unsafe { fp.stack_slot(fp.stack_depth() - 1) }.clone();
        *g.state.borrow_mut() = GenState::Running;
        let delegated = self.throw_to_delegate(inner, e);
        *g.state.borrow_mut() = GenState::Suspended(fp);
        let (sent, err) = match delegated {
            Delegated::Yielded(v) => return Ok(GenStep::Yielded(v)),
            Delegated::Returned(v) => (v, None),
            Delegated::Raise(e) => (Value::None, Some(e)),
        };
        // The iterator leaves the stack; resuming after the YIELD_FROM
        // pushes the result in its place (or raises there).
        // SAFETY: live suspended frame with the iterator on top; the new
        // lasti is the YIELD_FROM itself.
        unsafe {
            drop(fp.stack_pop());
            fp.save(lasti + 1, fp.stacktop());
        }
        self.resume_gen(g, sent, err)
    }

    /// Throws `e` into the iterator a `yield from` is delegating to:
    /// GeneratorExit closes it, then goes on into the delegating frame;
    /// anything else goes to its `throw` (when it has one).
    fn throw_to_delegate(&mut self, inner: Value, e: PyErr) -> Delegated {
        if e.is(ExcKind::GeneratorExit) {
            let closed = match &inner {
                Value::Generator(ig) => self.gen_close(ig),
                other => match self.getattr(other, "close") {
                    Ok(m) => self.call_value(&m, Vec::new(), Vec::new()).map(drop),
                    Err(x) if x.is(ExcKind::AttributeError) => Ok(()),
                    Err(x) => Err(x),
                },
            };
            return Delegated::Raise(closed.err().unwrap_or(e));
        }
        match &inner {
            Value::Generator(ig) => match self.resume_gen(ig, Value::None, Some(e)) {
                Ok(GenStep::Yielded(v)) => Delegated::Yielded(v),
                Ok(GenStep::Returned(v)) => Delegated::Returned(v),
                Err(x) => Delegated::Raise(x),
            },
            other => {
                let m = match self.getattr(other, "throw") {
                    Ok(m) => m,
                    Err(x) if x.is(ExcKind::AttributeError) => return Delegated::Raise(e),
                    Err(x) => return Delegated::Raise(x),
                };
                let mut e = e;
                let exc = Value::Instance(e.object());
                match self.call_value(&m, vec![exc], Vec::new()) {
                    Ok(v) => Delegated::Yielded(v),
                    Err(x) if x.is(ExcKind::StopIteration) => Delegated::Returned(stop_value(&x)),
                    Err(x) => Delegated::Raise(x),
                }
            }
        }
    }

    /// `next(g)`: `None` when it is exhausted.
    pub(crate) fn gen_next(&mut self, g: &Rc<Generator>) -> PyResult<Option<Value>> {
        match self.resume_gen(g, Value::None, None)? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// `g.close()`: raises GeneratorExit inside it, so pending finally
    /// blocks run.
    pub(crate) fn gen_close(&mut self, g: &Rc<Generator>) -> PyResult<()> {
        if let GenKind::AsyncOp(op) = &g.kind {
            op.state.set(AsyncOpState::Closed);
            return Ok(());
        }
        let g = g.target();
        let started = match &*g.state.borrow() {
            // SAFETY: a live suspended frame owned by `g`.
            GenState::Suspended(fp) => unsafe { fp.header() }.lasti() != -1,
            _ => return Ok(()),
        };
        if !started {
            let state = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Done);
            if let GenState::Suspended(fp) = state {
                // SAFETY: a suspended frame owned by `g`, now released.
                unsafe { self.frames.pop(fp) };
            }
            return Ok(());
        }
        let exit = PyErr::new(ExcKind::GeneratorExit, "");
        match self.resume_gen(g, Value::None, Some(exit)) {
            Ok(GenStep::Yielded(_)) => Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("{} ignored GeneratorExit", g.what()),
            )),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if e.is(ExcKind::GeneratorExit) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

impl Vm {
    /// One step for `send` / `throw` / `__next__`: the yielded value, or
    /// StopIteration with the returned one.
    pub(crate) fn gen_step_value(
        &mut self,
        g: &Rc<Generator>,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<Value> {
        let g = g.target();
        if let Some(raw) = &throw
            && let Some(done) = self.throw_raw_to_delegate(g, raw)
        {
            return done;
        }
        let throw = match throw {
            None => None,
            Some(v) => {
                let inst = match &v {
                    Value::Instance(i) if i.class.is_exception() => i.clone(),
                    Value::Class(c) if c.is_exception() => self.exception_of_class(c, true)?,
                    _ => {
                        return Err(PyErr::type_error(
                            "exceptions must derive from BaseException",
                        ));
                    }
                };
                Some(PyErr::from_object(&inst))
            }
        };
        match self.resume_gen(g, sent, throw)? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(stop_iteration(v)),
        }
    }
}

/// What a throw into a `yield from`'s iterator did.
enum Delegated {
    /// It yielded: so does the delegating generator.
    Yielded(Value),
    /// It finished with this value: the `yield from`'s result.
    Returned(Value),
    /// This is raised in the delegating frame.
    Raise(PyErr),
}

/// Whether the suspended frame `fp` resumes at a YIELD_FROM.
///
/// # Safety
/// `fp` is a live suspended frame that stopped at `lasti`.
unsafe fn at_yield_from(fp: FramePtr<Value>, lasti: i32) -> bool {
    if lasti < 0 {
        return false;
    }
    // SAFETY: caller's contract; the code outlives the frame.
    let code = unsafe { fp.code() }.code();
    code.get(lasti as usize + 1)
        .is_some_and(|w| w.code() == crate::bytecode::Op::YieldFrom as u8)
        // SAFETY: caller's contract.
        && unsafe { fp.stack_depth() } > 0
}

/// The value a StopIteration carries (None if it has none).
pub(crate) fn stop_value(e: &PyErr) -> Value {
    match &e.value {
        Some(Value::Instance(i)) => {
            crate::runtime::class::exc_attr(i, "value").unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

impl Vm {
    /// `g.throw(v)` while `g` is in a `yield from` over an iterator object
    /// with a `throw` method: that method gets `v` as given (a class, even
    /// a non-exception), as CPython's `_gen_throw` passes it on. `None`
    /// when this does not apply (GeneratorExit closes the iterator first).
    fn throw_raw_to_delegate(&mut self, g: &Rc<Generator>, raw: &Value) -> Option<PyResult<Value>> {
        let exit = crate::runtime::class::exc_class(ExcKind::GeneratorExit);
        let is_exit = match raw {
            Value::Class(c) => c.is_subclass(&exit),
            Value::Instance(i) => i.class.is_subclass(&exit),
            _ => false,
        };
        let fp = match &*g.state.borrow() {
            GenState::Suspended(fp) => *fp,
            _ => return None,
        };
        // SAFETY: a live suspended frame owned by `g`.
        let lasti = unsafe { fp.header() }.lasti();
        // SAFETY: as above.
        if is_exit || !unsafe { at_yield_from(fp, lasti) } {
            return None;
        }
        // SAFETY: YIELD_FROM suspends with its iterator on top.
        let inner = unsafe { fp.stack_slot(fp.stack_depth() - 1) }.clone();
        if matches!(inner, Value::Generator(_)) {
            return None;
        }
        let throw = self.getattr(&inner, "throw").ok()?;
        *g.state.borrow_mut() = GenState::Running;
        let r = self.call_value(&throw, vec![raw.clone()], Vec::new());
        *g.state.borrow_mut() = GenState::Suspended(fp);
        let (sent, err) = match r {
            Ok(v) => return Some(Ok(v)),
            Err(e) if e.is(ExcKind::StopIteration) => (stop_value(&e), None),
            Err(e) => (Value::None, Some(e)),
        };
        // The `yield from` is over: its iterator leaves the stack and the
        // frame goes on after it, with the result sent in (or the error
        // raised there).
        // SAFETY: live suspended frame with the iterator on top; the new
        // lasti is the YIELD_FROM itself, so it resumes after it.
        unsafe {
            drop(fp.stack_pop());
            fp.save(lasti + 1, fp.stacktop());
        }
        Some(match self.resume_gen(g, sent, err) {
            Ok(GenStep::Yielded(v)) => Ok(v),
            Ok(GenStep::Returned(v)) => Err(stop_iteration(v)),
            Err(e) => Err(e),
        })
    }
}

/// StopIteration carrying a generator's return value.
pub(crate) fn stop_iteration(v: Value) -> PyErr {
    let args = if matches!(v, Value::None) {
        Vec::new()
    } else {
        vec![v]
    };
    let inst = crate::runtime::class::new_exception(
        crate::runtime::class::exc_class(ExcKind::StopIteration),
        args,
    );
    PyErr::from_object(&inst)
}

/// Suspends the running generator frame after a yield of `v`; `lasti` is
/// where it resumes from, minus one.
fn suspend(vm: &mut Vm, r: &mut Regs, lasti: i32, v: Value) -> Step {
    // SAFETY: the running frame is a generator's, the entry frame of this
    // run (generator frames only run through `resume_gen`): no callee is
    // running and nothing follows a `back` to it.
    let fp: FramePtr<Value> = unsafe {
        r.fp.save(lasti, r.sp.as_ptr());
        vm.frames.suspend(r.fp)
    };
    vm.yielded = Some(fp);
    vm.depth -= 1;
    Err(Stop::Yield(v))
}

/// YIELD_VALUE
pub(crate) fn yield_value(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.pop() };
    let at = exec::lasti(r);
    suspend(vm, r, at, v)
}

/// YIELD_FROM: sends TOS to the iterator under it. What it yields, this
/// generator yields, resuming at this same instruction; what it returns
/// replaces the iterator.
pub(crate) fn yield_from(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — the sent value over the iterator.
    let (sent, it) = unsafe { (r.sp.pop(), r.sp.peek(0).clone()) };
    let step = match &it {
        Value::Generator(g) => vm.resume_gen(g, sent, None)?,
        // A sent value goes to the iterator's `send`.
        _ if !matches!(sent, Value::None) => {
            let send = vm.getattr(&it, "send")?;
            match vm.call_value(&send, vec![sent], Vec::new()) {
                Ok(v) => GenStep::Yielded(v),
                Err(e) if e.is(ExcKind::StopIteration) => GenStep::Returned(stop_value(&e)),
                Err(e) => return Err(e.into()),
            }
        }
        _ => match vm.special(&it, "__next__")? {
            // An iterator object: its StopIteration's value is the result.
            Some(m) => match vm.call_value(&m, Vec::new(), Vec::new()) {
                Ok(v) => GenStep::Yielded(v),
                Err(e) if e.is(ExcKind::StopIteration) => GenStep::Returned(stop_value(&e)),
                Err(e) => return Err(e.into()),
            },
            None => match vm.next_of(&it) {
                Ok(Some(v)) => GenStep::Yielded(v),
                Ok(None) => GenStep::Returned(Value::None),
                // (From a function a builtin iterator called: `map`.)
                Err(e) if e.is(ExcKind::StopIteration) => GenStep::Returned(stop_value(&e)),
                Err(e) => return Err(e.into()),
            },
        },
    };
    match step {
        GenStep::Yielded(v) => {
            let at = exec::lasti(r) - 1;
            suspend(vm, r, at, v)
        }
        GenStep::Returned(v) => {
            // SAFETY: verified — the iterator's slot takes the result.
            unsafe { r.sp.set(0, v) };
            Ok(())
        }
    }
}

/// GET_YIELD_FROM_ITER
pub(crate) fn get_yield_from_iter(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.peek(0) }.clone();
    if let Value::Generator(g) = &v
        && g.is_coroutine()
    {
        // SAFETY: the running frame's code.
        let code_flags = unsafe { r.fp.code() }.flags();
        if code_flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0 {
            return Err(PyErr::type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            )
            .into());
        }
        return Ok(());
    }
    if !matches!(&v, Value::Generator(g) if g.iterates()) {
        let it = vm.iter_of(&v)?;
        // SAFETY: verified.
        unsafe { r.sp.set(0, it) };
    }
    Ok(())
}

fn generator(args: &[Value]) -> PyResult<Rc<Generator>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(PyErr::type_error("descriptor needs a generator")),
    }
}

/// `gen.send(v)`
pub(crate) static GEN_SEND: Builtin = Builtin {
    name: "send",
    call: |ctx, args, _| {
        let g = generator(&args)?;
        let v = args.get(1).cloned().unwrap_or(Value::None);
        ctx.gen_step(&g, v, None)
    },
};

/// `gen.throw(exc)`
pub(crate) static GEN_THROW: Builtin = Builtin {
    name: "throw",
    call: |ctx, args, _| {
        let g = generator(&args)?;
        let Some(exc) = args.get(1).cloned() else {
            return Err(PyErr::type_error(
                "throw expected at least 1 argument, got 0",
            ));
        };
        // The old form throw(type, value): type(value), or type(*value).
        let exc = match (&exc, args.get(2)) {
            (Value::Class(c), Some(v)) if !matches!(v, Value::None) => match v {
                Value::Instance(i) if i.class.is_subclass(c) => v.clone(),
                Value::Tuple(t) => ctx.call(&exc, t.to_vec())?,
                _ => ctx.call(&exc, vec![v.clone()])?,
            },
            _ => exc,
        };
        ctx.gen_step(&g, Value::None, Some(exc))
    },
};

/// `gen.close()`
pub(crate) static GEN_CLOSE: Builtin = Builtin {
    name: "close",
    call: |ctx, args, _| {
        let g = generator(&args)?;
        ctx.gen_close(&g)?;
        Ok(Value::None)
    },
};

/// `gen.__next__()`
pub(crate) static GEN_NEXT: Builtin = Builtin {
    name: "__next__",
    call: |ctx, args, _| {
        let g = generator(&args)?;
        ctx.gen_step(&g, Value::None, None)
    },
};

/// Whether `v` is an iterator: what `__await__` must return.
fn is_iterator(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::Iter(_) | Value::Generator(_) => true,
        Value::Instance(_) => vm.special(v, "__next__")?.is_some(),
        _ => false,
    })
}

/// The iterator `await v` delegates to (CPython's awaitable protocol): a
/// coroutine, a `types.coroutine` generator, or what `__await__` returns.
/// `None` when `v` is not awaitable at all.
fn awaitable_iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if let Value::Generator(g) = v {
        let ok = match g.kind {
            GenKind::Coroutine | GenKind::AsyncOp(_) => true,
            GenKind::Generator => g.func.code.flags() & flags::ITERABLE_COROUTINE != 0,
            GenKind::Wrapper(_) | GenKind::AsyncGenerator => false,
        };
        return Ok(ok.then(|| v.clone()));
    }
    let Some(m) = vm.special(v, "__await__")? else {
        return Ok(None);
    };
    let it = vm.call_value(&m, Vec::new(), Vec::new())?;
    if let Value::Generator(g) = &it
        && g.is_coroutine()
    {
        return Err(PyErr::type_error("__await__() returned a coroutine"));
    }
    if !is_iterator(vm, &it)? {
        return Err(PyErr::type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            it.type_name()
        )));
    }
    Ok(Some(it))
}

/// Whether coroutine `g` is suspended in an `await` (a YIELD_FROM).
fn awaiting(g: &Generator) -> bool {
    match &*g.state.borrow() {
        // SAFETY: a live suspended frame owned by `g`.
        GenState::Suspended(fp) => unsafe { at_yield_from(*fp, fp.header().lasti()) },
        _ => false,
    }
}

/// GET_AWAITABLE where: TOS := the iterator `await TOS` delegates to. The
/// argument says what is awaited, for the error: 0 an `await`
/// expression, 1 what `__aenter__` returned, 2 what `__aexit__` returned.
pub(crate) fn get_awaitable(vm: &mut Vm, r: &mut Regs, place: u32) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.peek(0) }.clone();
    let Some(it) = awaitable_iter(vm, &v)? else {
        let t = v.type_name();
        let msg = match place {
            1 => format!(
                "'async with' received an object from __aenter__ that does not implement __await__: {t}"
            ),
            2 => format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {t}"
            ),
            _ => format!("object {t} can't be used in 'await' expression"),
        };
        return Err(PyErr::type_error(msg).into());
    };
    if let Value::Generator(g) = &it
        && g.is_coroutine()
        && awaiting(g)
    {
        return Err(PyErr::new(ExcKind::RuntimeError, "coroutine is being awaited already").into());
    }
    // SAFETY: verified.
    unsafe { r.sp.set(0, it) };
    Ok(())
}

/// GET_AITER: TOS := TOS.__aiter__(), which must have `__anext__`.
pub(crate) fn get_aiter(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.peek(0) }.clone();
    // An async generator is its own async iterator.
    if anext_of(&v).is_some() {
        return Ok(());
    }
    let Some(m) = vm.special(&v, "__aiter__")? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            v.type_name()
        ))
        .into());
    };
    let it = vm.call_value(&m, Vec::new(), Vec::new())?;
    if anext_of(&it).is_none() && vm.special(&it, "__anext__")?.is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            it.type_name()
        ))
        .into());
    }
    // SAFETY: verified.
    unsafe { r.sp.set(0, it) };
    Ok(())
}

/// GET_ANEXT: pushes the awaitable iterator of `TOS.__anext__()` (the
/// async iterator stays under it).
pub(crate) fn get_anext(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified.
    let v = unsafe { r.sp.peek(0) }.clone();
    if let Some(op) = anext_of(&v) {
        // SAFETY: verified — room for one more.
        unsafe { r.sp.push(op) };
        return Ok(());
    }
    let Some(m) = vm.special(&v, "__anext__")? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            v.type_name()
        ))
        .into());
    };
    let next = vm.call_value(&m, Vec::new(), Vec::new())?;
    let Some(it) = awaitable_iter(vm, &next)? else {
        return Err(PyErr::type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            next.type_name()
        ))
        .into());
    };
    // SAFETY: verified — room for one more.
    unsafe { r.sp.push(it) };
    Ok(())
}

/// BEFORE_ASYNC_WITH: replaces the manager by its bound `__aexit__` and
/// pushes what `__aenter__()` returns (to be awaited).
pub(crate) fn before_async_with(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — the manager on top.
    let mgr = unsafe { r.sp.peek(0) }.clone();
    let missing = |what: &str| {
        PyErr::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol{what}",
            mgr.type_name()
        ))
    };
    let Some(enter) = vm.special(&mgr, "__aenter__")? else {
        return Err(missing("").into());
    };
    let Some(exit) = vm.special(&mgr, "__aexit__")? else {
        return Err(missing(" (missed __aexit__ method)").into());
    };
    // SAFETY: verified.
    unsafe { r.sp.set(0, exit) };
    let entered = vm.call_value(&enter, Vec::new(), Vec::new())?;
    // SAFETY: verified — room for the result.
    unsafe { r.sp.push(entered) };
    Ok(())
}

/// `gen.__iter__()`
pub(crate) static GEN_ITER: Builtin = Builtin {
    name: "__iter__",
    call: |_, args, _| Ok(Value::Generator(generator(&args)?)),
};

/// `coro.__await__()`: an iterator that steps the coroutine.
pub(crate) static CORO_AWAIT: Builtin = Builtin {
    name: "__await__",
    call: |_, args, _| {
        let c = generator(&args)?;
        Ok(crate::runtime::gc::generator(Generator {
            func: c.func.clone(),
            state: std::cell::RefCell::new(GenState::Done),
            graveyard: c.graveyard.clone(),
            exc_state: Default::default(),
            kind: GenKind::Wrapper(c),
        }))
    },
};

/// Whether async generator `agen` is suspended at a value `yield` (not
/// in an await): YIELD_VALUE 1 at its saved lasti.
fn at_value_yield(agen: &Generator) -> bool {
    match &*agen.state.borrow() {
        GenState::Suspended(fp) => {
            // SAFETY: a live suspended frame owned by `agen`; the code
            // outlives it.
            let (code, lasti) = unsafe { (fp.code().code(), fp.header().lasti()) };
            usize::try_from(lasti)
                .ok()
                .and_then(|i| code.get(i))
                .is_some_and(|w| w.code() == crate::bytecode::Op::YieldValue as u8 && w.arg() == 1)
        }
        _ => false,
    }
}

/// A new `asend`/`athrow`/`aclose` awaitable over async generator `agen`.
fn async_op(agen: &Rc<Generator>, what: AsyncOpKind) -> Value {
    crate::runtime::gc::generator(Generator {
        func: agen.func.clone(),
        state: std::cell::RefCell::new(GenState::Done),
        graveyard: agen.graveyard.clone(),
        exc_state: Default::default(),
        kind: GenKind::AsyncOp(AsyncOp {
            agen: agen.clone(),
            what,
            state: std::cell::Cell::new(AsyncOpState::Init),
        }),
    })
}

impl Vm {
    /// One step of an `asend`/`athrow`/`aclose` awaitable: the async
    /// generator runs; its awaits' yields pass through, its next value
    /// ends this await (StopIteration with it), its end is
    /// StopAsyncIteration (for `aclose`, GeneratorExit or the end is a
    /// plain end, and a value is an error).
    fn async_op_step(
        &mut self,
        op: &AsyncOp,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        let agen = &op.agen;
        let closing = matches!(op.what, AsyncOpKind::Close);
        let r = match op.state.get() {
            AsyncOpState::Closed => {
                let msg = match op.what {
                    AsyncOpKind::Send(_) => "cannot reuse already awaited __anext__()/asend()",
                    _ => "cannot reuse already awaited aclose()/athrow()",
                };
                return Err(PyErr::new(ExcKind::RuntimeError, msg));
            }
            AsyncOpState::Init => {
                op.state.set(AsyncOpState::Iter);
                match &op.what {
                    AsyncOpKind::Send(first) => {
                        let first = first.borrow_mut().take().unwrap_or(Value::None);
                        let v = if matches!(sent, Value::None) {
                            first
                        } else {
                            sent
                        };
                        self.resume_gen(agen, v, throw)
                    }
                    _ if matches!(*agen.state.borrow(), GenState::Done) => {
                        op.state.set(AsyncOpState::Closed);
                        return Ok(GenStep::Returned(Value::None));
                    }
                    AsyncOpKind::Close => {
                        let started = match &*agen.state.borrow() {
                            // SAFETY: a live suspended frame owned by `agen`.
                            GenState::Suspended(fp) => unsafe { fp.header() }.lasti() != -1,
                            _ => true,
                        };
                        if !started {
                            op.state.set(AsyncOpState::Closed);
                            self.gen_close(agen)?;
                            return Ok(GenStep::Returned(Value::None));
                        }
                        let exit = PyErr::new(ExcKind::GeneratorExit, "");
                        self.resume_gen(agen, Value::None, Some(throw.unwrap_or(exit)))
                    }
                    AsyncOpKind::Throw(exc) => {
                        let e = match (throw, exc.borrow_mut().take()) {
                            (Some(e), _) => e,
                            (None, Some(Value::Instance(i))) => PyErr::from_object(&i),
                            (None, _) => {
                                PyErr::type_error("exceptions must derive from BaseException")
                            }
                        };
                        self.resume_gen(agen, Value::None, Some(e))
                    }
                }
            }
            AsyncOpState::Iter => self.resume_gen(agen, sent, throw),
        };
        let done = |op: &AsyncOp| op.state.set(AsyncOpState::Closed);
        match r {
            Ok(GenStep::Yielded(v)) if at_value_yield(agen) => {
                done(op);
                if closing {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(GenStep::Returned(v))
            }
            Ok(GenStep::Yielded(v)) => Ok(GenStep::Yielded(v)),
            Ok(GenStep::Returned(_)) => {
                done(op);
                if closing {
                    return Ok(GenStep::Returned(Value::None));
                }
                Err(PyErr::new(ExcKind::StopAsyncIteration, ""))
            }
            Err(e) => {
                done(op);
                if closing && (e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopAsyncIteration)) {
                    return Ok(GenStep::Returned(Value::None));
                }
                Err(e)
            }
        }
    }
}

fn async_generator(args: &[Value]) -> PyResult<Rc<Generator>> {
    match args.first() {
        Some(Value::Generator(g)) if matches!(g.kind, GenKind::AsyncGenerator) => Ok(g.clone()),
        _ => Err(PyErr::type_error("descriptor needs an async generator")),
    }
}

/// The awaitable `__anext__()` of async generator `v` gives, if it is one.
pub(crate) fn anext_of(v: &Value) -> Option<Value> {
    match v {
        Value::Generator(g) if matches!(g.kind, GenKind::AsyncGenerator) => {
            Some(async_op(g, AsyncOpKind::Send(Default::default())))
        }
        _ => None,
    }
}

/// `agen.__aiter__()`
pub(crate) static AGEN_AITER: Builtin = Builtin {
    name: "__aiter__",
    call: |_, args, _| Ok(Value::Generator(async_generator(&args)?)),
};

/// `agen.__anext__()`
pub(crate) static AGEN_ANEXT: Builtin = Builtin {
    name: "__anext__",
    call: |_, args, _| {
        let g = async_generator(&args)?;
        Ok(async_op(&g, AsyncOpKind::Send(Default::default())))
    },
};

/// `agen.asend(v)`
pub(crate) static AGEN_ASEND: Builtin = Builtin {
    name: "asend",
    call: |_, args, _| {
        let g = async_generator(&args)?;
        let v = args.get(1).cloned().unwrap_or(Value::None);
        Ok(async_op(
            &g,
            AsyncOpKind::Send(std::cell::RefCell::new(Some(v))),
        ))
    },
};

/// `agen.athrow(exc)` (or `athrow(type, value)`)
pub(crate) static AGEN_ATHROW: Builtin = Builtin {
    name: "athrow",
    call: |ctx, args, _| {
        let g = async_generator(&args)?;
        let Some(exc) = args.get(1).cloned() else {
            return Err(PyErr::type_error(
                "athrow expected at least 1 argument, got 0",
            ));
        };
        let exc = match (&exc, args.get(2)) {
            (Value::Class(c), Some(v)) if !matches!(v, Value::None) => match v {
                Value::Instance(i) if i.class.is_subclass(c) => v.clone(),
                Value::Tuple(t) => ctx.call(&exc, t.to_vec())?,
                _ => ctx.call(&exc, vec![v.clone()])?,
            },
            (Value::Class(c), _) if c.is_exception() => ctx.call(&exc, Vec::new())?,
            (Value::Instance(i), _) if i.class.is_exception() => exc,
            _ => {
                return Err(PyErr::type_error(
                    "exceptions must be classes or instances deriving from BaseException, not "
                        .to_string()
                        + exc.type_name(),
                ));
            }
        };
        Ok(async_op(
            &g,
            AsyncOpKind::Throw(std::cell::RefCell::new(Some(exc))),
        ))
    },
};

/// `agen.aclose()`
pub(crate) static AGEN_ACLOSE: Builtin = Builtin {
    name: "aclose",
    call: |_, args, _| {
        let g = async_generator(&args)?;
        Ok(async_op(&g, AsyncOpKind::Close))
    },
};

/// `op.__await__()` of an asend/athrow awaitable: itself.
pub(crate) static AWAIT_SELF: Builtin = Builtin {
    name: "__await__",
    call: |_, args, _| Ok(Value::Generator(generator(&args)?)),
};

/// Calls `f` with the values the suspended frame of `g` holds (its fast
/// slots and saved value stack), for the cycle collector's traversal.
/// False when there is none to look into: the generator is running (its
/// frame is on the call chain, a root), done, or its state is borrowed.
pub(crate) fn visit_suspended(g: &Generator, f: &mut dyn FnMut(&Value)) -> bool {
    let Ok(state) = g.state.try_borrow() else {
        return false;
    };
    let GenState::Suspended(fp) = &*state else {
        return false;
    };
    let fp = *fp;
    // SAFETY: a suspended frame owned by `g`, live while `g` is; it is not
    // running (its state says so, and a step takes the state out with a
    // mutable borrow, which the shared one held here excludes). Its slots
    // [localsplus, stacktop) are initialised values the frame owns (what
    // `clear_frame` drops), and nothing writes them while this borrow lasts.
    let slots = unsafe {
        let lp = fp.localsplus();
        let live = fp.stacktop().offset_from(lp) as usize;
        std::slice::from_raw_parts(lp.cast_const(), live)
    };
    slots.iter().for_each(f);
    true
}

/// Finalizes garbage generator `g` for the cycle collector: its suspended
/// frame goes to the graveyard, as when it is dropped, where the VM
/// closes it (its `finally` blocks run) and releases its values. True if
/// there was a frame.
pub(crate) fn finalize(g: &Generator) -> bool {
    let Ok(mut state) = g.state.try_borrow_mut() else {
        return false;
    };
    if !matches!(*state, GenState::Suspended(_)) {
        return false;
    }
    let GenState::Suspended(fp) = std::mem::replace(&mut *state, GenState::Done) else {
        return false;
    };
    drop(state);
    g.graveyard.borrow_mut().push((fp, g.func.clone()));
    true
}
