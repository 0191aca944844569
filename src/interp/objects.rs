//! The object protocol: attribute lookup, calls of any callable, and the
//! special methods (`__add__`, `__eq__`, `__repr__`, `__iter__`, ...) that
//! let instances of user classes take part in operators and builtins.
//!
//! Everything here runs in the VM, because a special method is Python code:
//! it runs in a nested loop on a frame of its own (the Rust stack grows by
//! one loop per nesting, bounded by the recursion limit).

use std::rc::Rc;

use super::{Vm, exec};
use crate::bytecode::{BinOp, CmpOp};
use crate::runtime::class::{
    Class, HOOK_DELATTR, HOOK_GETATTR, HOOK_GETATTRIBUTE, HOOK_SETATTR, Instance, native_value,
};
use crate::runtime::object::{Builtin, Namespace};
use crate::runtime::value::Descr;
use crate::runtime::{ExcKind, PyErr, PyResult, Value, gc, methods, ops};

type Kwargs = Vec<(Rc<str>, Value)>;

/// The special method names of the binary operators, and their reflections.
fn binary_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

/// A comparison's special method and the one tried on the right operand.
fn compare_names(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::Le => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::Ge => ("__ge__", "__le__"),
        CmpOp::Eq => ("__eq__", "__eq__"),
        _ => ("__ne__", "__ne__"),
    }
}

/// Whether the value is an instance of a user class (or an exception),
/// or a class with a metaclass: a value whose special methods Python
/// code may define.
#[inline(always)]
pub(crate) fn is_instance(v: &Value) -> bool {
    match v {
        Value::Instance(_) => true,
        Value::Class(c) => c.meta.is_some(),
        _ => false,
    }
}

/// Whether comparing the value may call special methods: an instance, or
/// a list, tuple or dict (which may hold instances).
#[inline(always)]
pub(crate) fn compares_in_vm(v: &Value) -> bool {
    match v {
        Value::Instance(_) | Value::List(_) | Value::Tuple(_) | Value::Dict(_) => true,
        Value::Class(c) => c.meta.is_some(),
        _ => false,
    }
}

/// The class of a value, for values that have a class object.
pub(crate) fn class_of(v: &Value) -> Option<Rc<Class>> {
    match v {
        Value::Instance(i) => Some(i.class.clone()),
        _ => None,
    }
}

impl Vm {
    /// Calls any callable with positional and keyword arguments; a Python
    /// function runs in a nested loop.
    pub(crate) fn call_value(
        &mut self,
        f: &Value,
        mut args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        match f {
            Value::Function(func) => {
                let locals = exec::bind_args(func, args, kwargs)?;
                if func.code.flags() & crate::bytecode::code::flags::GENERATOR != 0 {
                    return self.make_generator(func, locals);
                }
                let regs = exec::enter_fresh(self, func, locals)?;
                self.run_frames(regs)
            }
            Value::BoundMethod(m) => {
                args.insert(0, m.0.clone());
                let func = m.1.clone();
                self.call_value(&func, args, kwargs)
            }
            Value::Class(c) => self.instantiate(c, args, kwargs),
            Value::HostFn(h) => {
                crate::embed::call_host(self, h, smallvec::SmallVec::from_vec(args), kwargs)
            }
            Value::Instance(_) => match self.special(f, "__call__")? {
                Some(m) => self.call_value(&m, args, kwargs),
                None => Err(exec::not_callable(f)),
            },
            _ => match exec::native(f) {
                Some((b, receiver)) => exec::call_native(self, b, receiver, args, kwargs),
                None => Err(exec::not_callable(f)),
            },
        }
    }

    /// Calls `f` with positional arguments only, as the host does: a
    /// Python function taking exactly these positional parameters gets
    /// them moved into its frame, with no vector allocated.
    pub(crate) fn call_positional(
        &mut self,
        f: &Value,
        args: &mut smallvec::SmallVec<[Value; 8]>,
    ) -> PyResult<Value> {
        if let Value::Function(func) = f
            && func.code.quick_argcount() as usize == args.len()
        {
            // Moved out of the caller's vector in place (no copy of it).
            let regs = exec::enter_fresh_args(self, func, args.drain(..))?;
            return self.run_frames(regs);
        }
        self.call_value(f, std::mem::take(args).into_vec(), Vec::new())
    }

