//! The embedding tasks measured against mlua (Lua 5.4, vendored), each
//! done `n` times on a VM made in the setup: the same work on both sides.
//!
//! - `call_in`: Rust calls a script function `add(a, b)` with two ints.
//! - `call_out`: a script function's loop calls a host function
//!   `host_add(i, 1)` n times (the loop's own cost is included on both
//!   sides; the loop variable is a local on both).
//! - `eval`: evaluate `1 + 2 * 3` into an int.
//! - `exec`: run the two-statement script `x = 1` / `y = x + 2`.
//! - `list`: a 1,000-int `Vec` to a list (a table) and back.

#![allow(dead_code)]

use std::hint::black_box;

pub const TASKS: [&str; 5] = ["call_in", "call_out", "eval", "exec", "list"];

pub struct Fvm {
    pub vm: framevm::Vm,
    pub add: framevm::Object,
    pub n: u64,
    pub list: Vec<i64>,
}

pub struct Lua {
    pub lua: mlua::Lua,
    pub add: mlua::Function,
    pub n: u64,
    pub list: Vec<i64>,
}

pub fn framevm_setup(n: u64) -> Fvm {
    let mut vm = framevm::Vm::builder().stdout(std::io::sink()).build();
    vm.exec(
        "def add(a, b):\n    return a + b\n\ndef loop(n):\n    for i in range(n):\n        host_add(i, 1)\n",
        "bench.py",
    )
    .expect("runs");
    let add = vm.globals().get::<framevm::Object>("add").expect("add");
    let host = vm.function("host_add", |_vm, (a, b): (i64, i64)| Ok(a + b));
    vm.globals().set("host_add", host).expect("set");
    vm.globals().set("N", n).expect("set");
    Fvm {
        vm,
        add,
        n,
        list: (0..1000).collect(),
    }
}

pub fn lua_setup(n: u64) -> Lua {
    let lua = mlua::Lua::new();
    lua.load(
        "function add(a, b) return a + b end\n\
         function loop(n) for i = 0, n - 1 do host_add(i, 1) end end",
    )
    .exec()
    .expect("runs");
    let add: mlua::Function = lua.globals().get("add").expect("add");
    let host = lua
        .create_function(|_, (a, b): (i64, i64)| Ok(a + b))
        .expect("function");
    lua.globals().set("host_add", host).expect("set");
    lua.globals().set("N", n).expect("set");
    Lua {
        lua,
        add,
        n,
        list: (0..1000).collect(),
    }
}

pub fn framevm_task(s: &mut Fvm, task: &str) -> i64 {
    let mut acc = 0i64;
    match task {
        "call_in" => {
            for i in 0..s.n as i64 {
                acc += s.vm.call::<i64>(&s.add, (black_box(i), 1)).expect("call");
            }
        }
        "call_out" => {
            let f = s.vm.globals().get::<framevm::Object>("loop").expect("loop");
            s.vm.call::<()>(&f, (s.n,)).expect("runs");
        }
        "eval" => {
            for _ in 0..s.n {
                acc += s.vm.eval::<i64>(black_box("1 + 2 * 3")).expect("eval");
            }
        }
        "exec" => {
            for _ in 0..s.n {
                s.vm.exec(black_box("x = 1\ny = x + 2\n"), "s.py")
                    .expect("exec");
            }
        }
        "list" => {
            for _ in 0..s.n {
                let obj = framevm::IntoPy::into_py(black_box(s.list.clone())).expect("list");
                let back: Vec<i64> = obj.extract().expect("back");
                acc += back[999];
            }
        }
        _ => unreachable!("unknown task {task}"),
    }
    acc
}

pub fn lua_task(s: &mut Lua, task: &str) -> i64 {
    let mut acc = 0i64;
    match task {
        "call_in" => {
            for i in 0..s.n as i64 {
                acc += s.add.call::<i64>((black_box(i), 1)).expect("call");
            }
        }
        "call_out" => {
            let f: mlua::Function = s.lua.globals().get("loop").expect("loop");
            f.call::<()>(s.n).expect("runs");
        }
        "eval" => {
            for _ in 0..s.n {
                acc += s
                    .lua
                    .load(black_box("return 1 + 2 * 3"))
                    .eval::<i64>()
                    .expect("eval");
            }
        }
        "exec" => {
            for _ in 0..s.n {
                s.lua
                    .load(black_box("x = 1\ny = x + 2\n"))
                    .exec()
                    .expect("exec");
            }
        }
        "list" => {
            for _ in 0..s.n {
                let t = s
                    .lua
                    .create_sequence_from(black_box(s.list.clone()))
                    .expect("table");
                let back: Vec<i64> = s.lua.unpack(mlua::Value::Table(t)).expect("back");
                acc += back[999];
            }
        }
        _ => unreachable!("unknown task {task}"),
    }
    acc
}
