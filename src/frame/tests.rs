//! Frame-layer tests: unit tests of the layout and each strategy, and a
//! property test that drives every strategy with random traffic and checks
//! it against a plain model after every step. These are the tests Miri runs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use proptest::prelude::{
    ProptestConfig, TestCaseError, any, prop, prop_assert, prop_assert_eq, prop_assert_ne,
    prop_oneof, proptest,
};
use proptest::strategy::Strategy as PropStrategy;

use super::*;
use crate::bytecode::Code;

/// Counts how often each value id was dropped.
#[derive(Default, Debug)]
struct Ledger {
    drops: HashMap<u64, u32>,
    next_id: u64,
}

/// A slot value that records its drop in a ledger.
#[derive(Debug)]
enum Tv {
    Empty,
    Live(u64, Rc<RefCell<Ledger>>),
}

impl Slot for Tv {
    const EMPTY: Tv = Tv::Empty;
}

impl Drop for Tv {
    fn drop(&mut self) {
        if let Tv::Live(id, ledger) = self {
            *ledger.borrow_mut().drops.entry(*id).or_insert(0) += 1;
        }
    }
}

impl Tv {
    fn id(&self) -> Option<u64> {
        match self {
            Tv::Empty => None,
            Tv::Live(id, _) => Some(*id),
        }
    }
}

fn fresh(ledger: &Rc<RefCell<Ledger>>) -> (u64, Tv) {
    let id = {
        let mut l = ledger.borrow_mut();
        l.next_id += 1;
        l.next_id
    };
    (id, Tv::Live(id, ledger.clone()))
}

fn shape(nlocals: u32, ncells: u32, nfrees: u32, stacksize: u32) -> Shape {
    Shape::new(nlocals, ncells, nfrees, stacksize).expect("small shape")
}

fn small_config() -> Config {
    Config {
        max_free: 3,
        first_chunk: 1024,
    }
}

#[test]
fn header_layout() {
    use memoffset::{offset_of, span_of};
    type F = Frame<Option<Box<u64>>>;
    // The hot fields share the first cache line.
    assert!(span_of!(F, back..=trace_opcodes).end <= 64);
    assert_eq!(span_of!(F, back..globals), 0..32);
    assert_eq!(offset_of!(F, localsplus), header_size::<Option<Box<u64>>>());
    assert_eq!(header_size::<Option<Box<u64>>>(), 336);
    assert_eq!(frame_bytes::<[u64; 2]>(4), 336 + 64);
}

#[test]
fn shape_counts_and_limits() {
    let s = shape(2, 1, 3, 5);
    assert_eq!((s.nfast(), s.nslots()), (6, 11));
    assert!(Shape::new(MAX_SLOTS, 0, 0, 1).is_none());
    assert!(Shape::new(u32::MAX, u32::MAX, u32::MAX, u32::MAX).is_none());
    assert!(Shape::new(MAX_SLOTS, 0, 0, 0).is_some());
}

#[test]
fn strategy_names_round_trip() {
    for s in Strategy::ALL {
        assert_eq!(s.name().parse::<Strategy>(), Ok(s));
    }
    let err = "lifo".parse::<Strategy>().unwrap_err();
    assert!(err.contains("unknown frame strategy 'lifo'"), "{err}");
}

/// Push a frame, fill it, pop it: values dropped once, header as documented.
#[test]
fn push_fill_pop_every_strategy() {
    for strategy in Strategy::ALL {
        let ledger = Rc::new(RefCell::new(Ledger::default()));
        let code = Code::new("f", shape(2, 1, 1, 3));
        let mut frames: Frames<Tv> = Frames::new(strategy, small_config());
        let ns = Namespaces::NONE;
        let outer = frames.push(&code, None, &ns);
        let f = frames.push(&code, Some(outer), &ns);
        // SAFETY: both frames are live until popped below.
        unsafe {
            let h = f.header();
            assert_eq!(h.back(), Some(outer));
            assert_eq!(h.code(), &code as *const Code);
            assert_eq!(h.lasti(), -1);
            assert!(h.executing());
            assert!(h.blocks().is_empty());
            assert_eq!(f.nfast(), 4);
            assert_eq!(f.stack_depth(), 0);
            assert_eq!(f.stack_capacity(), 3);
            for i in 0..4 {
                assert!(matches!(f.fast(i), Tv::Empty));
            }
            let (a, va) = fresh(&ledger);
            let (b, vb) = fresh(&ledger);
            let (c, vc) = fresh(&ledger);
            f.set_fast(0, va);
            f.stack_push(vb);
            f.stack_push(vc);
            assert_eq!(f.fast(0).id(), Some(a));
            assert_eq!(f.stack_pop().and_then(|v| v.id()), Some(c)); // dropped here
            frames.pop(f);
            let drops = &ledger.borrow().drops;
            assert_eq!(
                (drops.get(&a), drops.get(&b), drops.get(&c)),
                (Some(&1), Some(&1), Some(&1))
            );
            frames.pop(outer);
        }
        assert_eq!(frames.stats().alive, 0, "{strategy}");
        assert_eq!(frames.stats().peak_alive, 2, "{strategy}");
    }
}