    /// `cls(*args, **kwargs)`: `__new__` makes the object, then
    /// `__init__` initialises it if it is an instance of `cls`. A builtin
    /// type (`int`, `list`) runs its constructor.
    pub(crate) fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        // A metaclass's `__call__` decides what calling its classes does.
        if let Some(meta) = &cls.meta
            && let Some(call) = cls.meta_lookup("__call__")
        {
            let call = self.bind_descr(&call, Some(&Value::Class(cls.clone())), meta)?;
            return self.call_value(&call, args, kwargs);
        }
        self.instantiate_plain(cls, args, kwargs)
    }

    /// [`Vm::instantiate`] without the metaclass's `__call__`
    /// (`type.__call__`).
    pub(crate) fn instantiate_plain(
        &mut self,
        cls: &Rc<Class>,
        mut args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        if let Some(ctor) = cls.ctor {
            return exec::call_native(self, ctor, None, args, kwargs);
        }
        let (new, init) = cls.new_and_init();
        match &new {
            Some(Value::Builtin(b)) if std::ptr::eq(*b, &crate::runtime::class::TYPE_NEW) => {
                // A subclass of a builtin type: the value it carries.
                let native = cls
                    .native_class()
                    .cloned()
                    .expect("TYPE_NEW is on builtin types");
                if &*native.name == "type" {
                    // A metaclass: a class of it, then its `__init__`.
                    let made = self.make_class(Some(cls.clone()), args.clone(), kwargs.clone())?;
                    return self.init_class(cls, init, made, args, kwargs);
                }
                let ctor = native.ctor.expect("a builtin type");
                let base = if crate::runtime::class::mutable_type(&native.name) {
                    exec::call_native(self, ctor, None, Vec::new(), Vec::new())?
                } else {
                    exec::call_native(self, ctor, None, args.clone(), kwargs.clone())?
                };
                let inst = crate::runtime::builtins::Host::alloc_instance(self, cls, Some(base));
                self.init_instance(cls, init, inst, args, kwargs, true)
            }
            Some(Value::Builtin(_)) | None => Ok(Value::Instance(
                self.new_instance_with(cls, init, args, kwargs)?,
            )),
            // A `__new__` written in Python (a static method, whether
            // declared so or not).
            Some(f) => {
                let f = match f {
                    Value::Descr(d) => match &**d {
                        Descr::Static(f) => f.clone(),
                        _ => self.bind_descr(f, None, cls)?,
                    },
                    _ => f.clone(),
                };
                let mut new_args = Vec::with_capacity(args.len() + 1);
                new_args.push(Value::Class(cls.clone()));
                new_args.extend(args.iter().cloned());
                let obj = self.call_value(&f, new_args, kwargs.clone())?;
                match &obj {
                    Value::Instance(i) if i.class.is_subclass(cls) => {
                        let i = i.clone();
                        drop(obj);
                        let init = cls.lookup("__init__");
                        self.init_instance(cls, init, i, std::mem::take(&mut args), kwargs, true)
                    }
                    Value::Class(_) => {
                        let init = cls.lookup("__init__");
                        self.init_class(cls, init, obj, args, kwargs)
                    }
                    _ => Ok(obj),
                }
            }
        }
    }

    /// After metaclass `meta`'s `__new__` made `made`: `meta.__init__(made,
    /// *args, **kwargs)` when `made` is a class of `meta` and the
    /// metaclass has an `__init__` written in Python.
    fn init_class(
        &mut self,
        meta: &Rc<Class>,
        init: Option<Value>,
        made: Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        let is_ours = matches!(&made, Value::Class(k) if k.meta.as_ref().is_some_and(|m| m.is_subclass(meta)));
        if is_ours && let Some(init) = init.filter(|i| !matches!(i, Value::Builtin(_))) {
            let f = self.bind_descr(&init, Some(&made), meta)?;
            self.call_value(&f, args, kwargs)?;
        }
        Ok(made)
    }

    /// `raise C` / `gen.throw(C)`: `C()`, which must give an exception.
    /// (`thrown`: the generator's wording, which names the type plainly.)
    pub(crate) fn exception_of_class(
        &mut self,
        cls: &Rc<Class>,
        thrown: bool,
    ) -> PyResult<Rc<Instance>> {
        match self.instantiate(cls, Vec::new(), Vec::new())? {
            Value::Instance(i) if i.class.is_exception() => Ok(i),
            other => Err(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                Value::Class(cls.clone()).repr(),
                if thrown {
                    other.type_name().to_string()
                } else {
                    crate::runtime::builtins::type_of(&other).repr()
                }
            ))),
        }
    }

    /// [`instantiate`](Vm::instantiate) for a class whose `__new__` is
    /// `object`'s or `BaseException`'s, as the instance itself, with
    /// `cls.__init__` looked up.
    fn new_instance_with(
        &mut self,
        cls: &Rc<Class>,
        init: Option<Value>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Rc<Instance>> {
        let mapped = crate::runtime::class::os_error_class(cls, &args);
        let init = if Rc::ptr_eq(&mapped, cls) {
            init
        } else {
            mapped.lookup("__init__")
        };
        let cls = &mapped;
        let inst = if cls.is_exception() {
            let inst = crate::runtime::class::new_exception(cls.clone(), args.clone());
            self.track_object(super::Tracked::Instance(Rc::downgrade(&inst)));
            inst
        } else {
            crate::runtime::builtins::Host::alloc_instance(self, cls, None)
        };
        match self.init_instance(cls, init, inst, args, kwargs, false)? {
            Value::Instance(i) => Ok(i),
            _ => unreachable!("init_instance gives back the instance"),
        }
    }

    /// Runs `__init__` of the new instance `inst` of `cls`. `custom_new`:
    /// the object came from a `__new__` other than `object`'s, so
    /// `object.__init__` ignores the arguments (as CPython's does).
    fn init_instance(
        &mut self,
        cls: &Rc<Class>,
        init: Option<Value>,
        inst: Rc<Instance>,
        mut args: Vec<Value>,
        kwargs: Kwargs,
        custom_new: bool,
    ) -> PyResult<Value> {
        let this = Value::Instance(inst);
        let is = |init: &Option<Value>, b: &Builtin| matches!(init, Some(Value::Builtin(x)) if std::ptr::eq(*x, b));
        if is(&init, &crate::runtime::class::OBJECT_INIT) {
            if !custom_new && (!args.is_empty() || !kwargs.is_empty()) {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments",
                    cls.name
                )));
            }
        } else if is(&init, &crate::runtime::class::EXC_INIT) {
            // The arguments are already the exception's args.
            if !kwargs.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() takes no keyword arguments",
                    cls.name
                )));
            }
        } else if let Some(init) = init {
            args.insert(0, this.clone());
            let init = self.bind_descr(&init, None, cls)?;
            let r = self.call_value(&init, args, kwargs)?;
            if !matches!(r, Value::None) {
                return Err(PyErr::type_error(format!(
                    "__init__() should return None, not '{}'",
                    r.type_name()
                )));
            }
        }
        Ok(this)
    }

    /// A class attribute as seen through an instance (`inst` Some) or the
    /// class: functions bind to the instance, classmethods to the class,
    /// staticmethods unwrap.
    fn bind_descr(
        &mut self,
        attr: &Value,
        inst: Option<&Value>,
        cls: &Rc<Class>,
    ) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) => match inst {
                Some(i) => gc::bound_method(i.clone(), attr.clone()),
                None => attr.clone(),
            },
            Value::HostFn(h) if h.method => match inst {
                Some(i) => gc::bound_method(i.clone(), attr.clone()),
                None => attr.clone(),
            },
            Value::Descr(d) => match &**d {
                Descr::Static(f) => f.clone(),
                Descr::ClassMethod(f) => gc::bound_method(Value::Class(cls.clone()), f.clone()),
                Descr::Property { fget, .. } => match inst {
                    Some(i) => {
                        if matches!(fget, Value::None) {
                            return Err(PyErr::new(
                                ExcKind::AttributeError,
                                "property has no getter",
                            ));
                        }
                        return self.call_value(fget, vec![i.clone()], Vec::new());
                    }
                    None => attr.clone(),
                },
            },
            // The methods of builtin classes (object, BaseException) bind
            // as methods do; other builtins stored in a class do not.
            Value::Builtin(b) if crate::runtime::class::is_method(b) => match inst {
                Some(i) => Value::Method(Rc::new((i.clone(), *b))),
                None => attr.clone(),
            },
            _ => attr.clone(),
        })
    }

    /// A special method of `v`'s class, bound to `v`; `None` if the class
    /// has none (special methods are looked up on the class, not the
    /// instance, as in CPython).
    pub(crate) fn special(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        let inst = match v {
            Value::Instance(inst) => inst,
            // A class's special methods are its metaclass's.
            Value::Class(c) => {
                return match (&c.meta, c.meta_lookup(name)) {
                    (Some(meta), Some(a)) => Ok(Some(self.meta_bind(&a, v, meta)?)),
                    _ => Ok(None),
                };
            }
            _ => return Ok(None),
        };
        let cls = &inst.class;
        let found = match cls.has_special(name) {
            Some(false) => None,
            _ => cls.lookup(name),
        };
        match found {
            Some(attr) => Ok(Some(self.bind_descr(&attr, Some(v), cls)?)),
            // The builtin value a subclass of a builtin type carries has
            // the special methods of its type.
            None => Ok(inst.base().and_then(|b| {
                methods::lookup(b, name).map(|m| Value::Method(Rc::new((b.clone(), m))))
            })),
        }
    }

    /// Calls special method `name` of `v` if its class has one.
    fn call_special(&mut self, v: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        match self.special(v, name)? {
            Some(m) => Ok(Some(self.call_value(&m, args, Vec::new())?)),
            None => Ok(None),
        }
    }

    /// The attribute `name` of the instance `obj` by the generic lookup
    /// (`object.__getattribute__`).
    fn instance_attr(&mut self, obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<Value> {
        let cls = inst.class.clone();
        let attr = cls.lookup(name);
        // Data descriptors (properties, objects with `__get__` and
        // `__set__` or `__delete__`) come before the instance dict.
        match &attr {
            Some(a @ Value::Descr(d)) if matches!(**d, Descr::Property { .. }) => {
                return self.bind_descr(a, Some(obj), &cls);
            }
            Some(d @ Value::Instance(di)) if is_data_descriptor(di) => {
                return self.descr_get(d, obj, &cls);
            }
            _ => {}
        }
        if let Some(v) = inst.get(name) {
            return Ok(v);
        }
        if let Some(a) = attr {
            if let Value::Instance(di) = &a
                && di.class.lookup("__get__").is_some()
            {
                return self.descr_get(&a, obj, &cls);
            }
            return self.bind_descr(&a, Some(obj), &cls);
        }
        match name {
            "__class__" => return Ok(Value::Class(cls)),
            // A live view: `obj.__dict__[k] = v` and `.update()` bind.
            "__dict__" => {
                return Ok(Value::Globals(Rc::new(
                    crate::runtime::object::NsRef::Inst(inst.clone()),
                )));
            }
            "__cause__" | "__context__" if cls.is_exception() => return Ok(Value::None),
            "__suppress_context__" if cls.is_exception() => {
                return Ok(Value::Bool(false));
            }
            _ => {
                if let Some(v) = crate::runtime::class::exc_attr(inst, name) {
                    return Ok(v);
                }
                // The methods and attributes of the builtin value
                // a subclass of a builtin type carries.
                if let Some(base) = inst.base() {
                    if let Some(m) = methods::lookup(base, name) {
                        return Ok(Value::Method(Rc::new((base.clone(), m))));
                    }
                    if let Some(v) = crate::runtime::typemethods::attr(base, name) {
                        return Ok(v);
                    }
                }
            }
        }
        Err(no_attribute(obj, name))
    }

    /// Calls the method `name` that `obj`'s class defines (an attribute hook).
    fn call_hook(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let Value::Instance(inst) = obj else {
            return Err(no_attribute(obj, name));
        };
        let cls = inst.class.clone();
        let Some(m) = cls.lookup(name) else {
            return Err(no_attribute(obj, name));
        };
        let m = self.bind_descr(&m, Some(obj), &cls)?;
        self.call_value(&m, args, Vec::new())
    }

    /// `descr.__get__(obj, cls)` (obj None through the class).
    fn descr_get(&mut self, descr: &Value, obj: &Value, cls: &Rc<Class>) -> PyResult<Value> {
        let Value::Instance(di) = descr else {
            return Ok(descr.clone());
        };
        let dcls = di.class.clone();
        let Some(get) = dcls.lookup("__get__") else {
            return Ok(descr.clone());
        };
        let get = self.bind_descr(&get, Some(descr), &dcls)?;
        self.call_value(
            &get,
            vec![obj.clone(), Value::Class(cls.clone())],
            Vec::new(),
        )
    }

    /// Attribute `a` of metaclass `meta` as seen through its class `obj`.
    fn meta_bind(&mut self, a: &Value, obj: &Value, meta: &Rc<Class>) -> PyResult<Value> {
        if let Value::Instance(di) = a
            && di.class.lookup("__get__").is_some()
        {
            return self.descr_get(a, obj, meta);
        }
        self.bind_descr(a, Some(obj), meta)
    }

    /// `getattr(obj, name)`.
    pub(crate) fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let hooks = inst.class.hooks();
                if hooks & (HOOK_GETATTRIBUTE | HOOK_GETATTR) == 0 {
                    return self.instance_attr(obj, inst, name);
                }
                let r = if hooks & HOOK_GETATTRIBUTE != 0 {
                    self.call_hook(obj, "__getattribute__", vec![Value::str(name)])
                } else {
                    self.instance_attr(obj, inst, name)
                };
                match r {
                    Err(e) if hooks & HOOK_GETATTR != 0 && e.is(ExcKind::AttributeError) => {
                        self.call_hook(obj, "__getattr__", vec![Value::str(name)])
                    }
                    r => r,
                }
            }
            // A class's docstring is its own, never a base's.
            Value::Class(cls) if name == "__doc__" && !cls.is_builtin => Ok(cls
                .dict
                .borrow()
                .get("__doc__")
                .cloned()
                .unwrap_or(Value::None)),
            Value::Class(cls) => {
                // A data descriptor of the metaclass (a property) comes
                // before the class's own attributes.
                if let Some(meta) = &cls.meta
                    && let Some(a) = cls.meta_lookup(name)
                    && is_data_attr(&a)
                {
                    return self.meta_bind(&a, obj, meta);
                }
                if let Some(a) = cls.lookup(name) {
                    if let Value::Instance(di) = &a
                        && di.class.lookup("__get__").is_some()
                    {
                        return self.descr_get(&a, &Value::None, cls);
                    }
                    return self.bind_descr(&a, None, cls);
                }
                match name {
                    "__name__" => return Ok(Value::str(&*cls.name)),
                    "__qualname__" => return Ok(Value::str(&*cls.qualname)),
                    "__mro__" => return Ok(cls.mro_tuple()),
                    "__bases__" => {
                        return Ok(Value::tuple(
                            cls.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                        ));
                    }
                    "__base__" => {
                        return Ok(cls
                            .bases
                            .first()
                            .map(|b| Value::Class(b.clone()))
                            .unwrap_or(Value::None));
                    }
                    "__module__" => {
                        return Ok(Value::str(cls.module().as_deref().unwrap_or("builtins")));
                    }
                    "__class__" => return Ok(crate::runtime::builtins::type_of(obj)),
                    "__doc__" => return Ok(Value::None),
                    "__dict__" => {
                        let d = crate::runtime::builtins::class_dict(cls)?;
                        // A builtin type: its methods too.
                        if let (Some(ctor), Value::Dict(dd)) = (cls.ctor, &d)
                            && let Ok(proto) =
                                exec::call_native(self, ctor, None, Vec::new(), Vec::new())
                            && !matches!(proto, Value::Class(_))
                        {
                            let class_level = ["from_bytes", "fromkeys", "maketrans", "fromhex"];
                            for m in methods::names(&proto).into_iter().chain(class_level) {
                                if let Some(v) = builtin_type_attr(&cls.name, m) {
                                    dd.borrow_mut().set(Value::str(m), v)?;
                                }
                            }
                        }
                        return Ok(d);
                    }
                    _ => {}
                }
                // The metaclass's methods, bound to the class.
                if let Some(meta) = &cls.meta
                    && let Some(a) = cls.meta_lookup(name)
                {
                    return self.meta_bind(&a, obj, meta);
                }
                // The methods of the builtin types in the MRO, unbound.
                for c in std::iter::once(cls).chain(cls.mro.iter()) {
                    if c.ctor.is_some()
                        && let Some(v) = builtin_type_attr(&c.name, name)
                    {
                        return Ok(v);
                    }
                }
                // Last, the metaclass's `__getattr__`.
                if let Some(meta) = &cls.meta
                    && let Some(f) = cls.meta_lookup("__getattr__")
                {
                    let f = self.meta_bind(&f, obj, meta)?;
                    return self.call_value(&f, vec![Value::str(name)], Vec::new());
                }
                Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!("type object '{}' has no attribute '{name}'", cls.name),
                ))
            }
            Value::Super(s) => {
                let (start, this) = (&s.0, &s.1);
                let (owner, inst) = match this {
                    // `super()` in a metaclass's method: `this` is a class
                    // of the metaclass, an instance of it.
                    Value::Class(c) if !c.is_subclass(start) => {
                        (crate::runtime::class::class_of_value(this), Some(this))
                    }
                    Value::Class(c) => (c.clone(), None),
                    Value::Instance(i) => (i.class.clone(), Some(this)),
                    _ => return Err(no_attribute(obj, name)),
                };
                match owner.lookup_after(start, name) {
                    Some(Value::Builtin(b)) if crate::runtime::class::is_new(b) => {
                        Ok(Value::Builtin(b))
                    }
                    Some(Value::Builtin(b)) => Ok(Value::Method(Rc::new((this.clone(), b)))),
                    Some(a) => self.bind_descr(&a, inst, &owner),
                    None => {
                        // A method of the builtin type the instance is.
                        if let Value::Instance(i) = this
                            && let Some(base) = i.base()
                            && let Some(m) = methods::lookup(base, name)
                        {
                            return Ok(Value::Method(Rc::new((base.clone(), m))));
                        }
                        Err(PyErr::new(
                            ExcKind::AttributeError,
                            format!("'super' object has no attribute '{name}'"),
                        ))
                    }
                }
            }
            Value::Function(f) => match name {
                _ if f.dict.borrow().contains_key(name) => {
                    Ok(f.dict.borrow().get(name).cloned().unwrap_or(Value::None))
                }
                "__name__" => Ok(Value::str(f.code.name())),
                "__qualname__" => Ok(Value::str(f.code.qualname())),
                "__code__" => Ok(Value::Code(f.code.clone())),
                "__defaults__" if f.defaults.is_empty() => Ok(Value::None),
                "__defaults__" => Ok(Value::tuple(f.defaults.clone())),
                "__kwdefaults__" if f.kwdefaults.is_empty() => Ok(Value::None),
                "__kwdefaults__" => {
                    let mut d = crate::runtime::dict::Dict::default();
                    for (k, v) in &f.kwdefaults {
                        d.set(Value::str(&**k), v.clone())?;
                    }
                    Ok(crate::runtime::dict::new_dict(d))
                }
                "__closure__" if f.closure.is_empty() => Ok(Value::None),
                "__closure__" => Ok(Value::tuple(
                    f.closure.iter().map(|c| Value::Cell(c.clone())).collect(),
                )),
                "__module__" => Ok(f.globals.get("__name__").unwrap_or(Value::None)),
                "__globals__" => Ok(Value::Globals(Rc::new(crate::runtime::object::NsRef::Ns(
                    f.globals.clone(),
                )))),
                // None declared: an empty dict of its own, kept (CPython's).
                "__annotations__" => {
                    let d = crate::runtime::dict::new_dict(Default::default());
                    f.dict
                        .borrow_mut()
                        .insert(Rc::from("__annotations__"), d.clone());
                    Ok(d)
                }
                "__doc__" => Ok(f.code.doc().unwrap_or(Value::None)),
                "__dict__" => {
                    let mut d = crate::runtime::dict::Dict::default();
                    for (k, v) in f.dict.borrow().iter() {
                        d.set(Value::str(&**k), v.clone())?;
                    }
                    Ok(crate::runtime::dict::new_dict(d))
                }
                _ => Err(no_attribute(obj, name)),
            },
            Value::Code(c) => code_attr(c, name).ok_or_else(|| no_attribute(obj, name)),
            Value::Builtin(b) if name == "__name__" || name == "__qualname__" => {
                Ok(Value::str(b.name))
            }
            Value::HostFn(h) if name == "__name__" || name == "__qualname__" => {
                Ok(Value::str(&*h.name))
            }
            // A builtin method: `[].append` is `list.append` bound to the
            // list (`__self__`), `str.join` the type's own.
            Value::Method(m) if matches!(name, "__name__" | "__qualname__" | "__self__") => {
                let unbound = crate::runtime::typemethods::is_unbound(m.1);
                Ok(match (name, unbound, &m.0) {
                    ("__name__", true, Value::Str(meth)) => Value::Str(meth.clone()),
                    ("__qualname__", true, Value::Str(meth)) => {
                        Value::str(format!("{}.{}", m.1.name, meth.as_str()))
                    }
                    ("__self__", true, _) => return Err(no_attribute(obj, name)),
                    ("__self__", _, this) => this.clone(),
                    ("__name__", ..) => Value::str(m.1.name),
                    // (Named after the receiver's type, as CPython's:
                    // `True.bit_length` is `bool.bit_length`; a class's own
                    // after the class.)
                    (_, _, this) => {
                        let owner = match this {
                            Value::Class(c) => &*c.qualname,
                            Value::Instance(i) => &*i.class.qualname,
                            v => v.type_name(),
                        };
                        Value::str(format!("{owner}.{}", m.1.name))
                    }
                })
            }
            Value::Generator(g) => {
                use super::generator as gn;
                use crate::runtime::object::GenKind;
                // The generator function's own objects have names and
                // gi_/cr_/ag_ attributes; awaitables over them do not.
                let prefix = match g.kind {
                    GenKind::Generator => Some("gi_"),
                    GenKind::Coroutine => Some("cr_"),
                    GenKind::AsyncGenerator => Some("ag_"),
                    GenKind::Wrapper(_) | GenKind::AsyncOp(_) => None,
                };
                let m: &'static Builtin = match (name, &g.kind) {
                    ("asend", GenKind::AsyncGenerator) => &gn::AGEN_ASEND,
                    ("athrow", GenKind::AsyncGenerator) => &gn::AGEN_ATHROW,
                    ("aclose", GenKind::AsyncGenerator) => &gn::AGEN_ACLOSE,
                    ("__aiter__", GenKind::AsyncGenerator) => &gn::AGEN_AITER,
                    ("__anext__", GenKind::AsyncGenerator) => &gn::AGEN_ANEXT,
                    ("send" | "throw" | "close", GenKind::AsyncGenerator) => {
                        return Err(no_attribute(obj, name));
                    }
                    ("send", _) => &gn::GEN_SEND,
                    ("throw", _) => &gn::GEN_THROW,
                    ("close", _) => &gn::GEN_CLOSE,
                    ("__next__", _) if g.iterates() => &gn::GEN_NEXT,
                    ("__iter__", _) if g.iterates() => &gn::GEN_ITER,
                    ("__await__", GenKind::Coroutine) => &gn::CORO_AWAIT,
                    ("__await__", GenKind::AsyncOp(_)) => &gn::AWAIT_SELF,
                    _ => match (prefix, name) {
                        (Some(_), "__name__") => return Ok(Value::str(g.func.code.name())),
                        (Some(_), "__qualname__") => {
                            return Ok(Value::str(g.func.code.qualname()));
                        }
                        (Some(p), _) if name.strip_prefix(p) == Some("running") => {
                            let running = matches!(
                                *g.state.borrow(),
                                crate::runtime::object::GenState::Running
                            );
                            return Ok(Value::Bool(running));
                        }
                        (Some(p), _) if name.strip_prefix(p) == Some("code") => {
                            return Ok(Value::Code(g.func.code.clone()));
                        }
                        _ => return Err(no_attribute(obj, name)),
                    },
                };
                Ok(Value::Method(Rc::new((obj.clone(), m))))
            }
            Value::Descr(d) if matches!(**d, Descr::Property { .. }) => match name {
                "setter" => Ok(Value::Method(Rc::new((
                    obj.clone(),
                    &crate::runtime::builtins::PROPERTY_SETTER,
                )))),
                "getter" => Ok(Value::Method(Rc::new((
                    obj.clone(),
                    &crate::runtime::builtins::PROPERTY_GETTER,
                )))),
                "deleter" => Ok(Value::Method(Rc::new((
                    obj.clone(),
                    &crate::runtime::builtins::PROPERTY_DELETER,
                )))),
                "fget" | "fset" | "fdel" | "__doc__" => {
                    let Descr::Property {
                        fget,
                        fset,
                        fdel,
                        doc,
                    } = &**d
                    else {
                        unreachable!("matched")
                    };
                    Ok(match name {
                        "fget" => fget.clone(),
                        "fset" => fset.clone(),
                        "fdel" => fdel.clone(),
                        _ => doc.clone(),
                    })
                }
                _ => Err(no_attribute(obj, name)),
            },
            // staticmethod / classmethod: the function, and its attributes
            // (as 3.10's wrappers copy them).
            Value::Descr(d) if matches!(**d, Descr::Static(_) | Descr::ClassMethod(_)) => {
                let (Descr::Static(f) | Descr::ClassMethod(f)) = &**d else {
                    unreachable!("matched")
                };
                match name {
                    "__func__" | "__wrapped__" => Ok(f.clone()),
                    "__isabstractmethod__" => match self.getattr(&f.clone(), name) {
                        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
                        r => r,
                    },
                    _ => self.getattr(&f.clone(), name),
                }
            }
            Value::BoundMethod(m) => match name {
                "__self__" => Ok(m.0.clone()),
                "__func__" => Ok(m.1.clone()),
                _ => self.getattr(&m.1.clone(), name),
            },
            Value::Module(m) => m.getattr(name),
            Value::MemoryView(m) if let Some(v) = crate::runtime::bytes::view_attr(m, name) => {
                Ok(v)
            }
            _ => match methods::lookup(obj, name) {
                Some(m) => Ok(Value::Method(Rc::new((obj.clone(), m)))),
                None => crate::runtime::typemethods::attr(obj, name)
                    .ok_or_else(|| no_attribute(obj, name)),
            },
        }
    }

    /// `setattr(obj, name, v)`.
    pub(crate) fn setattr(&mut self, obj: &Value, name: Rc<str>, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.hooks() & HOOK_SETATTR != 0 {
                    let args = vec![Value::str(&*name), v];
                    return self.call_hook(obj, "__setattr__", args).map(drop);
                }
                self.instance_setattr(obj, inst, name, v)
            }
            Value::Function(_)
                if matches!(&*name, "__globals__" | "__closure__" | "__builtins__") =>
            {
                Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
            }
            Value::Function(f) => {
                let old = f.dict.borrow_mut().insert(name, v);
                drop(old);
                Ok(())
            }
            Value::Module(m) => {
                m.globals.set(name, v);
                Ok(())
            }
            // A metaclass's own `__setattr__`.
            Value::Class(cls)
                if let Some(meta) = &cls.meta
                    && let Some(f) = cls.meta_lookup("__setattr__") =>
            {
                let f = self.meta_bind(&f, obj, meta)?;
                self.call_value(&f, vec![Value::str(&*name), v], Vec::new())
                    .map(drop)
            }
            Value::Class(cls) => class_setattr(cls, name, v),
            _ => Err(PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", obj.type_name()),
            )),
        }
    }

    /// `delattr(obj, name)`.
    pub(crate) fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Module(m) = obj {
            return m.delattr(name);
        }
        if let Value::Instance(inst) = obj {
            if inst.class.hooks() & HOOK_DELATTR != 0 {
                return self
                    .call_hook(obj, "__delattr__", vec![Value::str(name)])
                    .map(drop);
            }
            return self.instance_delattr(obj, inst, name);
        }
        if let Value::Class(cls) = obj
            && let Some(meta) = &cls.meta
            && let Some(f) = cls.meta_lookup("__delattr__")
        {
            let f = self.meta_bind(&f, obj, meta)?;
            return self
                .call_value(&f, vec![Value::str(name)], Vec::new())
                .map(drop);
        }
        class_delattr(obj, name)
    }

    /// `obj.name = v` by the generic protocol (`object.__setattr__`): a
    /// data descriptor of the class, else the instance dict.
    fn instance_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: Rc<str>,
        v: Value,
    ) -> PyResult<()> {
        match inst.class.lookup(&name) {
            Some(Value::Descr(d)) if matches!(*d, Descr::Property { .. }) => {
                let Descr::Property { fset, .. } = &*d else {
                    unreachable!("matched")
                };
                if matches!(fset, Value::None) {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no setter",
                            inst.class.name
                        ),
                    ));
                }
                self.call_value(fset, vec![obj.clone(), v], Vec::new())?;
                Ok(())
            }
            Some(d @ Value::Instance(_)) if matches!(&d, Value::Instance(di) if di.class.lookup("__set__").is_some()) => {
                self.call_hook(&d, "__set__", vec![obj.clone(), v])
                    .map(drop)
            }
            _ => {
                if let Some(slots) = &inst.class.slots
                    && !slots.iter().any(|s| **s == *name)
                    && !inst.class.is_exception()
                {
                    return Err(no_attribute(obj, &name));
                }
                if &*name == "__dict__" {
                    // The attributes become the dict's (its str keys).
                    if !matches!(v, Value::Dict(_)) {
                        return Err(PyErr::type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{}'",
                            v.type_name()
                        )));
                    }
                    crate::runtime::object::NsRef::Inst(inst.clone()).assign_from(&v);
                    return Ok(());
                }
                inst.set(name, v);
                Ok(())
            }
        }
    }

    /// `del obj.name` by the generic protocol (`object.__delattr__`).
    fn instance_delattr(&mut self, obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<()> {
        match inst.class.lookup(name) {
            Some(Value::Descr(d)) if matches!(*d, Descr::Property { .. }) => {
                let Descr::Property { fdel, .. } = &*d else {
                    unreachable!("matched")
                };
                if matches!(fdel, Value::None) {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no deleter",
                            inst.class.name
                        ),
                    ));
                }
                self.call_value(fdel, vec![obj.clone()], Vec::new())?;
                Ok(())
            }
            Some(d @ Value::Instance(_)) if matches!(&d, Value::Instance(di) if di.class.lookup("__delete__").is_some()) => {
                self.call_hook(&d, "__delete__", vec![obj.clone()])
                    .map(drop)
            }
            _ => {
                let removed = inst.dict.borrow_mut().shift_remove(name);
                match removed {
                    Some(old) => {
                        drop(old);
                        Ok(())
                    }
                    None => Err(no_attribute(obj, name)),
                }
            }
        }
    }

    /// See [`Host::generic_attr`](crate::runtime::builtins::Host::generic_attr).
    pub(crate) fn generic_attr(
        &mut self,
        obj: &Value,
        name: &str,
        value: Option<Value>,
        delete: bool,
    ) -> PyResult<Value> {
        let Value::Instance(inst) = obj else {
            // `type.__setattr__` / `type.__delattr__` (a metaclass's hook
            // calling up through super()): the class's own namespace.
            if let Value::Class(cls) = obj {
                return match (value, delete) {
                    (Some(v), _) => class_setattr(cls, Rc::from(name), v).map(|_| Value::None),
                    (None, true) => class_delattr(obj, name).map(|_| Value::None),
                    (None, false) => self.getattr(obj, name),
                };
            }
            // Values of builtin types have no hooks of their own.
            return match (value, delete) {
                (Some(v), _) => self.setattr(obj, Rc::from(name), v).map(|_| Value::None),
                (None, true) => self.delattr(obj, name).map(|_| Value::None),
                (None, false) => self.getattr(obj, name),
            };
        };
        match (value, delete) {
            (Some(v), _) => self
                .instance_setattr(obj, inst, Rc::from(name), v)
                .map(|_| Value::None),
            (None, true) => self.instance_delattr(obj, inst, name).map(|_| Value::None),
            (None, false) => self.instance_attr(obj, inst, name),
        }
    }

    /// `repr(v)`, with `__repr__` for instances (also inside containers).
    pub(crate) fn repr_of(&mut self, v: &Value) -> PyResult<String> {
        v.repr_with(&mut |x| match x {
            Value::Instance(_) | Value::Class(_) => self.instance_text(x, "__repr__"),
            _ => None,
        })
    }

    /// `str(v)`.
    pub(crate) fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Instance(inst) => {
                if let Some(r) = self.instance_text(v, "__str__") {
                    return r;
                }
                if inst.class.is_exception() {
                    return crate::runtime::class::exc_str(self, inst);
                }
                // The base type's `__str__`: str's own, the others' the
                // repr (a `__repr__` the subclass defines included).
                if let Some(base) = inst.base()
                    && (matches!(base, Value::Str(_)) || inst.class.lookup("__repr__").is_none())
                {
                    let base = base.clone();
                    return self.str_of(&base);
                }
                self.repr_of(v)
            }
            Value::Class(_) => match self.instance_text(v, "__str__") {
                Some(r) => r,
                None => self.repr_of(v),
            },
            _ => self.repr_of(v),
        }
    }

    /// The text a user-defined `__repr__` / `__str__` returns, if the
    /// class (not a builtin base) defines one.
    fn instance_text(&mut self, v: &Value, name: &str) -> Option<PyResult<String>> {
        let bound = match v {
            Value::Instance(i) => {
                let m = i.class.lookup(name)?;
                self.bind_descr(&m, Some(v), &i.class)
            }
            // A class whose metaclass defines it.
            Value::Class(c) => {
                let (meta, m) = (c.meta.as_ref()?, c.meta_lookup(name)?);
                self.meta_bind(&m, v, meta)
            }
            _ => return None,
        };
        let r = bound.and_then(|m| self.call_value(&m, Vec::new(), Vec::new()));
        Some(match r {
            Ok(Value::Str(s)) => Ok(s.as_str().to_owned()),
            Ok(other) => Err(PyErr::type_error(format!(
                "{name} returned non-string (type {})",
                other.type_name()
            ))),
            Err(e) => Err(e),
        })
    }

    /// `a <op> b` when an operand is an instance: `__op__`, then the
    /// reflected `__rop__` of the right operand; `err` is the TypeError
    /// for when neither applies.
    #[cold]
    pub(crate) fn binary_special(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
        otherwise: impl FnOnce() -> PyResult<Value>,
    ) -> PyResult<Value> {
        let (name, rname, iname) = binary_names(op);
        if inplace
            && let Some(r) = self.call_special(a, iname, vec![b.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            // `l += x` on a list subclass changes the list it carries and
            // gives back the instance.
            if !std::ptr::eq(native_value(a), a) && ops::is(&r, native_value(a)) {
                return Ok(a.clone());
            }
            return Ok(r);
        }
        if let Some(r) = self.call_special(a, name, vec![b.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        // The reflected method only for operands of different types.
        let same_type = match (a, b) {
            (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(&x.class, &y.class),
            _ => false,
        };
        if !same_type
            && let Some(r) = self.call_special(b, rname, vec![a.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        // Instances of subclasses of builtin types are values of those
        // types: `[1] + L([2])`.
        let (ua, ub) = (native_value(a), native_value(b));
        if !std::ptr::eq(ua, a) || !std::ptr::eq(ub, b) {
            let (ua, ub) = (ua.clone(), ub.clone());
            return crate::runtime::ops::binary(op, &ua, &ub)
                .or_else(|e| exec::binary_slow(self, op, &ua, &ub, false, e));
        }
        otherwise()
    }

    /// A unary operator on an instance.
    #[cold]
    pub(crate) fn unary_special(&mut self, op: char, v: &Value) -> PyResult<Value> {
        let name = match op {
            '-' => "__neg__",
            '+' => "__pos__",
            _ => "__invert__",
        };
        match self.call_special(v, name, Vec::new())? {
            Some(r) => Ok(r),
            None => ops::unary(op, v),
        }
    }

    /// `a <op> b` with special methods: `__eq__` and friends, the
    /// reflected method of the right operand, then the defaults (identity
    /// for `==`, TypeError for ordering).
    pub(crate) fn compare_values(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if !is_instance(a) && !is_instance(b) {
            // Containers may hold instances: compare those through here.
            return ops::compare_with(op, a, b, &mut |op, x, y| {
                Some(self.compare_values(op, x, y).and_then(|r| self.truthy(&r)))
            });
        }
        match op {
            CmpOp::Is => return Ok(Value::Bool(ops::is(a, b))),
            CmpOp::IsNot => return Ok(Value::Bool(!ops::is(a, b))),
            CmpOp::In | CmpOp::NotIn => {
                let found = self.contains(b, a)?;
                return Ok(Value::Bool(found == (op == CmpOp::In)));
            }
            _ => {}
        }
        if op == CmpOp::Ne {
            // `object.__ne__` inverts `__eq__`: each side's `__ne__`, or
            // its `__eq__` negated, the left operand first.
            for (x, y) in [(a, b), (b, a)] {
                if let Some(r) = self.call_special(x, "__ne__", vec![y.clone()])? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                } else if let Some(r) = self.call_special(x, "__eq__", vec![y.clone()])?
                    && !matches!(r, Value::NotImplemented)
                {
                    return Ok(Value::Bool(!self.truthy(&r)?));
                }
            }
        } else {
            let (name, rname) = compare_names(op);
            if let Some(r) = self.call_special(a, name, vec![b.clone()])?
                && !matches!(r, Value::NotImplemented)
            {
                return Ok(r);
            }
            if let Some(r) = self.call_special(b, rname, vec![a.clone()])?
                && !matches!(r, Value::NotImplemented)
            {
                return Ok(r);
            }
        }
        let (ua, ub) = (native_value(a), native_value(b));
        if !std::ptr::eq(ua, a) || !std::ptr::eq(ub, b) {
            let (ua, ub) = (ua.clone(), ub.clone());
            return self.compare_values(op, &ua, &ub);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(same(a, b))),
            CmpOp::Ne => Ok(Value::Bool(!same(a, b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// `a < b` as a bool (sorting, min, max).
    pub(crate) fn less(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(t) = plain_less(a, b) {
            return Ok(t);
        }
        let r = self.compare_values(CmpOp::Lt, a, b)?;
        self.truthy(&r)
    }

    /// `a == b` as a bool.
    pub(crate) fn equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x == y);
        }
        let r = self.compare_values(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// `bool(v)`: `__bool__`, then `__len__`, for instances.
    pub(crate) fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if !is_instance(v) {
            return Ok(v.truthy());
        }
        if let Some(r) = self.call_special(v, "__bool__", Vec::new())? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    other.type_name()
                ))),
            };
        }
        if let Some(r) = self.call_special(v, "__len__", Vec::new())? {
            return Ok(crate::runtime::builtins::index_arg(&r, "")? != 0);
        }
        Ok(true)
    }

    /// `len(v)`.
    pub(crate) fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        if is_instance(v) {
            return match self.call_special(v, "__len__", Vec::new())? {
                Some(r) => {
                    let n = crate::runtime::builtins::index_arg(&r, "")?;
                    usize::try_from(n)
                        .map_err(|_| PyErr::value_error("__len__() should return >= 0"))
                }
                None => match v {
                    Value::Instance(i) if i.base().is_some() => {
                        crate::runtime::builtins::length(i.base().expect("checked"))
                    }
                    _ => Err(PyErr::type_error(format!(
                        "object of type '{}' has no len()",
                        v.type_name()
                    ))),
                },
            };
        }
        crate::runtime::builtins::length(v)
    }

    /// The memoryview `v.__buffer__()` gives, if `v` defines it.
    fn buffer_of(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match self.call_special(v, "__buffer__", Vec::new())? {
            Some(view @ Value::MemoryView(_)) => Ok(Some(view)),
            Some(view) => Err(PyErr::type_error(format!(
                "__buffer__ returned non-memoryview object (type {})",
                view.type_name()
            ))),
            None => Ok(None),
        }
    }

    /// `item in container`.
    pub(crate) fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        // `buffer in bytes`: the buffer's bytes are searched for.
        if let (Value::Bytes(_) | Value::ByteArray(_), Value::Instance(_)) = (container, item)
            && let Some(view) = self.buffer_of(item)?
        {
            return crate::runtime::bytes::contains(container, &view);
        }
        if let Value::Class(c) = container
            && c.meta.is_some()
        {
            if let Some(r) = self.call_special(container, "__contains__", vec![item.clone()])? {
                return self.truthy(&r);
            }
            if c.meta_lookup("__iter__").is_some() {
                let it = self.iter_of(container)?;
                while let Some(x) = self.next_of(&it)? {
                    if self.equal(&x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
        if let Value::Instance(inst) = container {
            if let Some(r) = self.call_special(container, "__contains__", vec![item.clone()])? {
                return self.truthy(&r);
            }
            if let Some(base) = inst.base()
                && inst.class.lookup("__iter__").is_none()
            {
                let base = base.clone();
                return self.contains(&base, item);
            }
            let it = self.iter_of(container)?;
            while let Some(x) = self.next_of(&it)? {
                if self.equal(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Value::List(l) = container
            && is_instance(item)
        {
            let items = l.borrow().to_vec();
            for x in &items {
                if self.equal(x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let (Value::Set(_) | Value::FrozenSet(_), Value::Instance(_)) = (container, item) {
            let k = self.set_elements(Some(container), vec![item.clone()])?;
            return ops::contains(container, &k[0]);
        }
        if let (Value::Dict(d), Value::Instance(_)) = (container, item) {
            let k = self.dict_key(d, item)?;
            return ops::contains(container, &k);
        }
        ops::contains(container, item)
    }

    /// A subscript special method of an instance (`__getitem__`, ...),
    /// or TypeError: `'T' object <what>`.
    fn subscript_special(
        &mut self,
        container: &Value,
        name: &str,
        args: Vec<Value>,
        what: &str,
    ) -> PyResult<Value> {
        match self.call_special(container, name, args)? {
            Some(r) => Ok(r),
            None => Err(PyErr::type_error(format!(
                "'{}' object {what}",
                container.type_name()
            ))),
        }
    }

    /// The index a dict subscript uses for `index` (see `dict_key`):
    /// `None` when it is `index` itself.
    fn subscript_key(&mut self, container: &Value, index: &Value) -> PyResult<Option<Value>> {
        match container {
            Value::Dict(d) if is_instance(index) => Ok(Some(self.dict_key(d, index)?)),
            // A sequence indexed by an object with `__index__`.
            Value::Instance(_) => Ok(None),
            _ if is_instance(index) => {
                let mut k = [index.clone()];
                crate::runtime::builtins::indexes(self, &mut k)?;
                let [k] = k;
                Ok(Some(k))
            }
            // A slice with bounds that have `__index__`.
            _ if matches!(index, Value::Slice(p) if p.iter().any(is_instance)) => {
                let Value::Slice(p) = index else {
                    unreachable!("matched")
                };
                let mut parts = (**p).clone();
                crate::runtime::builtins::indexes(self, &mut parts)?;
                Ok(Some(Value::Slice(Rc::new(parts))))
            }
            _ => Ok(None),
        }
    }

    /// `container[index]`.
    pub(crate) fn getitem(&mut self, container: &Value, index: &Value) -> PyResult<Value> {
        if let Value::Instance(inst) = container {
            // A dict subclass with `__missing__`: called for a missing key.
            if let Some(Value::Dict(d)) = inst.base()
                && inst.class.lookup("__getitem__").is_none()
                && let Some(missing) = inst.class.lookup("__missing__")
            {
                let k = self.dict_key(d, index)?;
                if let Some(v) = d.borrow().get(&k)? {
                    return Ok(v);
                }
                let m = self.bind_descr(&missing, Some(container), &inst.class.clone())?;
                return self.call_value(&m, vec![index.clone()], Vec::new());
            }
            let args = vec![index.clone()];
            return self.subscript_special(container, "__getitem__", args, "is not subscriptable");
        }
        if let Value::Class(cls) = container
            && cls.meta.is_some()
            && let Some(r) = self.call_special(container, "__getitem__", vec![index.clone()])?
        {
            return Ok(r);
        }
        if let Value::Class(cls) = container {
            // `C[x]`: the class's `__class_getitem__(x)`.
            if let Some(f) = cls.lookup("__class_getitem__") {
                let f = self.bind_descr(&f, None, &cls.clone())?;
                return self.call_value(&f, vec![index.clone()], Vec::new());
            }
            // `list[int]`: a generic alias of a builtin type.
            if cls.ctor.is_some()
                && matches!(
                    &*cls.name,
                    "list" | "dict" | "tuple" | "set" | "frozenset" | "type" | "enumerate"
                )
            {
                let alias = crate::runtime::class::builtin_type("GenericAlias");
                let inst = crate::runtime::builtins::Host::alloc_instance(self, &alias, None);
                let args = match index {
                    Value::Tuple(_) => index.clone(),
                    other => Value::tuple(vec![other.clone()]),
                };
                inst.set(Rc::from("__origin__"), container.clone());
                inst.set(Rc::from("__args__"), args);
                return Ok(Value::Instance(inst));
            }
            return Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                cls.name
            )));
        }
        let k = self.subscript_key(container, index)?;
        crate::runtime::seq::getitem(container, k.as_ref().unwrap_or(index))
    }

    /// `container[index] = v`.
    pub(crate) fn setitem(&mut self, container: &Value, index: &Value, v: Value) -> PyResult<()> {
        if is_instance(container) {
            let args = vec![index.clone(), v];
            let what = "does not support item assignment";
            return self
                .subscript_special(container, "__setitem__", args, what)
                .map(drop);
        }
        if let Some(k) = self.subscript_key(container, index)? {
            return crate::runtime::seq::setitem(container, &k, v);
        }
        // A slice of a bytearray or memoryview from an object exposing a
        // buffer (`__buffer__`, as `array` does): its view.
        let v = match (container, &v, index) {
            (Value::ByteArray(_) | Value::MemoryView(_), Value::Instance(_), Value::Slice(_)) => {
                self.buffer_of(&v)?.unwrap_or(v)
            }
            _ => v,
        };
        // A slice assignment from an iterator that runs Python code.
        let v = match (&v, index) {
            (Value::Iter(_) | Value::Generator(_) | Value::Instance(_), Value::Slice(_)) => {
                Value::list(self.collect_values(&v)?)
            }
            _ => v,
        };
        crate::runtime::seq::setitem(container, index, v)
    }

    /// `del container[index]`.
    pub(crate) fn delitem(&mut self, container: &Value, index: &Value) -> PyResult<()> {
        if is_instance(container) {
            let args = vec![index.clone()];
            let what = "does not support item deletion";
            return self
                .subscript_special(container, "__delitem__", args, what)
                .map(drop);
        }
        let k = self.subscript_key(container, index)?;
        crate::runtime::seq::delitem(container, k.as_ref().unwrap_or(index))
    }

    /// `iter(v)`.
    pub(crate) fn iter_of(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = v {
            if !g.iterates() {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    g.type_name()
                )));
            }
            return Ok(v.clone());
        }
        if let Value::Class(c) = v
            && c.meta.is_some()
            && let Some(r) = self.call_special(v, "__iter__", Vec::new())?
        {
            return Ok(r);
        }
        if let Value::Instance(inst) = v {
            if let Some(r) = self.call_special(v, "__iter__", Vec::new())? {
                return Ok(r);
            }
            if let Some(base) = inst.base() {
                let base = base.clone();
                return self.iter_of(&base);
            }
            if class_of(v).and_then(|c| c.lookup("__getitem__")).is_some() {
                // The old sequence protocol: items 0, 1, ... until IndexError.
                return Ok(Value::Iter(Rc::new(
                    crate::runtime::object::Iter::GetItem {
                        obj: v.clone(),
                        index: std::cell::Cell::new(0),
                    },
                )));
            }
            return Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                v.type_name()
            )));
        }
        crate::runtime::builtins::make_iter(v)
    }

    /// `next(it)`, `None` when exhausted.
    pub(crate) fn next_of(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => {
                let i = i.clone();
                i.next(self)
            }
            Value::Generator(g) if g.iterates() => {
                if self.stop_depth == Some(self.depth) {
                    // What `next()` steps keeps a generator's return value.
                    return match self.resume_gen(g, Value::None, None)? {
                        super::generator::GenStep::Yielded(v) => Ok(Some(v)),
                        super::generator::GenStep::Returned(Value::None) => Ok(None),
                        super::generator::GenStep::Returned(v) => {
                            Err(super::generator::stop_iteration(v))
                        }
                    };
                }
                self.gen_next(g)
            }
            Value::Instance(_) => match self.call_special(it, "__next__", Vec::new()) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    it.type_name()
                ))),
                Err(e) if e.is(ExcKind::StopIteration) && self.stop_depth != Some(self.depth) => {
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.type_name()
            ))),
        }
    }

    /// Every item of an iterable.
    pub(crate) fn collect_values(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().to_vec()),
            Value::Tuple(t) => Ok(t.to_vec()),
            Value::Iter(_) | Value::Range(_) | Value::Str(_) | Value::Dict(_) | Value::View(_) => {
                crate::runtime::builtins::collect(self, v)
            }
            _ => {
                let it = self.iter_of(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next_of(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// An instance's hash for dict keys and set elements, and whether its
    /// class defines `__eq__`: None when it hashes by identity (not an
    /// instance, or a class without `__hash__` and `__eq__`). When the class
    /// defines `__hash__`, it is called now and its result cached on the
    /// instance (dicts and sets hash the instance by it); TypeError when
    /// the class made its instances unhashable.
    fn instance_hash(&mut self, k: &Value) -> PyResult<Option<(i64, bool)>> {
        let Value::Instance(inst) = k else {
            return Ok(None);
        };
        let cls = inst.class.clone();
        let has_eq = cls.lookup("__eq__").is_some();
        let h = match cls.lookup("__hash__") {
            Some(Value::None) => return Err(unhashable(k)),
            None if has_eq => return Err(unhashable(k)),
            None => return Ok(None),
            Some(_) => match self.call_special(k, "__hash__", Vec::new())? {
                Some(Value::Int(h)) => h,
                Some(Value::Bool(b)) => b as i64,
                Some(Value::BigInt(b)) => {
                    use num_traits::ToPrimitive;
                    (&*b % ((1i64 << 61) - 1)).to_i64().unwrap_or(0)
                }
                _ => {
                    return Err(PyErr::type_error(
                        "__hash__ method should return an integer",
                    ));
                }
            },
        };
        inst.hash.set(Some(h));
        Ok(Some((h, has_eq)))
    }

    /// The first of `candidates` equal to the instance `k` (hash `h`, by
    /// `__eq__`), if any.
    fn equal_instance(
        &mut self,
        k: &Value,
        h: i64,
        candidates: &[Value],
    ) -> PyResult<Option<Value>> {
        for c in candidates {
            if ops::is(c, k) {
                return Ok(Some(c.clone()));
            }
            if let Value::Instance(ci) = c
                && ci.hash.get() == Some(h)
                && self.equal(k, c)?
            {
                return Ok(Some(c.clone()));
            }
        }
        Ok(None)
    }

    /// Computes the hash of every instance inside the tuple `t`.
    fn tuple_instance_hashes(&mut self, t: &crate::runtime::seqobj::Seq) -> PyResult<()> {
        let mut todo: Vec<Value> = t.to_vec();
        while let Some(v) = todo.pop() {
            match &v {
                Value::Tuple(inner) => todo.extend(inner.iter().cloned()),
                Value::Instance(_) => {
                    self.instance_hash(&v)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The key a dict operation on `d` should use for `k`. For an
    /// instance whose class defines `__hash__`, the hash is computed now
    /// (dicts hash the instance by it); if the class also defines `__eq__`,
    /// an equal key already in `d` is returned in its place, so the dict's
    /// own lookups (by identity for instances) find it.
    pub(crate) fn dict_key(
        &mut self,
        d: &std::cell::RefCell<crate::runtime::dict::Dict>,
        k: &Value,
    ) -> PyResult<Value> {
        if let Some(base) = plain_base(k) {
            return Ok(base);
        }
        let Some((h, true)) = self.instance_hash(k)? else {
            return Ok(k.clone());
        };
        let candidates = d.borrow().colliding_keys(k);
        Ok(self
            .equal_instance(k, h, &candidates)?
            .unwrap_or_else(|| k.clone()))
    }

    /// The elements a set operation on the set `s` (if any) should use for
    /// `items`, as `dict_key` for dicts: each instance's `__hash__` is
    /// computed now (sets hash it by that), and an instance whose class
    /// defines `__eq__` is replaced by an equal element of `s`, or else by
    /// an equal instance earlier in `items`, so the set's own lookups (by
    /// identity for instances) find it. Other items are left as they are.
    pub(crate) fn set_elements(
        &mut self,
        s: Option<&Value>,
        items: Vec<Value>,
    ) -> PyResult<Vec<Value>> {
        use crate::runtime::{hash, set};
        let mut out = Vec::with_capacity(items.len());
        // The instances so far that compare by `__eq__`, by hash.
        let mut earlier: rustc_hash::FxHashMap<i64, Vec<Value>> = Default::default();
        for k in items {
            if let Some(base) = plain_base(&k) {
                out.push(base);
                continue;
            }
            if let Value::Tuple(t) = &k {
                // Instances inside: their hashes now, so that the tuple's
                // hash does not change later (they compare by identity).
                self.tuple_instance_hashes(t)?;
            }
            let Some((h, true)) = self.instance_hash(&k)? else {
                out.push(k);
                continue;
            };
            let mut candidates = match s.and_then(set::view) {
                Some(t) => t.colliding(hash::hash(&k)?),
                None => Vec::new(),
            };
            candidates.extend(earlier.get(&h).into_iter().flatten().cloned());
            let k = match self.equal_instance(&k, h, &candidates)? {
                Some(equal) => equal,
                None => {
                    earlier.entry(h).or_default().push(k.clone());
                    k
                }
            };
            out.push(k);
        }
        Ok(out)
    }

    /// `__build_class__(body, name, *bases)`: runs the class body with a
    /// fresh namespace as its locals, then makes the class; the body
    /// returns the `__class__` cell (if a method uses `super()`), which
    /// then holds the class.
    pub(crate) fn build_class(&mut self, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
        let mut args = args.into_iter();
        let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.next(), args.next())
        else {
            return Err(PyErr::type_error("__build_class__: not a class body"));
        };
        let meta = kwargs
            .iter()
            .position(|(k, _)| &**k == "metaclass")
            .map(|i| kwargs.remove(i).1);
        let args: Vec<Value> = args.collect();
        let type_class = crate::runtime::class::builtin_type("type");
        // A metaclass that is not a class of classes (a function, say) is
        // called with the namespace, as CPython does.
        if let Some(m) = &meta
            && !matches!(m, Value::Class(c) if c.is_subclass(&type_class))
        {
            let (dict, _) = self.class_namespace(&body, Vec::new())?;
            let args = vec![
                Value::str(name.as_str()),
                Value::tuple(args),
                attr_dict(dict)?,
            ];
            return self.call_value(m, args, kwargs);
        }
        let mut bases = Vec::new();
        for b in &args {
            match b {
                Value::Class(c) => bases.push(c.clone()),
                // `__mro_entries__` (PEP 560): a base that is no class
                // names the classes to use instead (typing's aliases).
                other @ Value::Instance(_) if self.getattr(other, "__mro_entries__").is_ok() => {
                    let f = self.getattr(other, "__mro_entries__")?;
                    let entries =
                        self.call_value(&f, vec![Value::tuple(args.clone())], Vec::new())?;
                    let Value::Tuple(t) = entries else {
                        return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
                    };
                    for e in t.iter() {
                        match e {
                            Value::Class(c) => bases.push(c.clone()),
                            e => {
                                return Err(PyErr::type_error(format!(
                                    "bases must be types, not {}",
                                    e.type_name()
                                )));
                            }
                        }
                    }
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "bases must be types, not {}",
                        other.type_name()
                    )));
                }
            }
        }
        let asked = match meta {
            Some(Value::Class(c)) => Some(c),
            _ => None,
        };
        if let Some(m) = crate::runtime::class::winner_meta(asked, &bases)? {
            // `M.__prepare__(name, bases, **kwargs)` gives the namespace's
            // first entries; then `M(name, bases, namespace, **kwargs)`,
            // whose `type.__new__` fills the `__class__` cell.
            let mut seed = Vec::new();
            if let Some(prep) = m.lookup("__prepare__") {
                let prep = self.bind_descr(&prep, None, &m)?;
                let pargs = vec![Value::str(name.as_str()), Value::tuple(args.clone())];
                let ns = self.call_value(&prep, pargs, kwargs.clone())?;
                match &ns {
                    Value::Dict(d) => {
                        for (k, v) in d.borrow().map.iter() {
                            if let Value::Str(k) = &k.0 {
                                seed.push((Rc::from(k.as_str()), v.clone()));
                            }
                        }
                    }
                    // Another mapping (a dict subclass that watches its
                    // keys, as enum's does): the body runs through it, and
                    // it is the namespace the metaclass gets.
                    Value::Instance(_) if self.getattr(&ns, "__setitem__").is_ok() => {
                        let cell = self.class_namespace_in(&body, &ns)?;
                        if let Value::Cell(_) = cell {
                            self.setitem(&ns, &Value::str("__classcell__"), cell)?;
                        }
                        let resolved = bases.iter().map(|b| Value::Class(b.clone())).collect();
                        let margs = vec![Value::str(name.as_str()), Value::tuple(resolved), ns];
                        return self.call_value(&Value::Class(m), margs, kwargs);
                    }
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "{}.__prepare__() must return a mapping, not {}",
                            m.name,
                            ns.type_name()
                        )));
                    }
                }
            }
            let (mut dict, cell) = self.class_namespace(&body, seed)?;
            if let Value::Cell(_) = cell {
                dict.insert(Rc::from("__classcell__"), cell);
            }
            let resolved = bases.iter().map(|b| Value::Class(b.clone())).collect();
            let margs = vec![
                Value::str(name.as_str()),
                Value::tuple(resolved),
                attr_dict(dict)?,
            ];
            return self.call_value(&Value::Class(m), margs, kwargs);
        }
        let (mut dict, cell) = self.class_namespace(&body, Vec::new())?;
        // `__qualname__` is the class's own attribute, not its namespace's.
        let qualname = match dict.shift_remove("__qualname__") {
            Some(Value::Str(q)) => Rc::from(q.as_str()),
            _ => Rc::from(body.code.qualname()),
        };
        let cls = Class::new(Rc::from(name.as_str()), qualname, bases, dict)?;
        if let Value::Cell(c) = cell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
        self.track_object(super::Tracked::Class(Rc::downgrade(&cls)));
        self.finish_class(&cls, kwargs)?;
        Ok(Value::Class(cls))
    }

    /// `type.__new__(meta, name, bases, namespace, **kwargs)` (`meta`
    /// `None` for `type` itself, as `type(name, bases, namespace)`): a new
    /// class, its `__class__` cell filled, `__set_name__` and
    /// `__init_subclass__` run.
    pub(crate) fn make_class(
        &mut self,
        meta: Option<Rc<Class>>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        let [Value::Str(name), Value::Tuple(bases), ns] = args.as_slice() else {
            return Err(PyErr::type_error(
                "type.__new__() argument 1 must be str, argument 2 a tuple and argument 3 a dict",
            ));
        };
        let Value::Dict(d) = crate::runtime::class::native_value(ns) else {
            return Err(PyErr::type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                ns.type_name()
            )));
        };
        let mut classes = Vec::new();
        for b in bases.iter() {
            match b {
                Value::Class(c) => classes.push(c.clone()),
                other => {
                    return Err(PyErr::type_error(format!(
                        "bases must be types, not {}",
                        other.type_name()
                    )));
                }
            }
        }
        let mut attrs = crate::runtime::class::AttrMap::default();
        for (k, v) in d.borrow().map.iter() {
            let Value::Str(k) = &k.0 else {
                return Err(PyErr::type_error(
                    "type.__new__() argument 3 must have str keys",
                ));
            };
            attrs.insert(Rc::from(k.as_str()), v.clone());
        }
        if !attrs.contains_key("__module__") {
            let module = self
                .caller_module_name()
                .unwrap_or_else(|| Value::str("__main__"));
            attrs.insert(Rc::from("__module__"), module);
        }
        let cell = attrs.shift_remove("__classcell__");
        let qualname = match attrs.shift_remove("__qualname__") {
            Some(Value::Str(q)) => Rc::from(q.as_str()),
            _ => Rc::from(name.as_str()),
        };
        let cls = Class::with_meta(Rc::from(name.as_str()), qualname, classes, attrs, meta)?;
        if let Some(Value::Cell(c)) = cell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
        self.track_object(super::Tracked::Class(Rc::downgrade(&cls)));
        self.finish_class(&cls, kwargs)?;
        Ok(Value::Class(cls))
    }

    /// Runs a class body with a fresh namespace as its locals: the
    /// namespace, and what the body returns (the `__class__` cell, if a
    /// method uses `super()`).
    fn class_namespace(
        &mut self,
        body: &Rc<crate::runtime::object::Function>,
        seed: Vec<(Rc<str>, Value)>,
    ) -> PyResult<(crate::runtime::class::AttrMap, Value)> {
        let ns = Rc::new(Namespace::default());
        for (k, v) in seed {
            ns.set(k, v);
        }
        let module = body
            .globals
            .get("__name__")
            .unwrap_or_else(|| Value::str("__main__"));
        ns.set(Rc::from("__module__"), module);
        ns.set(Rc::from("__qualname__"), Value::str(body.code.qualname()));
        let regs = exec::enter_fresh(self, body, Vec::new())?;
        // SAFETY: the frame is live (just pushed); `ns` outlives its run,
        // which ends (by return or by unwinding) before `run` returns.
        unsafe { regs.fp.set_locals(Rc::as_ptr(&ns) as crate::frame::ObjPtr) };
        let cell = self.run_frames(regs)?;
        Ok((ns.take(), cell))
    }

    /// [`Vm::class_namespace`] for a body whose names go through the
    /// mapping `ns` (its `__module__` and `__qualname__` stored first, as
    /// CPython's class body stores them); gives the `__class__` cell.
    fn class_namespace_in(
        &mut self,
        body: &Rc<crate::runtime::object::Function>,
        ns: &Value,
    ) -> PyResult<Value> {
        // `__module__ = __name__`, the name read as the body reads names.
        let module = match self.getitem(ns, &Value::str("__name__")) {
            Ok(v) => v,
            Err(e) if e.is(crate::runtime::ExcKind::KeyError) => body
                .globals
                .get("__name__")
                .unwrap_or_else(|| Value::str("__main__")),
            Err(e) => return Err(e),
        };
        self.setitem(ns, &Value::str("__module__"), module)?;
        self.setitem(
            ns,
            &Value::str("__qualname__"),
            Value::str(body.code.qualname()),
        )?;
        let locals = Rc::new(Namespace::default());
        locals.set_mapping(ns.clone());
        let regs = exec::enter_fresh(self, body, Vec::new())?;
        // SAFETY: the frame is live (just pushed); `locals` outlives its
        // run, which ends (by return or by unwinding) before `run` returns.
        unsafe {
            regs.fp
                .set_locals(Rc::as_ptr(&locals) as crate::frame::ObjPtr)
        };
        self.run_frames(regs)
    }

    /// What follows the making of a class: `__set_name__(cls, name)` of
    /// each attribute that has one, then the nearest base's
    /// `__init_subclass__(**kwargs)`.
    pub(crate) fn finish_class(&mut self, cls: &Rc<Class>, kwargs: Kwargs) -> PyResult<()> {
        let named: Vec<(Rc<str>, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(i) if i.class.lookup("__set_name__").is_some()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        // In definition order (the namespace keeps it).
        for (k, v) in named {
            self.call_hook(
                &v,
                "__set_name__",
                vec![Value::Class(cls.clone()), Value::str(&*k)],
            )?;
        }
        for base in cls.mro.iter() {
            let found = base.dict.borrow().get("__init_subclass__").cloned();
            if let Some(f) = found {
                let f = match &f {
                    Value::Descr(d) => match &**d {
                        Descr::ClassMethod(f) | Descr::Static(f) => f.clone(),
                        _ => f.clone(),
                    },
                    _ => f,
                };
                self.call_value(&f, vec![Value::Class(cls.clone())], kwargs)?;
                return Ok(());
            }
        }
        Ok(())
    }
}

