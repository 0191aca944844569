//! The embedding API as a host uses it: persistent namespaces, typed
//! values in both directions, calls both ways, errors, limits.

use std::collections::{BTreeMap, HashMap};

use framevm::num_bigint::BigInt;
use framevm::{Args, Dispatch, Error, Object, Program, SharedBuffer, Strategy, Vm};

fn vm_with_output() -> (Vm, SharedBuffer) {
    let out = SharedBuffer::default();
    let vm = Vm::builder().stdout(out.clone()).build();
    (vm, out)
}

fn last_line(e: &Error) -> String {
    e.to_string().lines().last().unwrap_or("").to_string()
}

#[test]
fn exec_keeps_the_namespace_between_calls() {
    let (mut vm, out) = vm_with_output();
    vm.exec("x = 41", "a.py").unwrap();
    vm.exec("print(x + 1)", "b.py").unwrap();
    vm.exec("def f(n):\n    return n + x\n", "c.py").unwrap();
    vm.exec("x = 100\nprint(f(1))", "d.py").unwrap();
    vm.flush().unwrap();
    assert_eq!(out.text(), "42\n101\n");
    assert_eq!(vm.eval::<String>("__name__").unwrap(), "__main__");
}

#[test]
fn eval_converts_the_value() {
    let mut vm = Vm::new();
    assert_eq!(vm.eval::<i64>("2 ** 10").unwrap(), 1024);
    assert_eq!(vm.eval::<f64>("1 / 4").unwrap(), 0.25);
    assert!(vm.eval::<bool>("3 in [1, 2, 3]").unwrap());
    assert_eq!(vm.eval::<Option<i32>>("None").unwrap(), None);
    assert_eq!(vm.eval::<Option<i32>>("7").unwrap(), Some(7));
    assert_eq!(vm.eval::<()>("None").unwrap(), ());
    assert_eq!(
        vm.eval::<(i64, String, Vec<f64>)>("(1, 'two', [3.0, 4])")
            .unwrap(),
        (1, "two".to_string(), vec![3.0, 4.0])
    );
    // Statements are not expressions: a syntax error with its place.
    let e = vm.eval::<i64>("x = 1").unwrap_err();
    assert!(matches!(e, Error::Compile(_)), "{e}");
}

#[test]
fn integers_are_range_checked() {
    let mut vm = Vm::new();
    assert_eq!(vm.eval::<u8>("255").unwrap(), 255);
    let e = vm.eval::<u8>("256").unwrap_err();
    assert_eq!(last_line(&e), "OverflowError: int 256 out of range for u8");
    let e = vm.eval::<u32>("-1").unwrap_err();
    assert_eq!(last_line(&e), "OverflowError: int -1 out of range for u32");
    assert_eq!(vm.eval::<i8>("True").unwrap(), 1);
    assert_eq!(
        vm.eval::<i128>("2 ** 100").unwrap(),
        1_267_650_600_228_229_401_496_703_205_376
    );
    assert_eq!(
        vm.eval::<u64>("2 ** 64 - 1").unwrap(),
        u64::MAX,
        "a big int that fits"
    );
    assert_eq!(
        vm.eval::<BigInt>("-(3 ** 80)").unwrap(),
        -BigInt::from(3).pow(80)
    );
    let e = vm.eval::<i64>("1.5").unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: 'float' object cannot be converted to i64"
    );
}