#[test]
fn block_stack_is_bounded() {
    let code = Code::new("f", shape(0, 0, 0, 1));
    let mut frames: FreeList<Tv> = FreeList::new(200);
    let f = frames.push(&code, None, &Namespaces::NONE);
    // SAFETY: `f` is live and only reached through this reference until popped.
    let h = unsafe { &mut *f.as_ptr() };
    for i in 0..CO_MAXBLOCKS as u32 {
        assert!(h.push_block(Block {
            kind: 1,
            handler: i,
            level: 0
        }));
    }
    assert!(!h.push_block(Block::default()));
    assert_eq!(
        h.pop_block().map(|b| b.handler),
        Some(CO_MAXBLOCKS as u32 - 1)
    );
    assert_eq!(h.blocks().len(), CO_MAXBLOCKS - 1);
    // SAFETY: live frame of this allocator.
    unsafe { frames.pop(f) };
}

#[test]
fn free_list_reuses_and_grows_in_place_or_moves() {
    let small = Code::new("small", shape(1, 0, 0, 1));
    let big = Code::new("big", shape(100, 0, 0, 100));
    let mut frames: FreeList<Tv> = FreeList::new(200);
    let ns = Namespaces::NONE;
    let f = frames.push(&small, None, &ns);
    // SAFETY: live frame of this allocator.
    unsafe { frames.pop(f) };
    assert_eq!(frames.numfree(), 1);
    let g = frames.push(&big, None, &ns);
    // SAFETY: live frame.
    assert_eq!(unsafe { g.header() }.capacity(), 200);
    let s = frames.stats();
    assert_eq!((s.requests, s.freelist_hits, s.misses), (2, 1, 1));
    assert_eq!(s.resized_in_place + s.resized_moved, 1);
    assert_eq!(s.bytes_held, frame_bytes::<Tv>(200) as u64);
    // SAFETY: live frame of this allocator.
    unsafe { frames.pop(g) };
    // The grown block serves the small code without shrinking.
    let h = frames.push(&small, None, &ns);
    // SAFETY: live frame.
    assert_eq!(unsafe { h.header() }.capacity(), 200);
    // SAFETY: live frame of this allocator.
    unsafe { frames.pop(h) };
}

#[test]
fn free_list_is_capped() {
    let code = Code::new("f", shape(1, 0, 0, 1));
    let mut frames: FreeList<Tv> = FreeList::new(2);
    let ns = Namespaces::NONE;
    let fs: Vec<_> = (0..5).map(|_| frames.push(&code, None, &ns)).collect();
    for f in fs {
        // SAFETY: live frames of this allocator, each popped once.
        unsafe { frames.pop(f) };
    }
    assert_eq!(frames.numfree(), 2);
    assert_eq!(frames.stats().bytes_held, 2 * frame_bytes::<Tv>(2) as u64);
}

#[test]
fn zombie_parks_one_frame_per_code() {
    let a = Code::new("a", shape(1, 0, 0, 2));
    let b = Code::new("b", shape(3, 0, 0, 2));
    let mut frames: Zombie<Tv> = Zombie::new(200);
    let ns = Namespaces::NONE;
    let (fa, fa2, fb) = (
        frames.push(&a, None, &ns),
        frames.push(&a, None, &ns),
        frames.push(&b, None, &ns),
    );
    // SAFETY: live frames of this allocator, each popped once.
    unsafe {
        frames.pop(fb);
        frames.pop(fa2);
        frames.pop(fa);
    }
    assert_eq!(frames.parked(), 2);
    let again = frames.push(&a, None, &ns);
    assert_eq!(again, fa2, "the zombie parked first for `a` is reused");
    assert_eq!(frames.stats().zombie_hits, 1);
    // SAFETY: live frame of this allocator.
    unsafe { frames.pop(again) };
}