/// The `co_*` attributes of a code object, as CPython names them. The
/// instructions are framevm's (4 bytes each), so `co_code` and the offsets
/// of `co_lines()` are not CPython's.
fn code_attr(c: &Rc<crate::bytecode::code::Code>, name: &str) -> Option<Value> {
    let names = |ns: &[Rc<str>]| Value::tuple(ns.iter().map(|n| Value::str(&**n)).collect());
    Some(match name {
        "co_name" => Value::str(c.name()),
        "co_qualname" => Value::str(c.qualname()),
        "co_filename" => Value::str(c.filename()),
        "co_firstlineno" => Value::Int(i64::from(c.firstlineno())),
        "co_argcount" => Value::Int(c.argcount() as i64),
        "co_posonlyargcount" => Value::Int(0),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount() as i64),
        "co_flags" => Value::Int(i64::from(c.flags() & 0xffff)),
        "co_stacksize" => Value::Int(c.stacksize() as i64),
        "co_nlocals" => Value::Int(c.varnames().len() as i64),
        "co_consts" => Value::tuple(c.consts().to_vec()),
        "co_names" => names(c.names()),
        "co_varnames" => names(c.varnames()),
        "co_cellvars" => names(c.cellvars()),
        "co_freevars" => names(c.freevars()),
        "co_code" => Value::Bytes(Rc::new(
            c.code().iter().flat_map(|w| w.0.to_le_bytes()).collect(),
        )),
        // (start, end, line) byte ranges, contiguous over the code.
        "co_lines" => Value::HostFn(Rc::new(crate::runtime::object::HostFn {
            name: Rc::from("co_lines"),
            method: false,
            call: Box::new({
                let c = c.clone();
                move |_, _, _| {
                    let lines = c.lines();
                    let end = c.code().len() as u32 * 4;
                    let items: Vec<Value> = lines
                        .iter()
                        .enumerate()
                        .map(|(i, &(start, line))| {
                            let stop = lines.get(i + 1).map_or(end, |n| n.0 * 4);
                            Value::tuple(vec![
                                Value::Int(i64::from(start * 4)),
                                Value::Int(i64::from(stop)),
                                Value::Int(i64::from(line)),
                            ])
                        })
                        .collect();
                    crate::runtime::builtins::make_iter(&Value::list(items))
                }
            }),
        })),
        // Line deltas in CPython's old format: (bytes, lines) pairs.
        "co_lnotab" => {
            let mut out = Vec::new();
            let (mut at, mut line) = (0u32, c.firstlineno());
            for &(start, l) in c.lines() {
                let (mut db, mut dl) = (
                    start * 4 - at.min(start * 4),
                    i64::from(l) - i64::from(line),
                );
                while db > 255 {
                    out.extend([255, 0]);
                    db -= 255;
                }
                while !(-128..=127).contains(&dl) {
                    let step = dl.clamp(-128, 127);
                    out.extend([db as u8, step as i8 as u8]);
                    db = 0;
                    dl -= step;
                }
                out.extend([db as u8, dl as i8 as u8]);
                at = start * 4;
                line = l;
            }
            Value::Bytes(Rc::new(out))
        }
        _ => return None,
    })
}

