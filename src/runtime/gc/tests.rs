//! Unit tests of the collector, and a property test over random object
//! graphs with random cycles (run under Miri too:
//! `cargo +nightly miri test --lib gc::`).

use proptest::prelude::*;

use super::*;

/// A fresh start: what earlier tests of this thread left is collected.
fn reset() {
    collect(true);
}

fn list_rc(v: &Value) -> &Rc<RefCell<Seq>> {
    match v {
        Value::List(l) => l,
        _ => unreachable!("a list"),
    }
}

#[test]
fn list_cycle_is_freed() {
    reset();
    let a = Value::list(vec![]);
    list_rc(&a).borrow_mut().push(a.clone());
    let w = Rc::downgrade(list_rc(&a));
    drop(a);
    assert_eq!(w.strong_count(), 1);
    assert_eq!(collect(true), 1);
    assert_eq!(w.strong_count(), 0);
}

#[test]
fn reachable_cycle_survives_with_its_contents() {
    reset();
    let a = Value::list(vec![Value::Int(7)]);
    let b = Value::list(vec![a.clone()]);
    list_rc(&a).borrow_mut().push(b.clone());
    assert_eq!(collect(false), 0);
    assert_eq!(collect(true), 0);
    assert_eq!(list_rc(&a).borrow().len(), 2);
    assert_eq!(list_rc(&b).borrow().len(), 1);
    // Held from outside only through `b` now.
    let wa = Rc::downgrade(list_rc(&a));
    drop(a);
    assert_eq!(collect(true), 0);
    assert_eq!(wa.strong_count(), 1);
    drop(b);
    assert_eq!(collect(true), 2);
    assert_eq!(wa.strong_count(), 0);
}

#[test]
fn young_collection_keeps_what_old_objects_hold() {
    reset();
    let old = Value::list(vec![]);
    collect(true); // `old` is in the old generation now
    let young = Value::list(vec![]);
    list_rc(&young).borrow_mut().push(young.clone());
    list_rc(&old).borrow_mut().push(young.clone());
    let w = Rc::downgrade(list_rc(&young));
    drop(young);
    assert_eq!(collect(false), 0);
    assert_eq!(w.strong_count(), 2);
    list_rc(&old).borrow_mut().clear();
    assert_eq!(collect(true), 1);
    assert_eq!(w.strong_count(), 0);
}

#[test]
fn dict_cell_and_tuple_cycles() {
    reset();
    let d = Value::Dict(Rc::new(RefCell::new(Dict::default())));
    // Made through the funnel so that it is tracked.
    let d = match d {
        Value::Dict(rc) => dict(Rc::try_unwrap(rc).expect("one owner").into_inner()),
        _ => unreachable!(),
    };
    let cell = Rc::new(RefCell::new(Value::None));
    track(Entry::Cell(Rc::downgrade(&cell)));
    let t = Value::tuple(vec![Value::Cell(cell.clone()), Value::Int(1)]);
    if let Value::Dict(dd) = &d {
        dd.borrow_mut().set(Value::Int(1), t).expect("int key");
    }
    *cell.borrow_mut() = d.clone();
    let wc = Rc::downgrade(&cell);
    drop((d, cell));
    assert_eq!(collect(true), 3);
    assert_eq!(wc.strong_count(), 0);
}

#[test]
fn borrowed_container_is_kept() {
    reset();
    let a = Value::list(vec![]);
    list_rc(&a).borrow_mut().push(a.clone());
    let w = Rc::downgrade(list_rc(&a));
    let rc = list_rc(&a).clone();
    drop(a);
    {
        let _held = rc.borrow_mut();
        // Cannot be looked into: counted as referenced from outside.
        assert_eq!(collect(true), 0);
    }
    drop(rc);
    assert_eq!(collect(true), 1);
    assert_eq!(w.strong_count(), 0);
}

#[test]
fn instance_cycle_through_attributes() {
    reset();
    let inst = Rc::new(Instance::new(super::super::class::object_class()));
    track(Entry::Instance(Rc::downgrade(&inst)));
    let l = Value::list(vec![Value::Instance(inst.clone())]);
    inst.dict.borrow_mut().insert(Rc::from("l"), l);
    let w = Rc::downgrade(&inst);
    drop(inst);
    assert_eq!(collect(true), 2);
    assert_eq!(w.strong_count(), 0);
}

