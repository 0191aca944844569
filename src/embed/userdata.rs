//! Userdata: a Rust value that scripts see as an instance of a class the
//! host defines, with methods, properties, operators and `__repr__`.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

use super::convert::{FromPy, IntoPy, Object};
use super::function::FromArgs;
use super::{Error, Result, Vm};
use crate::runtime::Value;
use crate::runtime::class::Instance;
use crate::runtime::object::HostFn;
use crate::runtime::value::Descr;

/// A Rust type scripts can hold: its values become instances of a class
/// named [`NAME`](UserData::NAME) whose methods and properties
/// [`register`](UserData::register) declares. Methods get `&T` or `&mut T`;
/// a method that needs the value mutably while it is borrowed (`c.merge(c)`
/// with `&mut self` and `&other`) raises `RuntimeError` instead of aliasing.
///
/// ```
/// use framevm::{Class, UserData, Vm};
///
/// struct Counter {
///     n: i64,
/// }
///
/// impl UserData for Counter {
///     const NAME: &'static str = "Counter";
///     fn register(c: &mut Class<Self>) {
///         c.constructor(|_vm, (start,): (i64,)| Ok(Counter { n: start }));
///         c.method_mut("bump", |_vm, this, (by,): (i64,)| {
///             this.n += by;
///             Ok(this.n)
///         });
///         c.getter("n", |this| this.n);
///         c.setter("n", |this, v: i64| {
///             this.n = v;
///             Ok(())
///         });
///         c.method("__repr__", |_vm, this, (): ()| Ok(format!("Counter({})", this.n)));
///         c.method("__add__", |vm, this, (other,): (framevm::Object,)| {
///             let m = vm.with_userdata(&other, |o: &Counter| o.n)?;
///             vm.create_userdata(Counter { n: this.n + m })
///         });
///     }
/// }
///
/// let mut vm = Vm::new();
/// let cls = vm.userdata_class::<Counter>()?;
/// vm.globals().set("Counter", cls)?;
/// vm.exec("c = Counter(5)\nc.bump(2)\nc.n += 10\nd = c + Counter(1)", "<host>")?;
/// assert_eq!(vm.eval::<String>("repr(d)")?, "Counter(18)");
/// let c = vm.globals().get::<framevm::Object>("c")?;
/// assert_eq!(vm.with_userdata(&c, |c: &Counter| c.n)?, 17);
/// # Ok::<(), framevm::Error>(())
/// ```
pub trait UserData: Sized + 'static {
    /// The class name scripts see.
    const NAME: &'static str;

    /// Declares the class's methods, properties and constructor.
    fn register(class: &mut Class<Self>);
}

/// What [`UserData::register`] fills in: the class of `T`.
pub struct Class<T> {
    attrs: Vec<(Rc<str>, Value)>,
    getters: Vec<(Rc<str>, Value)>,
    setters: Vec<(Rc<str>, Value)>,
    _t: PhantomData<T>,
}

/// The `RefCell<T>` inside a userdata instance.
fn cell_of<T: 'static>(v: &Value) -> Option<Rc<RefCell<T>>> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let native = inst.native.get()?.clone();
    native.downcast::<RefCell<T>>().ok()
}

fn not_a<T: UserData>(v: &Value) -> Error {
    Error::type_error(format!(
        "expected a '{}' object, got '{}'",
        T::NAME,
        v.type_name()
    ))
}

fn borrowed<T: UserData>(mutably: bool) -> Error {
    Error::runtime_error(format!(
        "{} object is already borrowed{}",
        T::NAME,
        if mutably { "" } else { " mutably" }
    ))
}

