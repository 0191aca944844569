//! Host functions: Rust closures that Python code calls, with their
//! arguments converted by [`FromArgs`]; and [`IntoArgs`], the arguments of
//! a call from Rust into Python.

use std::cell::RefCell;
use std::rc::Rc;

use super::convert::{FromPy, IntoPy, Object};
use super::{Error, Result, Vm};
use crate::runtime::object::{HostArgs, HostFn};
use crate::runtime::{ExcKind, PyErr, Value};

/// The arguments of a call as they came: positional, then keyword.
/// A host function taking `Args` accepts any call.
///
/// ```
/// let mut vm = framevm::Vm::new();
/// let f = vm.function("describe", |_vm, args: framevm::Args| {
///     let kw: Vec<String> = args.keywords.iter().map(|(k, _)| k.clone()).collect();
///     Ok(format!("{} positional, keywords {:?}", args.positional.len(), kw))
/// });
/// vm.globals().set("describe", f)?;
/// let s: String = vm.eval("describe(1, 2, sep='-', end='')")?;
/// assert_eq!(s, r#"2 positional, keywords ["sep", "end"]"#);
/// # Ok::<(), framevm::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Args {
    /// Positional arguments.
    pub positional: Vec<Object>,
    /// Keyword arguments, in the order given.
    pub keywords: Vec<(String, Object)>,
}

impl Args {
    /// The keyword argument `name`, converted, if given.
    pub fn keyword<T: FromPy>(&self, name: &str) -> Result<Option<T>> {
        self.keywords
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| T::from_py(v))
            .transpose()
    }
}

/// What a host function's arguments convert into: a tuple of [`FromPy`]
/// values (exactly that many positional arguments), `()` (none), or
/// [`Args`] (anything).
pub trait FromArgs: Sized {
    /// Converts the arguments of a call of function `name` (the
    /// interpreter's values: implemented by framevm, not by hosts).
    #[doc(hidden)]
    fn from_args(name: &str, positional: HostArgs, keywords: Vec<(Rc<str>, Value)>)
    -> Result<Self>;
}

impl FromArgs for Args {
    fn from_args(
        _name: &str,
        positional: HostArgs,
        keywords: Vec<(Rc<str>, Value)>,
    ) -> Result<Args> {
        Ok(Args {
            positional: positional.into_iter().map(Object).collect(),
            keywords: keywords
                .into_iter()
                .map(|(k, v)| (k.to_string(), Object(v)))
                .collect(),
        })
    }
}