#[test]
fn data_stack_bumps_chunks_and_moves_suspended_frames() {
    let ledger = Rc::new(RefCell::new(Ledger::default()));
    let code = Code::new("g", shape(2, 0, 0, 6));
    let mut frames: DataStack<Tv> = DataStack::new(1024);
    let ns = Namespaces::NONE;
    let f1 = frames.push(&code, None, &ns);
    let f2 = frames.push(&code, Some(f1), &ns);
    // Consecutive frames are adjacent on the stack.
    assert_eq!(
        f2.as_ptr() as usize - f1.as_ptr() as usize,
        frame_bytes::<Tv>(8)
    );
    // A third does not fit in 1 KiB: a second chunk.
    let f3 = frames.push(&code, Some(f2), &ns);
    assert_eq!(frames.stats().chunks_allocated, 2);
    let (id, v) = fresh(&ledger);
    // SAFETY: f3 is live, the top frame, with no callee; after suspend only
    // the returned pointer is used.
    let g = unsafe {
        f3.set_fast(1, v);
        f3.stack_push(Tv::Empty);
        frames.suspend(f3)
    };
    assert_ne!(g, f3);
    // SAFETY: `g` is live.
    unsafe {
        assert!(g.header().is_heap());
        assert!(!g.header().executing());
        assert_eq!(g.fast(1).id(), Some(id));
        assert_eq!(g.stack_depth(), 1);
        assert_eq!(g.stack_capacity(), 6);
    }
    assert!(ledger.borrow().drops.is_empty(), "moving drops nothing");
    assert_eq!(frames.stats().moved_to_heap, 1);
    // The stack went back to the first chunk; out-of-order pops then reclaim it.
    // SAFETY: live frames of this allocator, each popped once.
    unsafe {
        frames.pop(f1);
        assert_eq!(frames.used_in_chunk(), 2 * frame_bytes::<Tv>(8));
        frames.pop(f2);
        assert_eq!(frames.used_in_chunk(), 0);
        resume(g, None);
        frames.pop(g);
    }
    assert_eq!(ledger.borrow().drops.get(&id), Some(&1));
    assert_eq!(frames.stats().alive, 0);
}

#[test]
fn data_stack_crossing_a_chunk_boundary_keeps_a_spare() {
    let code = Code::new("f", shape(0, 0, 0, 30));
    let mut frames: DataStack<Tv> = DataStack::new(1024);
    let ns = Namespaces::NONE;
    let base = frames.push(&code, None, &ns);
    for _ in 0..10 {
        let f = frames.push(&code, None, &ns); // does not fit: next chunk
        // SAFETY: live top frame of this allocator.
        unsafe { frames.pop(f) };
    }
    assert_eq!(
        frames.stats().chunks_allocated,
        2,
        "the emptied chunk is reused"
    );
    // SAFETY: live frame of this allocator.
    unsafe { frames.pop(base) };
}

#[test]
fn stats_report_names_every_counter() {
    let text = FrameStats::default().to_string();
    for name in [
        "requests",
        "free-list hits",
        "zombie hits",
        "misses",
        "resized in place",
        "frames alive",
        "bytes held",
    ] {
        assert!(text.contains(name), "{name} missing from\n{text}");
    }
}

// ---------------------------------------------------------------------------
// Property test: random traffic against a model.

#[derive(Clone, Debug)]
enum Op {
    /// Push a frame for code `code % CODES`.
    Push(usize),
    /// Pop live frame `i % n` (0 is the most recent: LIFO).
    Pop(usize),
    /// Store a new value in fast slot `slot` of live frame `i`.
    SetFast(usize, usize),
    /// Push a new value on frame `i`'s stack (if it has room).
    StackPush(usize),
    /// Pop frame `i`'s stack top, dropping it.
    StackPop(usize),
    /// Suspend frame `i` (moving it off the data stack).
    Suspend(usize),
    /// Resume suspended frame `i`.
    Resume(usize),
}

