//! Host modules as a host uses them: Rust functions and constants that
//! scripts import, Python source the host supplies, a sandbox without
//! file imports, and the import system around them.

use std::cell::Cell;
use std::rc::Rc;

use framevm::{Error, Object, SharedBuffer, Vm};

fn vm_with_output() -> (Vm, SharedBuffer) {
    let out = SharedBuffer::default();
    let vm = Vm::builder().stdout(out.clone()).build();
    (vm, out)
}

fn last_line(e: &Error) -> String {
    e.to_string().lines().last().unwrap_or("").to_string()
}

/// A folder of its own under the system's temp folder.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "framevm-embed-modules-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_host_module_with_functions_and_constants_imports() {
    let (mut vm, out) = vm_with_output();
    let calls = Rc::new(Cell::new(0));
    let seen = calls.clone();
    let greeting = vm.function("greeting", |_vm, (name,): (String,)| {
        Ok(format!("hi {name}"))
    });
    vm.module("app")
        .function("scale", move |_vm, (x, k): (f64, f64)| {
            seen.set(seen.get() + 1);
            Ok(x * k)
        })
        .constant("VERSION", "1.2")
        .constant("LIMITS", vec![1, 2, 3])
        .constant("greet", greeting)
        .submodule("config", |m| m.constant("DEBUG", true))
        .register()
        .unwrap();
    vm.exec(
        "import app\n\
         from app import scale as s, VERSION\n\
         import app.config\n\
         from app.config import DEBUG\n\
         print(app.scale(2, 3), s(1.5, 2), VERSION, app.LIMITS, app.greet('you'))\n\
         print(app.config.DEBUG, DEBUG, app.config is app.config, repr(app))\n\
         print(app.__name__, app.config.__name__)",
        "main.py",
    )
    .unwrap();
    vm.flush().unwrap();
    assert_eq!(
        out.text(),
        "6.0 3.0 1.2 [1, 2, 3] hi you\nTrue True True <module 'app' (built-in)>\napp app.config\n"
    );
    assert_eq!(calls.get(), 2);
    // A missing name is CPython's ImportError.
    let err = vm.exec("from app import nothing", "main.py").unwrap_err();
    assert_eq!(
        last_line(&err),
        "ImportError: cannot import name 'nothing' from 'app' (unknown location)"
    );
    // The module is built once and cached: state set by a script stays.
    vm.exec("app.extra = 5", "a.py").unwrap();
    assert_eq!(vm.eval::<i64>("__import__('app').extra").unwrap(), 5);
    // The host can import it too.
    let app: Object = vm.import("app").unwrap();
    assert_eq!(app.type_name(), "module");
    let f = vm.get_attr(&app, "scale").unwrap();
    assert_eq!(vm.call::<f64>(&f, (4, 0.5)).unwrap(), 2.0);
}

#[test]
fn host_function_errors_are_python_exceptions() {
    let (mut vm, _out) = vm_with_output();
    vm.module("strict")
        .function("positive", |_vm, (n,): (i64,)| {
            if n <= 0 {
                return Err(Error::value_error(format!("{n} is not positive")));
            }
            Ok(n)
        })
        .register()
        .unwrap();
    vm.exec(
        "import strict\ntry:\n    strict.positive(-1)\nexcept ValueError as e:\n    msg = str(e)",
        "main.py",
    )
    .unwrap();
    assert_eq!(vm.eval::<String>("msg").unwrap(), "-1 is not positive");
    let err = vm.exec("strict.positive('x')", "main.py").unwrap_err();
    assert_eq!(
        last_line(&err),
        "TypeError: positive() argument 1: 'str' object cannot be converted to i64"
    );
}

#[test]
fn python_source_from_the_host_is_a_module() {
    let (mut vm, out) = vm_with_output();
    vm.add_source_module(
        "helpers",
        "print('helpers runs once')\n\
         def double(x):\n    return 2 * x\n\
         def fail():\n    return 1 // 0\n",
    );
    vm.add_source_module(
        "helpers.sub",
        "from . import double\nQUAD = double(double(1))\n",
    );
    vm.exec(
        "import helpers\nimport helpers\nfrom helpers import double",
        "main.py",
    )
    .unwrap();
    vm.exec(
        "import helpers.sub\nprint(double(21), helpers.sub.QUAD)",
        "main.py",
    )
    .unwrap();
    vm.flush().unwrap();
    assert_eq!(out.text(), "helpers runs once\n42 4\n");
    // A traceback goes through the host module's frames, with its source.
    let err = vm.exec("helpers.fail()", "main.py").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("  File \"<helpers>\", line 5, in fail\n    return 1 // 0\n"),
        "{text}"
    );
    assert!(text.ends_with("ZeroDivisionError: integer division or modulo by zero"));
}