#[test]
fn values_convert_both_ways() {
    let mut vm = Vm::new();
    let g = vm.globals();
    g.set("b", true).unwrap();
    g.set("i", -5i16).unwrap();
    g.set("u", u64::MAX).unwrap();
    g.set("f", 0.5f32).unwrap();
    g.set("s", "text").unwrap();
    g.set("o", Some(3u8)).unwrap();
    g.set("n", None::<i32>).unwrap();
    g.set("v", vec![1, 2, 3]).unwrap();
    g.set("t", (1, "a", 2.5)).unwrap();
    g.set("big", BigInt::from(7).pow(30)).unwrap();
    let mut hm = HashMap::new();
    hm.insert("k".to_string(), vec![1i64]);
    g.set("hm", hm).unwrap();
    let bt: BTreeMap<i64, &str> = [(2, "two"), (1, "one")].into_iter().collect();
    g.set("bt", bt).unwrap();
    let im: indexmap::IndexMap<&str, i64> = [("z", 1), ("a", 2)].into_iter().collect();
    g.set("im", im).unwrap();
    let got: String = vm
        .eval("repr((b, i, u, f, s, o, n, v, t, big, hm, bt, im))")
        .unwrap();
    assert_eq!(
        got,
        "(True, -5, 18446744073709551615, 0.5, 'text', 3, None, [1, 2, 3], (1, 'a', 2.5), \
         22539340290692258087863249, {'k': [1]}, {1: 'one', 2: 'two'}, {'z': 1, 'a': 2})"
    );
    let back: HashMap<String, Vec<i64>> = g.get("hm").unwrap();
    assert_eq!(back["k"], [1]);
    let back: BTreeMap<i64, String> = g.get("bt").unwrap();
    assert_eq!(back[&2], "two");
    let back: indexmap::IndexMap<String, i64> = g.get("im").unwrap();
    assert_eq!(back.keys().collect::<Vec<_>>(), ["z", "a"]);
    let e = g.get::<Vec<i64>>("s").unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: 'str' object cannot be converted to Vec"
    );
    let e = g.get::<i64>("missing").unwrap_err();
    assert_eq!(last_line(&e), "NameError: name 'missing' is not defined");
}

#[test]
fn globals_can_be_listed_and_removed() {
    let mut vm = Vm::new();
    vm.exec("a = 1\nb = 2", "<host>").unwrap();
    let g = vm.globals();
    assert_eq!(g.names(), ["__name__", "a", "b"]);
    assert!(g.remove("a"));
    assert!(!g.remove("a"));
    let e = vm.exec("print(a)", "<host>").unwrap_err();
    assert_eq!(last_line(&e), "NameError: name 'a' is not defined");
}

#[test]
fn a_program_runs_many_times_in_one_namespace_or_fresh_ones() {
    let mut vm = Vm::new();
    let p = Program::compile("try:\n    n += 1\nexcept NameError:\n    n = 1\n", "p.py").unwrap();
    for _ in 0..5 {
        vm.run(&p).unwrap();
    }
    assert_eq!(vm.eval::<i64>("n").unwrap(), 5);
    let fresh = vm.run_fresh(&p).unwrap();
    assert_eq!(fresh.get::<i64>("n").unwrap(), 1);
    assert_eq!(vm.eval::<i64>("n").unwrap(), 5, "__main__ untouched");
}

#[test]
fn objects_the_host_holds_survive_later_runs() {
    let mut vm = Vm::new();
    vm.exec(
        "class P:\n    def __init__(self, x):\n        self.x = x\np = P(3)\n",
        "<host>",
    )
    .unwrap();
    let p: Object = vm.globals().get("p").unwrap();
    vm.exec("del p\nq = 1", "<host>").unwrap();
    vm.exec("r = 2", "<host>").unwrap();
    assert_eq!(vm.get_attr(&p, "x").unwrap().extract::<i64>().unwrap(), 3);
}

#[test]
fn python_functions_are_called_from_rust() {
    let mut vm = Vm::new();
    vm.exec(
        "def f(a, b=10, *rest, k=0):\n    return (a, b, rest, k)\n\nclass C:\n    def m(self, y):\n        return y * 2\n",
        "lib.py",
    )
    .unwrap();
    let f: Object = vm.globals().get("f").unwrap();
    let r: (i64, i64, Vec<i64>, i64) = vm.call(&f, (1,)).unwrap();
    assert_eq!(r, (1, 10, vec![], 0));
    let r: (i64, i64, Vec<i64>, i64) = vm.call(&f, (1, 2, 3, 4)).unwrap();
    assert_eq!(r, (1, 2, vec![3, 4], 0));
    let args = Args {
        positional: vec![framevm::IntoPy::into_py(5).unwrap()],
        keywords: vec![("k".into(), framevm::IntoPy::into_py(9).unwrap())],
    };
    let r: (i64, i64, Vec<i64>, i64) = vm.call(&f, args).unwrap();
    assert_eq!(r, (5, 10, vec![], 9));
    let c: Object = vm.globals().get("C").unwrap();
    let inst: Object = vm.call(&c, ()).unwrap();
    assert_eq!(vm.call_method::<i64>(&inst, "m", (21,)).unwrap(), 42);
    let e = vm.call::<Object>(&f, ()).unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: f() missing 1 required positional argument: 'a'"
    );
}