fn op() -> impl PropStrategy<Value = Op> {
    prop_oneof![
        4 => any::<usize>().prop_map(Op::Push),
        3 => (0usize..3).prop_map(Op::Pop),
        1 => any::<usize>().prop_map(Op::Pop),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(i, s)| Op::SetFast(i, s)),
        3 => any::<usize>().prop_map(Op::StackPush),
        2 => any::<usize>().prop_map(Op::StackPop),
        1 => any::<usize>().prop_map(Op::Suspend),
        1 => any::<usize>().prop_map(Op::Resume),
    ]
}

/// Mixed shapes, from 1 slot to 260, so reused blocks must grow.
const SHAPES: [(u32, u32, u32, u32); 6] = [
    (0, 0, 0, 1),
    (1, 0, 0, 3),
    (2, 1, 1, 4),
    (8, 0, 0, 8),
    (3, 2, 2, 40),
    (60, 0, 0, 200),
];

struct ModelFrame {
    ptr: FramePtr<Tv>,
    code: usize,
    fast: Vec<Option<u64>>,
    stack: Vec<u64>,
    capacity: usize,
    suspended: bool,
    on_heap: bool,
}

/// What the heap strategies' blocks should be: exact capacities.
#[derive(Default)]
struct BlockModel {
    free: Vec<usize>,
    parked: HashMap<usize, usize>,
}

