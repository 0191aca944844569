//! The code object: bytecode, constants, names, the line table and the
//! frame shape. The frame allocators read only `shape()` and `id()`.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::Word;
use crate::frame::Shape;
use crate::runtime::Value;

/// A small dense number naming one code object for the life of the process.
///
/// The zombie strategy keeps its parked frames in a table indexed by it, the
/// way CPython 3.8 keeps one in each code object's `co_zombieframe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeId(u32);

impl CodeId {
    /// The id as an index.
    #[inline(always)]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn fresh() -> CodeId {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        // Relaxed: only uniqueness matters. Wrapping after 2^32 code objects
        // would only make two codes share a zombie slot, which stays sound:
        // a parked frame too small for its next code is grown first.
        CodeId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// `co_flags` bits (CPython's values).
pub mod flags {
    /// The code is a function body with its own fast locals.
    pub const OPTIMIZED: u32 = 0x01;
    /// A new locals dict is made for the frame (module and class bodies).
    pub const NEWLOCALS: u32 = 0x02;
    /// Takes `*args`.
    pub const VARARGS: u32 = 0x04;
    /// Takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x08;
    /// A nested function.
    pub const NESTED: u32 = 0x10;
    /// No free or cell variables.
    pub const NOFREE: u32 = 0x40;
    /// A generator function: a call makes a generator around the frame.
    pub const GENERATOR: u32 = 0x20;
    /// An `async def` function: a call makes a coroutine. framevm sets
    /// GENERATOR with it (a coroutine runs on the generator machinery).
    pub const COROUTINE: u32 = 0x80;
    /// A generator function that `await` accepts (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// An `async def` function that yields: a call makes an async
    /// generator (GENERATOR is set with it).
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// framevm's own: the function has a docstring, `co_consts[0]` (CPython
    /// 3.11 puts it there too, but marks it with no flag).
    pub const DOCSTRING: u32 = 0x4000_0000;
}

/// Everything a code object is made of (what the compiler produces).
#[derive(Clone, Debug, Default)]
pub struct CodeParts {
    /// `co_name`
    pub name: String,
    /// `co_qualname`
    pub qualname: String,
    /// `co_filename`
    pub filename: Rc<str>,
    /// `co_firstlineno`
    pub firstlineno: u32,
    /// `co_argcount`: positional parameters (positional-only ones
    /// included).
    pub argcount: u32,
    /// `co_posonlyargcount`: how many of the first positional parameters
    /// are positional-only (no keyword may name them).
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`
    pub kwonlyargcount: u32,
    /// `co_flags`
    pub flags: u32,
    /// `co_code`
    pub code: Vec<Word>,
    /// `co_consts`
    pub consts: Vec<Value>,
    /// `co_names`
    pub names: Vec<Rc<str>>,
    /// `co_varnames`: parameters first, then the other locals.
    pub varnames: Vec<Rc<str>>,
    /// `co_cellvars`
    pub cellvars: Vec<Rc<str>>,
    /// `co_freevars`
    pub freevars: Vec<Rc<str>>,
    /// `co_stacksize`
    pub stacksize: u32,
    /// (first instruction index, line) at each change of line, increasing.
    pub lines: Vec<(u32, u32)>,
    /// (first instruction index, position) at each change of source
    /// position, increasing (CPython's `co_positions`).
    pub positions: Vec<(u32, Pos)>,
}

/// The source an instruction came from: first and last line, and the
/// byte columns where it starts (on `line`) and ends (on `end_line`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// First line, 1-based.
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// Byte column of the start on `line`, 0-based.
    pub col: u32,
    /// Byte column just past the end on `end_line`.
    pub end_col: u32,
}

/// A LOAD_GLOBAL cache entry (also LOAD_ATTR and LOAD_METHOD of a
/// module): where the name was found, by index, valid while the layouts
/// it was found under stay (see `Namespace::layout`). No value is held,
/// so the cache keeps nothing alive and a store to the name leaves it
/// valid.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct GlobalSlot {
    /// The layout of the namespace searched first (the frame's globals,
    /// or the module); 0: empty.
    pub ns: u64,
    /// 0: found in that namespace; else the builtins' layout, in which
    /// it was found (and it was not in the first).
    pub builtins: u64,
    /// Its index in the namespace it was found in.
    pub index: usize,
}

/// The attribute inline cache of one name of a code object (LOAD_ATTR,
/// STORE_ATTR and LOAD_METHOD on instances): what the interpreter learnt
/// about the name under a few class version tags. Version tags are unique
/// to a class and the state of its namespace and MRO (see
/// `Class::version`), so a tag found here describes that class exactly
/// until the class changes, and then never matches again. Only plain data
/// is kept: no value is owned, so the cache keeps nothing alive.
#[derive(Debug, Default)]
pub struct AttrCache {
    /// Tags under which reading the name from an instance looks in the
    /// instance's own attributes first (nothing in the class comes before
    /// them: no data descriptor, no `__getattribute__`).
    pub load: [std::cell::Cell<u64>; 4],
    /// Tags under which assigning the name writes straight into the
    /// instance's own attributes (no `__setattr__`, no descriptor, allowed
    /// by `__slots__`).
    pub store: [std::cell::Cell<u64>; 4],
    /// (tag, place) of the class attribute the name finds: the place is
    /// `depth << 33 | bind << 32 | index` (depth 0 is the class itself,
    /// `k` its MRO's `k`-th class after it; index in that class's
    /// namespace; bind set for a function that binds to the instance).
    pub class_attr: [std::cell::Cell<(u64, u64)>; 4],
    /// The id of the attribute layout (`runtime::layout`) an instance
    /// last had here, and the name's slot in it (`u32::MAX`: the layout
    /// has no such name). Layout ids are never reused, so a stale entry
    /// only misses.
    pub layout: std::cell::Cell<u64>,
    /// See `layout`.
    pub slot: std::cell::Cell<u32>,
    /// The next slot of the three arrays to overwrite when they are full.
    pub next: std::cell::Cell<u8>,
}

/// A code object: what one function body, module or class body runs.
#[derive(Debug)]
pub struct Code {
    parts: CodeParts,
    /// The attribute caches, by name index.
    attr_cache: Box<[AttrCache]>,
    /// LOAD_GLOBAL's inline cache, by name index.
    globals_cache: Box<[std::cell::Cell<GlobalSlot>]>,
    /// Cell slots that start as a parameter's value: (cell index, local index).
    cell_args: Vec<(u32, u32)>,
    shape: Shape,
    id: CodeId,
    /// `argcount` when a call with that many positional arguments only
    /// moves them into the first locals and the closure's cells into the
    /// free slots (no keyword-only or star parameters, no cells of its
    /// own, not a generator); else `u32::MAX`. The interpreter's quick
    /// call path checks this alone.
    quick_argcount: u32,
    /// Set once the verifier has accepted this code (and its constants).
    verified: std::cell::Cell<bool>,
}

impl Code {
    /// Whether the verifier has accepted this code object.
    pub fn is_verified(&self) -> bool {
        self.verified.get()
    }

    /// Records that the verifier accepted this code object.
    pub(crate) fn mark_verified(&self) {
        self.verified.set(true);
    }

    /// A code object with no instructions, named `name`, whose frames have
    /// `shape`: for the frame layer's tests and benches.
    pub fn new(name: impl Into<String>, shape: Shape) -> Code {
        let name = name.into();
        Code {
            parts: CodeParts {
                qualname: name.clone(),
                name,
                filename: Rc::from("<frames>"),
                ..CodeParts::default()
            },
            globals_cache: Default::default(),
            attr_cache: Box::default(),
            cell_args: Vec::new(),
            shape,
            id: CodeId::fresh(),
            quick_argcount: u32::MAX,
            verified: std::cell::Cell::new(false),
        }
    }

    /// A code object from the compiler's parts; `None` if it needs more
    /// slots than a frame can have.
    pub fn from_parts(parts: CodeParts) -> Option<Code> {
        let shape = Shape::new(
            u32::try_from(parts.varnames.len()).ok()?,
            u32::try_from(parts.cellvars.len()).ok()?,
            u32::try_from(parts.freevars.len()).ok()?,
            parts.stacksize,
        )?;
        // Parameters that are also cells start their cell (the verifier
        // refuses more parameters than locals; clamp so a bad count cannot panic here).
        let nparams = (parts.argcount as usize + parts.kwonlyargcount as usize)
            .saturating_add(usize::from(parts.flags & flags::VARARGS != 0))
            .saturating_add(usize::from(parts.flags & flags::VARKEYWORDS != 0))
            .min(parts.varnames.len());
        let params = &parts.varnames[..nparams];
        let cell_args = parts
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(c, name)| {
                params
                    .iter()
                    .position(|v| v == name)
                    .map(|l| (c as u32, l as u32))
            })
            .collect();
        let quick = parts.kwonlyargcount == 0
            && parts.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0
            && parts.cellvars.is_empty();
        Some(Code {
            globals_cache: (0..parts.names.len())
                .map(|_| std::cell::Cell::default())
                .collect(),
            attr_cache: (0..parts.names.len())
                .map(|_| AttrCache::default())
                .collect(),
            quick_argcount: if quick { parts.argcount } else { u32::MAX },
            verified: std::cell::Cell::new(false),
            parts,
            cell_args,
            shape,
            id: CodeId::fresh(),
        })
    }

    /// A copy with `extra` added to its flags (`types.coroutine`'s
    /// `co_flags` change); it is verified again before it runs.
    pub fn with_flags(&self, extra: u32) -> Option<Code> {
        let mut parts = self.parts.clone();
        parts.flags |= extra;
        Code::from_parts(parts)
    }

    /// `co_name`.
    pub fn name(&self) -> &str {
        &self.parts.name
    }
    /// `co_qualname`.
    pub fn qualname(&self) -> &str {
        &self.parts.qualname
    }
    /// `co_filename`.
    pub fn filename(&self) -> &str {
        &self.parts.filename
    }
    /// `co_firstlineno`.
    pub fn firstlineno(&self) -> u32 {
        self.parts.firstlineno
    }
    /// `co_argcount`.
    pub fn argcount(&self) -> usize {
        self.parts.argcount as usize
    }
    /// The number of positional arguments a quick call passes (see the
    /// field), `u32::MAX` when calls are never quick.
    #[inline(always)]
    pub fn quick_argcount(&self) -> u32 {
        self.quick_argcount
    }
    /// `co_posonlyargcount` (never more than `co_argcount`).
    pub fn posonlyargcount(&self) -> usize {
        self.parts.posonlyargcount.min(self.parts.argcount) as usize
    }
    /// `co_kwonlyargcount`.
    pub fn kwonlyargcount(&self) -> usize {
        self.parts.kwonlyargcount as usize
    }
    /// `co_flags`.
    pub fn flags(&self) -> u32 {
        self.parts.flags
    }
    /// The function's docstring (`__doc__`), if it has one.
    pub fn doc(&self) -> Option<Value> {
        if self.parts.flags & flags::DOCSTRING == 0 {
            return None;
        }
        self.parts.consts.first().cloned()
    }
    /// `co_code`.
    #[inline(always)]
    pub fn code(&self) -> &[Word] {
        &self.parts.code
    }
    /// `co_consts`.
    #[inline(always)]
    pub fn consts(&self) -> &[Value] {
        &self.parts.consts
    }
    /// `co_names`.
    pub fn names(&self) -> &[Rc<str>] {
        &self.parts.names
    }
    /// `co_varnames`.
    pub fn varnames(&self) -> &[Rc<str>] {
        &self.parts.varnames
    }
    /// `co_cellvars`.
    pub fn cellvars(&self) -> &[Rc<str>] {
        &self.parts.cellvars
    }
    /// `co_freevars`.
    pub fn freevars(&self) -> &[Rc<str>] {
        &self.parts.freevars
    }
    /// `co_stacksize`.
    pub fn stacksize(&self) -> usize {
        self.parts.stacksize as usize
    }
    /// Cells initialised from parameters: (cell index, local index).
    pub fn cell_args(&self) -> &[(u32, u32)] {
        &self.cell_args
    }
    /// The line table: (first instruction index, line), increasing.
    pub fn lines(&self) -> &[(u32, u32)] {
        &self.parts.lines
    }

    /// Everything the code object was built from.
    pub fn parts(&self) -> &CodeParts {
        &self.parts
    }

    /// LOAD_GLOBAL's cache entry for name `i` (empty out of range).
    #[inline(always)]
    pub(crate) fn global_slot(&self, i: usize) -> GlobalSlot {
        self.globals_cache
            .get(i)
            .map_or_else(GlobalSlot::default, std::cell::Cell::get)
    }

    /// The attribute caches, one per name.
    #[inline(always)]
    pub fn attr_cache(&self) -> &[AttrCache] {
        &self.attr_cache
    }

    /// The LOAD_GLOBAL caches, for the interpreter's quick path.
    #[inline(always)]
    pub(crate) fn globals_cache(&self) -> &[std::cell::Cell<GlobalSlot>] {
        &self.globals_cache
    }

    /// Remembers where LOAD_GLOBAL of name `i` found it.
    pub(crate) fn cache_global(&self, i: usize, slot: GlobalSlot) {
        if let Some(c) = self.globals_cache.get(i) {
            c.set(slot);
        }
    }

    /// Empties the LOAD_GLOBAL caches of this code and of the code
    /// objects among its constants.
    pub fn clear_caches(&self) {
        for c in self.globals_cache.iter() {
            c.set(GlobalSlot::default());
        }
        for c in self.consts() {
            if let Value::Code(inner) = c {
                inner.clear_caches();
            }
        }
    }

    /// The source position of instruction `index`, if recorded.
    pub fn position_of(&self, index: usize) -> Option<Pos> {
        let p = &self.parts.positions;
        match p.partition_point(|&(start, _)| start as usize <= index) {
            0 => None,
            i => Some(p[i - 1].1),
        }
    }

    /// The source line of instruction `index`.
    pub fn line_of(&self, index: usize) -> u32 {
        let lines = &self.parts.lines;
        match lines.partition_point(|&(start, _)| start as usize <= index) {
            0 => self.parts.firstlineno,
            i => lines[i - 1].1,
        }
    }

    /// Slot counts of this code's frames.
    #[inline(always)]
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// This code object's id.
    #[inline(always)]
    pub fn id(&self) -> CodeId {
        self.id
    }
}