#[test]
fn host_functions_take_typed_arguments_and_raise_exceptions() {
    let mut vm = Vm::new();
    let div = vm.function("div", |_vm, (a, b): (i64, i64)| {
        if b == 0 {
            return Err(Error::raise("ZeroDivisionError", "host division by zero"));
        }
        Ok(a / b)
    });
    vm.globals().set("div", div).unwrap();
    assert_eq!(vm.eval::<i64>("div(7, 2)").unwrap(), 3);
    vm.exec(
        "try:\n    div(1, 0)\nexcept ZeroDivisionError as e:\n    msg = str(e)\n",
        "<host>",
    )
    .unwrap();
    assert_eq!(vm.eval::<String>("msg").unwrap(), "host division by zero");
    let e = vm.eval::<i64>("div(1)").unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: div() takes 2 positional arguments but 1 was given"
    );
    let e = vm.eval::<i64>("div(1, b=2)").unwrap_err();
    assert_eq!(last_line(&e), "TypeError: div() takes no keyword arguments");
    assert_eq!(
        vm.eval::<String>("repr(div)").unwrap(),
        "<built-in function div>"
    );
}

#[test]
fn host_functions_call_back_into_python() {
    let mut vm = Vm::new();
    let apply = vm.function("apply", |vm, (f, n): (Object, i64)| {
        let mut acc = 0i64;
        for i in 0..n {
            acc += vm.call::<i64>(&f, (i,))?;
        }
        Ok(acc)
    });
    vm.globals().set("apply", apply).unwrap();
    assert_eq!(
        vm.eval::<i64>("apply(lambda i: i * i, 5)").unwrap(),
        1 + 4 + 9 + 16
    );
    // An exception raised by the callback passes through the host
    // function as the same object.
    vm.exec(
        "class Boom(Exception):\n    pass\n\ndef bad(i):\n    raise Boom('at %d' % i)\n\ntry:\n    apply(bad, 3)\nexcept Boom as e:\n    got = e.args\n",
        "<host>",
    )
    .unwrap();
    assert_eq!(
        vm.eval::<Vec<String>>("list(got)").unwrap(),
        ["at 0".to_string()]
    );
}

#[test]
fn a_panicking_host_function_raises_system_error_and_the_vm_goes_on() {
    let mut vm = Vm::new();
    let boom = vm.function("boom", |_vm, (): ()| -> framevm::Result<i64> {
        panic!("the host's bug")
    });
    vm.globals().set("boom", boom).unwrap();
    for _ in 0..1000 {
        let e = vm.exec("boom()", "<host>").unwrap_err();
        assert_eq!(
            last_line(&e),
            "SystemError: host function boom() panicked: the host's bug"
        );
    }
    // Caught inside Python, too.
    vm.exec(
        "try:\n    boom()\nexcept SystemError:\n    ok = True\n",
        "<host>",
    )
    .unwrap();
    assert!(vm.eval::<bool>("ok").unwrap());
    // The call depth is intact: deep recursion still reaches the limit, not less.
    vm.exec(
        "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\n",
        "<host>",
    )
    .unwrap();
    assert_eq!(vm.eval::<i64>("d(900)").unwrap(), 900);
}

#[test]
fn custom_exception_classes_cross_both_ways() {
    let mut vm = Vm::new();
    let err_cls = vm.exception_class("HostError", "ValueError").unwrap();
    vm.globals().set("HostError", &err_cls).unwrap();
    let cls = err_cls.clone();
    let check = vm.function("check", move |_vm, (n,): (i64,)| {
        if n < 0 {
            Err(Error::new_exception(&cls, format!("negative: {n}")))
        } else {
            Ok(n)
        }
    });
    vm.globals().set("check", check).unwrap();
    vm.exec(
        "try:\n    check(-2)\nexcept ValueError as e:\n    caught = (type(e).__name__, str(e))\n",
        "<host>",
    )
    .unwrap();
    assert_eq!(
        vm.eval::<(String, String)>("caught").unwrap(),
        ("HostError".to_string(), "negative: -2".to_string())
    );
    let e = vm.exec("check(-1)", "host.py").unwrap_err();
    let Error::Exception(x) = &e else {
        panic!("{e}")
    };
    assert_eq!(x.type_name(), "HostError");
    assert!(x.is("ValueError"));
    assert_eq!(x.message(), "negative: -1");
}

