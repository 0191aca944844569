//! Exact instruction counts (callgrind) of the embedding tasks, framevm
//! beside mlua (Lua 5.4, vendored). Each task runs 1 and 101 times on a VM
//! made in the (uncounted) setup: `(Ir(101) - Ir(1)) / 100` is one task,
//! free of set-up and first-use costs. `scripts/embed-table.sh` prints the
//! table in the README.

#[path = "common/embed.rs"]
mod tasks;

use std::hint::black_box;

use iai_callgrind::{library_benchmark, library_benchmark_group, main};

fn fvm(n: u64) -> tasks::Fvm {
    let mut s = tasks::framevm_setup(n);
    // First use (caches, lazily made objects) outside the count.
    for task in tasks::TASKS {
        let n = std::mem::replace(&mut s.n, 1);
        tasks::framevm_task(&mut s, task);
        s.n = n;
    }
    s.vm.globals().set("N", n).expect("set");
    s
}

fn lua(n: u64) -> tasks::Lua {
    let mut s = tasks::lua_setup(n);
    for task in tasks::TASKS {
        let n = std::mem::replace(&mut s.n, 1);
        tasks::lua_task(&mut s, task);
        s.n = n;
    }
    s.lua.globals().set("N", n).expect("set");
    s
}

#[library_benchmark]
#[bench::x1(setup = fvm, args = (1))]
#[bench::x101(setup = fvm, args = (101))]
fn framevm_call_in(mut s: tasks::Fvm) -> tasks::Fvm {
    black_box(tasks::framevm_task(&mut s, "call_in"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = fvm, args = (1))]
#[bench::x101(setup = fvm, args = (101))]
fn framevm_call_out(mut s: tasks::Fvm) -> tasks::Fvm {
    black_box(tasks::framevm_task(&mut s, "call_out"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = fvm, args = (1))]
#[bench::x101(setup = fvm, args = (101))]
fn framevm_eval(mut s: tasks::Fvm) -> tasks::Fvm {
    black_box(tasks::framevm_task(&mut s, "eval"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = fvm, args = (1))]
#[bench::x101(setup = fvm, args = (101))]
fn framevm_exec(mut s: tasks::Fvm) -> tasks::Fvm {
    black_box(tasks::framevm_task(&mut s, "exec"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = fvm, args = (1))]
#[bench::x101(setup = fvm, args = (101))]
fn framevm_list(mut s: tasks::Fvm) -> tasks::Fvm {
    black_box(tasks::framevm_task(&mut s, "list"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = lua, args = (1))]
#[bench::x101(setup = lua, args = (101))]
fn mlua_call_in(mut s: tasks::Lua) -> tasks::Lua {
    black_box(tasks::lua_task(&mut s, "call_in"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = lua, args = (1))]
#[bench::x101(setup = lua, args = (101))]
fn mlua_call_out(mut s: tasks::Lua) -> tasks::Lua {
    black_box(tasks::lua_task(&mut s, "call_out"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = lua, args = (1))]
#[bench::x101(setup = lua, args = (101))]
fn mlua_eval(mut s: tasks::Lua) -> tasks::Lua {
    black_box(tasks::lua_task(&mut s, "eval"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = lua, args = (1))]
#[bench::x101(setup = lua, args = (101))]
fn mlua_exec(mut s: tasks::Lua) -> tasks::Lua {
    black_box(tasks::lua_task(&mut s, "exec"));
    // Returned: the teardown is not counted.
    s
}

#[library_benchmark]
#[bench::x1(setup = lua, args = (1))]
#[bench::x101(setup = lua, args = (101))]
fn mlua_list(mut s: tasks::Lua) -> tasks::Lua {
    black_box(tasks::lua_task(&mut s, "list"));
    // Returned: the teardown is not counted.
    s
}

library_benchmark_group!(
    name = framevm;
    benchmarks = framevm_call_in, framevm_call_out, framevm_eval, framevm_exec, framevm_list
);
library_benchmark_group!(
    name = mlua;
    benchmarks = mlua_call_in, mlua_call_out, mlua_eval, mlua_exec, mlua_list
);

main!(library_benchmark_groups = framevm, mlua);