fn run_traffic(strategy: Strategy, max_free: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let ledger = Rc::new(RefCell::new(Ledger::default()));
    let codes: Vec<Code> = SHAPES
        .iter()
        .map(|&(a, b, c, d)| Code::new("c", shape(a, b, c, d)))
        .collect();
    let config = Config {
        max_free,
        first_chunk: 2048,
    };
    let mut frames: Frames<Tv> = Frames::new(strategy, config);
    let ns = Namespaces::NONE;
    let mut live: Vec<ModelFrame> = Vec::new(); // most recent last
    let mut blocks = BlockModel::default();
    let mut dropped: std::collections::HashSet<u64> = Default::default();
    let (mut requests, mut peak, mut moved) = (0u64, 0u64, 0u64);
    let (mut hits, mut zhits, mut misses, mut resizes) = (0u64, 0u64, 0u64, 0u64);
    let heap_model = strategy != Strategy::DataStack;

    for op in ops {
        match *op {
            Op::Push(c) => {
                let c = c % codes.len();
                let code = &codes[c];
                let nslots = code.shape().nslots();
                let f = frames.push(code, live.last().map(|m| m.ptr), &ns);
                requests += 1;
                let capacity = match strategy {
                    Strategy::Malloc => {
                        misses += 1;
                        nslots
                    }
                    Strategy::DataStack => nslots,
                    Strategy::FreeList | Strategy::Zombie => {
                        let z = if strategy == Strategy::Zombie {
                            blocks.parked.remove(&c)
                        } else {
                            None
                        };
                        if let Some(cap) = z {
                            zhits += 1;
                            cap
                        } else if let Some(cap) = blocks.free.pop() {
                            hits += 1;
                            if cap < nslots {
                                resizes += 1;
                                nslots
                            } else {
                                cap
                            }
                        } else {
                            misses += 1;
                            nslots
                        }
                    }
                };
                // SAFETY: `f` was just pushed.
                unsafe {
                    prop_assert_eq!(f.header().capacity(), capacity);
                    prop_assert_eq!(f.stack_depth(), 0, "a new frame has an empty stack");
                    for i in 0..f.nfast() {
                        prop_assert!(matches!(f.fast(i), Tv::Empty), "stale value in a new frame");
                    }
                }
                let sh = code.shape();
                live.push(ModelFrame {
                    ptr: f,
                    code: c,
                    fast: vec![None; sh.nfast()],
                    stack: Vec::new(),
                    capacity,
                    suspended: false,
                    on_heap: strategy != Strategy::DataStack,
                });
                peak = peak.max(live.len() as u64);
            }
            Op::Pop(i) if !live.is_empty() => {
                let idx = live.len() - 1 - i % live.len();
                let m = live.remove(idx);
                dropped.extend(m.fast.iter().flatten().copied());
                dropped.extend(m.stack.iter().copied());
                // SAFETY: a live frame of this allocator, popped once; its
                // stacktop is kept up to date by stack_push/stack_pop.
                unsafe { frames.pop(m.ptr) };
                if matches!(strategy, Strategy::FreeList | Strategy::Zombie) {
                    let parked =
                        strategy == Strategy::Zombie && !blocks.parked.contains_key(&m.code);
                    if parked {
                        blocks.parked.insert(m.code, m.capacity);
                    } else if blocks.free.len() < max_free {
                        blocks.free.push(m.capacity);
                    }
                }
            }
            Op::SetFast(i, s) if !live.is_empty() => {
                let n = live.len();
                let m = &mut live[i % n];
                if !m.fast.is_empty() {
                    let s = s % m.fast.len();
                    let (id, v) = fresh(&ledger);
                    // SAFETY: live frame; slot index checked by set_fast.
                    unsafe { m.ptr.set_fast(s, v) };
                    if let Some(old) = m.fast[s].replace(id) {
                        dropped.insert(old);
                    }
                }
            }
            Op::StackPush(i) if !live.is_empty() => {
                let n = live.len();
                let m = &mut live[i % n];
                // SAFETY: live frame.
                if m.stack.len() < unsafe { m.ptr.stack_capacity() } {
                    let (id, v) = fresh(&ledger);
                    // SAFETY: live frame with room on its stack.
                    unsafe { m.ptr.stack_push(v) };
                    m.stack.push(id);
                }
            }
            Op::StackPop(i) if !live.is_empty() => {
                let n = live.len();
                let m = &mut live[i % n];
                // SAFETY: live frame.
                let got = unsafe { m.ptr.stack_pop() }.and_then(|v| v.id());
                prop_assert_eq!(got, m.stack.pop());
                dropped.extend(got);
            }
            Op::Suspend(i) if !live.is_empty() => {
                let idx = i % live.len();
                if !live[idx].suspended {
                    // No frame above it may keep a `back` to it that is followed:
                    // the model never follows `back`, so any live frame may be suspended.
                    let m = &mut live[idx];
                    // SAFETY: live frame of this allocator; only the returned
                    // pointer is used afterwards.
                    let g = unsafe { frames.suspend(m.ptr) };
                    if m.on_heap {
                        prop_assert_eq!(g, m.ptr);
                    } else {
                        moved += 1;
                        prop_assert_ne!(g, m.ptr);
                    }
                    // SAFETY: `g` is live.
                    let heap = unsafe { g.header() }.is_heap();
                    prop_assert!(heap);
                    m.ptr = g;
                    m.on_heap = true;
                    m.suspended = true;
                    // SAFETY: `g` is live.
                    let running = unsafe { g.header() }.executing();
                    prop_assert!(!running);
                }
            }
            Op::Resume(i) if !live.is_empty() => {
                let n = live.len();
                let m = &mut live[i % n];
                if m.suspended {
                    // SAFETY: a live, suspended frame.
                    unsafe { resume(m.ptr, None) };
                    m.suspended = false;
                }
            }
            _ => {}
        }

        // Every live frame holds exactly the model's values.
        for m in &live {
            // SAFETY: live frames; read-only access.
            unsafe {
                prop_assert_eq!(m.ptr.nfast(), m.fast.len());
                for (s, want) in m.fast.iter().enumerate() {
                    prop_assert_eq!(m.ptr.fast(s).id(), *want);
                }
                prop_assert_eq!(m.ptr.stack_depth(), m.stack.len());
                for (s, want) in m.stack.iter().enumerate() {
                    prop_assert_eq!(m.ptr.stack_slot(s).id(), Some(*want));
                }
                prop_assert_eq!(m.ptr.header().capacity(), m.capacity);
            }
        }
        // Dropped exactly once, and only what the model dropped.
        {
            let l = ledger.borrow();
            for (id, n) in &l.drops {
                prop_assert_eq!(*n, 1, "value {} dropped {} times", id, n);
                prop_assert!(
                    dropped.contains(id),
                    "value {} dropped while still in a frame",
                    id
                );
            }
            prop_assert_eq!(l.drops.len(), dropped.len());
        }
        // Counters.
        let s = frames.stats();
        prop_assert_eq!(s.requests, requests);
        prop_assert_eq!(s.alive, live.len() as u64);
        prop_assert_eq!(s.peak_alive, peak);
        prop_assert_eq!(s.moved_to_heap, moved);
        if heap_model {
            prop_assert_eq!(
                (s.freelist_hits, s.zombie_hits, s.misses),
                (hits, zhits, misses)
            );
            prop_assert_eq!(s.resized_in_place + s.resized_moved, resizes);
            let held: usize = live
                .iter()
                .map(|m| m.capacity)
                .chain(blocks.free.iter().copied())
                .chain(blocks.parked.values().copied())
                .map(frame_bytes::<Tv>)
                .sum();
            prop_assert_eq!(s.bytes_held, held as u64);
        } else {
            // Chunks plus the heap blocks of moved frames.
            let heap: usize = live
                .iter()
                .filter(|m| m.on_heap)
                .map(|m| frame_bytes::<Tv>(m.capacity))
                .sum();
            let chunks = if s.chunks_allocated > 0 { 2048 } else { 0 };
            prop_assert!(s.bytes_held as usize >= heap + chunks);
        }
    }

    // Release the rest in random-ish (reverse-insertion) order: all dropped.
    while let Some(m) = live.pop() {
        dropped.extend(m.fast.iter().flatten().copied());
        dropped.extend(m.stack.iter().copied());
        // SAFETY: a live frame of this allocator, popped once.
        unsafe { frames.pop(m.ptr) };
    }
    prop_assert_eq!(frames.stats().alive, 0);
    let l = ledger.borrow();
    prop_assert_eq!(
        l.drops.len() as u64,
        l.next_id,
        "every value ever made was dropped"
    );
    prop_assert!(l.drops.values().all(|&n| n == 1));
    if let Frames::DataStack(ds) = &frames {
        prop_assert_eq!(ds.used_in_chunk(), 0, "dead space fully reclaimed");
    }
    Ok(())
}