#[test]
fn errors_carry_the_traceback_the_command_line_prints() {
    let mut vm = Vm::new();
    let src =
        "def inner(x):\n    return x[3]\n\ndef outer():\n    return inner([1, 2])\n\nouter()\n";
    let e = vm.exec(src, "/tmp/t.py").unwrap_err();
    assert_eq!(
        e.to_string(),
        "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 7, in <module>\n    outer()\n  File \"/tmp/t.py\", line 5, in outer\n    return inner([1, 2])\n           ^^^^^^^^^^^^^\n  File \"/tmp/t.py\", line 2, in inner\n    return x[3]\n           ~^^^\nIndexError: list index out of range"
    );
    let e = vm.exec("x = (1,\n", "bad.py").unwrap_err();
    assert!(matches!(e, Error::Compile(_)));
    assert!(e.to_string().contains("SyntaxError"), "{e}");
    // Chained exceptions keep their chain.
    let e = vm
        .exec(
            "try:\n    {}['k']\nexcept KeyError as e:\n    raise RuntimeError('wrapped') from e\n",
            "c.py",
        )
        .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("KeyError: 'k'"), "{text}");
    assert!(
        text.contains("The above exception was the direct cause of the following exception:"),
        "{text}"
    );
    assert!(text.ends_with("RuntimeError: wrapped"), "{text}");
}

fn all_configs() -> Vec<(Dispatch, Strategy, bool)> {
    let mut out = Vec::new();
    for d in [Dispatch::Threaded, Dispatch::Switch] {
        for s in Strategy::ALL {
            out.push((d, s, true));
        }
    }
    out.push((Dispatch::Switch, Strategy::FreeList, false));
    out
}

#[test]
fn fuel_stops_at_the_same_instruction_in_every_configuration() {
    fuel_stops_alike(
        "def f(n):\n    t = 0\n    for i in range(n):\n        if i % 3 == 0:\n            t += i\n    return t\n\ndef g():\n    return sum(f(k) for k in range(30))\n\nwhile True:\n    x = g()\n",
    );
}

/// Unpackings and the stores after them run as one dispatch (up to 15
/// stores; longer ones store one at a time): the fuel still counts each.
#[test]
fn fuel_counts_every_store_an_unpacking_does() {
    fuel_stops_alike(concat!(
        "def f(n, st):\n",
        "    t = (1, 2, 3)\n",
        "    w = tuple(range(16))\n",
        "    for i in range(n):\n",
        "        a, b, c = t\n",
        "        p, q = divmod(i, 7)\n",
        "        a, b, c, d, e, f, g, h, i2, j, k, l, m, n2, o, r = w\n",
        "        a, st[1] = p, q\n",
        "        st[0] = st[0] + a + b + c + r\n",
        "\n",
        "x = [0, 0]\n",
        "while True:\n",
        "    f(40, x)\n",
    ));
}

fn fuel_stops_alike(src: &str) {
    let mut seen = None;
    for fuel in [1u64, 2, 17, 1000, 1023, 1024, 1025, 4097, 123_457] {
        for (d, s, quick) in all_configs() {
            let mut vm = Vm::builder()
                .dispatch(d)
                .frames(s)
                .quick(quick)
                .fuel(fuel)
                .build();
            let e = vm.exec(src, "fuel.py").unwrap_err();
            assert!(matches!(e, Error::OutOfFuel), "{d}/{s}: {e}");
            assert_eq!(
                vm.instructions(),
                fuel,
                "{d}/{s}/quick {quick}: fuel {fuel}"
            );
            assert_eq!(vm.fuel_left(), Some(0));
            // Where it stopped: what the script had computed.
            let state = vm.globals().get::<Object>("x").ok().map(|x| x.to_string());
            let key = (fuel, state.clone());
            if let Some((f, st)) = &seen
                && *f == fuel
            {
                assert_eq!(*st, state, "{d}/{s}: a different stopping point");
            }
            seen = Some(key);
            assert_eq!(vm.frame_stats().alive, 0, "frames left: {d}/{s}");
            // More fuel lets it go on.
            vm.set_fuel(Some(10));
            assert!(matches!(vm.exec("y = 1", "<host>"), Ok(())));
        }
    }
}

