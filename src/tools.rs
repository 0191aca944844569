//! `--trace`, `--profile` and `--coverage`: command-line tools on the
//! embedding API's hook ([`Vm::set_hook`]), as any host would write them.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

use framevm::{Event, EventKind, Hook, HookAction, Vm};

/// Program output and tool output, interleaved in the order they happen.
#[derive(Clone)]
pub struct SharedOut(pub Rc<RefCell<Box<dyn Write>>>);

impl Write for SharedOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.borrow_mut().flush()
    }
}

/// Source lines by file, read once.
#[derive(Default)]
struct Sources(HashMap<String, Vec<String>>);

impl Sources {
    fn line(&mut self, file: &str, line: u32) -> &str {
        let lines = self.0.entry(file.to_string()).or_insert_with(|| {
            std::fs::read_to_string(file)
                .map(|s| s.lines().map(str::to_string).collect())
                .unwrap_or_default()
        });
        lines
            .get((line as usize).wrapping_sub(1))
            .map_or("", String::as_str)
    }
}

fn basename(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
}

/// `--trace`: each line as it runs, as `python3 -m trace --trace` prints it.
pub fn trace(vm: &mut Vm, out: SharedOut) {
    let mut sources = Sources::default();
    let callback = move |e: &Event<'_>| {
        let mut w = out.0.borrow_mut();
        match e.kind() {
            EventKind::Call => {
                let base = basename(e.filename());
                let module = base.strip_suffix(".py").unwrap_or(base);
                let _ = writeln!(w, " --- modulename: {module}, funcname: {}", e.function());
            }
            EventKind::Line => {
                let text = sources.line(e.filename(), e.line());
                let _ = writeln!(w, "{}({}): {text}", basename(e.filename()), e.line());
            }
            _ => {}
        }
        HookAction::Continue
    };
    vm.set_hook(Some(Hook {
        callback: Box::new(callback),
        lines: true,
        opcodes: false,
    }));
}

/// `--coverage`: the lines that ran, by file.
pub type Coverage = Rc<RefCell<BTreeMap<String, BTreeMap<u32, u64>>>>;

pub fn coverage(vm: &mut Vm) -> Coverage {
    let cov: Coverage = Default::default();
    let c = cov.clone();
    vm.set_hook(Some(Hook {
        callback: Box::new(move |e| {
            if e.kind() == EventKind::Line {
                *c.borrow_mut()
                    .entry(e.filename().to_string())
                    .or_default()
                    .entry(e.line())
                    .or_default() += 1;
            }
            HookAction::Continue
        }),
        lines: true,
        opcodes: false,
    }));
    cov
}

/// The lines of `file` that hold code (what lcov counts as instrumented):
/// every line the compiler gave an instruction.
fn code_lines(file: &str) -> BTreeSet<u32> {
    let Ok(src) = std::fs::read_to_string(file) else {
        return BTreeSet::new();
    };
    let Ok(p) = framevm::Program::compile(&src, file) else {
        return BTreeSet::new();
    };
    let mut lines = BTreeSet::new();
    let mut stack = vec![p.code().clone()];
    while let Some(code) = stack.pop() {
        for (_, line) in code.lines() {
            if *line > 0 {
                lines.insert(*line);
            }
        }
        for c in code.consts() {
            if let framevm::runtime::Value::Code(c) = c {
                stack.push(c.clone());
            }
        }
    }
    lines
}

/// Writes the coverage as an lcov tracefile.
pub fn write_lcov(cov: &Coverage, path: &std::path::Path) -> std::io::Result<()> {
    let mut out = String::new();
    for (file, hits) in cov.borrow().iter() {
        if !std::path::Path::new(file).is_file() {
            continue;
        }
        let mut lines = code_lines(file);
        lines.extend(hits.keys());
        out.push_str("TN:\n");
        out.push_str(&format!("SF:{file}\n"));
        let mut hit = 0;
        for l in &lines {
            let n = hits.get(l).copied().unwrap_or(0);
            hit += (n > 0) as usize;
            out.push_str(&format!("DA:{l},{n}\n"));
        }
        out.push_str(&format!("LH:{hit}\nLF:{}\nend_of_record\n", lines.len()));
    }
    std::fs::write(path, out)
}

/// A function, as the profile names it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct FuncKey {
    qualname: String,
    file: String,
    line: u32,
}

#[derive(Default, Clone)]
struct FuncStats {
    self_instr: u64,
    incl_instr: u64,
    calls: u64,
    self_time: Duration,
    incl_time: Duration,
    /// Frames of it running now (recursion counts inclusive figures once).
    active: u32,
}

