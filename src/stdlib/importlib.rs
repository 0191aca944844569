//! `importlib`: `import_module` (absolute and relative names).

use super::{arity, str_of, type_err, val};
use crate::embed::Result;
use crate::{Args, Error, Object, Vm};

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("importlib")
        .function("import_module", import_module)
        .register()
}

/// `importlib.import_module(name, package=None)`.
fn import_module(vm: &mut Vm, args: Args) -> Result<Object> {
    let package = args.keyword::<Object>("package")?;
    let mut a = args.clone();
    a.keywords.retain(|(k, _)| k != "package");
    arity("import_module", &a, 1, 2)?;
    let Some(name) = str_of(val(&a.positional[0])) else {
        return Err(type_err("module name must be str"));
    };
    let package = package.or_else(|| a.positional.get(1).cloned());
    let level = name.chars().take_while(|c| *c == '.').count();
    let module = if level > 0 {
        let pkg = match package.as_ref().map(|p| val(p).clone()) {
            Some(crate::runtime::Value::Str(p)) => p,
            _ => {
                return Err(type_err(format!(
                    "the 'package' argument is required to perform a relative import for '{name}'"
                )));
            }
        };
        let g = crate::runtime::object::Namespace::default();
        g.set(
            std::rc::Rc::from("__package__"),
            crate::runtime::Value::Str(pkg),
        );
        crate::interp::import::resolve_relative(&name[level..], Some(&g), level)
            .and_then(|full| vm.import_full(&full))
    } else {
        vm.import_full(&name)
    };
    module.map(Object).map_err(Error::from_py)
}
