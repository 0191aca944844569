//! Host functions and modules: Rust closures that scripts call, with typed
//! arguments, state, callbacks into Python and exceptions both ways; a
//! host module that scripts import.
//!
//!     cargo run --example embed_host_functions

use std::cell::RefCell;
use std::rc::Rc;

use framevm::{Error, Object, Vm};

fn main() -> Result<(), Error> {
    let mut vm = Vm::new();

    // A pure function: arguments and result converted.
    let clamp = vm.function("clamp", |_vm, (x, lo, hi): (f64, f64, f64)| {
        Ok(x.clamp(lo, hi))
    });
    vm.globals().set("clamp", clamp)?;

    // State shared with the host.
    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = events.clone();
    let emit = vm.function("emit", move |_vm, (what,): (String,)| {
        log.borrow_mut().push(what);
        Ok(())
    });
    vm.globals().set("emit", emit)?;

    // A custom exception class the script can catch.
    let limit_error = vm.exception_class("LimitError", "Exception")?;
    vm.globals().set("LimitError", &limit_error)?;
    let cls = limit_error.clone();
    let spend = vm.function_mut("spend", {
        let mut budget = 100i64;
        move |_vm, (n,): (i64,)| {
            if n > budget {
                return Err(Error::new_exception(&cls, format!("only {budget} left")));
            }
            budget -= n;
            Ok(budget)
        }
    });
    vm.globals().set("spend", spend)?;

    // A host function calling back into Python.
    let twice = vm.function("twice", |vm, (f, x): (Object, Object)| {
        let once: Object = vm.call(&f, (x,))?;
        vm.call::<Object>(&f, (once,))
    });
    vm.globals().set("twice", twice)?;

    // A host module that scripts import.
    vm.module("geometry")
        .constant("UNIT", 1.0)
        .function("area", |_vm, (w, h): (f64, f64)| Ok(w * h))
        .register()?;

    vm.exec(
        r#"
from geometry import area, UNIT
print("area", area(3, 4) * UNIT)
emit("start")
print(clamp(7.5, 0, 5), twice(lambda s: s + "!", "hi"))
try:
    spend(60)
    spend(60)
except LimitError as e:
    print("refused:", e)
emit("done")
"#,
        "script.py",
    )?;
    vm.flush().ok();
    println!("events seen by the host: {:?}", events.borrow());
    Ok(())
}