impl<T: UserData> Class<T> {
    fn host_fn<A, R, F>(name: &str, method: bool, f: F) -> Value
    where
        A: FromArgs,
        R: IntoPy,
        F: Fn(&mut Vm, Value, A) -> Result<R> + 'static,
    {
        let qual = format!("{}.{name}", T::NAME);
        let call =
            move |vm: &mut Vm, mut positional: crate::runtime::object::HostArgs, keywords| {
                if positional.is_empty() {
                    return Err(Error::type_error(format!(
                        "{qual}() needs a {} object as its first argument",
                        T::NAME
                    ))
                    .into_py());
                }
                let this = positional.remove(0);
                let args = A::from_args(&qual, positional, keywords).map_err(Error::into_py)?;
                f(vm, this, args)
                    .and_then(IntoPy::into_py)
                    .map(|o| o.0)
                    .map_err(Error::into_py)
            };
        Value::HostFn(Rc::new(HostFn {
            name: Rc::from(name),
            method,
            call: Box::new(call),
        }))
    }

    /// A method taking `&T` (also operators and other special methods:
    /// `"__add__"`, `"__len__"`, `"__eq__"`, `"__repr__"`, ...).
    pub fn method<A, R, F>(&mut self, name: &str, f: F)
    where
        A: FromArgs,
        R: IntoPy,
        F: Fn(&mut Vm, &T, A) -> Result<R> + 'static,
    {
        let v = Self::host_fn(name, true, move |vm, this: Value, args: A| {
            let cell = cell_of::<T>(&this).ok_or_else(|| not_a::<T>(&this))?;
            let r = cell.try_borrow().map_err(|_| borrowed::<T>(false))?;
            f(vm, &r, args)
        });
        self.attrs.push((Rc::from(name), v));
    }

    /// A method taking `&mut T`.
    pub fn method_mut<A, R, F>(&mut self, name: &str, f: F)
    where
        A: FromArgs,
        R: IntoPy,
        F: Fn(&mut Vm, &mut T, A) -> Result<R> + 'static,
    {
        let v = Self::host_fn(name, true, move |vm, this: Value, args: A| {
            let cell = cell_of::<T>(&this).ok_or_else(|| not_a::<T>(&this))?;
            let mut r = cell.try_borrow_mut().map_err(|_| borrowed::<T>(true))?;
            f(vm, &mut r, args)
        });
        self.attrs.push((Rc::from(name), v));
    }

    /// A read-only property (`obj.name`).
    pub fn getter<R, F>(&mut self, name: &str, f: F)
    where
        R: IntoPy,
        F: Fn(&T) -> R + 'static,
    {
        let v = Self::host_fn(name, false, move |_vm, this: Value, (): ()| {
            let cell = cell_of::<T>(&this).ok_or_else(|| not_a::<T>(&this))?;
            let r = cell.try_borrow().map_err(|_| borrowed::<T>(false))?;
            Ok(f(&r))
        });
        self.getters.push((Rc::from(name), v));
    }

    /// A property setter (`obj.name = value`), the value converted.
    pub fn setter<V, F>(&mut self, name: &str, f: F)
    where
        V: FromPy,
        F: Fn(&mut T, V) -> Result<()> + 'static,
    {
        let v = Self::host_fn(name, false, move |_vm, this: Value, (value,): (V,)| {
            let cell = cell_of::<T>(&this).ok_or_else(|| not_a::<T>(&this))?;
            let mut r = cell.try_borrow_mut().map_err(|_| borrowed::<T>(true))?;
            f(&mut r, value)
        });
        self.setters.push((Rc::from(name), v));
    }

    /// Lets scripts make values: `Name(args)` calls `f`. Without a
    /// constructor, calling the class raises `TypeError`.
    pub fn constructor<A, F>(&mut self, f: F)
    where
        A: FromArgs,
        F: Fn(&mut Vm, A) -> Result<T> + 'static,
    {
        let v = Self::host_fn("__init__", true, move |vm, this: Value, args: A| {
            let Value::Instance(inst) = &this else {
                return Err(not_a::<T>(&this));
            };
            let value = f(vm, args)?;
            inst.native
                .set(Rc::new(RefCell::new(value)))
                .map_err(|_| Error::runtime_error(format!("{} is already initialised", T::NAME)))?;
            Ok(())
        });
        self.attrs.push((Rc::from("__init__"), v));
    }
}