#[derive(Default, Clone, Copy)]
struct LineStats {
    instr: u64,
    time: Duration,
}

/// One node of the call tree: a stack of functions.
struct Node {
    func: usize,
    children: HashMap<usize, usize>,
    instr: u64,
}

struct Running {
    func: usize,
    node: usize,
    start: Instant,
    instr_at_start: u64,
    child_time: Duration,
}

/// What `--profile` gathers.
pub struct Profile {
    funcs: Vec<(FuncKey, FuncStats)>,
    by_code: HashMap<usize, usize>,
    lines: HashMap<(usize, u32), LineStats>,
    nodes: Vec<Node>,
    stack: Vec<Running>,
    total: u64,
    last: Option<(Instant, usize, u32)>,
    started: Instant,
    elapsed: Duration,
}

impl Profile {
    fn new() -> Profile {
        Profile {
            funcs: Vec::new(),
            by_code: HashMap::new(),
            lines: HashMap::new(),
            nodes: vec![Node {
                func: usize::MAX,
                children: HashMap::new(),
                instr: 0,
            }],
            stack: Vec::new(),
            total: 0,
            last: None,
            started: Instant::now(),
            elapsed: Duration::ZERO,
        }
    }

    fn func_of(&mut self, e: &Event<'_>) -> usize {
        let key = FuncKey {
            qualname: e.qualname().to_string(),
            file: e.filename().to_string(),
            line: e.firstlineno(),
        };
        // The code id names a code object while it lives; a dead one's
        // id may come back for another, so the key is checked.
        if let Some(&f) = self.by_code.get(&e.code_id())
            && self.funcs[f].0 == key
        {
            return f;
        }
        let f = match self.funcs.iter().position(|(k, _)| *k == key) {
            Some(f) => f,
            None => {
                self.funcs.push((key, FuncStats::default()));
                self.funcs.len() - 1
            }
        };
        self.by_code.insert(e.code_id(), f);
        f
    }

    /// Time since the last instruction goes to the line it ran.
    fn tick(&mut self, now: Instant) {
        if let Some((t, f, l)) = self.last.take() {
            let d = now - t;
            self.lines.entry((f, l)).or_default().time += d;
            self.funcs[f].1.self_time += d;
        }
    }

    fn event(&mut self, e: &Event<'_>) {
        let now = Instant::now();
        match e.kind() {
            EventKind::Call => {
                self.tick(now);
                let func = self.func_of(e);
                let parent = self.stack.last().map_or(0, |r| r.node);
                let next = self.nodes.len();
                let node = *self.nodes[parent].children.entry(func).or_insert(next);
                if node == next {
                    self.nodes.push(Node {
                        func,
                        children: HashMap::new(),
                        instr: 0,
                    });
                }
                let s = &mut self.funcs[func].1;
                s.calls += 1;
                s.active += 1;
                self.stack.push(Running {
                    func,
                    node,
                    start: now,
                    instr_at_start: self.total,
                    child_time: Duration::ZERO,
                });
            }
            EventKind::Opcode => {
                self.tick(now);
                let Some(r) = self.stack.last() else {
                    return;
                };
                let (func, node) = (r.func, r.node);
                self.total += 1;
                self.nodes[node].instr += 1;
                self.funcs[func].1.self_instr += 1;
                self.lines.entry((func, e.line())).or_default().instr += 1;
                self.last = Some((now, func, e.line()));
            }
            EventKind::Return => {
                self.tick(now);
                let Some(r) = self.stack.pop() else {
                    return;
                };
                let incl = now - r.start;
                let s = &mut self.funcs[r.func].1;
                s.active -= 1;
                if s.active == 0 {
                    s.incl_instr += self.total - r.instr_at_start;
                    s.incl_time += incl;
                }
                if let Some(p) = self.stack.last_mut() {
                    p.child_time += incl;
                }
            }
            _ => {}
        }
    }

    /// The folded stacks (`a;b;c count`), one line per stack.
    pub fn folded(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut path = Vec::new();
        self.fold(0, &mut path, &mut out);
        out.sort();
        out
    }

    fn frame_name(&self, f: usize) -> String {
        let k = &self.funcs[f].0;
        format!("{} ({}:{})", k.qualname, basename(&k.file), k.line)
    }

    fn fold(&self, n: usize, path: &mut Vec<String>, out: &mut Vec<String>) {
        let node = &self.nodes[n];
        if n != 0 {
            path.push(self.frame_name(node.func).replace(';', ":"));
            if node.instr > 0 {
                out.push(format!("{} {}", path.join(";"), node.instr));
            }
        }
        let mut kids: Vec<usize> = node.children.values().copied().collect();
        kids.sort();
        for c in kids {
            self.fold(c, path, out);
        }
        if n != 0 {
            path.pop();
        }
    }