#[test]
fn fuel_is_not_caught_by_except_or_finally() {
    let mut vm = Vm::new();
    vm.set_fuel(Some(5_000));
    let e = vm
        .exec(
            "ran = []\ntry:\n    while True:\n        pass\nexcept BaseException:\n    ran.append('except')\nfinally:\n    ran.append('finally')\n",
            "<host>",
        )
        .unwrap_err();
    assert!(matches!(e, Error::OutOfFuel));
    vm.set_fuel(None);
    assert_eq!(vm.eval::<Vec<String>>("ran").unwrap(), Vec::<String>::new());
}

#[test]
fn an_interrupt_from_another_thread_stops_a_loop() {
    let mut vm = Vm::new();
    let handle = vm.interrupt_handle();
    let started = std::time::Instant::now();
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        handle.interrupt();
        std::time::Instant::now()
    });
    let e = vm.exec("while True:\n    pass\n", "<spin>").unwrap_err();
    let stopped = std::time::Instant::now();
    let raised = t.join().unwrap();
    assert!(matches!(e, Error::Interrupted), "{e}");
    assert!(stopped >= raised);
    assert!(stopped.duration_since(started).as_millis() >= 50);
    // The VM goes on.
    assert_eq!(vm.eval::<i64>("1 + 1").unwrap(), 2);
}

#[test]
fn a_deadline_stops_a_script() {
    let mut vm = Vm::new();
    vm.set_deadline(Some(std::time::Duration::from_millis(30)));
    let e = vm.exec("while True:\n    pass\n", "<spin>").unwrap_err();
    assert!(matches!(e, Error::Interrupted));
    vm.set_deadline(None);
    assert_eq!(vm.eval::<i64>("3").unwrap(), 3);
}