impl Vm {
    /// The class of userdata type `T`, made on first use (once per VM):
    /// put it in a namespace for scripts to call it (with a constructor)
    /// or test `isinstance`.
    pub fn userdata_class<T: UserData>(&mut self) -> Result<Object> {
        if let Some(c) = self.host.userdata.get(&TypeId::of::<T>()) {
            return Ok(Object(Value::Class(c.clone())));
        }
        let mut class = Class::<T> {
            attrs: Vec::new(),
            getters: Vec::new(),
            setters: Vec::new(),
            _t: PhantomData,
        };
        T::register(&mut class);
        let mut dict = crate::runtime::class::AttrMap::default();
        dict.insert(Rc::from("__module__"), Value::str("__main__"));
        if !class.attrs.iter().any(|(k, _)| &**k == "__init__") {
            let name = T::NAME;
            let refuse = move |_vm: &mut Vm,
                               _: crate::runtime::object::HostArgs,
                               _: Vec<(Rc<str>, Value)>| {
                Err(Error::type_error(format!("cannot create '{name}' instances")).into_py())
            };
            dict.insert(
                Rc::from("__init__"),
                Value::HostFn(Rc::new(HostFn {
                    name: Rc::from("__init__"),
                    method: true,
                    call: Box::new(refuse),
                })),
            );
        }
        for (k, v) in class.attrs {
            dict.insert(k, v);
        }
        let mut names: Vec<Rc<str>> = class.getters.iter().map(|(k, _)| k.clone()).collect();
        for (k, _) in &class.setters {
            if !names.contains(k) {
                names.push(k.clone());
            }
        }
        for name in names {
            let find = |list: &[(Rc<str>, Value)]| {
                list.iter()
                    .find(|(k, _)| *k == name)
                    .map_or(Value::None, |(_, v)| v.clone())
            };
            let prop = Descr::Property {
                fget: find(&class.getters),
                fset: find(&class.setters),
                fdel: Value::None,
                doc: Value::None,
            };
            dict.insert(name.clone(), Value::Descr(Rc::new(prop)));
        }
        let cls = crate::runtime::class::Class::new(
            Rc::from(T::NAME),
            Rc::from(T::NAME),
            Vec::new(),
            dict,
        )
        .map_err(Error::from_py)?;
        self.host.userdata.insert(TypeId::of::<T>(), cls.clone());
        Ok(Object(Value::Class(cls)))
    }

    /// `value` as a Python object (an instance of [`Vm::userdata_class`]).
    pub fn create_userdata<T: UserData>(&mut self, value: T) -> Result<Object> {
        let Object(Value::Class(cls)) = self.userdata_class::<T>()? else {
            unreachable!("userdata_class gives a class");
        };
        Ok(Object(Value::Instance(userdata_instance(cls, value))))
    }

    /// Runs `f` on the Rust value inside userdata `obj` (TypeError if
    /// `obj` is not a `T`, RuntimeError if a method holds it mutably).
    pub fn with_userdata<T: UserData, R>(
        &mut self,
        obj: &Object,
        f: impl FnOnce(&T) -> R,
    ) -> Result<R> {
        let cell = cell_of::<T>(&obj.0).ok_or_else(|| not_a::<T>(&obj.0))?;
        let r = cell.try_borrow().map_err(|_| borrowed::<T>(false))?;
        Ok(f(&r))
    }

    /// [`Vm::with_userdata`] with `&mut T`.
    pub fn with_userdata_mut<T: UserData, R>(
        &mut self,
        obj: &Object,
        f: impl FnOnce(&mut T) -> R,
    ) -> Result<R> {
        let cell = cell_of::<T>(&obj.0).ok_or_else(|| not_a::<T>(&obj.0))?;
        let mut r = cell.try_borrow_mut().map_err(|_| borrowed::<T>(true))?;
        Ok(f(&mut r))
    }
}

fn userdata_instance<T: 'static>(cls: Rc<crate::runtime::class::Class>, value: T) -> Rc<Instance> {
    let inst = Instance::new(cls);
    let native: Rc<dyn Any> = Rc::new(RefCell::new(value));
    let _ = inst.native.set(native);
    Rc::new(inst)
}