    /// The table: functions by instructions (self), then the costliest lines.
    pub fn table(&self, lines: usize) -> String {
        let mut s = String::new();
        let total = self.total.max(1) as f64;
        s.push_str(&format!(
            "framevm profile: {} bytecode instructions, {} functions, {:.1} ms (under the hook)\n\n",
            self.total,
            self.funcs.len(),
            self.elapsed.as_secs_f64() * 1e3
        ));
        s.push_str(&format!(
            "{:>12} {:>6} {:>12} {:>9} {:>10} {:>10}  function\n",
            "self instr", "%", "incl instr", "calls", "self ms", "incl ms"
        ));
        let mut funcs: Vec<&(FuncKey, FuncStats)> = self.funcs.iter().collect();
        funcs.sort_by(|a, b| {
            b.1.self_instr
                .cmp(&a.1.self_instr)
                .then_with(|| a.0.qualname.cmp(&b.0.qualname))
        });
        for (k, st) in funcs {
            if st.self_instr == 0 && st.calls == 0 {
                continue;
            }
            s.push_str(&format!(
                "{:>12} {:>5.1}% {:>12} {:>9} {:>10.3} {:>10.3}  {} ({}:{})\n",
                st.self_instr,
                100.0 * st.self_instr as f64 / total,
                st.incl_instr,
                st.calls,
                st.self_time.as_secs_f64() * 1e3,
                st.incl_time.as_secs_f64() * 1e3,
                k.qualname,
                basename(&k.file),
                k.line
            ));
        }
        let mut ls: Vec<(&(usize, u32), &LineStats)> = self.lines.iter().collect();
        ls.sort_by(|a, b| {
            b.1.instr.cmp(&a.1.instr).then_with(|| {
                let (fa, fb) = (&self.funcs[a.0.0].0, &self.funcs[b.0.0].0);
                (&fa.file, a.0.1).cmp(&(&fb.file, b.0.1))
            })
        });
        s.push_str(&format!(
            "\n{:>12} {:>6} {:>10}  line (the {} costliest)\n",
            "instr", "%", "ms", lines
        ));
        let mut sources = Sources::default();
        for ((f, l), st) in ls.into_iter().take(lines) {
            let k = &self.funcs[*f].0;
            let text = sources.line(&k.file, *l).trim().to_string();
            s.push_str(&format!(
                "{:>12} {:>5.1}% {:>10.3}  {}:{} {}: {}\n",
                st.instr,
                100.0 * st.instr as f64 / total,
                st.time.as_secs_f64() * 1e3,
                basename(&k.file),
                l,
                k.qualname,
                text
            ));
        }
        s
    }

    /// Ends the profile (frames the run left open are closed).
    fn finish(&mut self) {
        let now = Instant::now();
        self.tick(now);
        self.elapsed = now - self.started;
        while let Some(r) = self.stack.pop() {
            let s = &mut self.funcs[r.func].1;
            s.active = s.active.saturating_sub(1);
            if s.active == 0 {
                s.incl_instr += self.total - r.instr_at_start;
                s.incl_time += now - r.start;
            }
        }
    }
}

/// `--profile`: every instruction counted by function, line and stack.
pub fn profile(vm: &mut Vm) -> Rc<RefCell<Profile>> {
    let p = Rc::new(RefCell::new(Profile::new()));
    let q = p.clone();
    vm.set_hook(Some(Hook {
        callback: Box::new(move |e| {
            q.borrow_mut().event(e);
            HookAction::Continue
        }),
        lines: false,
        opcodes: true,
    }));
    p
}

/// Ends the profile and writes its outputs: the table on stderr, and the
/// folded stacks or the flame graph SVG at `path`.
pub fn write_profile(
    vm: &mut Vm,
    p: &Rc<RefCell<Profile>>,
    folded: bool,
    path: &std::path::Path,
    title: &str,
) -> Result<(), String> {
    vm.set_hook(None);
    let mut p = p.borrow_mut();
    p.finish();
    eprint!("{}", p.table(20));
    let lines = p.folded();
    if folded {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(path, text).map_err(|e| e.to_string())?;
    } else {
        let mut opts = inferno::flamegraph::Options::default();
        opts.title = title.to_string();
        opts.count_name = "instructions".to_string();
        let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
        let w = std::io::BufWriter::new(file);
        inferno::flamegraph::from_lines(&mut opts, lines.iter().map(String::as_str), w)
            .map_err(|e| e.to_string())?;
    }
    eprintln!("framevm: profile written to {}", path.display());
    Ok(())
}
