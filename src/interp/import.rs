//! Modules and the import machinery: `sys.modules`, the search (modules
//! the host registered, the built-in ones of `src/stdlib/`, then the file
//! system along `sys.path`), packages and relative imports, and the three
//! instructions `IMPORT_NAME`, `IMPORT_FROM` and `IMPORT_STAR`.
//!
//! All of it is per VM (a registry in [`Imports`]): two VMs never share a
//! module. A module runs once; it is in `sys.modules` before its body
//! runs, so a circular import sees it partly initialised, as in CPython.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::exec::{self, Step};
use super::{Regs, Stop, Vm};
use crate::bytecode::Code;
use crate::runtime::dict::Dict;
use crate::runtime::object::Namespace;
use crate::runtime::{ExcKind, PyErr, PyResult, Value};

/// A module object: its globals and whether its body is still running.
#[derive(Debug)]
pub struct Module {
    /// The name it was imported as (`__name__` may be rebound; this is
    /// what messages use when it is not a str).
    pub name: Rc<str>,
    /// Its namespace: the globals of its code, its attributes.
    pub globals: Rc<Namespace>,
    /// Its body is running (a circular import sees it so).
    pub(crate) initializing: Cell<bool>,
}

impl Module {
    /// A module named `name` with an empty namespace but `__name__`.
    pub fn new(name: &str) -> Rc<Module> {
        let globals = crate::runtime::gc::namespace(Namespace::default());
        globals.set(Rc::from("__name__"), Value::str(name));
        globals.set(Rc::from("__doc__"), Value::None);
        Rc::new(Module {
            name: Rc::from(name),
            globals,
            initializing: Cell::new(false),
        })
    }

    /// `__name__`, or the name it was made with.
    pub fn name(&self) -> String {
        match self.globals.get("__name__") {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => self.name.to_string(),
        }
    }

    /// CPython's repr: `<module 'x' from '/path/x.py'>`, or
    /// `<module 'x' (built-in)>` for a module with no file.
    pub fn repr(&self) -> String {
        match self.globals.get("__file__") {
            Some(Value::Str(f)) => format!("<module '{}' from '{f}'>", self.name()),
            _ => format!("<module '{}' (built-in)>", self.name()),
        }
    }

    /// `module.name`.
    pub fn getattr(&self, name: &str) -> PyResult<Value> {
        if let Some(v) = self.globals.get(name) {
            return Ok(v);
        }
        if name == "__dict__" {
            return self.dict();
        }
        Err(self.no_attribute(name))
    }

    /// A dict of the namespace (a copy: changes to it do not reach the
    /// module), names sorted.
    fn dict(&self) -> PyResult<Value> {
        let mut names = self.globals.names();
        names.sort();
        let mut d = Dict::default();
        for n in names {
            if let Some(v) = self.globals.get(&n) {
                d.set(Value::str(n), v)?;
            }
        }
        Ok(crate::runtime::dict::new_dict(d))
    }

    fn no_attribute(&self, name: &str) -> PyErr {
        let msg = if self.initializing.get() {
            format!(
                "partially initialized module '{}' has no attribute '{name}' (most likely due to a circular import)",
                self.name()
            )
        } else {
            format!("module '{}' has no attribute '{name}'", self.name())
        };
        PyErr::new(ExcKind::AttributeError, msg)
    }

    /// `del module.name`.
    pub fn delattr(&self, name: &str) -> PyResult<()> {
        if self.globals.remove(name) {
            Ok(())
        } else {
            Err(self.no_attribute(name))
        }
    }

    /// The file it was loaded from, if any.
    fn file(&self) -> Option<String> {
        match self.globals.get("__file__") {
            Some(Value::Str(f)) => Some(f.as_str().to_owned()),
            _ => None,
        }
    }
}

/// A module the host registered: built when first imported.
pub(crate) enum Hosted {
    /// Rust values (functions, constants) and the names of submodules
    /// (registered too, as `name.sub`) to import and bind with it.
    Native {
        entries: Vec<(Rc<str>, Value)>,
        submodules: Vec<Rc<str>>,
    },
    /// Python source the host supplied.
    Source(Rc<str>),
}