/// Found through the source fuzz target's sandbox (by a hand-written input:
/// the fuzzer itself never slept): `time.sleep(n)` held the host for n
/// seconds whatever its deadline or interrupt handle said. The sleep
/// stops as a running script does (and no `except` sees it).
#[test]
fn a_deadline_or_an_interrupt_stops_a_sleeping_script() {
    use std::time::{Duration, Instant};
    let sleeper = "import time\ntry:\n    time.sleep(100)\nexcept BaseException:\n    caught = 1\n";
    let mut vm = Vm::new();
    vm.set_deadline(Some(Duration::from_millis(50)));
    let started = Instant::now();
    let e = vm.exec(sleeper, "<sleep>").unwrap_err();
    assert!(matches!(e, Error::Interrupted), "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(!vm.globals().contains("caught"));
    vm.set_deadline(None);

    let handle = vm.interrupt_handle();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let started = Instant::now();
    let e = vm.exec(sleeper, "<sleep>").unwrap_err();
    t.join().unwrap();
    assert!(matches!(e, Error::Interrupted), "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // A short sleep still sleeps its time.
    let started = Instant::now();
    vm.exec("import time\ntime.sleep(0.03)", "<nap>").unwrap();
    assert!(started.elapsed() >= Duration::from_millis(30));
}
#[test]
fn two_vms_run_at_once_on_two_threads() {
    let spawn = |k: i64| {
        std::thread::spawn(move || {
            let mut vm = Vm::new();
            vm.exec(
                &format!("acc = 0\nfor i in range(200000):\n    acc = (acc + i * {k}) % 1000003\n"),
                "t.py",
            )
            .unwrap();
            vm.eval::<i64>("acc").unwrap()
        })
    };
    let (a, b) = (spawn(3), spawn(7));
    let expect = |k: i64| {
        let mut acc = 0i64;
        for i in 0..200_000 {
            acc = (acc + i * k) % 1_000_003;
        }
        acc
    };
    assert_eq!(a.join().unwrap(), expect(3));
    assert_eq!(b.join().unwrap(), expect(7));
}

struct Account {
    balance: i64,
    log: Vec<String>,
}

impl framevm::UserData for Account {
    const NAME: &'static str = "Account";
    fn register(c: &mut framevm::Class<Self>) {
        c.method_mut("deposit", |_vm, this, (n,): (i64,)| {
            if n <= 0 {
                return Err(Error::value_error("deposit must be positive"));
            }
            this.balance += n;
            this.log.push(format!("+{n}"));
            Ok(this.balance)
        });
        // Calls back into Python while holding the account mutably.
        c.method_mut("apply", |vm, this, (f,): (Object,)| {
            this.balance = vm.call::<i64>(&f, (this.balance,))?;
            Ok(())
        });
        c.getter("balance", |this| this.balance);
        c.method("history", |_vm, this, (): ()| Ok(this.log.clone()));
        c.method("__len__", |_vm, this, (): ()| Ok(this.log.len()));
        c.method("__repr__", |_vm, this, (): ()| {
            Ok(format!("<Account balance={}>", this.balance))
        });
    }
}

#[test]
fn userdata_is_an_instance_with_methods_properties_and_special_methods() {
    let mut vm = Vm::new();
    let acct = vm
        .create_userdata(Account {
            balance: 10,
            log: Vec::new(),
        })
        .unwrap();
    let cls = vm.userdata_class::<Account>().unwrap();
    vm.globals().set("Account", cls).unwrap();
    vm.globals().set("acct", &acct).unwrap();
    vm.exec(
        "acct.deposit(5)\nd = acct.deposit\nd(7)\nr = (repr(acct), len(acct), acct.balance, acct.history(), isinstance(acct, Account), type(acct).__name__)\n",
        "<host>",
    )
    .unwrap();
    assert_eq!(
        vm.eval::<String>("repr(r)").unwrap(),
        "('<Account balance=22>', 2, 22, ['+5', '+7'], True, 'Account')"
    );
    assert_eq!(
        vm.with_userdata(&acct, |a: &Account| a.balance).unwrap(),
        22
    );
    vm.with_userdata_mut(&acct, |a: &mut Account| a.balance = 100)
        .unwrap();
    assert_eq!(vm.eval::<i64>("acct.balance").unwrap(), 100);
    // Errors: a host error, a read-only property, no constructor, a wrong
    // receiver, and a borrow conflict (a method holding the value mutably
    // while the script reaches it again) — exceptions, never a panic.
    let e = vm.exec("acct.deposit(-1)", "<host>").unwrap_err();
    assert_eq!(last_line(&e), "ValueError: deposit must be positive");
    let e = vm.exec("acct.balance = 3", "<host>").unwrap_err();
    assert_eq!(
        last_line(&e),
        "AttributeError: property 'balance' of 'Account' object has no setter"
    );
    let e = vm.exec("Account()", "<host>").unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: cannot create 'Account' instances"
    );
    let e = vm.exec("Account.deposit(3, 1)", "<host>").unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: expected a 'Account' object, got 'int'"
    );
    vm.exec(
        "try:\n    acct.apply(lambda b: acct.deposit(1))\nexcept RuntimeError as e:\n    msg = str(e)\n",
        "<host>",
    )
    .unwrap();
    assert_eq!(
        vm.eval::<String>("msg").unwrap(),
        "Account object is already borrowed"
    );
    vm.exec("acct.apply(lambda b: b * 2)", "<host>").unwrap();
    assert_eq!(vm.eval::<i64>("acct.balance").unwrap(), 200);
    let e = vm
        .with_userdata(&Object::none(), |a: &Account| a.balance)
        .unwrap_err();
    assert_eq!(
        last_line(&e),
        "TypeError: expected a 'Account' object, got 'NoneType'"
    );
}