/// Through a VM: a generator whose suspended frame closes a cycle is
/// finalized (closed, its `finally` runs with the objects whole), then
/// the cycle is freed; the frame's slots are read by the traversal.
#[test]
fn generator_cycle_through_a_vm() {
    let mut vm = crate::Vm::new();
    vm.exec(
        "import gc, weakref\n\
         log = []\n\
         class R:\n    \
             def __init__(self):\n        self.it = self.g()\n    \
             def g(self):\n        \
                 try:\n            yield 1\n        \
                 finally:\n            log.append(type(self).__name__)\n\
         def make():\n    r = R()\n    next(r.it)\n    return weakref.ref(r)\n\
         w = make()\n\
         assert w() is not None\n\
         n = gc.collect()\n\
         assert log == ['R'], log\n\
         assert w() is None and n >= 1, n\n",
        "gen.py",
    )
    .expect("the program runs");
}

/// What a node of a random graph is.
#[derive(Clone, Copy, Debug)]
enum Kind {
    List,
    Dict,
    Cell,
    /// Made last, over the nodes given: can close no cycle by itself.
    Tuple,
    /// A slice over up to three earlier nodes: not tracked, seen through.
    Slice,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::List),
        Just(Kind::Dict),
        Just(Kind::Cell),
        Just(Kind::Tuple),
        Just(Kind::Slice)
    ]
}

/// A node's weak handle, to see whether it was freed.
enum Probe {
    List(Weak<RefCell<Seq>>),
    Dict(Weak<RefCell<Dict>>),
    Cell(Weak<RefCell<Value>>),
    Tuple(Weak<Seq>),
    Slice(Weak<[Value; 3]>),
}

impl Probe {
    fn of(v: &Value) -> Probe {
        match v {
            Value::List(r) => Probe::List(Rc::downgrade(r)),
            Value::Dict(r) => Probe::Dict(Rc::downgrade(r)),
            Value::Cell(r) => Probe::Cell(Rc::downgrade(r)),
            Value::Tuple(r) => Probe::Tuple(Rc::downgrade(r)),
            Value::Slice(r) => Probe::Slice(Rc::downgrade(r)),
            _ => unreachable!("a node"),
        }
    }
    fn alive(&self) -> bool {
        match self {
            Probe::List(w) => w.strong_count() > 0,
            Probe::Dict(w) => w.strong_count() > 0,
            Probe::Cell(w) => w.strong_count() > 0,
            Probe::Tuple(w) => w.strong_count() > 0,
            Probe::Slice(w) => w.strong_count() > 0,
        }
    }
    /// How many references the node holds now (its contents intact?).
    fn out_degree(&self) -> usize {
        match self {
            Probe::List(w) => w.upgrade().map_or(0, |l| l.borrow().len()),
            Probe::Dict(w) => w.upgrade().map_or(0, |d| d.borrow().map.len()),
            Probe::Cell(w) => w
                .upgrade()
                .map_or(0, |c| usize::from(!matches!(*c.borrow(), Value::None))),
            Probe::Tuple(w) => w.upgrade().map_or(0, |t| t.len()),
            Probe::Slice(w) => w.upgrade().map_or(0, |s| {
                s.iter().filter(|v| !matches!(v, Value::None)).count()
            }),
        }
    }
}

/// Adds the edge `from -> to` to a mutable node (a cell keeps one: the last).
fn link(from: &Value, to: &Value, key: i64) {
    match from {
        Value::List(l) => l.borrow_mut().push(to.clone()),
        Value::Dict(d) => d
            .borrow_mut()
            .set(Value::Int(key), to.clone())
            .expect("int key"),
        Value::Cell(c) => *c.borrow_mut() = to.clone(),
        _ => {}
    }
}