/// The VM's import registry.
pub(crate) struct Imports {
    /// `sys.modules` (made on first use).
    modules: Option<Rc<RefCell<Dict>>>,
    /// `sys.path` (made on first use).
    path: Option<Value>,
    /// Modules the host registered, by full name.
    pub(crate) hosted: FxHashMap<Rc<str>, Hosted>,
    /// Every source file compiled, by path: each compiles once per VM.
    compiled: FxHashMap<String, Rc<Code>>,
    /// Whether the file system may be searched.
    pub(crate) files: bool,
    /// `sys.argv`.
    pub(crate) argv: Vec<String>,
    /// The folder of the script being run (the head of `sys.path`).
    pub(crate) script_dir: Option<String>,
    /// Module code that ran: its caches are emptied at the end.
    ran: Vec<Rc<Code>>,
    /// The namespace of the `sys` module, once it is imported (what
    /// `print` consults for a rebound `sys.stdout`, as CPython reads its
    /// interpreter's sys dict rather than `sys.modules`).
    sys_globals: Option<Rc<Namespace>>,
}

impl Default for Imports {
    fn default() -> Imports {
        Imports {
            modules: None,
            path: None,
            hosted: FxHashMap::default(),
            compiled: FxHashMap::default(),
            files: true,
            sys_globals: None,
            argv: Vec::new(),
            script_dir: None,
            ran: Vec::new(),
        }
    }
}

impl Imports {
    /// `sys.modules`.
    pub(crate) fn modules(&mut self) -> Rc<RefCell<Dict>> {
        self.modules.get_or_insert_with(Default::default).clone()
    }

    /// `sys.path`: the script's folder, then each entry of `FRAMEVMPATH`
    /// (empty when the host forbids file imports).
    pub(crate) fn path(&mut self) -> Value {
        if self.path.is_none() {
            let mut entries = Vec::new();
            if self.files {
                if let Some(d) = &self.script_dir {
                    entries.push(Value::str(d.as_str()));
                }
                if let Ok(p) = std::env::var("FRAMEVMPATH") {
                    entries.extend(p.split(':').filter(|s| !s.is_empty()).map(Value::str));
                }
            }
            self.path = Some(Value::list(entries));
        }
        self.path.clone().expect("just made")
    }

    fn cached(&mut self, name: &str) -> Option<Value> {
        let m = self.modules.as_ref()?;
        m.borrow().get(&Value::str(name)).ok().flatten()
    }

    /// Empties every module (CPython does so at shutdown): their
    /// functions hold their globals, a cycle nothing else breaks.
    pub(crate) fn clear(&mut self) {
        for code in std::mem::take(&mut self.ran) {
            code.clear_caches();
        }
        if let Some(m) = self.modules.take() {
            let mods: Vec<Value> = m.borrow().keys();
            let values: Vec<Value> = mods
                .iter()
                .filter_map(|k| m.borrow().get(k).ok().flatten())
                .collect();
            drop(std::mem::take(&mut *m.borrow_mut()));
            for v in values {
                if let Value::Module(md) = v {
                    for f in md.globals.values() {
                        if let Value::Function(f) = f {
                            f.code.clear_caches();
                        }
                    }
                    md.globals.clear();
                }
            }
        }
        self.path = None;
        self.compiled.clear();
    }
}

fn import_error(kind: ExcKind, msg: String) -> PyErr {
    PyErr::new(kind, msg)
}

fn not_found(name: &str) -> PyErr {
    import_error(
        ExcKind::ModuleNotFoundError,
        format!("No module named '{name}'"),
    )
}

/// Whether `e` is "No module named 'name'" (and not a failure inside it).
fn is_not_found(e: &PyErr, name: &str) -> bool {
    e.kind == ExcKind::ModuleNotFoundError && e.msg == format!("No module named '{name}'")
}

impl Vm {
    /// `sys.modules`.
    /// (Made on first use, with `__main__` in it when a script runs there.)
    pub(crate) fn sys_modules(&mut self) -> Rc<RefCell<Dict>> {
        if self.imports.modules.is_none() {
            let modules = self.imports.modules();
            if let Some(ns) = crate::embed::main_namespace(self) {
                let main = Value::Module(Rc::new(Module {
                    name: Rc::from("__main__"),
                    globals: ns,
                    initializing: Cell::new(false),
                }));
                let _ = modules.borrow_mut().set(Value::str("__main__"), main);
            }
        }
        self.imports.modules()
    }

