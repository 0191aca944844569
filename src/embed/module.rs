//! Host modules: what a host registers for scripts to `import` — Rust
//! functions and constants ([`ModuleBuilder`]), Python source
//! ([`Vm::add_source_module`]) — and the options of the import system
//! (the command line's `sys.argv`, a sandbox without file imports). The
//! standard library (`src/stdlib/`) is built on this same API.

use std::rc::Rc;

use super::convert::{IntoPy, Object};
use super::function::FromArgs;
use super::{Builder, Error, Result, Vm};
use crate::interp::import::Hosted;
use crate::runtime::Value;

/// A module being described, made by [`Vm::module`]; [`register`]
/// makes it importable. Entries are added in order; a later one with the
/// same name replaces the earlier.
///
/// ```
/// let out = framevm::SharedBuffer::default();
/// let mut vm = framevm::Vm::builder().stdout(out.clone()).build();
/// vm.module("geometry")
///     .function("area", |_vm, (w, h): (f64, f64)| Ok(w * h))
///     .constant("UNIT", "m")
///     .submodule("angles", |m| m.constant("RIGHT", 90))
///     .register()?;
/// vm.exec(
///     "import geometry\nfrom geometry.angles import RIGHT\n\
///      print(geometry.area(2, 3.5), geometry.UNIT, RIGHT)",
///     "main.py",
/// )?;
/// vm.flush().unwrap();
/// assert_eq!(out.text(), "7.0 m 90\n");
/// # Ok::<(), framevm::Error>(())
/// ```
///
/// [`register`]: ModuleBuilder::register
pub struct ModuleBuilder<'vm> {
    vm: &'vm mut Vm,
    name: String,
    entries: Vec<(Rc<str>, Value)>,
    submodules: Vec<Rc<str>>,
    error: Option<Error>,
}

impl<'vm> ModuleBuilder<'vm> {
    /// A function of the module: a Rust closure, as [`Vm::function`]
    /// makes (arguments converted by [`FromArgs`], the result by
    /// [`IntoPy`]).
    pub fn function<A, R, F>(mut self, name: &str, f: F) -> Self
    where
        A: FromArgs,
        R: IntoPy,
        F: Fn(&mut Vm, A) -> Result<R> + 'static,
    {
        let obj = self.vm.function(name, f);
        self.entries.push((Rc::from(name), obj.0));
        self
    }

    /// A function that changes its state (see [`Vm::function_mut`]).
    pub fn function_mut<A, R, F>(mut self, name: &str, f: F) -> Self
    where
        A: FromArgs,
        R: IntoPy,
        F: FnMut(&mut Vm, A) -> Result<R> + 'static,
    {
        let obj = self.vm.function_mut(name, f);
        self.entries.push((Rc::from(name), obj.0));
        self
    }