/// Miri runs these about a thousand times slower: fewer, shorter cases.
fn cases() -> u32 {
    if cfg!(miri) { 4 } else { 256 }
}

fn ops() -> impl PropStrategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 1..if cfg!(miri) { 40 } else { 80 })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn freelist_matches_model(ops in ops(), max_free in 0usize..5) {
        run_traffic(Strategy::FreeList, max_free, &ops)?;
    }

    #[test]
    fn zombie_matches_model(ops in ops(), max_free in 0usize..5) {
        run_traffic(Strategy::Zombie, max_free, &ops)?;
    }

    #[test]
    fn datastack_matches_model(ops in ops()) {
        run_traffic(Strategy::DataStack, 200, &ops)?;
    }

    #[test]
    fn malloc_matches_model(ops in ops()) {
        run_traffic(Strategy::Malloc, 200, &ops)?;
    }
}

#[test]
fn fib_workload_under_every_strategy() {
    for strategy in Strategy::ALL {
        let (v, s) = workload::fib(Frames::new(strategy, Config::default()), 15);
        assert_eq!(v, 610, "{strategy}");
        // fib(15) makes 1973 calls, at most 15 deep.
        assert_eq!(
            (s.requests, s.peak_alive, s.alive),
            (1973, 15, 0),
            "{strategy}"
        );
    }
}

#[test]
fn churn_workload_releases_everything() {
    for strategy in Strategy::ALL {
        let steps = if cfg!(miri) { 400 } else { 3000 };
        let s = workload::churn(Frames::new(strategy, small_config()), steps, 7);
        assert_eq!(s.alive, 0, "{strategy}");
        assert!(
            s.requests as usize > steps / 6,
            "{strategy}: {}",
            s.requests
        );
        if strategy == Strategy::DataStack {
            assert!(s.moved_to_heap > 0);
        }
    }
}

#[test]
fn suspended_frame_goes_back_only_to_its_call_stack() {
    let code = Code::new("g", shape(1, 0, 0, 1));
    let mut a: CallStack<'_, Tv, _> = CallStack::new(DataStack::new(1024));
    let mut b: CallStack<'_, Tv, _> = CallStack::new(DataStack::new(1024));
    a.push(&code, &Namespaces::NONE);
    let s = a.suspend().expect("a frame to suspend");
    let s = b.resume(s).expect_err("b does not own it");
    let s = b.release(s).expect_err("b does not own it");
    assert_eq!((a.depth(), a.suspended(), b.depth()), (0, 1, 0));
    a.resume(s).expect("a owns it");
    assert_eq!((a.depth(), a.suspended()), (1, 0));
    let s = a.suspend().expect("a frame to suspend");
    a.release(s).expect("a owns it");
    assert_eq!(a.stats().alive, 0);
}