    /// `sys.stdout` when the script has rebound it (it is no longer
    /// `sys.__stdout__`): where `print` then writes.
    pub(crate) fn rebound_stdout(&mut self) -> Option<Value> {
        if self.imports.sys_globals.is_none() {
            let modules = self.imports.modules.as_ref()?;
            let sys = modules.borrow().get(&Value::str("sys")).ok()??;
            let Value::Module(m) = sys else {
                return None;
            };
            self.imports.sys_globals = Some(m.globals.clone());
        }
        let g = self.imports.sys_globals.as_ref()?;
        let cur = g.get("stdout")?;
        let orig = g.get("__stdout__")?;
        (!crate::runtime::ops::is(&cur, &orig)).then_some(cur)
    }

    /// The import registry.
    pub(crate) fn imports(&mut self) -> &mut Imports {
        &mut self.imports
    }

    /// Imports the module with absolute dotted name `name` (and its
    /// parents), giving the module itself (`importlib.import_module`).
    pub(crate) fn import_full(&mut self, name: &str) -> PyResult<Value> {
        self.sys_modules();
        if let Some(m) = self.imports.cached(name) {
            if matches!(m, Value::None) {
                return Err(import_error(
                    ExcKind::ModuleNotFoundError,
                    format!("import of {name} halted; None in sys.modules"),
                ));
            }
            return Ok(m);
        }
        if name.is_empty() || name.starts_with('.') || name.ends_with('.') || name.contains("..") {
            return Err(PyErr::new(ExcKind::ValueError, "Empty module name"));
        }
        let (parent, dirs) = match name.rfind('.') {
            Some(dot) => {
                let parent_name = &name[..dot];
                let parent = self.import_full(parent_name)?;
                if let Some(m) = self.imports.cached(name) {
                    return Ok(m);
                }
                let dirs = match &parent {
                    Value::Module(p) => p.globals.get("__path__"),
                    _ => None,
                };
                (Some((parent, &name[dot + 1..])), dirs)
            }
            None => (None, None),
        };
        let module = self.load(name, parent.is_some(), dirs)?;
        if let Some((Value::Module(p), leaf)) = &parent {
            p.globals.set(Rc::from(*leaf), module.clone());
        }
        Ok(module)
    }