#[test]
fn a_host_hook_sees_events_and_locals_and_can_stop_the_script() {
    use framevm::{EventKind, Hook, HookAction};
    use std::cell::RefCell;
    use std::rc::Rc;
    let mut vm = framevm::Vm::new();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    vm.set_hook(Some(Hook {
        callback: Box::new(move |e| {
            let mut log = log.borrow_mut();
            match e.kind() {
                EventKind::Call | EventKind::Return => {
                    log.push(format!("{:?} {} {}", e.kind(), e.function(), e.line()))
                }
                EventKind::Line if e.function() == "f" => {
                    let mut vars: Vec<String> = e
                        .locals()
                        .into_iter()
                        .map(|(k, v)| format!("{k}={}", v.plain_repr()))
                        .collect();
                    vars.sort();
                    log.push(format!("line {} {}", e.line(), vars.join(",")));
                }
                _ => {}
            }
            HookAction::Continue
        }),
        lines: true,
        opcodes: false,
    }));
    vm.exec(
        "def f(a):\n    b = a + 1\n    return b\nx = f(1)\n",
        "hooked.py",
    )
    .unwrap();
    vm.set_hook(None);
    assert_eq!(
        *seen.borrow(),
        [
            "Call <module> 1",
            "Call f 1",
            "line 2 a=1",
            "line 3 a=1,b=2",
            "Return f 3",
            "Return <module> 4",
        ]
    );
    // Stopping: the script ends at the line, no `finally` of it runs.
    let lines = Rc::new(RefCell::new(0u32));
    let n = lines.clone();
    vm.set_hook(Some(Hook {
        callback: Box::new(move |e| {
            if e.kind() == EventKind::Line {
                *n.borrow_mut() += 1;
                if e.line() == 4 {
                    return HookAction::Stop;
                }
            }
            HookAction::Continue
        }),
        lines: true,
        opcodes: false,
    }));
    let r = vm.exec(
        "done = []\ntry:\n    i = 0\n    i += 1\n    done.append(i)\nfinally:\n    done.append('finally')\n",
        "stopped.py",
    );
    vm.set_hook(None);
    assert!(matches!(r, Err(framevm::Error::Interrupted)), "{r:?}");
    assert_eq!(*lines.borrow(), 4);
    assert_eq!(vm.eval::<Vec<i64>>("done").unwrap(), Vec::<i64>::new());
    // With the hook gone, the VM runs as before.
    assert_eq!(vm.eval::<i64>("f(41)").unwrap(), 42);
}

/// Found by the bytecode fuzz target (a test program's `sum(range(10**7))`
/// under ASan): a builtin's native loop runs no instruction, so neither
/// the deadline nor the interrupt handle stopped `sum(range(10**15))`.
/// They are checked every 4,096 items now (the fuel counts instructions
/// only, as before).
#[test]
fn a_deadline_or_an_interrupt_stops_a_native_loop() {
    use std::time::{Duration, Instant};
    let mut vm = Vm::new();
    for expr in ["sum(range(10**15))", "sum(range(10**15), 0.5)"] {
        vm.set_deadline(Some(Duration::from_millis(50)));
        let started = Instant::now();
        let e = vm.exec(&format!("x = {expr}"), "<loop>").unwrap_err();
        assert!(matches!(e, Error::Interrupted), "{expr}: {e}");
        assert!(started.elapsed() < Duration::from_secs(5), "{expr}");
    }
    vm.set_deadline(None);
    let handle = vm.interrupt_handle();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let e = vm.exec("x = sum(range(10**15))", "<loop>").unwrap_err();
    t.join().unwrap();
    assert!(matches!(e, Error::Interrupted), "{e}");
    assert_eq!(vm.eval::<i64>("sum(range(10))").unwrap(), 45);
}

/// Found by the bytecode fuzz target: `math.factorial(n)` of a large n
/// (under the memory cap) ran no instruction while it multiplied, so the
/// deadline did not stop it. It is checked between multiplications now.
#[test]
fn a_deadline_stops_a_long_factorial() {
    use std::time::{Duration, Instant};
    let mut vm = Vm::new();
    vm.exec("import math", "<m>").unwrap();
    for expr in [
        "math.factorial(10**7)",
        "math.perm(10**7)",
        "math.comb(2 * 10**7, 10**7)",
    ] {
        vm.set_deadline(Some(Duration::from_millis(50)));
        let started = Instant::now();
        let e = vm.exec(&format!("x = {expr}"), "<product>").unwrap_err();
        assert!(matches!(e, Error::Interrupted), "{expr}: {e}");
        assert!(started.elapsed() < Duration::from_secs(5), "{expr}");
    }
    vm.set_deadline(None);
    assert_eq!(vm.eval::<i64>("math.factorial(5)").unwrap(), 120);
}
