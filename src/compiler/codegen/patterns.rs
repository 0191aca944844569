//! The `match` statement, compiled as CPython 3.11 compiles it.
//!
//! Each pattern consumes the value on top of the stack (its subject). The
//! values it captures are not stored at once: each goes under everything
//! still in use (`ROT_N`), and the names are bound only when the whole
//! case pattern has matched — so a case that fails binds nothing. When a
//! test fails, the code jumps to a chain of `POP_TOP`s that drops exactly
//! what is on the stack at that point (captures and values being
//! matched) and goes on to the next case: `fail_pop[n]` is the place
//! that pops `n` values.

use std::cell::RefCell;
use std::rc::Rc;

use ruff_text_size::Ranged;

use super::super::fold;
use super::super::parse::ast;
use super::{Compiler, R};
use crate::bytecode::{CmpOp, Op};
use crate::runtime::Value;
use crate::runtime::dict::Dict;

/// What the compilation of one case's pattern keeps track of.
#[derive(Default)]
struct Ctx {
    /// The names captured so far, in the order their values lie on the
    /// stack from the top of the captures down.
    stores: Vec<Rc<str>>,
    /// Whether an irrefutable pattern is allowed here (the last case, a
    /// guarded case, a sub-pattern).
    allow_irrefutable: bool,
    /// The jumps to patch to `fail_pop[n]`, by `n`.
    fail_pop: Vec<Vec<u32>>,
    /// Values above the captures that the pattern still needs.
    on_top: usize,
}

