//! Bytecode generation from the AST, one code object per module, function,
//! lambda and comprehension. `co_stacksize` comes from the flow analysis in
//! `bytecode::verify`, run over every path.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use ruff_text_size::Ranged;

use super::CompileError;
use super::fold;
use super::parse::{LineIndex, ast};
use super::symtable::{Access, MODULE, Scope, Scopes};
use crate::bytecode::code::{CodeParts, Pos, flags};
use crate::bytecode::opcode::MAX_ARG;
use crate::bytecode::{BinOp, CmpOp, Code, Op, Word, verify};
use crate::runtime::Value;

mod patterns;

/// Compiles a module.
pub fn module(
    m: &ast::ModModule,
    scopes: &Scopes,
    lines: &LineIndex,
    filename: &str,
    eval: bool,
    interactive: bool,
) -> Result<Rc<Code>, CompileError> {
    let mut c = Compiler {
        scopes,
        lines,
        filename: Rc::from(filename),
        units: Vec::new(),
        future_annotations: super::symtable::future_annotations(&m.body),
        interactive,
        interned: Default::default(),
    };
    c.enter("<module>", "<module>", scopes[&MODULE].clone(), 1);
    match &m.body[..] {
        // An expression's code returns its value.
        [ast::Stmt::Expr(e)] if eval => {
            c.expr(&e.value)?;
            c.emit(Op::ReturnValue, 0);
        }
        body => {
            c.setup_annotations(body);
            c.body_with_doc(body)?;
            let none = c.konst(Value::None);
            c.emit(Op::LoadConst, none);
            c.emit(Op::ReturnValue, 0);
        }
    }
    c.leave()
}

/// Whether `body` holds a simple annotated name (`x: int`), outside
/// nested functions and classes.
fn has_annotations(body: &[ast::Stmt]) -> bool {
    use ast::Stmt;
    body.iter().any(|s| match s {
        Stmt::AnnAssign(a) => a.simple && a.target.is_name_expr(),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

/// What makes two constants one entry of `co_consts`: equal values of the
/// same type (so `1`, `1.0` and `True` stay apart, and `0.0` and `-0.0`).
/// The common kinds are keyed by their value, the rest by type and repr.
#[derive(PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(Rc<crate::runtime::pystr::PyStr>),
    Other(&'static str, String),
}

impl ConstKey {
    fn of(v: &Value) -> ConstKey {
        match v {
            Value::None => ConstKey::None,
            Value::Bool(b) => ConstKey::Bool(*b),
            Value::Int(i) => ConstKey::Int(*i),
            Value::Float(f) => ConstKey::Float(f.to_bits()),
            Value::Str(s) => ConstKey::Str(s.clone()),
            // Big ints by their hex digits (their decimal repr has a limit).
            Value::BigInt(b) => ConstKey::Other("int", b.to_str_radix(16)),
            other => ConstKey::Other(type_key(other), other.repr()),
        }
    }
}

/// A constant's type name, for its key.
fn type_key(v: &Value) -> &'static str {
    match v {
        Value::BigInt(_) => "int",
        Value::Tuple(_) => "tuple",
        Value::FrozenSet(_) => "frozenset",
        Value::Bytes(_) => "bytes",
        Value::Ellipsis => "ellipsis",
        Value::Code(_) => "code",
        _ => "other",
    }
}

/// What encloses the code being compiled, as `return`, `break` and
/// `continue` must unwind it (CPython's compiler's "fblocks").
enum FBlock {
    /// A loop.
    Loop {
        /// Where `continue` jumps.
        start: u32,
        /// `break` jumps to patch.
        breaks: Vec<u32>,
        /// A `for` loop keeps its iterator on the stack, which `break` pops.
        for_loop: bool,
    },
    /// The body of a try with except clauses: its try block.
    TryExcept,
    /// The body of a try with a finally clause: leaving runs the clause.
    Finally(Vec<ast::Stmt>),
    /// An except clause's body: the exception it replaced is on the stack
    /// (and the `as` name's cleanup block, if named).
    Handler(Option<String>),
    /// A finally clause entered by an exception: the previous exception
    /// and the exception are on the stack.
    FinallyEnd,
    /// A with statement's body: `__exit__` is on the stack. Leaving it
    /// calls `__exit__` at the statement's position (as CPython: a traced
    /// frame sees the `with` line again).
    With(Pos),
    /// An async with statement's body: `__aexit__` is on the stack.
    AsyncWith(Pos),
    /// A return value kept on the stack while a finally clause runs on
    /// the way out (a return inside that clause replaces it).
    PopValue,
}

struct Unit {
    parts: CodeParts,
    scope: Rc<Scope>,
    consts: HashMap<ConstKey, u32>,
    names: HashMap<Rc<str>, u32>,
    fblocks: Vec<FBlock>,
    pos: Pos,
}

struct Compiler<'a> {
    scopes: &'a Scopes,
    lines: &'a LineIndex,
    filename: Rc<str>,
    units: Vec<Unit>,
    /// `from __future__ import annotations`: annotations are stored as
    /// their source text.
    future_annotations: bool,
    /// Mode 'single': the module's expression statements print their
    /// values (PRINT_EXPR), as the interactive prompt does.
    interactive: bool,
    /// Every name of every code object compiled, once: `self.x` in two
    /// methods names the same `Rc`, so the attribute caches compare
    /// names by pointer (`interp/attr.rs`).
    interned: std::collections::HashSet<Rc<str>>,
}

type R<T = ()> = Result<T, CompileError>;

/// The runtime operator of an AST operator.
pub(super) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::Div => BinOp::TrueDiv,
        O::FloorDiv => BinOp::FloorDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::Lshift,
        O::RShift => BinOp::Rshift,
        O::BitAnd => BinOp::And,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::MatMult => BinOp::MatMul,
    }
}