/// A class namespace as a dict (the third argument of a metaclass).
fn attr_dict(attrs: crate::runtime::class::AttrMap) -> PyResult<Value> {
    let mut d = crate::runtime::dict::Dict::default();
    for (k, v) in attrs {
        d.set(Value::str(&*k), v)?;
    }
    Ok(crate::runtime::dict::new_dict(d))
}

/// `cls.name = v` in the class's own namespace (`type.__setattr__`).
fn class_setattr(cls: &Rc<Class>, name: Rc<str>, v: Value) -> PyResult<()> {
    if cls.is_builtin {
        return Err(PyErr::type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            cls.name
        )));
    }
    cls.set_attr(name, v);
    Ok(())
}

/// `del obj.name` for a class or a value of a builtin type (`type.__delattr__`).
fn class_delattr(obj: &Value, name: &str) -> PyResult<()> {
    let removed = match obj {
        Value::Class(cls) if !cls.is_builtin => cls.remove_attr(name),
        _ => None,
    };
    match removed {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(no_attribute(obj, name)),
    }
}

/// `T.name` for builtin type `T` (named `type_name`): its methods,
/// unbound, and its class-level functions (`dict.fromkeys`).
fn builtin_type_attr(type_name: &str, name: &str) -> Option<Value> {
    if matches!(type_name, "bytes" | "bytearray" | "int")
        && let Some(b) = crate::runtime::bytes::unbound(type_name, name)
    {
        return Some(Value::Builtin(b));
    }
    if let Some(v) = crate::runtime::typemethods::type_attr(type_name, name) {
        return Some(v);
    }
    if matches!(type_name, "set" | "frozenset") {
        return crate::runtime::set::unbound(type_name, name).map(Value::Builtin);
    }
    None
}