#[test]
fn a_sandbox_imports_only_what_the_host_allows() {
    let dir = temp_dir("sandbox");
    std::fs::write(dir.join("secret.py"), "VALUE = 'from the disk'\n").unwrap();
    let script = dir.join("main.py").display().to_string();

    // With file imports: the script's folder is searched.
    let mut open = Vm::new();
    open.set_argv(&[script.as_str()]);
    open.exec("import secret\nv = secret.VALUE", &script)
        .unwrap();
    assert_eq!(open.eval::<String>("v").unwrap(), "from the disk");

    // Without: only registered and built-in modules.
    let mut sandbox = Vm::builder().allow_file_imports(false).build();
    sandbox.set_argv(&[script.as_str()]);
    sandbox
        .module("allowed")
        .constant("OK", 1)
        .register()
        .unwrap();
    let err = sandbox.exec("import secret", &script).unwrap_err();
    assert_eq!(
        last_line(&err),
        "ModuleNotFoundError: No module named 'secret'"
    );
    sandbox
        .exec(
            "import allowed, math, sys\nr = (allowed.OK, math.floor(2.5), sys.path)",
            &script,
        )
        .unwrap();
    assert_eq!(
        sandbox.eval::<(i64, i64, Vec<String>)>("r").unwrap(),
        (1, 2, vec![])
    );
    // Editing sys.path does not open the file system either.
    let err = sandbox
        .exec(
            &format!(
                "import sys\nsys.path.append({:?})\nimport secret",
                dir.display().to_string()
            ),
            &script,
        )
        .unwrap_err();
    assert_eq!(
        last_line(&err),
        "ModuleNotFoundError: No module named 'secret'"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn file_modules_compile_once_and_show_in_tracebacks() {
    let dir = temp_dir("files");
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "from .calc import div\n").unwrap();
    std::fs::write(
        dir.join("pkg/calc.py"),
        "def div(a, b):\n    return a // b\n",
    )
    .unwrap();
    let script = dir.join("main.py").display().to_string();
    let (mut vm, _out) = vm_with_output();
    vm.set_argv(&[script.as_str(), "--flag"]);
    vm.exec(
        "import sys, pkg\nargs = sys.argv\nq = pkg.div(7, 2)",
        &script,
    )
    .unwrap();
    assert_eq!(
        vm.eval::<Vec<String>>("args").unwrap(),
        [script.clone(), "--flag".to_string()]
    );
    assert_eq!(vm.eval::<i64>("q").unwrap(), 3);
    let err = vm.exec("pkg.div(1, 0)", &script).unwrap_err();
    let calc = dir.join("pkg/calc.py").display().to_string();
    let text = err.to_string();
    assert!(
        text.contains(&format!(
            "  File \"{calc}\", line 2, in div\n    return a // b\n"
        )),
        "{text}"
    );
    // Re-imported after leaving sys.modules: runs again, from the code
    // compiled the first time (the file changing does not matter).
    std::fs::write(
        dir.join("pkg/calc.py"),
        "def div(a, b):\n    return 'changed'\n",
    )
    .unwrap();
    vm.exec(
        "import sys\ndel sys.modules['pkg.calc']\nimport pkg.calc\nr = pkg.calc.div(1, 1)",
        &script,
    )
    .unwrap();
    assert_eq!(vm.eval::<i64>("r").unwrap(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_host_module_replaces_a_built_in_one() {
    let (mut vm, _out) = vm_with_output();
    vm.module("math").constant("pi", 3).register().unwrap();
    assert_eq!(vm.eval::<i64>("__import__('math').pi").unwrap(), 3);
    let err = vm.module("").register().unwrap_err();
    assert_eq!(last_line(&err), "ValueError: invalid module name ''");
}

#[test]
fn two_vms_have_their_own_modules() {
    let mut a = Vm::new();
    let mut b = Vm::new();
    a.exec("import math\nmath.tag = 'a'", "a.py").unwrap();
    b.exec("import math\nt = hasattr(math, 'tag')", "b.py")
        .unwrap();
    assert!(!b.eval::<bool>("t").unwrap());
    assert_eq!(a.eval::<String>("__import__('math').tag").unwrap(), "a");
}

#[test]
fn files_can_be_switched_off_by_the_host() {
    let dir = temp_dir("file-access");
    let file = dir.join("data.txt");
    std::fs::write(&file, "on the disk\n").unwrap();
    let path = file.display().to_string();

    // By default a script reads and writes files, and lists folders.
    let (mut vm, out) = vm_with_output();
    vm.exec(
        &format!(
            "import os\nwith open({path:?}) as f:\n    print(f.read(), end='')\n\
             with open({path:?}, 'a') as f:\n    f.write('more\\n')\n\
             print(os.listdir({dir:?}), os.path.getsize({path:?}))",
            dir = dir.display().to_string()
        ),
        "main.py",
    )
    .unwrap();
    vm.flush().unwrap();
    assert_eq!(out.text(), "on the disk\n['data.txt'] 17\n");

    // Switched off: every file operation is a PermissionError the script
    // can catch; the file is untouched; os still imports.
    let out = SharedBuffer::default();
    let mut sandbox = Vm::builder().allow_files(false).stdout(out.clone()).build();
    for call in [
        format!("open({path:?})"),
        format!("open({path:?}, 'w')"),
        format!("open({path:?}, 'rb', buffering=0)"),
        "import io; io.FileIO('x.txt', 'w')".to_string(),
        "import os; os.listdir('.')".to_string(),
        format!("import os; os.remove({path:?})"),
        format!("import os; os.path.getsize({path:?})"),
        "import os; os.getcwd()".to_string(),
        "import os; os.mkdir('newdir')".to_string(),
    ] {
        let err = sandbox.exec(&call, "main.py").unwrap_err();
        assert_eq!(
            last_line(&err),
            "PermissionError: file access is disabled",
            "{call}"
        );
    }
    sandbox
        .exec(
            &format!(
                "import os\ntry:\n    open({path:?})\nexcept OSError as e:\n    print(type(e).__name__, e)\n\
                 print(os.path.exists({path:?}), os.environ, os.path.join('a', 'b'))"
            ),
            "main.py",
        )
        .unwrap();
    sandbox.flush().unwrap();
    assert_eq!(
        out.text(),
        "PermissionError file access is disabled\nFalse {} a/b\n"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "on the disk\nmore\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