/// The docstring of a body: its first statement, when that is a string
/// literal.
fn docstring(stmts: &[ast::Stmt]) -> Option<&str> {
    match stmts.first()? {
        ast::Stmt::Expr(e) => match &*e.value {
            ast::Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

fn binary_opcode(op: BinOp) -> Op {
    match op {
        BinOp::Add => Op::BinaryAdd,
        BinOp::Sub => Op::BinarySubtract,
        BinOp::Mul => Op::BinaryMultiply,
        BinOp::TrueDiv => Op::BinaryTrueDivide,
        BinOp::FloorDiv => Op::BinaryFloorDivide,
        BinOp::Mod => Op::BinaryModulo,
        BinOp::Pow => Op::BinaryPower,
        BinOp::Lshift => Op::BinaryLshift,
        BinOp::Rshift => Op::BinaryRshift,
        BinOp::And => Op::BinaryAnd,
        BinOp::Or => Op::BinaryOr,
        BinOp::Xor => Op::BinaryXor,
        BinOp::MatMul => Op::BinaryMatrixMultiply,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

impl Compiler<'_> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a code unit is open")
    }

    fn enter(&mut self, name: &str, qualname: &str, scope: Rc<Scope>, firstlineno: u32) {
        let parts = CodeParts {
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename: self.filename.clone(),
            firstlineno,
            varnames: scope.varnames.clone(),
            cellvars: scope.cellvars.clone(),
            freevars: scope.freevars.clone(),
            flags: if scope.function {
                flags::OPTIMIZED
                    | flags::NEWLOCALS
                    | if scope.generator { flags::GENERATOR } else { 0 }
                    | match (scope.coroutine, scope.generator) {
                        (true, true) => flags::GENERATOR | flags::ASYNC_GENERATOR,
                        (true, false) => flags::GENERATOR | flags::COROUTINE,
                        _ => 0,
                    }
            } else {
                0
            },
            ..CodeParts::default()
        };
        self.units.push(Unit {
            parts,
            scope,
            consts: HashMap::default(),
            names: HashMap::default(),
            fblocks: Vec::new(),
            pos: Pos {
                line: firstlineno,
                end_line: firstlineno,
                col: 0,
                end_col: 0,
            },
        });
    }

    fn leave(&mut self) -> R<Rc<Code>> {
        let mut u = self.units.pop().expect("a code unit is open");
        if u.parts.cellvars.is_empty() && u.parts.freevars.is_empty() {
            u.parts.flags |= flags::NOFREE;
        }
        if self.units.iter().any(|p| p.scope.function) {
            u.parts.flags |= flags::NESTED;
        }
        let depth = verify::max_stack_depth(&u.parts.code)
            .map_err(|e| self.too_large(&format!("stack analysis failed: {e}")))?;
        u.parts.stacksize = depth;
        let code = Code::from_parts(u.parts)
            .ok_or_else(|| self.too_large("a frame needs more than 16M slots"))?;
        verify::verify(&code)
            .map_err(|e| self.too_large(&format!("generated code failed verification: {e}")))?;
        Ok(Rc::new(code))
    }

    fn too_large(&self, what: &str) -> CompileError {
        CompileError::TooLarge {
            filename: self.filename.to_string(),
            what: what.to_string(),
        }
    }

    fn refuse(&self, construct: &str, node: &impl Ranged) -> CompileError {
        CompileError::Unsupported {
            filename: self.filename.to_string(),
            line: self.lines.line(node.start()),
            construct: construct.to_string(),
        }
    }

    /// Instructions emitted from now on come from `node`.
    fn set_line(&mut self, node: &impl Ranged) {
        let (line, col) = self.lines.line_col(node.start());
        let (end_line, end_col) = self.lines.line_col(node.end());
        self.unit().pos = Pos {
            line,
            end_line,
            col,
            end_col,
        };
    }

    /// Appends an instruction (with EXTENDED_ARG if the argument needs it);
    /// returns the index of the instruction itself.
    fn emit(&mut self, op: Op, arg: u32) -> u32 {
        let u = self.unit();
        let line = u.pos;
        if arg > MAX_ARG {
            Self::push_word(u, line, Word::new(Op::ExtendedArg, arg >> 24));
        }
        Self::push_word(u, line, Word::new(op, arg & MAX_ARG));
        u.parts.code.len() as u32 - 1
    }

    fn push_word(u: &mut Unit, pos: Pos, w: Word) {
        let index = u.parts.code.len() as u32;
        if u.parts.lines.last().is_none_or(|&(_, l)| l != pos.line) {
            u.parts.lines.push((index, pos.line));
        }
        if u.parts.positions.last().is_none_or(|&(_, p)| p != pos) {
            u.parts.positions.push((index, pos));
        }
        u.parts.code.push(w);
    }

    /// The next instruction starts a line in the line table even when it
    /// carries the line of the one before it: a traced frame that gets to
    /// it by a jump (an exception's, to a handler) sees the line's event.
    fn line_starts_here(&mut self) {
        let u = self.unit();
        let index = u.parts.code.len() as u32;
        if u.parts.lines.last().is_some_and(|&(i, _)| i != index) {
            u.parts.lines.push((index, u.pos.line));
        }
    }

    fn here(&mut self) -> u32 {
        self.unit().parts.code.len() as u32
    }

    /// Points the jump at `at` to `target`. Jump targets stay below 2^24
    /// (checked: a larger function is refused as too large).
    fn patch(&mut self, at: u32, target: u32) -> R {
        if target > MAX_ARG {
            return Err(self.too_large("a function body longer than 16M instructions"));
        }
        let w = &mut self.unit().parts.code[at as usize];
        let op = Op::from_u8(w.code()).expect("patching an emitted instruction");
        *w = Word::new(op, target);
        Ok(())
    }

    fn konst(&mut self, v: Value) -> u32 {
        let key = ConstKey::of(&v);
        let u = self.unit();
        if let Value::Code(_) = v {
            // Code objects are never shared.
        } else if let Some(i) = u.consts.get(&key) {
            return *i;
        }
        let i = u.parts.consts.len() as u32;
        u.parts.consts.push(v);
        u.consts.insert(key, i);
        i
    }

    fn name(&mut self, n: &str) -> u32 {
        if let Some(i) = self.unit().names.get(n) {
            return *i;
        }
        let rc: Rc<str> = match self.interned.get(n) {
            Some(rc) => rc.clone(),
            None => {
                let rc: Rc<str> = Rc::from(n);
                self.interned.insert(rc.clone());
                rc
            }
        };
        let u = self.unit();
        let i = u.parts.names.len() as u32;
        u.parts.names.push(rc.clone());
        u.names.insert(rc, i);
        i
    }

    /// Emits the load, store or delete of name `n`, by how its scope reaches it.
    fn name_op(&mut self, n: &str, [fast, deref, global, name]: [Op; 4]) {
        match self.unit().scope.access(n) {
            Access::Fast(i) => self.emit(fast, i),
            Access::Deref(i) if deref == Op::LoadDeref && self.unit().scope.class => {
                self.emit(Op::LoadClassDeref, i)
            }
            Access::Deref(i) => self.emit(deref, i),
            Access::Global => {
                let i = self.name(n);
                self.emit(global, i)
            }
            Access::Name => {
                let i = self.name(n);
                self.emit(name, i)
            }
        };
    }

    fn load_name(&mut self, n: &str) {
        self.name_op(
            n,
            [Op::LoadFast, Op::LoadDeref, Op::LoadGlobal, Op::LoadName],
        );
    }

    fn store_name(&mut self, n: &str) {
        self.name_op(
            n,
            [
                Op::StoreFast,
                Op::StoreDeref,
                Op::StoreGlobal,
                Op::StoreName,
            ],
        );
    }

    fn delete_name(&mut self, n: &str) {
        self.name_op(
            n,
            [
                Op::DeleteFast,
                Op::DeleteDeref,
                Op::DeleteGlobal,
                Op::DeleteName,
            ],
        );
    }

    /// A module or class body with a simple annotated name starts with
    /// an empty `__annotations__` dict (CPython's SETUP_ANNOTATIONS).
    fn setup_annotations(&mut self, body: &[ast::Stmt]) {
        if has_annotations(body) {
            self.emit(Op::BuildMap, 0);
            let i = self.name("__annotations__");
            self.emit(Op::StoreName, i);
        }
    }

    /// The annotation of an annotated assignment in a module or class
    /// body: evaluated (or its source text under `from __future__ import
    /// annotations`) and, for a simple name, stored in `__annotations__`.
    /// In a function nothing is evaluated, as in CPython.
    fn annotation(&mut self, a: &ast::StmtAnnAssign) -> R {
        if self.unit().scope.function {
            return Ok(());
        }
        let simple = match &*a.target {
            ast::Expr::Name(n) if a.simple => Some(n.id.as_str()),
            _ => None,
        };
        if self.future_annotations {
            let Some(name) = simple else { return Ok(()) };
            let text = self.lines.text(a.annotation.range()).to_string();
            let k = self.konst(Value::str(&text));
            self.emit(Op::LoadConst, k);
            self.store_annotation(name);
            return Ok(());
        }
        self.expr(&a.annotation)?;
        match simple {
            Some(name) => self.store_annotation(name),
            None => {
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// `__annotations__[name] = TOS`.
    fn store_annotation(&mut self, name: &str) {
        let i = self.name("__annotations__");
        self.emit(Op::LoadName, i);
        let k = self.konst(Value::str(name));
        self.emit(Op::LoadConst, k);
        self.emit(Op::StoreSubscr, 0);
    }

    fn body(&mut self, stmts: &[ast::Stmt]) -> R {
        for (i, s) in stmts.iter().enumerate() {
            // A `pass` followed on its line by another statement has no
            // instruction of its own: the next statement's first one
            // carries the line (CPython drops that NOP).
            if let ast::Stmt::Pass(_) = s
                && let Some(next) = stmts.get(i + 1)
                && self.lines.line(next.start()) == self.lines.line(s.start())
            {
                continue;
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    /// `pass`: a NOP carrying its line, so that a traced frame gets the
    /// line's event as in CPython, unless the instruction before it is of
    /// the same line and runs on into it (CPython drops that NOP too: the
    /// line has had its event).
    fn pass(&mut self) {
        let u = self.unit();
        let line = u.pos.line;
        if let (Some(w), Some(&(_, last))) = (u.parts.code.last(), u.parts.lines.last())
            && last == line
            && Op::from_u8(w.code()).is_some_and(|op| op.jump_effect(w.arg()).is_none())
        {
            return;
        }
        self.emit(Op::Nop, 0);
    }

    /// A module or class body: a docstring first is stored as `__doc__`
    /// (and not evaluated as a statement).
    fn body_with_doc(&mut self, stmts: &[ast::Stmt]) -> R {
        match docstring(stmts) {
            Some(doc) => {
                self.set_line(&stmts[0]);
                let k = self.konst(Value::str(doc));
                self.emit(Op::LoadConst, k);
                self.store_name("__doc__");
                self.body(&stmts[1..])
            }
            None => self.body(stmts),
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) -> R {
        use ast::Stmt;
        self.set_line(s);
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                let printed = self.interactive && self.units.len() == 1;
                self.emit(if printed { Op::PrintExpr } else { Op::PopTop }, 0);
            }
            Stmt::Assign(a) if self.swap(a)? => {}
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::DupTop, 0);
                    }
                    self.store(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store(&a.target)?;
                }
                self.annotation(a)?;
            }
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) if f.is_async => self.async_for_stmt(f)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::Break(_) => {
                let Some(at) = self.innermost_loop() else {
                    return Err(self.syntax_like("'break' outside loop", s));
                };
                self.unwind_to(at + 1, false)?;
                if let FBlock::Loop { for_loop: true, .. } = self.unit().fblocks[at] {
                    self.emit(Op::PopTop, 0);
                }
                let j = self.emit(Op::Jump, 0);
                if let FBlock::Loop { breaks, .. } = &mut self.unit().fblocks[at] {
                    breaks.push(j);
                }
            }
            Stmt::Continue(_) => {
                let Some(at) = self.innermost_loop() else {
                    return Err(self.syntax_like("'continue' not properly in loop", s));
                };
                self.unwind_to(at + 1, false)?;
                if let FBlock::Loop { start, .. } = self.unit().fblocks[at] {
                    self.emit(Op::Jump, start);
                }
            }
            Stmt::Pass(_) => self.pass(),
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.function(
                    f.start().to_u32(),
                    f.name.as_str(),
                    &f.parameters,
                    f.returns.as_deref(),
                    FnBody::Stmts(&f.body),
                    s,
                )?;
                for _ in &f.decorator_list {
                    self.emit(Op::CallFunction, 1);
                }
                self.store_name(f.name.as_str());
            }
            Stmt::Return(r) => {
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let none = self.konst(Value::None);
                        self.emit(Op::LoadConst, none);
                    }
                }
                self.set_line(s);
                self.unwind_to(0, true)?;
                self.emit(Op::ReturnValue, 0);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let j = self.emit(Op::PopJumpIfTrue, 0);
                // The AssertionError points at the test, as in CPython.
                self.set_line(&*a.test);
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::CallFunction, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                let end = self.here();
                self.patch(j, end)?;
            }
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(s);
                self.emit(Op::RaiseVarargs, n);
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(f) => self.import_from(f),
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::With(w) if w.is_async => {
                let pos = self.unit().pos;
                self.async_with_stmt(&w.items, &w.body, pos)?
            }
            Stmt::With(w) => {
                let pos = self.unit().pos;
                self.with_stmt(&w.items, &w.body, pos)?
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            _ => return Err(self.refuse("this statement", s)),
        }
        Ok(())
    }

    /// `a, b = b, a` (two or three names or subscripts each side, no
    /// starred items): the values are rotated on the stack instead of
    /// packed into a tuple and unpacked again, as CPython's peephole does.
    /// Same order of evaluation and stores. False if the statement is not
    /// of that shape.
    fn swap(&mut self, a: &ast::StmtAssign) -> R<bool> {
        let ([ast::Expr::Tuple(t)], ast::Expr::Tuple(v)) = (&a.targets[..], &*a.value) else {
            return Ok(false);
        };
        let n = v.elts.len();
        let starred = |e: &ast::Expr| matches!(e, ast::Expr::Starred(_));
        if !(2..=3).contains(&n)
            || t.elts.len() != n
            || v.elts.iter().any(starred)
            || t.elts.iter().any(starred)
        {
            return Ok(false);
        }
        for e in &v.elts {
            self.expr(e)?;
        }
        if n == 3 {
            self.emit(Op::RotThree, 0);
        }
        self.emit(Op::RotTwo, 0);
        for e in &t.elts {
            self.store(e)?;
        }
        Ok(true)
    }

    /// Index of the innermost loop in the fblock stack.
    fn innermost_loop(&mut self) -> Option<usize> {
        self.unit()
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::Loop { .. }))
    }

    /// Emits what leaving every fblock above index `to` needs (innermost
    /// first), keeping TOS (a return value) when `keep`. Loops are left by
    /// `return` only: a break or continue stops at its own loop.
    fn unwind_to(&mut self, to: usize, keep: bool) -> R {
        let mut i = self.unit().fblocks.len();
        while i > to {
            i -= 1;
            // The block is off the stack while its exit code is compiled
            // (a finally clause run by `return` is outside its own try).
            let saved = self.unit().fblocks.split_off(i);
            let r = self.unwind_one(&saved[0], keep);
            self.unit().fblocks.extend(saved);
            r?;
        }
        Ok(())
    }

    fn unwind_one(&mut self, b: &FBlock, keep: bool) -> R {
        match b {
            FBlock::Loop { for_loop, .. } => {
                if *for_loop {
                    if keep {
                        self.emit(Op::RotTwo, 0);
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
            FBlock::TryExcept => {
                self.emit(Op::PopBlock, 0);
            }
            FBlock::Finally(body) => {
                self.emit(Op::PopBlock, 0);
                if keep {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                let r = self.body(body);
                if keep {
                    self.unit().fblocks.pop();
                }
                r?;
            }
            FBlock::PopValue => {
                if keep {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlock::Handler(name) => {
                if name.is_some() {
                    self.emit(Op::PopBlock, 0);
                }
                if keep {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
            FBlock::FinallyEnd => {
                if keep {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopTop, 0);
                if keep {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With(pos) => {
                // POP_BLOCK carries the line of the statement leaving (its
                // event), `__exit__` the `with` line; the line stays the
                // statement's: the jump or return after it carries it, as
                // CPython's does.
                self.emit(Op::PopBlock, 0);
                self.unit().pos = *pos;
                if keep {
                    self.emit(Op::RotTwo, 0);
                }
                self.call_exit();
            }
            FBlock::AsyncWith(pos) => {
                // POP_BLOCK carries the line of the statement leaving (its
                // event), `__exit__` the `with` line; the line stays the
                // statement's: the jump or return after it carries it, as
                // CPython's does.
                self.emit(Op::PopBlock, 0);
                self.unit().pos = *pos;
                if keep {
                    self.emit(Op::RotTwo, 0);
                }
                self.call_aexit();
            }
        }
        Ok(())
    }

    /// `import a.b.c` binds `a`; `import a.b.c as d` binds the
    /// submodule `c` (reached from `a` by IMPORT_FROM, as CPython 3.11).
    fn import(&mut self, i: &ast::StmtImport) {
        for a in &i.names {
            let level = self.konst(Value::Int(0));
            self.emit(Op::LoadConst, level);
            let none = self.konst(Value::None);
            self.emit(Op::LoadConst, none);
            let n = self.name(a.name.as_str());
            self.emit(Op::ImportName, n);
            let mut parts = a.name.split('.');
            let first = parts.next().unwrap_or("");
            match &a.asname {
                None => self.store_name(first),
                Some(asname) => {
                    let rest: Vec<&str> = parts.collect();
                    for (k, part) in rest.iter().enumerate() {
                        let p = self.name(part);
                        self.emit(Op::ImportFrom, p);
                        if k + 1 < rest.len() {
                            self.emit(Op::RotTwo, 0);
                            self.emit(Op::PopTop, 0);
                        }
                    }
                    self.store_name(asname.as_str());
                    if !rest.is_empty() {
                        self.emit(Op::PopTop, 0);
                    }
                }
            }
        }
    }

    /// `from m import a, b as c`, `from . import x`, `from m import *`.
    fn import_from(&mut self, f: &ast::StmtImportFrom) {
        let level = self.konst(Value::Int(i64::from(f.level)));
        self.emit(Op::LoadConst, level);
        let names: Vec<Value> = f
            .names
            .iter()
            .map(|a| Value::str(a.name.as_str()))
            .collect();
        let fromlist = self.konst(Value::tuple(names));
        self.emit(Op::LoadConst, fromlist);
        let module = f.module.as_ref().map_or("", |m| m.as_str());
        let n = self.name(module);
        self.emit(Op::ImportName, n);
        if f.names.first().is_some_and(|a| a.name.as_str() == "*") {
            self.emit(Op::ImportStar, 0);
            return;
        }
        for a in &f.names {
            let n = self.name(a.name.as_str());
            self.emit(Op::ImportFrom, n);
            self.store_name(a.asname.as_ref().unwrap_or(&a.name).as_str());
        }
        self.emit(Op::PopTop, 0);
    }

    /// `name = None; del name`: an except clause's `as` name does not
    /// outlive the clause.
    fn clear_name(&mut self, n: &str) {
        let none = self.konst(Value::None);
        self.emit(Op::LoadConst, none);
        self.store_name(n);
        self.delete_name(n);
    }

    /// Calls the `__exit__` on TOS with three Nones and drops the result.
    fn call_exit(&mut self) {
        let none = self.konst(Value::None);
        self.emit(Op::LoadConst, none);
        self.emit(Op::DupTop, 0);
        self.emit(Op::DupTop, 0);
        self.emit(Op::CallFunction, 3);
        self.emit(Op::PopTop, 0);
    }

    /// Calls the `__aexit__` on TOS with three Nones, awaits the result
    /// and drops it.
    fn call_aexit(&mut self) {
        let none = self.konst(Value::None);
        self.emit(Op::LoadConst, none);
        self.emit(Op::DupTop, 0);
        self.emit(Op::DupTop, 0);
        self.emit(Op::CallFunction, 3);
        self.await_tos(2);
        self.emit(Op::PopTop, 0);
    }

    /// Awaits TOS: GET_AWAITABLE (`place` names it in the error), then
    /// delegation to it as `yield from`.
    fn await_tos(&mut self, place: u32) {
        self.emit(Op::GetAwaitable, place);
        let none = self.konst(Value::None);
        self.emit(Op::LoadConst, none);
        self.emit(Op::YieldFrom, 0);
    }

    fn try_stmt(&mut self, t: &ast::StmtTry) -> R {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let setup = self.emit(Op::SetupFinally, 0);
        self.unit()
            .fblocks
            .push(FBlock::Finally(t.finalbody.to_vec()));
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock, 0);
        self.body(&t.finalbody)?;
        let end = self.emit(Op::Jump, 0);
        let handler = self.here();
        self.patch(setup, handler)?;
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.body(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::Reraise, 0);
        let here = self.here();
        self.patch(end, here)
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> R {
        let setup = self.emit(Op::SetupFinally, 0);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock, 0);
        let to_else = self.emit(Op::Jump, 0);
        let handler = self.here();
        self.patch(setup, handler)?;
        let mut ends = Vec::new();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let mut next = None;
            match &h.type_ {
                Some(ty) => {
                    self.emit(Op::DupTop, 0);
                    self.expr(ty)?;
                    next = Some(self.emit(Op::JumpIfNotExcMatch, 0));
                }
                None if i + 1 < t.handlers.len() => {
                    return Err(self.syntax_like("default 'except:' must be last", h));
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    let name = name.to_string();
                    self.store_name(&name);
                    let cleanup = self.emit(Op::SetupFinally, 0);
                    self.unit()
                        .fblocks
                        .push(FBlock::Handler(Some(name.clone())));
                    self.body(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Op::PopBlock, 0);
                    self.emit(Op::PopExcept, 0);
                    self.clear_name(&name);
                    ends.push(self.emit(Op::Jump, 0));
                    let here = self.here();
                    self.patch(cleanup, here)?;
                    self.clear_name(&name);
                    self.emit(Op::Reraise, 0);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.unit().fblocks.push(FBlock::Handler(None));
                    self.body(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Op::PopExcept, 0);
                    ends.push(self.emit(Op::Jump, 0));
                }
            }
            if let Some(j) = next {
                let here = self.here();
                self.patch(j, here)?;
            }
        }
        // No clause matched: raise it on.
        self.emit(Op::Reraise, 0);
        let else_at = self.here();
        self.patch(to_else, else_at)?;
        self.body(&t.orelse)?;
        let end = self.here();
        for j in ends {
            self.patch(j, end)?;
        }
        Ok(())
    }

    fn with_stmt(&mut self, items: &[ast::WithItem], body: &[ast::Stmt], pos: Pos) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&item.context_expr)?;
        self.set_line(&item.context_expr);
        let setup = self.emit(Op::SetupWith, 0);
        self.unit().fblocks.push(FBlock::With(pos));
        match &item.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::PopTop, 0);
            }
        }
        self.with_stmt(rest, body, pos)?;
        self.unit().fblocks.pop();
        self.unit().pos = pos;
        self.emit(Op::PopBlock, 0);
        self.call_exit();
        let end = self.emit(Op::Jump, 0);
        let handler = self.here();
        self.patch(setup, handler)?;
        // An exception from the body comes back to the `with` line: its
        // event, as CPython's.
        self.line_starts_here();
        self.emit(Op::WithExceptStart, 0);
        let suppress = self.emit(Op::PopJumpIfTrue, 0);
        self.emit(Op::Reraise, 0);
        let here = self.here();
        self.patch(suppress, here)?;
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        let here = self.here();
        self.patch(end, here)
    }

    /// `async with`: `with` over `__aenter__` and `__aexit__`, each
    /// result awaited.
    fn async_with_stmt(&mut self, items: &[ast::WithItem], body: &[ast::Stmt], pos: Pos) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&item.context_expr)?;
        self.set_line(&item.context_expr);
        self.emit(Op::BeforeAsyncWith, 0);
        self.await_tos(1);
        let setup = self.emit(Op::SetupAsyncWith, 0);
        self.unit().fblocks.push(FBlock::AsyncWith(pos));
        match &item.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::PopTop, 0);
            }
        }
        self.async_with_stmt(rest, body, pos)?;
        self.unit().fblocks.pop();
        self.unit().pos = pos;
        self.emit(Op::PopBlock, 0);
        self.call_aexit();
        let end = self.emit(Op::Jump, 0);
        let handler = self.here();
        self.patch(setup, handler)?;
        // An exception from the body comes back to the `with` line: its
        // event, as CPython's.
        self.line_starts_here();
        self.emit(Op::WithExceptStart, 0);
        self.await_tos(2);
        let suppress = self.emit(Op::PopJumpIfTrue, 0);
        self.emit(Op::Reraise, 0);
        let here = self.here();
        self.patch(suppress, here)?;
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        let here = self.here();
        self.patch(end, here)
    }

    /// A class statement: the body runs as a function whose locals become
    /// the class dict (`__build_class__`), then the decorators apply.
    fn class_def(&mut self, c: &ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.emit(Op::LoadBuildClass, 0);
        let scope = self.scopes[&c.start().to_u32()].clone();
        let name = c.name.as_str();
        let qualname = self.qualname(name);
        let first = self.lines.line(c.start());
        self.enter(name, &qualname, scope, first);
        self.setup_annotations(&c.body);
        self.body_with_doc(&c.body)?;
        if self
            .unit()
            .scope
            .cellvars
            .iter()
            .any(|n| &**n == "__class__")
        {
            self.emit(Op::LoadClosure, 0);
        } else {
            let none = self.konst(Value::None);
            self.emit(Op::LoadConst, none);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave()?;
        self.make_function(code, 0)?;
        let k = self.konst(Value::str(name));
        self.emit(Op::LoadConst, k);
        let mut nbases = 0;
        let mut names = Vec::new();
        if let Some(args) = &c.arguments {
            for b in args.args.iter() {
                self.expr(b)?;
                nbases += 1;
            }
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
                let name = k.arg.as_ref().map_or("", |a| a.as_str());
                names.push(Value::str(name));
            }
        }
        self.set_line(c);
        if names.is_empty() {
            self.emit(Op::CallFunction, 2 + nbases);
        } else {
            let n = names.len() as u32;
            let k = self.konst(Value::tuple(names));
            self.emit(Op::LoadConst, k);
            self.emit(Op::CallFunctionKw, 2 + nbases + n);
        }
        for _ in &c.decorator_list {
            self.emit(Op::CallFunction, 1);
        }
        self.store_name(name);
        Ok(())
    }

    /// The qualified name of a function or class defined here.
    fn qualname(&self, name: &str) -> String {
        match self.units.last() {
            Some(u) if u.scope.function => format!("{}.<locals>.{name}", u.parts.qualname),
            Some(u) if u.scope.class => format!("{}.{name}", u.parts.qualname),
            _ => name.to_string(),
        }
    }

    /// A compile-time error CPython reports as a SyntaxError.
    fn syntax_like(&self, msg: &str, node: &impl Ranged) -> CompileError {
        self.lines.syntax_error(&self.filename, node.start(), msg)
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> R {
        let op = binop(a.op);
        let inplace = |c: &mut Self| {
            if op == BinOp::Add {
                c.emit(Op::InplaceAdd, 0)
            } else {
                c.emit(Op::InplaceOp, op as u32)
            }
        };
        match &*a.target {
            ast::Expr::Name(n) => {
                let saved = self.unit().pos;
                self.set_line(&*a.target);
                self.load_name(n.id.as_str());
                self.unit().pos = saved;
                self.expr(&a.value)?;
                inplace(self);
                self.store_name(n.id.as_str());
            }
            ast::Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.subscript_index(&sub.slice)?;
                self.emit(Op::DupTopTwo, 0);
                self.emit(Op::BinarySubscr, 0);
                self.expr(&a.value)?;
                inplace(self);
                self.emit(Op::RotThree, 0);
                self.emit(Op::StoreSubscr, 0);
            }
            ast::Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::DupTop, 0);
                let i = self.name(at.attr.as_str());
                self.emit(Op::LoadAttr, i);
                self.expr(&a.value)?;
                inplace(self);
                self.emit(Op::RotTwo, 0);
                self.emit(Op::StoreAttr, i);
            }
            t => return Err(self.refuse("augmented assignment to this target", t)),
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &ast::StmtIf) -> R {
        self.expr(&i.test)?;
        let mut next = self.emit(Op::PopJumpIfFalse, 0);
        self.body(&i.body)?;
        let mut ends = Vec::new();
        for clause in &i.elif_else_clauses {
            ends.push(self.emit(Op::Jump, 0));
            let here = self.here();
            self.patch(next, here)?;
            match &clause.test {
                Some(t) => {
                    self.set_line(t);
                    self.expr(t)?;
                    next = self.emit(Op::PopJumpIfFalse, 0);
                    self.body(&clause.body)?;
                }
                None => {
                    next = u32::MAX;
                    self.body(&clause.body)?;
                }
            }
        }
        let end = self.here();
        if next != u32::MAX {
            self.patch(next, end)?;
        }
        for j in ends {
            self.patch(j, end)?;
        }
        Ok(())
    }

    fn while_stmt(&mut self, w: &ast::StmtWhile) -> R {
        let start = self.here();
        self.expr(&w.test)?;
        let exit = self.emit(Op::PopJumpIfFalse, 0);
        self.open_loop(start, false);
        self.body(&w.body)?;
        self.close_loop(start, exit, &w.orelse)
    }

    fn for_stmt(&mut self, f: &ast::StmtFor) -> R {
        self.iterable(&f.iter)?;
        self.emit(Op::GetIter, 0);
        let start = self.here();
        let exit = self.emit(Op::ForIter, 0);
        self.open_loop(start, true);
        self.store(&f.target)?;
        self.body(&f.body)?;
        self.set_line(f);
        self.close_loop(start, exit, &f.orelse)
    }

    /// `async for`: each step awaits `__anext__()` inside a try block
    /// whose handler (END_ASYNC_FOR) ends the loop on StopAsyncIteration.
    fn async_for_stmt(&mut self, f: &ast::StmtFor) -> R {
        self.expr(&f.iter)?;
        self.set_line(f);
        self.emit(Op::GetAiter, 0);
        let start = self.here();
        let setup = self.emit(Op::SetupFinally, 0);
        self.emit(Op::GetAnext, 0);
        self.await_tos(0);
        self.emit(Op::PopBlock, 0);
        self.open_loop(start, true);
        self.store(&f.target)?;
        self.body(&f.body)?;
        self.set_line(f);
        self.emit(Op::Jump, start);
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!("opened by open_loop");
        };
        let handler = self.here();
        self.patch(setup, handler)?;
        self.emit(Op::EndAsyncFor, 0);
        self.body(&f.orelse)?;
        let end = self.here();
        for b in breaks {
            self.patch(b, end)?;
        }
        Ok(())
    }

    fn open_loop(&mut self, start: u32, for_loop: bool) {
        self.unit().fblocks.push(FBlock::Loop {
            start,
            breaks: Vec::new(),
            for_loop,
        });
    }

    /// Ends a loop body: jumps back to `start`, points the loop's exit at
    /// its `else` clause, and its `break`s past it.
    fn close_loop(&mut self, start: u32, exit: u32, orelse: &[ast::Stmt]) -> R {
        self.emit(Op::Jump, start);
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!("opened by open_loop");
        };
        let here = self.here();
        self.patch(exit, here)?;
        self.body(orelse)?;
        let end = self.here();
        for b in breaks {
            self.patch(b, end)?;
        }
        Ok(())
    }

    fn store(&mut self, t: &ast::Expr) -> R {
        use ast::Expr;
        match t {
            Expr::Name(n) => self.store_name(n.id.as_str()),
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.set_line(t);
                let stars: Vec<usize> = (0..elts.len())
                    .filter(|&i| matches!(elts[i], Expr::Starred(_)))
                    .collect();
                match stars[..] {
                    [] => {
                        self.emit(Op::UnpackSequence, elts.len() as u32);
                    }
                    [i] => {
                        let after = elts.len() - i - 1;
                        if i > 0xff || after > 0xffff {
                            return Err(self.refuse("starred assignment with this many targets", t));
                        }
                        self.emit(Op::UnpackEx, i as u32 | (after as u32) << 8);
                    }
                    _ => {
                        return Err(
                            self.syntax_like("multiple starred expressions in assignment", t)
                        );
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store(&s.value)?,
                        e => self.store(e)?,
                    }
                }
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name(a.attr.as_str());
                self.emit(Op::StoreAttr, i);
            }
            _ => return Err(self.refuse("assignment to this expression", t)),
        }
        Ok(())
    }

    fn delete(&mut self, t: &ast::Expr) -> R {
        use ast::Expr;
        match t {
            Expr::Name(n) => self.delete_name(n.id.as_str()),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name(a.attr.as_str());
                self.emit(Op::DeleteAttr, i);
            }
            _ => return Err(self.refuse("deletion of this expression", t)),
        }
        Ok(())
    }

    fn subscript_index(&mut self, slice: &ast::Expr) -> R {
        if let ast::Expr::Slice(s) = slice {
            let n = if s.step.is_some() { 3 } else { 2 };
            for part in [&s.lower, &s.upper, &s.step].into_iter().take(n) {
                match part {
                    Some(e) => self.expr(e)?,
                    None => {
                        let none = self.konst(Value::None);
                        self.emit(Op::LoadConst, none);
                    }
                }
            }
            self.emit(Op::BuildSlice, n as u32);
            Ok(())
        } else {
            self.expr(slice)
        }
    }

    fn function(
        &mut self,
        key: u32,
        name: &str,
        params: &ast::Parameters,
        returns: Option<&ast::Expr>,
        body: FnBody<'_>,
        node: &impl Ranged,
    ) -> R {
        // Defaults, evaluated where the function is defined: positional
        // ones as a tuple, keyword-only ones as a dict.
        let defaults: Vec<&ast::Expr> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        let mut mkflags = 0;
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, defaults.len() as u32);
            mkflags |= 0x01;
        }
        let kwdefaults: Vec<(&str, &ast::Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                let k = self.konst(Value::str(*n));
                self.emit(Op::LoadConst, k);
                self.expr(d)?;
            }
            self.emit(Op::BuildMap, kwdefaults.len() as u32);
            mkflags |= 0x02;
        }
        // Annotations, as a tuple of name/value pairs (CPython 3.10's form).
        let annotations = super::symtable::fn_annotations(params, returns);
        if !annotations.is_empty() {
            for (n, x) in &annotations {
                let k = self.konst(Value::str(*n));
                self.emit(Op::LoadConst, k);
                if self.future_annotations {
                    let text = self.lines.text(x.range()).to_string();
                    let k = self.konst(Value::str(&text));
                    self.emit(Op::LoadConst, k);
                } else {
                    self.expr(x)?;
                }
            }
            self.emit(Op::BuildTuple, 2 * annotations.len() as u32);
            mkflags |= 0x04;
        }
        let scope = self.scopes[&key].clone();
        let qualname = self.qualname(name);
        let first = self.lines.line(node.start());
        self.enter(name, &qualname, scope, first);
        {
            let u = self.unit();
            u.parts.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
            u.parts.posonlyargcount = params.posonlyargs.len() as u32;
            u.parts.kwonlyargcount = params.kwonlyargs.len() as u32;
            if params.vararg.is_some() {
                u.parts.flags |= flags::VARARGS;
            }
            if params.kwarg.is_some() {
                u.parts.flags |= flags::VARKEYWORDS;
            }
        }
        match body {
            FnBody::Stmts(stmts) => {
                // The docstring is the first constant, as in CPython.
                let stmts = match docstring(stmts) {
                    Some(doc) => {
                        self.konst(Value::str(doc));
                        self.unit().parts.flags |= flags::DOCSTRING;
                        &stmts[1..]
                    }
                    None => stmts,
                };
                self.body(stmts)?;
                let none = self.konst(Value::None);
                self.emit(Op::LoadConst, none);
                self.emit(Op::ReturnValue, 0);
            }
            FnBody::Expr(e) => {
                self.set_line(e);
                self.expr(e)?;
                self.emit(Op::ReturnValue, 0);
            }
        }
        let code = self.leave()?;
        self.make_function(code, mkflags)?;
        Ok(())
    }

    /// Pushes the function for `code`, with its closure if it has free variables.
    fn make_function(&mut self, code: Rc<Code>, mut mkflags: u32) -> R {
        if !code.freevars().is_empty() {
            for name in code.freevars().to_vec() {
                // The symtable gives every free variable of a nested scope
                // a cell or free slot in its parent.
                let Some(i) = self.unit().scope.deref_index(&name) else {
                    return Err(self.too_large(&format!(
                        "scope analysis left free variable {name} without a cell"
                    )));
                };
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars().len() as u32);
            mkflags |= 0x08;
        }
        let k = self.konst(Value::Code(code));
        self.emit(Op::LoadConst, k);
        self.emit(Op::MakeFunction, mkflags);
        Ok(())
    }

    /// Compiles an expression; its instructions carry its position (an
    /// operand's own instructions carry the operand's), as CPython 3.11's.
    fn expr(&mut self, e: &ast::Expr) -> R {
        let saved = self.unit().pos;
        self.set_line(e);
        let r = self.expr_inner(e);
        self.unit().pos = saved;
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> R {
        use ast::Expr;
        match e {
            Expr::NumberLiteral(n) => {
                let v =
                    fold::number(&n.value).ok_or_else(|| self.refuse("this integer literal", e))?;
                let k = self.konst(v);
                self.emit(Op::LoadConst, k);
            }
            Expr::StringLiteral(s) => {
                let k = self.konst(Value::str(s.value.to_str()));
                self.emit(Op::LoadConst, k);
            }
            Expr::BytesLiteral(b) => {
                let k = self.konst(fold::bytes_literal(&b.value));
                self.emit(Op::LoadConst, k);
            }
            Expr::BooleanLiteral(b) => {
                let k = self.konst(Value::Bool(b.value));
                self.emit(Op::LoadConst, k);
            }
            Expr::NoneLiteral(_) => {
                let k = self.konst(Value::None);
                self.emit(Op::LoadConst, k);
            }
            Expr::EllipsisLiteral(_) => {
                let k = self.konst(Value::Ellipsis);
                self.emit(Op::LoadConst, k);
            }
            // `__debug__` is a constant (it cannot be bound).
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                let k = self.konst(Value::Bool(true));
                self.emit(Op::LoadConst, k);
            }
            Expr::Name(n) => self.load_name(n.id.as_str()),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_line(e);
                self.emit(binary_opcode(binop(b.op)), 0);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::USub => Op::UnaryNegative,
                    ast::UnaryOp::UAdd => Op::UnaryPositive,
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                };
                self.emit(op, 0);
            }
            Expr::BoolOp(b) => {
                let jump = if let ast::BoolOp::And = b.op {
                    Op::JumpIfFalseOrPop
                } else {
                    Op::JumpIfTrueOrPop
                };
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        jumps.push(self.emit(jump, 0));
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end)?;
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::PopJumpIfFalse, 0);
                self.expr(&i.body)?;
                let over = self.emit(Op::Jump, 0);
                let orelse = self.here();
                self.patch(j, orelse)?;
                self.expr(&i.orelse)?;
                let end = self.here();
                self.patch(over, end)?;
            }
            Expr::List(l) => self.sequence(&l.elts, Op::BuildList, false)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Op::BuildTuple, true)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.set_line(e);
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name(a.attr.as_str());
                self.emit(Op::LoadAttr, i);
            }
            Expr::Lambda(l) => {
                let empty = ast::Parameters::default();
                let params = l.parameters.as_deref().unwrap_or(&empty);
                self.function(
                    l.start().to_u32(),
                    "<lambda>",
                    params,
                    None,
                    FnBody::Expr(&l.body),
                    e,
                )?;
            }
            Expr::ListComp(c) => self.comprehension(e, &c.generators, Comp::List(&c.elt))?,
            Expr::Generator(g) => self.comprehension(e, &g.generators, Comp::Gen(&g.elt))?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::DupTop, 0);
                self.store(&n.target)?;
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let none = self.konst(Value::None);
                        self.emit(Op::LoadConst, none);
                    }
                }
                // An async generator's value ends the await of its
                // `__anext__()`; its awaits' yields pass through.
                let value_yield = u32::from(self.unit().parts.flags & flags::ASYNC_GENERATOR != 0);
                self.emit(Op::YieldValue, value_yield);
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.await_tos(0);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                let none = self.konst(Value::None);
                self.emit(Op::LoadConst, none);
                self.emit(Op::YieldFrom, 0);
            }
            Expr::SetComp(c) => self.comprehension(e, &c.generators, Comp::Set(&c.elt))?,
            Expr::Set(s) => self.set_display(&s.elts)?,
            Expr::Dict(d) => {
                if d.items.iter().any(|i| i.key.is_none()) {
                    // {**a, k: v}: start empty, add in order.
                    self.emit(Op::BuildMap, 0);
                    for item in &d.items {
                        match &item.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&item.value)?;
                                self.emit(Op::MapAdd, 1);
                            }
                            None => {
                                self.expr(&item.value)?;
                                self.emit(Op::DictUpdate, 1);
                            }
                        }
                    }
                } else {
                    for item in &d.items {
                        self.expr(item.key.as_ref().expect("checked above"))?;
                        self.expr(&item.value)?;
                    }
                    self.emit(Op::BuildMap, d.items.len() as u32);
                }
            }
            Expr::DictComp(c) => {
                let key = c
                    .key
                    .as_deref()
                    .ok_or_else(|| self.refuse("dict comprehension without a key", e))?;
                self.comprehension(e, &c.generators, Comp::Dict(key, &c.value))?
            }
            Expr::FString(f) => {
                let mut pieces = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(lit) => {
                            let k = self.konst(Value::str(&*lit.value));
                            self.emit(Op::LoadConst, k);
                            pieces += 1;
                        }
                        ast::FStringPart::FString(fs) => {
                            pieces += self.fstring_elements(&fs.elements)?
                        }
                    }
                }
                if pieces != 1 {
                    self.emit(Op::BuildString, pieces);
                }
            }
            Expr::Starred(_) => return Err(self.refuse("starred expression here", e)),
            // Only in a subscript (the parser sees to it): `a[1:2, ::3]`.
            Expr::Slice(_) => self.subscript_index(e)?,
            _ => return Err(self.refuse("this expression", e)),
        }
        Ok(())
    }

    /// Pushes the pieces of an f-string; returns how many.
    fn fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R<u32> {
        let mut pieces = 0;
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(lit) => {
                    let k = self.konst(Value::str(&*lit.value));
                    self.emit(Op::LoadConst, k);
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    // `{x=}`: the text up to the conversion, then the value,
                    // by default as its repr unless a format spec is given.
                    let debug = i.debug_text.is_some();
                    if let Some(d) = &i.debug_text {
                        let k = self.konst(Value::str(d.as_str()));
                        self.emit(Op::LoadConst, k);
                        pieces += 1;
                    }
                    self.expr(&i.expression)?;
                    let mut flags = match i.conversion {
                        ast::ConversionFlag::None if debug && i.format_spec.is_none() => 2,
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(spec) = &i.format_spec {
                        let n = self.fstring_elements(&spec.elements)?;
                        if n != 1 {
                            self.emit(Op::BuildString, n);
                        }
                        flags |= 4;
                    }
                    self.emit(Op::FormatValue, flags);
                }
            }
            pieces += 1;
        }
        if pieces == 0 {
            let k = self.konst(Value::str(""));
            self.emit(Op::LoadConst, k);
            pieces = 1;
        }
        Ok(pieces)
    }

    fn sequence(&mut self, elts: &[ast::Expr], build: Op, tuple: bool) -> R {
        if elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) {
            // [a, *b, c]: build a list piece by piece.
            self.emit(Op::BuildList, 0);
            for e in elts {
                match e {
                    ast::Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(Op::ListExtend, 1);
                    }
                    other => {
                        self.expr(other)?;
                        self.emit(Op::ListAppend, 1);
                    }
                }
            }
            if tuple {
                self.emit(Op::ListToTuple, 0);
            }
            return Ok(());
        }
        for x in elts {
            self.expr(x)?;
        }
        self.emit(build, elts.len() as u32);
        Ok(())
    }

    /// A set display, as CPython 3.11 compiles one: three or more
    /// constants become `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1`;
    /// otherwise the items are pushed and built at once, or, with a
    /// `*iterable` or too many to push, added one at a time.
    fn set_display(&mut self, elts: &[ast::Expr]) -> R {
        if elts.len() > 2
            && let Some(k) = self.frozenset_const(elts)
        {
            self.emit(Op::BuildSet, 0);
            self.emit(Op::LoadConst, k);
            self.emit(Op::SetUpdate, 1);
            return Ok(());
        }
        let starred = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        // CPython's STACK_USE_GUARDRAIL: more items than this are not pushed at once.
        let big = elts.len() > 30;
        if !starred && !big {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(Op::BuildSet, elts.len() as u32);
            return Ok(());
        }
        let mut built = big;
        if big {
            self.emit(Op::BuildSet, 0);
        }
        for (i, x) in elts.iter().enumerate() {
            if let ast::Expr::Starred(s) = x {
                if !built {
                    self.emit(Op::BuildSet, i as u32);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(Op::SetUpdate, 1);
            } else {
                self.expr(x)?;
                if built {
                    self.emit(Op::SetAdd, 1);
                }
            }
        }
        Ok(())
    }

    /// The index of a frozenset constant of `elts`, when every one is a
    /// constant. Built as CPython builds it: `frozenset(tuple)` of the
    /// items in order, then rebuilt from its own items in table order
    /// (what CPython's constant merging does to every frozenset constant).
    fn frozenset_const(&mut self, elts: &[ast::Expr]) -> Option<u32> {
        use crate::runtime::set;
        let items = elts
            .iter()
            .map(fold::constant)
            .collect::<Option<Vec<_>>>()?;
        let first = set::from_items(items).ok()?;
        let merged = set::from_items(first.keys()).ok()?;
        Some(self.konst(set::new_frozenset(merged)))
    }

    /// An iterated expression (`for`, comprehensions, the right of `in`):
    /// a set display of constants is a frozenset constant, as CPython's
    /// optimizer makes it.
    fn iterable(&mut self, e: &ast::Expr) -> R {
        if let ast::Expr::Set(s) = e
            && let Some(k) = self.frozenset_const(&s.elts)
        {
            self.emit(Op::LoadConst, k);
            return Ok(());
        }
        self.expr(e)
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        // The last comparand of `in` is iterated.
        let ops = &c.ops;
        let last = |c: &mut Self, i: usize, right: &ast::Expr| {
            if i + 1 == n && matches!(ops[i], ast::CmpOp::In | ast::CmpOp::NotIn) {
                c.iterable(right)
            } else {
                c.expr(right)
            }
        };
        if n == 1 {
            last(self, 0, &c.comparators[0])?;
            self.emit(Op::CompareOp, cmpop(c.ops[0]) as u32);
            return Ok(());
        }
        // a < b < c: keep b for the next comparison; on a false link, the
        // duplicate left under the result is dropped at `cleanup`.
        let mut cleanups = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            last(self, i, right)?;
            if i + 1 < n {
                self.emit(Op::DupTop, 0);
                self.emit(Op::RotThree, 0);
                self.emit(Op::CompareOp, cmpop(*op) as u32);
                cleanups.push(self.emit(Op::JumpIfFalseOrPop, 0));
            } else {
                self.emit(Op::CompareOp, cmpop(*op) as u32);
            }
        }
        let over = self.emit(Op::Jump, 0);
        let cleanup = self.here();
        for j in cleanups {
            self.patch(j, cleanup)?;
        }
        self.emit(Op::RotTwo, 0);
        self.emit(Op::PopTop, 0);
        let end = self.here();
        self.patch(over, end)
    }

    fn call(&mut self, c: &ast::ExprCall) -> R {
        let args = &c.arguments;
        if let ast::Expr::Name(n) = &*c.func
            && n.id.as_str() == "super"
            && args.args.is_empty()
            && args.keywords.is_empty()
            && self.zero_arg_super()
        {
            // super() is super(__class__, <first parameter>).
            self.load_name("super");
            self.load_name("__class__");
            let first = self.unit().parts.varnames[0].clone();
            self.load_name(&first);
            self.set_line(c);
            self.emit(Op::CallFunction, 2);
            return Ok(());
        }
        let starred = args.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)));
        let double_starred = args.keywords.iter().any(|k| k.arg.is_none());
        if starred || double_starred {
            // f(*a, b, k=v, **m): a tuple of positionals and a dict of keywords.
            self.expr(&c.func)?;
            self.sequence(&args.args, Op::BuildTuple, true)?;
            let mut flags = 0;
            if !args.keywords.is_empty() {
                self.emit(Op::BuildMap, 0);
                for k in args.keywords.iter() {
                    match &k.arg {
                        Some(name) => {
                            let key = self.konst(Value::str(name.as_str()));
                            self.emit(Op::LoadConst, key);
                            self.expr(&k.value)?;
                            self.emit(Op::BuildMap, 1);
                            self.emit(Op::DictMerge, 1);
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Op::DictMerge, 1);
                        }
                    }
                }
                flags = 1;
            }
            self.set_line(c);
            self.emit(Op::CallFunctionEx, flags);
            return Ok(());
        }
        if let (ast::Expr::Attribute(a), true) = (&*c.func, args.keywords.is_empty()) {
            self.expr(&a.value)?;
            let i = self.name(a.attr.as_str());
            self.emit(Op::LoadMethod, i);
            for x in args.args.iter() {
                self.expr(x)?;
            }
            self.set_line(c);
            self.emit(Op::CallMethod, args.args.len() as u32);
            return Ok(());
        }
        self.expr(&c.func)?;
        for x in args.args.iter() {
            self.expr(x)?;
        }
        for k in args.keywords.iter() {
            self.expr(&k.value)?;
        }
        self.set_line(c);
        if args.keywords.is_empty() {
            self.emit(Op::CallFunction, args.args.len() as u32);
        } else {
            let names: Vec<Value> = args
                .keywords
                .iter()
                .map(|k| Value::str(k.arg.as_ref().expect("checked above").as_str()))
                .collect();
            let k = self.konst(Value::tuple(names));
            self.emit(Op::LoadConst, k);
            self.emit(
                Op::CallFunctionKw,
                (args.args.len() + args.keywords.len()) as u32,
            );
        }
        Ok(())
    }

    /// Whether `super()` here can find its class and instance: a method
    /// with a first parameter, `__class__` reaching the class body's cell.
    fn zero_arg_super(&mut self) -> bool {
        let u = self.unit();
        u.scope.function
            && u.parts.argcount > 0
            && matches!(u.scope.access("super"), Access::Global)
            && matches!(u.scope.access("__class__"), Access::Deref(_))
    }

    fn comprehension(
        &mut self,
        node: &ast::Expr,
        gens: &[ast::Comprehension],
        what: Comp<'_>,
    ) -> R {
        let scope = self.scopes[&node.start().to_u32()].clone();
        let coroutine = scope.coroutine;
        let name = match what {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = match self.units.last() {
            Some(u) if u.scope.function => format!("{}.<locals>.{name}", u.parts.qualname),
            _ => name.to_string(),
        };
        let line = self.lines.line(node.start());
        self.enter(name, &qualname, scope, line);
        self.unit().parts.argcount = 1;
        match what {
            Comp::List(_) => {
                self.emit(Op::BuildList, 0);
            }
            Comp::Set(_) => {
                self.emit(Op::BuildSet, 0);
            }
            Comp::Dict(..) => {
                self.emit(Op::BuildMap, 0);
            }
            Comp::Gen(_) => {}
        }
        let mut loops = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            if i == 0 {
                self.emit(Op::LoadFast, 0); // `.0`: the first iterator, passed in
            } else if g.is_async {
                self.expr(&g.iter)?;
                self.emit(Op::GetAiter, 0);
            } else {
                self.iterable(&g.iter)?;
                self.emit(Op::GetIter, 0);
            }
            let start = self.here();
            // `async for`: the await of `__anext__()` in a try block whose
            // handler (END_ASYNC_FOR) ends this loop.
            let exit = if g.is_async {
                let setup = self.emit(Op::SetupFinally, 0);
                self.emit(Op::GetAnext, 0);
                self.await_tos(0);
                self.emit(Op::PopBlock, 0);
                setup
            } else {
                self.emit(Op::ForIter, 0)
            };
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
                self.emit(Op::PopJumpIfFalse, start);
            }
            loops.push((start, exit, g.is_async));
        }
        match what {
            Comp::List(elt) => {
                self.expr(elt)?;
                // The list sits under one iterator per loop.
                self.emit(Op::ListAppend, gens.len() as u32 + 1);
            }
            Comp::Set(elt) => {
                self.expr(elt)?;
                self.emit(Op::SetAdd, gens.len() as u32 + 1);
            }
            Comp::Dict(key, value) => {
                self.expr(key)?;
                self.expr(value)?;
                self.emit(Op::MapAdd, gens.len() as u32 + 1);
            }
            Comp::Gen(elt) => {
                self.expr(elt)?;
                // An asynchronous generator expression's value yield.
                self.emit(Op::YieldValue, u32::from(coroutine));
                self.emit(Op::PopTop, 0);
            }
        }
        for (start, exit, is_async) in loops.into_iter().rev() {
            self.emit(Op::Jump, start);
            let after = self.here();
            self.patch(exit, after)?;
            if is_async {
                self.emit(Op::EndAsyncFor, 0);
            }
        }
        if let Comp::Gen(_) = what {
            let none = self.konst(Value::None);
            self.emit(Op::LoadConst, none);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave()?;
        self.make_function(code, 0)?;
        if gens[0].is_async {
            self.expr(&gens[0].iter)?;
            self.emit(Op::GetAiter, 0);
        } else {
            self.iterable(&gens[0].iter)?;
            self.emit(Op::GetIter, 0);
        }
        self.emit(Op::CallFunction, 1);
        // An asynchronous list, set or dict comprehension is a coroutine:
        // awaited here (a generator expression one is an async generator).
        if coroutine && !matches!(what, Comp::Gen(_)) {
            self.await_tos(0);
        }
        Ok(())
    }
}

enum FnBody<'a> {
    Stmts(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
}

enum Comp<'a> {
    List(&'a ast::Expr),
    Set(&'a ast::Expr),
    Dict(&'a ast::Expr, &'a ast::Expr),
    Gen(&'a ast::Expr),
}