fn check_count(
    name: &str,
    want: usize,
    positional: &[Value],
    keywords: &[(Rc<str>, Value)],
) -> Result<()> {
    if !keywords.is_empty() {
        return Err(Error::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if positional.len() != want {
        let s = if want == 1 { "" } else { "s" };
        let given = positional.len();
        let was = if given == 1 { "was" } else { "were" };
        return Err(Error::type_error(format!(
            "{name}() takes {want} positional argument{s} but {given} {was} given"
        )));
    }
    Ok(())
}

impl FromArgs for () {
    fn from_args(name: &str, positional: HostArgs, keywords: Vec<(Rc<str>, Value)>) -> Result<()> {
        check_count(name, 0, &positional, &keywords)
    }
}

/// The argument at `i` converted; a wrong type names the argument.
fn arg<T: FromPy>(name: &str, i: usize, v: Value) -> Result<T> {
    T::from_py(&Object(v)).map_err(|e| match e {
        Error::Exception(x) if x.is("TypeError") => {
            Error::type_error(format!("{name}() argument {}: {}", i + 1, x.message()))
        }
        other => other,
    })
}

macro_rules! from_args {
    ($($n:literal: ($($t:ident $i:tt),+);)*) => {$(
        impl<$($t: FromPy),+> FromArgs for ($($t,)+) {
            #[allow(non_snake_case)]
            fn from_args(
                name: &str,
                positional: HostArgs,
                keywords: Vec<(Rc<str>, Value)>,
            ) -> Result<Self> {
                check_count(name, $n, &positional, &keywords)?;
                let mut it = positional.into_iter().enumerate();
                $(
                    let (i, v) = it.next().expect("counted");
                    let $t = arg::<$t>(name, i, v)?;
                )+
                Ok(($($t,)+))
            }
        }
    )*};
}

super::convert::for_each_tuple!(from_args);

/// The arguments of a call from Rust: a tuple of [`IntoPy`] values, `()`
/// for none, or [`Args`] (with keyword arguments).
pub trait IntoArgs {
    /// The positional and keyword arguments.
    fn into_args(self) -> Result<CallArgs>;
}

/// Converted arguments (see [`IntoArgs`]).
#[doc(hidden)]
pub struct CallArgs {
    pub(crate) positional: smallvec::SmallVec<[Value; 8]>,
    pub(crate) keywords: Vec<(Rc<str>, Value)>,
}

impl IntoArgs for () {
    fn into_args(self) -> Result<CallArgs> {
        Ok(CallArgs {
            positional: smallvec::SmallVec::new(),
            keywords: Vec::new(),
        })
    }
}

impl IntoArgs for Args {
    fn into_args(self) -> Result<CallArgs> {
        Ok(CallArgs {
            positional: self.positional.into_iter().map(|o| o.0).collect(),
            keywords: self
                .keywords
                .into_iter()
                .map(|(k, v)| (Rc::from(k.as_str()), v.0))
                .collect(),
        })
    }
}

macro_rules! into_args {
    ($($n:literal: ($($t:ident $i:tt),+);)*) => {$(
        impl<$($t: IntoPy),+> IntoArgs for ($($t,)+) {
            fn into_args(self) -> Result<CallArgs> {
                Ok(CallArgs {
                    positional: smallvec::smallvec![$(self.$i.into_py()?.0),+],
                    keywords: Vec::new(),
                })
            }
        }
    )*};
}

super::convert::for_each_tuple!(into_args);

impl Vm {
    /// A Python function named `name` whose body is the Rust closure `f`.
    /// `f` receives the VM (to call back into Python) and the arguments
    /// converted by [`FromArgs`]; what it returns is converted by
    /// [`IntoPy`], and an [`Error`] it returns is raised in the script (an
    /// exception object it passes on stays the same object). A panic
    /// inside `f` becomes a `SystemError` at the call; the VM stays usable.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// let hyp = vm.function("hyp", |_vm, (a, b): (f64, f64)| Ok((a * a + b * b).sqrt()));
    /// vm.globals().set("hyp", hyp)?;
    /// assert_eq!(vm.eval::<f64>("hyp(3, 4)")?, 5.0);
    /// let err = vm.eval::<f64>("hyp('3', 4)").unwrap_err();
    /// assert_eq!(
    ///     err.to_string().lines().last(),
    ///     Some("TypeError: hyp() argument 1: 'str' object cannot be converted to f64")
    /// );
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn function<A, R, F>(&mut self, name: &str, f: F) -> Object
    where
        A: FromArgs,
        R: IntoPy,
        F: Fn(&mut Vm, A) -> Result<R> + 'static,
    {
        let fname: Rc<str> = Rc::from(name);
        let n = fname.clone();
        let call = move |vm: &mut Vm, positional: HostArgs, keywords: Vec<(Rc<str>, Value)>| {
            let args = A::from_args(&n, positional, keywords).map_err(Error::into_py)?;
            f(vm, args)
                .and_then(IntoPy::into_py)
                .map(|o| o.0)
                .map_err(Error::into_py)
        };
        Object(Value::HostFn(Rc::new(HostFn {
            name: fname,
            method: false,
            call: Box::new(call),
        })))
    }

    /// [`Vm::function`] for a closure that changes its state (`FnMut`). A
    /// call that reaches the same function again while it runs raises
    /// `RuntimeError` instead of aliasing its state.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// let mut total = 0i64;
    /// let add = vm.function_mut("add", move |_vm, (n,): (i64,)| {
    ///     total += n;
    ///     Ok(total)
    /// });
    /// vm.globals().set("add", add)?;
    /// vm.exec("for i in range(5):\n    last = add(i)", "<host>")?;
    /// assert_eq!(vm.eval::<i64>("last")?, 10);
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn function_mut<A, R, F>(&mut self, name: &str, f: F) -> Object
    where
        A: FromArgs,
        R: IntoPy,
        F: FnMut(&mut Vm, A) -> Result<R> + 'static,
    {
        let cell = RefCell::new(f);
        let fname = name.to_string();
        self.function(name, move |vm, args: A| match cell.try_borrow_mut() {
            Ok(mut f) => f(vm, args),
            Err(_) => Err(Error::runtime_error(format!(
                "{fname}() called again while it is running"
            ))),
        })
    }
}

/// Calls host function `h`: its panic is caught and becomes SystemError,
/// with the VM's call depth put back.
pub(crate) fn call_host(
    vm: &mut Vm,
    h: &Rc<HostFn>,
    args: HostArgs,
    kwargs: Vec<(Rc<str>, Value)>,
) -> Result<Value, PyErr> {
    let h = h.clone();
    let depth = vm.depth();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        (h.call)(&mut *vm, args, kwargs)
    })) {
        Ok(r) => r,
        Err(payload) => {
            vm.reset_depth(depth);
            Err(PyErr::new(
                ExcKind::SystemError,
                format!(
                    "host function {}() panicked: {}",
                    h.name,
                    panic_message(&*payload)
                ),
            ))
        }
    }
}

/// The message a panic carried.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}