/// The builtin value an instance of a subclass of a builtin type
/// carries, when its class changes neither `__hash__` nor `__eq__`: as a
/// dict key or set element it is that value.
fn plain_base(k: &Value) -> Option<Value> {
    let Value::Instance(i) = k else {
        return None;
    };
    let base = i.base()?;
    if i.class.lookup("__hash__").is_some() || i.class.lookup("__eq__").is_some() {
        return None;
    }
    Some(base.clone())
}

/// Whether a class attribute is a data descriptor (a property, or an
/// object whose class has `__set__` or `__delete__`).
fn is_data_attr(a: &Value) -> bool {
    match a {
        Value::Descr(d) => matches!(**d, Descr::Property { .. }),
        Value::Instance(di) => is_data_descriptor(di),
        _ => false,
    }
}

/// Whether `d`'s class makes it a data descriptor: `__get__` with
/// `__set__` or `__delete__`.
fn is_data_descriptor(d: &Instance) -> bool {
    let c = &d.class;
    c.lookup("__get__").is_some()
        && (c.lookup("__set__").is_some() || c.lookup("__delete__").is_some())
}

/// Identity, for the default `==` of instances.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn unhashable(v: &Value) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))
}

/// `AttributeError: 'T' object has no attribute 'name'`.
pub(crate) fn no_attribute(obj: &Value, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", obj.type_name()),
    )
}

/// `__build_class__`, as a builtin value (it needs the VM: see `Host`).
pub(crate) static BUILD_CLASS: Builtin = Builtin {
    name: "__build_class__",
    call: |ctx, args, kwargs| ctx.build_class(args, kwargs),
};

/// `a < b` for the values sorting meets most (ints, floats, strs, and
/// tuples of ints and strs, as sort keys), without the machinery that
/// instances need; `None` for anything else.
fn plain_less(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x < y),
        (Value::Float(x), Value::Float(y)) => Some(x < y),
        (Value::Str(x), Value::Str(y)) => Some(x < y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            // Lexicographic, as Python's: the first items that differ
            // decide, else the shorter tuple is less.
            for (p, q) in x.iter().zip(y.iter()) {
                let (less, equal) = match (p, q) {
                    (Value::Int(p), Value::Int(q)) => (p < q, p == q),
                    (Value::Str(p), Value::Str(q)) => (p < q, p == q),
                    _ => return None,
                };
                if !equal {
                    return Some(less);
                }
            }
            Some(x.len() < y.len())
        }
        _ => None,
    }
}