fn cases() -> u32 {
    if cfg!(miri) { 3 } else { 256 }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// Random nodes, random edges (cycles among them), random roots; a
    /// young collection halfway. Everything reachable from the roots stays
    /// with its contents; after the full collection everything else is
    /// gone, and the count says how many the collector freed.
    #[test]
    fn random_graphs(
        kinds in prop::collection::vec(kind(), 1..24),
        edges in prop::collection::vec((0usize..24, 0usize..24), 0..60),
        roots in prop::collection::vec(0usize..24, 0..6),
        split in 0usize..60,
    ) {
        reset();
        let n = kinds.len();
        let edges: Vec<(usize, usize)> =
            edges.into_iter().map(|(a, b)| (a % n, b % n)).collect();
        let mut nodes: Vec<Value> = Vec::with_capacity(n);
        // Model of the graph: each node's references, as the objects hold them.
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, k) in kinds.iter().enumerate() {
            let v = match k {
                Kind::List => Value::list(vec![]),
                Kind::Dict => dict(Dict::default()),
                Kind::Cell => {
                    let c = Rc::new(RefCell::new(Value::None));
                    track(Entry::Cell(Rc::downgrade(&c)));
                    Value::Cell(c)
                }
                Kind::Tuple => {
                    // Over earlier nodes only (a tuple is made over what exists).
                    let items: Vec<usize> = edges
                        .iter()
                        .filter(|&&(a, b)| a == i && b < i)
                        .map(|&(_, b)| b)
                        .collect();
                    out[i] = items.clone();
                    Value::tuple(items.iter().map(|&b| nodes[b].clone()).collect())
                }
                Kind::Slice => {
                    let items: Vec<usize> = edges
                        .iter()
                        .filter(|&&(a, b)| a == i && b < i)
                        .map(|&(_, b)| b)
                        .take(3)
                        .collect();
                    out[i] = items.clone();
                    let mut parts = [Value::None, Value::None, Value::None];
                    for (p, &b) in parts.iter_mut().zip(&items) {
                        *p = nodes[b].clone();
                    }
                    Value::Slice(Rc::new(parts))
                }
            };
            nodes.push(v);
        }
        let mutable = |i: usize| !matches!(kinds[i], Kind::Tuple | Kind::Slice);
        let add = |out: &mut Vec<Vec<usize>>, (a, b): (usize, usize), key: usize| {
            if !mutable(a) {
                return;
            }
            link(&nodes[a], &nodes[b], key as i64);
            match kinds[a] {
                Kind::Cell => out[a] = vec![b],
                _ => out[a].push(b),
            }
        };
        let split = split.min(edges.len());
        for (k, &e) in edges[..split].iter().enumerate() {
            add(&mut out, e, k);
        }
        let probes: Vec<Probe> = nodes.iter().map(Probe::of).collect();
        let held: Vec<Value> = roots.iter().map(|&r| nodes[r % n].clone()).collect();
        // A young collection with every node still held.
        prop_assert_eq!(collect(false), 0);
        for (k, &e) in edges[split..].iter().enumerate() {
            add(&mut out, e, split + k);
        }
        drop(nodes);
        // The model's reachability.
        let mut reach = vec![false; n];
        let mut stack: Vec<usize> = roots.iter().map(|&r| r % n).collect();
        while let Some(i) = stack.pop() {
            if !std::mem::replace(&mut reach[i], true) {
                stack.extend(out[i].iter().copied());
            }
        }
        let degree = |i: usize| probes[i].out_degree();
        let before: Vec<usize> = (0..n).map(degree).collect();
        // Untracked tuples (over no container) are freed by their counts;
        // a slice still alive is held by garbage, which takes it in.
        let tracked = |i: usize| !matches!(kinds[i], Kind::Tuple) || !out[i].is_empty();
        let waiting = (0..n)
            .filter(|&i| !reach[i] && probes[i].alive() && tracked(i))
            .count();
        let freed = collect(true);
        for i in 0..n {
            prop_assert_eq!(probes[i].alive(), reach[i], "node {} ({:?})", i, kinds[i]);
            if reach[i] {
                prop_assert_eq!(probes[i].out_degree(), before[i]);
            }
        }
        prop_assert_eq!(freed, waiting);
        drop(held);
        collect(true);
        prop_assert!(probes.iter().all(|p| !p.alive()));
    }
}

#[test]
fn disabled_collector_prunes_dead_entries() {
    reset();
    set_enabled(false);
    for _ in 0..3 * THRESHOLD {
        drop(Value::list(vec![]));
        if due() {
            collect_due();
        }
    }
    let (made, old) = counts();
    set_enabled(true);
    assert!(made < THRESHOLD && old == 0, "{made} young, {old} old");
}