/// `_` (CPython's WILDCARD_CHECK).
fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_` in a sequence pattern.
fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl Compiler<'_> {
    pub(super) fn match_stmt(&mut self, m: &ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let cases = m.cases.len();
        // A last `case _:` (with more cases before it) needs no copy of
        // the subject and no test.
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let tested = cases - usize::from(has_default);
        let mut ends = Vec::new();
        for (i, case) in m.cases[..tested].iter().enumerate() {
            self.set_line(&case.pattern);
            let last = i + 1 == tested;
            // The last tested case consumes the subject itself; the others
            // a copy, the subject staying for the next case.
            if !last {
                self.emit(Op::DupTop, 0);
            }
            let mut pc = Ctx {
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                ..Ctx::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // It matched: bind the captures (the first on top).
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(g) = &case.guard {
                self.expr(g)?;
                self.jump_to_fail_pop(Op::PopJumpIfFalse, &mut pc);
            }
            if !last {
                self.emit(Op::PopTop, 0);
            }
            self.body(&case.body)?;
            ends.push(self.emit(Op::Jump, 0));
            // A failed match is the pattern's line, not the body's.
            self.set_line(&case.pattern);
            self.emit_fail_pop(&mut pc)?;
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_line(&case.pattern);
            // (The line of the default case runs, with no test of its own.)
            self.emit(Op::Nop, 0);
            if let Some(g) = &case.guard {
                self.expr(g)?;
                ends.push(self.emit(Op::PopJumpIfFalse, 0));
            }
            self.body(&case.body)?;
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end)?;
        }
        Ok(())
    }

    /// Emits `op` (a jump that pops its condition, or JUMP) to the place
    /// that drops what is on the stack now and fails.
    fn jump_to_fail_pop(&mut self, op: Op, pc: &mut Ctx) {
        let pops = pc.on_top + pc.stores.len();
        if pc.fail_pop.len() <= pops {
            pc.fail_pop.resize_with(pops + 1, Vec::new);
        }
        let j = self.emit(op, 0);
        pc.fail_pop[pops].push(j);
    }

    /// The chain of `POP_TOP`s the failing tests jump into; it ends where
    /// the next case starts (or the next alternative of an OR pattern).
    fn emit_fail_pop(&mut self, pc: &mut Ctx) -> R {
        let fail_pop = std::mem::take(&mut pc.fail_pop);
        for (n, jumps) in fail_pop.iter().enumerate().rev() {
            let here = self.here();
            for &j in jumps {
                self.patch(j, here)?;
            }
            if n > 0 {
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// TOS goes `n` down (nothing to do for 1).
    fn rotate(&mut self, n: usize) -> R {
        match n {
            0 | 1 => {}
            2 => {
                self.emit(Op::RotTwo, 0);
            }
            3 => {
                self.emit(Op::RotThree, 0);
            }
            _ => {
                let n =
                    u32::try_from(n).map_err(|_| self.too_large("a pattern with 2^32 captures"))?;
                self.emit(Op::RotN, n);
            }
        }
        Ok(())
    }

    /// A capture of TOS as `name` (None: `_`, dropped).
    fn capture(&mut self, name: Option<&ast::Identifier>, at: &impl Ranged, pc: &mut Ctx) -> R {
        let Some(name) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        let name = name.as_str();
        if pc.stores.iter().any(|s| &**s == name) {
            let msg = format!("multiple assignments to name '{name}' in pattern");
            return Err(self.syntax_like(&msg, at));
        }
        // Under everything still in use: the values being matched and the
        // captures so far.
        self.rotate(pc.on_top + pc.stores.len() + 1)?;
        pc.stores.push(Rc::from(name));
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern, pc: &mut Ctx) -> R {
        use ast::Pattern;
        self.set_line(p);
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
            }
            Pattern::MatchSingleton(s) => {
                let v = match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                let k = self.konst(v);
                self.emit(Op::LoadConst, k);
                self.emit(Op::CompareOp, CmpOp::Is as u32);
                self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, p, pc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, pc)?,
            Pattern::MatchStar(s) => self.capture(s.name.as_ref(), p, pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => {
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.as_str()
                                )
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.syntax_like(&msg, p));
                    }
                    self.capture(a.name.as_ref(), p, pc)?;
                }
                Some(inner) => {
                    // A copy to capture if the inner pattern matches.
                    pc.on_top += 1;
                    self.emit(Op::DupTop, 0);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.set_line(p);
                    self.capture(a.name.as_ref(), p, pc)?;
                }
            },
            Pattern::MatchOr(o) => self.or_pattern(&o.patterns, p, pc)?,
        }
        Ok(())
    }

    /// A pattern inside another: irrefutable ones are fine there.
    fn subpattern(&mut self, p: &ast::Pattern, pc: &mut Ctx) -> R {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn sequence_pattern(&mut self, pats: &[ast::Pattern], p: &ast::Pattern, pc: &mut Ctx) -> R {
        let size = pats.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in pats.iter().enumerate() {
            if let ast::Pattern::MatchStar(_) = q {
                if star.is_some() {
                    return Err(self.syntax_like("multiple starred names in sequence pattern", p));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        // The subject stays on top through the type and length tests.
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
        let (want, cmp) = match star {
            None => (Some(size), CmpOp::Eq),
            Some(_) if size > 1 => (Some(size - 1), CmpOp::Ge),
            Some(_) => (None, CmpOp::Ge),
        };
        if let Some(n) = want {
            self.emit(Op::GetLen, 0);
            let k = self.konst(Value::Int(n as i64));
            self.emit(Op::LoadConst, k);
            self.emit(Op::CompareOp, cmp as u32);
            self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
        }
        pc.on_top -= 1;
        if only_wildcard {
            // `[]`, `[_, _]`, `[_, *_]`...: nothing more to look at.
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            self.sequence_items(pats, star.unwrap_or(size), pc)?;
        } else {
            self.sequence_unpack(pats, star, p, pc)?;
        }
        Ok(())
    }

    /// A sequence pattern with `*_`: its items are taken by index (no
    /// list of the rest is made), those after the star counted from the
    /// end by `len`, as the subject may not take negative indices.
    fn sequence_items(&mut self, pats: &[ast::Pattern], star: usize, pc: &mut Ctx) -> R {
        let size = pats.len();
        pc.on_top += 1;
        for (i, q) in pats.iter().enumerate() {
            if i == star || is_wildcard(q) {
                continue;
            }
            self.set_line(q);
            self.emit(Op::DupTop, 0);
            if i < star {
                let k = self.konst(Value::Int(i as i64));
                self.emit(Op::LoadConst, k);
            } else {
                self.emit(Op::GetLen, 0);
                let k = self.konst(Value::Int((size - i) as i64));
                self.emit(Op::LoadConst, k);
                self.emit(Op::BinarySubtract, 0);
            }
            self.emit(Op::BinarySubscr, 0);
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    /// A sequence pattern unpacked onto the stack, first item on top.
    fn sequence_unpack(
        &mut self,
        pats: &[ast::Pattern],
        star: Option<usize>,
        p: &ast::Pattern,
        pc: &mut Ctx,
    ) -> R {
        let size = pats.len();
        match star {
            None => {
                let n = u32::try_from(size).map_err(|_| self.too_large("a sequence pattern"))?;
                self.emit(Op::UnpackSequence, n);
            }
            Some(s) => {
                let after = size - s - 1;
                if s >= 256 || after >= (1 << 16) {
                    let msg = "too many expressions in star-unpacking sequence pattern";
                    return Err(self.syntax_like(msg, p));
                }
                self.emit(Op::UnpackEx, (s | (after << 8)) as u32);
            }
        }
        pc.on_top += size;
        for q in pats {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &ast::PatternMatchMapping, pc: &mut Ctx) -> R {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            let k = self.konst(Value::Int(size as i64));
            self.emit(Op::LoadConst, k);
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
        }
        // The keys: literals (a literal twice is an error now) or value
        // patterns (checked when the statement runs), made into a tuple.
        let seen = RefCell::new(Dict::default());
        let mut consts = Vec::with_capacity(size);
        for key in &m.keys {
            match fold::constant(key) {
                Some(v) => {
                    if seen.borrow().get(&v).ok().flatten().is_some() {
                        let msg = format!("mapping pattern checks duplicate key ({})", v.repr());
                        return Err(self.syntax_like(&msg, m));
                    }
                    // (Literal keys are hashable.)
                    let _ = seen.borrow_mut().set(v.clone(), Value::None);
                    consts.push(v);
                }
                None if matches!(key, ast::Expr::Attribute(_)) => {}
                // (The parser lets only literals and attribute lookups
                // through: this is a complex number.)
                None => return Err(self.refuse("complex number", key)),
            }
        }
        let n = u32::try_from(size).map_err(|_| self.too_large("a mapping pattern"))?;
        if consts.len() == size {
            let k = self.konst(Value::tuple(consts));
            self.emit(Op::LoadConst, k);
        } else {
            for key in &m.keys {
                self.expr(key)?;
            }
            self.emit(Op::BuildTuple, n);
        }
        self.set_line(m);
        self.emit(Op::MatchKeys, 0);
        // The keys and the values (or None) over the subject.
        pc.on_top += 2;
        self.is_not_none(pc);
        self.emit(Op::UnpackSequence, n);
        pc.on_top = pc.on_top + size - 1;
        for q in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        // It matched: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        self.set_line(m);
        match &m.rest {
            Some(rest) => {
                self.emit(Op::DictWithoutKeys, 0);
                self.capture(Some(rest), m, pc)?;
            }
            None => {
                self.emit(Op::PopTop, 0);
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Fails unless TOS is not None (keeping it).
    fn is_not_none(&mut self, pc: &mut Ctx) {
        self.emit(Op::DupTop, 0);
        let none = self.konst(Value::None);
        self.emit(Op::LoadConst, none);
        self.emit(Op::CompareOp, CmpOp::IsNot as u32);
        self.jump_to_fail_pop(Op::PopJumpIfFalse, pc);
    }

    fn class_pattern(&mut self, c: &ast::PatternMatchClass, pc: &mut Ctx) -> R {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        for (i, k) in args.keywords.iter().enumerate() {
            let name = k.attr.as_str();
            if args.keywords[..i].iter().any(|o| o.attr.as_str() == name) {
                let msg = format!("attribute name repeated in class pattern: {name}");
                return Err(self.syntax_like(&msg, &k.pattern));
            }
        }
        self.expr(&c.cls)?;
        let names = args
            .keywords
            .iter()
            .map(|k| Value::str(k.attr.as_str()))
            .collect();
        let k = self.konst(Value::tuple(names));
        self.emit(Op::LoadConst, k);
        let n = u32::try_from(nargs).map_err(|_| self.too_large("a class pattern"))?;
        let total = u32::try_from(nargs + nattrs).map_err(|_| self.too_large("a class pattern"))?;
        self.emit(Op::MatchClass, n);
        // A tuple of the attributes (or None) where the subject was.
        pc.on_top += 1;
        self.is_not_none(pc);
        self.emit(Op::UnpackSequence, total);
        pc.on_top = pc.on_top + nargs + nattrs - 1;
        let kw = args.keywords.iter().map(|k| &k.pattern);
        for q in args.patterns.iter().chain(kw) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    /// `a | b | ...`: each alternative tried on a copy of the subject;
    /// the first to match leaves its captures, reordered to the first
    /// alternative's order, which all must share.
    fn or_pattern(&mut self, alts: &[ast::Pattern], p: &ast::Pattern, pc: &mut Ctx) -> R {
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        let outer_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<Rc<str>>> = None;
        let mut ends = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            self.set_line(alt);
            pc.stores = Vec::new();
            // Only the last alternative may be irrefutable (if any may).
            pc.allow_irrefutable = i + 1 == alts.len() && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::DupTop, 0);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if ctrl.len() != pc.stores.len() {
                        return Err(self.different_names(alt));
                    }
                    self.reorder(ctrl, alt, pc)?;
                }
            }
            ends.push(self.emit(Op::Jump, 0));
            self.emit_fail_pop(pc)?;
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow;
        // No alternative matched: drop the subject and fail.
        self.set_line(p);
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(Op::Jump, pc);
        let end = self.here();
        for j in ends {
            self.patch(j, end)?;
        }
        // The captures sit over the subject, what is on top and the
        // earlier captures: each goes under them all.
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots)?;
            if pc.stores.contains(&name) {
                let msg = format!("multiple assignments to name '{name}' in pattern");
                return Err(self.syntax_like(&msg, p));
            }
            pc.stores.push(name);
        }
        // The copy of the subject.
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn different_names(&self, alt: &ast::Pattern) -> crate::compiler::CompileError {
        self.syntax_like("alternative patterns bind different names", alt)
    }

    /// Puts an alternative's captures on the stack in the order of the
    /// first alternative's (`ctrl`), from the deepest up: each wrong one
    /// is fixed by rotating the values above its right place.
    fn reorder(&mut self, ctrl: &[Rc<str>], alt: &ast::Pattern, pc: &mut Ctx) -> R {
        for want in (0..ctrl.len()).rev() {
            let Some(at) = pc.stores.iter().position(|s| *s == ctrl[want]) else {
                return Err(self.different_names(alt));
            };
            if at == want {
                continue;
            }
            // Everything below `want` is in place, so `at < want`: the top
            // `at + 1` values each go `want + 1` down, which brings this
            // one to its place and keeps the others in order.
            let moved: Vec<Rc<str>> = pc.stores.drain(..=at).collect();
            let to = want - at;
            pc.stores.splice(to..to, moved);
            for _ in 0..=at {
                self.rotate(want + 1)?;
            }
        }
        Ok(())
    }
}