    /// Finds and runs module `name`: hosted, built in, or a file along
    /// `dirs` (a package's `__path__`) or `sys.path`.
    fn load(&mut self, name: &str, submodule: bool, dirs: Option<Value>) -> PyResult<Value> {
        if name == "builtins" {
            // The builtins namespace itself, so a name set on the module
            // is what every global lookup then finds.
            self.builtins
                .set(Rc::from("__name__"), Value::str("builtins"));
            let m = Value::Module(Rc::new(Module {
                name: Rc::from(name),
                globals: self.builtins.clone(),
                initializing: Cell::new(false),
            }));
            self.sys_modules()
                .borrow_mut()
                .set(Value::str(name), m.clone())?;
            return Ok(m);
        }
        if !self.imports.hosted.contains_key(name)
            && let Some(register) = crate::stdlib::find(name)
        {
            register(self).map_err(crate::embed::Error::into_py)?;
        }
        if let Some(h) = self.imports.hosted.get(name) {
            return match h {
                Hosted::Native {
                    entries,
                    submodules,
                } => {
                    let (entries, submodules) = (entries.clone(), submodules.clone());
                    self.load_native(name, entries, submodules)
                }
                Hosted::Source(src) => {
                    let src = src.clone();
                    let filename = format!("<{name}>");
                    let code = self.compile_module(&filename, &src)?;
                    let m = Module::new(name);
                    let pkg = name.rsplit_once('.').map_or("", |p| p.0);
                    m.globals.set(Rc::from("__package__"), Value::str(pkg));
                    self.run_module_code(name, m, &code)
                }
            };
        }
        if submodule && dirs.is_none() {
            let parent = name.rsplit_once('.').map_or(name, |p| p.0);
            return Err(import_error(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{name}'; '{parent}' is not a package"),
            ));
        }
        if !self.imports.files {
            return Err(not_found(name));
        }
        let search = match dirs {
            Some(d) => d,
            None => self.imports.path(),
        };
        let dirs: Vec<String> = match &search {
            Value::List(l) => l
                .borrow()
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.as_str().to_owned()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let leaf = name.rsplit_once('.').map_or(name, |p| p.1);
        for dir in dirs {
            let base = if dir.is_empty() {
                PathBuf::from(".")
            } else {
                PathBuf::from(&dir)
            };
            let pkg_dir = base.join(leaf);
            let init = pkg_dir.join("__init__.py");
            if init.is_file() {
                return self.load_file(name, &init, Some(&pkg_dir));
            }
            let file = base.join(format!("{leaf}.py"));
            if file.is_file() {
                return self.load_file(name, &file, None);
            }
        }
        Err(not_found(name))
    }

    fn load_native(
        &mut self,
        name: &str,
        entries: Vec<(Rc<str>, Value)>,
        submodules: Vec<Rc<str>>,
    ) -> PyResult<Value> {
        let m = Module::new(name);
        let pkg = name.rsplit_once('.').map_or("", |p| p.0);
        m.globals.set(Rc::from("__package__"), Value::str(pkg));
        for (k, v) in entries {
            m.globals.set(k, v);
        }
        let v = Value::Module(m.clone());
        self.sys_modules()
            .borrow_mut()
            .set(Value::str(name), v.clone())?;
        for sub in submodules {
            let full = format!("{name}.{sub}");
            let s = self.import_full(&full)?;
            m.globals.set(sub, s);
        }
        Ok(v)
    }

    fn load_file(&mut self, name: &str, file: &Path, pkg_dir: Option<&Path>) -> PyResult<Value> {
        let filename = file.display().to_string();
        let code = match self.imports.compiled.get(&filename) {
            Some(c) => c.clone(),
            None => {
                let bytes = std::fs::read(file)
                    .map_err(|e| import_error(ExcKind::ImportError, format!("{filename}: {e}")))?;
                let src = crate::compiler::decode_source(&bytes, &filename)
                    .map_err(|e| PyErr::new(ExcKind::SyntaxError, e))?;
                self.compile_module(&filename, &src)?
            }
        };
        let m = Module::new(name);
        let g = &m.globals;
        g.set(Rc::from("__file__"), Value::str(filename.as_str()));
        match pkg_dir {
            Some(dir) => {
                g.set(Rc::from("__package__"), Value::str(name));
                g.set(
                    Rc::from("__path__"),
                    Value::list(vec![Value::str(dir.display().to_string())]),
                );
            }
            None => {
                let pkg = name.rsplit_once('.').map_or("", |p| p.0);
                g.set(Rc::from("__package__"), Value::str(pkg));
            }
        }
        self.run_module_code(name, m, &code)
    }

    /// Compiles a module's source (once per file name), keeping the
    /// source for tracebacks.
    fn compile_module(&mut self, filename: &str, src: &str) -> PyResult<Rc<Code>> {
        if let Some(c) = self.imports.compiled.get(filename) {
            return Ok(c.clone());
        }
        let code = crate::compiler::compile(src, filename).map_err(|e| e.to_py_err())?;
        crate::embed::remember_source(self, filename, src);
        self.imports
            .compiled
            .insert(filename.to_string(), code.clone());
        Ok(code)
    }

    /// Runs a module's body in its namespace, in `sys.modules` meanwhile;
    /// a failure takes it out again. Gives what `sys.modules` then holds.
    fn run_module_code(&mut self, name: &str, m: Rc<Module>, code: &Rc<Code>) -> PyResult<Value> {
        let key = Value::str(name);
        let modules = self.sys_modules();
        modules
            .borrow_mut()
            .set(key.clone(), Value::Module(m.clone()))?;
        m.initializing.set(true);
        let r = self.exec_in(code, &m.globals);
        m.initializing.set(false);
        if !self.imports.ran.iter().any(|c| Rc::ptr_eq(c, code)) {
            self.imports.ran.push(code.clone());
        }
        if let Err(e) = r {
            let old = modules.borrow_mut().remove(&key);
            drop(old);
            return Err(e);
        }
        let got = modules.borrow().get(&key)?;
        got.ok_or_else(|| {
            import_error(
                ExcKind::ImportError,
                format!("Loaded module {name} not found in sys.modules"),
            )
        })
    }

    /// `__import__(name, globals, locals, fromlist, level)`: what
    /// IMPORT_NAME does. Gives the top package for a plain `import a.b`,
    /// the module itself when there is a fromlist (whose names that are
    /// submodules of a package are imported too).
    pub(crate) fn import_level(
        &mut self,
        name: &str,
        globals: Option<&Namespace>,
        fromlist: &[Value],
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(PyErr::new(ExcKind::ValueError, "level must be >= 0"));
        }
        let resolved = if level > 0 {
            resolve_relative(name, globals, level as usize)?
        } else {
            if name.is_empty() {
                return Err(PyErr::new(ExcKind::ValueError, "Empty module name"));
            }
            name.to_string()
        };
        let module = self.import_full(&resolved)?;
        if fromlist.is_empty() {
            if name.is_empty() {
                return Ok(module);
            }
            let first = name.split('.').next().unwrap_or(name);
            let cut = name.len() - first.len();
            let top = &resolved[..resolved.len() - cut];
            return self.imports.cached(top).ok_or_else(|| not_found(top));
        }
        if let Value::Module(m) = &module
            && m.globals.get("__path__").is_some()
        {
            let mut wanted: Vec<String> = Vec::new();
            for f in fromlist {
                match f {
                    Value::Str(s) if s.as_str() == "*" => {
                        if let Some(all) = m.globals.get("__all__") {
                            for v in self.collect_values(&all)? {
                                if let Value::Str(s) = v {
                                    wanted.push(s.as_str().to_owned());
                                }
                            }
                        }
                    }
                    Value::Str(s) => wanted.push(s.as_str().to_owned()),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "Item in {resolved}.__all__ must be str, not {}",
                            other.type_name()
                        )));
                    }
                }
            }
            for w in wanted {
                if m.globals.get(&w).is_none() {
                    let full = format!("{resolved}.{w}");
                    match self.import_full(&full) {
                        Ok(_) => {}
                        Err(e) if is_not_found(&e, &full) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        Ok(module)
    }

    /// `from module import name`: the attribute, else the submodule
    /// `module.name` already imported, else ImportError.
    pub(crate) fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        if let Value::Module(m) = module {
            if let Some(v) = m.globals.get(name) {
                return Ok(v);
            }
            let full = format!("{}.{name}", m.name());
            if let Some(v) = self.imports.cached(&full) {
                return Ok(v);
            }
            let from = m.name();
            let place = m.file().unwrap_or_else(|| "unknown location".to_string());
            let msg = if m.initializing.get() {
                format!(
                    "cannot import name '{name}' from partially initialized module '{from}' (most likely due to a circular import) ({place})"
                )
            } else {
                format!("cannot import name '{name}' from '{from}' ({place})")
            };
            return Err(import_error(ExcKind::ImportError, msg));
        }
        match self.getattr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if e.kind == ExcKind::AttributeError => Err(import_error(
                ExcKind::ImportError,
                format!(
                    "cannot import name '{name}' from '{}' (unknown location)",
                    module.type_name()
                ),
            )),
            Err(e) => Err(e),
        }
    }

    /// The names `from module import *` binds: `__all__`, else every
    /// name not starting with an underscore.
    /// `from x import *` where `sys.modules` holds something other than a
    /// module (a class, an instance): its `__all__`, else the public keys
    /// of its `__dict__`, each read as an attribute.
    fn star_names_of_object(&mut self, obj: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
        let names: Vec<Value> = match self.getattr(obj, "__all__") {
            Ok(all) => self.collect_values(&all)?,
            Err(e) if e.is(ExcKind::AttributeError) => {
                let d = self.getattr(obj, "__dict__").map_err(|e| {
                    if e.is(ExcKind::AttributeError) {
                        PyErr::new(
                            ExcKind::ImportError,
                            "from-import-* object has no __dict__ and no __all__",
                        )
                    } else {
                        e
                    }
                })?;
                let keys = self.collect_values(&d)?;
                keys.into_iter()
                    .filter(|k| matches!(k, Value::Str(s) if !s.starts_with('_')))
                    .collect()
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(names.len());
        for v in names {
            let Value::Str(s) = &v else {
                return Err(PyErr::type_error(format!(
                    "Item in __all__ must be str, not {}",
                    v.type_name()
                )));
            };
            let val = self.getattr(obj, s)?;
            out.push((Rc::from(s.as_str()), val));
        }
        Ok(out)
    }

    pub(crate) fn star_names(&mut self, module: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
        let Value::Module(m) = module else {
            return self.star_names_of_object(module);
        };
        let mut out = Vec::new();
        match m.globals.get("__all__") {
            Some(all) => {
                for v in self.collect_values(&all)? {
                    let Value::Str(s) = &v else {
                        return Err(PyErr::type_error(format!(
                            "Item in {}.__all__ must be str, not {}",
                            m.name(),
                            v.type_name()
                        )));
                    };
                    let val = self.import_from(module, s)?;
                    out.push((Rc::from(s.as_str()), val));
                }
            }
            None => {
                let mut names = m.globals.names();
                names.sort();
                for n in names {
                    if n.starts_with('_') {
                        continue;
                    }
                    if let Some(v) = m.globals.get(&n) {
                        out.push((Rc::from(n.as_str()), v));
                    }
                }
            }
        }
        Ok(out)
    }

    /// What `collect_at_exit` adds: every module emptied.
    pub(crate) fn clear_modules(&mut self) {
        self.imports.clear();
    }
}

/// The absolute name of a relative import of `name` at `level` from code
/// whose globals are `globals`.
pub(crate) fn resolve_relative(
    name: &str,
    globals: Option<&Namespace>,
    level: usize,
) -> PyResult<String> {
    let no_parent = || {
        import_error(
            ExcKind::ImportError,
            "attempted relative import with no known parent package".to_string(),
        )
    };
    let g = globals.ok_or_else(no_parent)?;
    let package = match g.get("__package__") {
        Some(Value::Str(p)) => p.as_str().to_owned(),
        Some(Value::None) | None => match g.get("__name__") {
            Some(Value::Str(n)) if g.get("__path__").is_some() => n.as_str().to_owned(),
            Some(Value::Str(n)) => n.rsplit_once('.').map_or("", |p| p.0).to_string(),
            _ => String::new(),
        },
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "package must be a string, not {}",
                other.type_name()
            )));
        }
    };
    if package.is_empty() {
        return Err(no_parent());
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((b, _)) => base = b,
            None => {
                return Err(import_error(
                    ExcKind::ImportError,
                    "attempted relative import beyond top-level package".to_string(),
                ));
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// IMPORT_NAME: TOS is the fromlist (None or a tuple of names), TOS1 the
/// level.
pub(crate) fn import_name(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let name = exec::name_of(r, arg);
    // SAFETY: verified — two values on the stack.
    let (level, fromlist) = unsafe {
        let f = r.sp.pop();
        (r.sp.pop(), f)
    };
    let Value::Int(level) = level else {
        return Err(exec::bad_code("IMPORT_NAME level is not an int"));
    };
    let fromlist = match &fromlist {
        Value::None => Vec::new(),
        Value::Tuple(t) => t.to_vec(),
        _ => return Err(exec::bad_code("IMPORT_NAME fromlist is not a tuple")),
    };
    // A script that replaced `builtins.__import__` gets its own called.
    match vm.builtins.get("__import__") {
        Some(Value::HostFn(h)) if &*h.name == "__import__" => {}
        Some(f) => {
            let g = crate::runtime::builtins::Host::names(vm, false)?;
            let fl = if fromlist.is_empty() {
                Value::None
            } else {
                Value::tuple(fromlist)
            };
            let args = vec![Value::str(&*name), g, Value::None, fl, Value::Int(level)];
            let m = vm.call_value(&f, args, Vec::new())?;
            // SAFETY: verified — room for the two popped.
            unsafe { r.sp.push(m) };
            return Ok(());
        }
        None => return Err(PyErr::new(ExcKind::ImportError, "__import__ not found").into()),
    }
    let globals = exec::globals(r);
    let m = vm.import_level(&name, Some(globals), &fromlist, level)?;
    // SAFETY: verified — room for the two popped.
    unsafe { r.sp.push(m) };
    Ok(())
}

/// IMPORT_FROM: pushes TOS.name (the module stays).
pub(crate) fn import_from(vm: &mut Vm, r: &mut Regs, arg: u32) -> Step {
    let name = exec::name_of(r, arg);
    // SAFETY: verified — the module on the stack, room for one more.
    let module = unsafe { r.sp.peek(0) }.clone();
    let v = vm.import_from(&module, &name)?;
    // SAFETY: as above.
    unsafe { r.sp.push(v) };
    Ok(())
}

/// IMPORT_STAR: binds the module's public names in the locals.
pub(crate) fn import_star(vm: &mut Vm, r: &mut Regs) -> Step {
    // SAFETY: verified — the module on the stack.
    let module = unsafe { r.sp.pop() };
    let names = vm.star_names(&module)?;
    let locals = exec::locals_of(r);
    // SAFETY: the module or class body's namespace outlives its frame
    // (see `exec::load_name`).
    let ns = unsafe { &*locals };
    for (k, v) in names {
        ns.set(k, v);
    }
    Ok(())
}

/// `module.name` through the instruction's inline cache (LOAD_ATTR and
/// LOAD_METHOD of a module): the cache LOAD_GLOBAL uses, by name index,
/// keyed by the module namespace's layout (layouts are unique across
/// namespaces, so no frame's globals can match it). So `math.sqrt` costs
/// a layout check and an index, as a global does.
#[inline(always)]
pub(crate) fn module_attr(code: &Code, arg: u32, m: &Module) -> Result<Value, Stop> {
    let s = code.global_slot(arg as usize);
    if s.ns == m.globals.layout()
        && s.builtins == 0
        && let Some(x) = m.globals.value_at(s.index)
    {
        return Ok(x);
    }
    module_attr_slow(code, arg, m)
}

#[cold]
#[inline(never)]
fn module_attr_slow(code: &Code, arg: u32, m: &Module) -> Result<Value, Stop> {
    let name = &code.names()[arg as usize];
    if let Some(i) = m.globals.index_of(name) {
        code.cache_global(
            arg as usize,
            crate::bytecode::code::GlobalSlot {
                ns: m.globals.layout(),
                builtins: 0,
                index: i,
            },
        );
    }
    Ok(m.getattr(name)?)
}

/// The builtin `__import__(name, globals=None, locals=None, fromlist=(),
/// level=0)`: a host function (it needs the VM), one per VM.
pub(crate) fn dunder_import() -> Value {
    let call =
        |vm: &mut Vm, args: crate::runtime::object::HostArgs, kwargs: Vec<(Rc<str>, Value)>| {
            let mut slots: [Option<Value>; 5] = Default::default();
            const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
            if args.len() > 5 {
                return Err(PyErr::type_error(format!(
                    "__import__() takes at most 5 arguments ({} given)",
                    args.len()
                )));
            }
            for (i, a) in args.into_iter().enumerate() {
                slots[i] = Some(a);
            }
            for (k, v) in kwargs {
                match NAMES.iter().position(|n| **n == *k) {
                    Some(i) if slots[i].is_none() => slots[i] = Some(v),
                    Some(_) => {
                        return Err(PyErr::type_error(format!(
                            "argument for __import__() given by name ('{k}') and position"
                        )));
                    }
                    None => {
                        return Err(PyErr::type_error(format!(
                            "'{k}' is an invalid keyword argument for __import__()"
                        )));
                    }
                }
            }
            let [name, globals, _locals, fromlist, level] = slots;
            let name = match name {
                Some(Value::Str(s)) => s,
                Some(other) => {
                    return Err(PyErr::type_error(format!(
                        "__import__() argument 1 must be str, not {}",
                        other.type_name()
                    )));
                }
                None => {
                    return Err(PyErr::type_error(
                        "__import__() missing required argument 'name' (pos 1)",
                    ));
                }
            };
            let level = match level {
                None => 0,
                Some(Value::Int(i)) => i,
                Some(other) => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    )));
                }
            };
            let fromlist = match fromlist {
                None | Some(Value::None) => Vec::new(),
                Some(f) => vm.collect_values(&f)?,
            };
            // The importer's globals, as a dict: what relative imports read.
            let g = Namespace::default();
            if let Some(Value::Dict(d)) = &globals {
                for key in ["__package__", "__name__", "__path__"] {
                    if let Some(v) = d.borrow().get(&Value::str(key))? {
                        g.set(Rc::from(key), v);
                    }
                }
            }
            vm.import_level(&name, Some(&g), &fromlist, level)
        };
    Value::HostFn(Rc::new(crate::runtime::object::HostFn {
        name: Rc::from("__import__"),
        method: false,
        call: Box::new(call),
    }))
}