    /// A constant (any value [`IntoPy`] converts, an [`Object`] among
    /// them: a class, an instance, a function from Python). A conversion
    /// that fails is reported by [`register`](ModuleBuilder::register).
    pub fn constant(mut self, name: &str, value: impl IntoPy) -> Self {
        match value.into_py() {
            Ok(v) => self.entries.push((Rc::from(name), v.0)),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    /// A submodule `name` of this module (importable as `parent.name`,
    /// and an attribute of the parent), described by `build`.
    pub fn submodule(
        mut self,
        name: &str,
        build: impl for<'a> FnOnce(ModuleBuilder<'a>) -> ModuleBuilder<'a>,
    ) -> Self {
        let full = format!("{}.{name}", self.name);
        let child = build(ModuleBuilder {
            vm: &mut *self.vm,
            name: full,
            entries: Vec::new(),
            submodules: Vec::new(),
            error: None,
        });
        match child.register() {
            Ok(()) => self.submodules.push(Rc::from(name)),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    /// The VM the module is built in (to make objects for constants).
    pub fn vm(&mut self) -> &mut Vm {
        self.vm
    }

    /// Makes the module importable by scripts (`import name`, `from name
    /// import f`); it is built when first imported, then cached in
    /// `sys.modules`. A module registered again replaces the earlier one
    /// for the imports that come after.
    pub fn register(self) -> Result<()> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.name.is_empty() || self.name.split('.').any(str::is_empty) {
            return Err(Error::value_error(format!(
                "invalid module name '{}'",
                self.name
            )));
        }
        let name: Rc<str> = Rc::from(self.name.as_str());
        self.vm.imports().hosted.insert(
            name,
            Hosted::Native {
                entries: self.entries,
                submodules: self.submodules,
            },
        );
        Ok(())
    }
}

impl Vm {
    /// Starts describing a host module named `name` (dots name a
    /// submodule of a registered parent): see [`ModuleBuilder`].
    pub fn module(&mut self, name: &str) -> ModuleBuilder<'_> {
        ModuleBuilder {
            vm: self,
            name: name.to_string(),
            entries: Vec::new(),
            submodules: Vec::new(),
            error: None,
        }
    }

    /// Makes Python source importable as module `name` (tracebacks name
    /// its file `<name>`). It compiles and runs at its first import.
    ///
    /// ```
    /// let mut vm = framevm::Vm::new();
    /// vm.add_source_module("helpers", "def double(x):\n    return 2 * x\n");
    /// vm.exec("from helpers import double\nr = double(21)", "main.py")?;
    /// assert_eq!(vm.eval::<i64>("r")?, 42);
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn add_source_module(&mut self, name: &str, source: &str) {
        self.imports()
            .hosted
            .insert(Rc::from(name), Hosted::Source(Rc::from(source)));
    }

    /// Imports module `name` (absolute, dotted) as `importlib.import_module`
    /// does, and gives it.
    pub fn import(&mut self, name: &str) -> Result<Object> {
        self.guarded(|vm| vm.import_full(name))
            .map(Object)
            .map_err(|e| self.error(e))
    }

    /// Sets `sys.argv` (before `sys` is first imported). As CPython does,
    /// the folder of `argv[0]` (the script) heads `sys.path`, so the
    /// script's own modules import.
    pub fn set_argv<S: AsRef<str>>(&mut self, argv: &[S]) {
        let argv: Vec<String> = argv.iter().map(|s| s.as_ref().to_string()).collect();
        let dir = argv.first().and_then(|a| {
            let p = std::path::Path::new(a);
            let parent = match p.parent()? {
                d if d.as_os_str().is_empty() => std::path::Path::new("."),
                d => d,
            };
            let abs = std::path::absolute(parent).ok()?;
            let mut norm = std::path::PathBuf::new();
            for c in abs.components() {
                match c {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        norm.pop();
                    }
                    other => norm.push(other),
                }
            }
            let abs = norm;
            Some(abs.display().to_string())
        });
        let imports = self.imports();
        imports.argv = argv;
        imports.script_dir = dir;
    }
}

impl Vm {
    /// Sets the folder that heads `sys.path` (before `sys` is first
    /// imported), in place of the one [`set_argv`](Vm::set_argv) takes
    /// from `argv[0]`: the command line's `-m` puts the current folder
    /// there, as CPython does.
    pub fn set_script_dir(&mut self, dir: Option<&str>) {
        self.imports().script_dir = dir.map(str::to_string);
    }
}

impl Builder {
    /// Whether scripts may import modules from the file system (default:
    /// yes). Off, only the modules the host registered and the built-in
    /// ones import: a sandbox.
    ///
    /// ```
    /// let mut vm = framevm::Vm::builder().allow_file_imports(false).build();
    /// let err = vm.exec("import os_helpers", "main.py").unwrap_err();
    /// assert!(err.to_string().ends_with("ModuleNotFoundError: No module named 'os_helpers'"));
    /// vm.exec("import math\nr = math.floor(2.5)", "main.py")?;
    /// assert_eq!(vm.eval::<i64>("r")?, 2);
    /// # Ok::<(), framevm::Error>(())
    /// ```
    pub fn allow_file_imports(mut self, on: bool) -> Builder {
        self.setup.push(Box::new(move |vm: &mut Vm| {
            vm.imports().files = on;
        }));
        self
    }
}

impl Builder {
    /// Whether scripts may use files (default: yes): off, `open()` and
    /// the file functions of `os` (`listdir`, `remove`, `stat`, `getcwd`,
    /// ...) raise `PermissionError("file access is disabled")` and
    /// `os.environ` is empty. Imports from files are a separate switch
    /// ([`allow_file_imports`](Builder::allow_file_imports)).
    ///
    /// ```
    /// let mut vm = framevm::Vm::builder().allow_files(false).build();
    /// let err = vm.exec("open('/etc/hostname')", "main.py").unwrap_err();
    /// assert!(err.to_string().ends_with("PermissionError: file access is disabled"));
    /// ```
    pub fn allow_files(mut self, on: bool) -> Builder {
        self.setup.push(Box::new(move |vm: &mut Vm| {
            vm.host.no_files = !on;
        }));
        self
    }
}

/// An option applied to a new VM by [`Builder::build`].
pub(crate) type Setup = Box<dyn FnOnce(&mut Vm)>;

/// `__main__`'s namespace, if a script ran in it.
pub(crate) fn main_namespace(vm: &mut Vm) -> Option<Rc<crate::runtime::object::Namespace>> {
    vm.host.main.clone()
}

/// Keeps an imported file's source for the tracebacks the VM renders.
pub(crate) fn remember_source(vm: &mut Vm, filename: &str, source: &str) {
    vm.host.remember(&Rc::from(filename), &Rc::from(source));
}
