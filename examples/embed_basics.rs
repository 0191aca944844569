//! Embedding basics: run statements, keep the namespace, evaluate into
//! Rust types, call a Python function, read an error.
//!
//!     cargo run --example embed_basics

use framevm::{Error, Object, Vm};

fn main() -> Result<(), Error> {
    let mut vm = Vm::new();

    // Statements run in `__main__`, which lasts between calls.
    vm.exec("prices = {'apple': 1.25, 'pear': 0.8}", "setup.py")?;
    vm.exec("total = sum(prices.values())", "step.py")?;
    let total: f64 = vm.eval("total")?;
    println!("total = {total}");

    // Values go both ways through IntoPy / FromPy.
    vm.globals().set("basket", vec!["apple", "apple", "pear"])?;
    let cost: f64 = vm.eval("sum(prices[f] for f in basket)")?;
    println!("basket costs {cost:.2}");

    // A Python function called from Rust.
    vm.exec(
        "def describe(name, qty=1):\n    return f'{qty} x {name} = {prices[name] * qty:.2f}'\n",
        "lib.py",
    )?;
    let describe: Object = vm.globals().get("describe")?;
    let line: String = vm.call(&describe, ("pear", 3))?;
    println!("{line}");

    // A compiled program runs many times.
    let program = framevm::Program::compile("total = total * 2", "double.py")?;
    for _ in 0..3 {
        vm.run(&program)?;
    }
    println!("doubled three times: {}", vm.eval::<f64>("total")?);

    // Errors carry the traceback the command line prints.
    if let Err(e) = vm.exec("describe('plum')", "main.py") {
        println!("--- the script failed:\n{e}");
    }
    Ok(())
}
