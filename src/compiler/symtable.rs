//! Scope analysis: which names of each scope are local, global, cell or
//! free, before any code is generated. It walks the whole module first, so
//! it is also where a construct outside the supported subset is refused
//! (with its name and line) before anything runs.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use ruff_text_size::{Ranged, TextSize};

use super::CompileError;
use super::parse::{LineIndex, ast};

/// How a name is reached in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A fast local slot (co_varnames index).
    Fast(u32),
    /// A cell or free slot (index into cells then frees).
    Deref(u32),
    /// Module globals, then builtins (from a function).
    Global,
    /// The frame's locals, then globals, then builtins (module level).
    Name,
}

/// The resolved names of one scope.
#[derive(Debug, Default)]
pub struct Scope {
    /// Function (true) or module or class body (false).
    pub function: bool,
    /// A class body.
    pub class: bool,
    /// A generator function (it yields).
    pub generator: bool,
    /// An `async def` function.
    pub coroutine: bool,
    /// Parameters then other locals, in first-seen order.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner scopes.
    pub cellvars: Vec<Rc<str>>,
    /// Names taken from enclosing scopes.
    pub freevars: Vec<Rc<str>>,
    access: HashMap<Rc<str>, Access>,
}

impl Scope {
    /// The cell or free slot holding `name` (index into cells then frees):
    /// what a closure built here for a nested scope loads.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        self.cellvars
            .iter()
            .chain(self.freevars.iter())
            .position(|n| &**n == name)
            .map(|i| i as u32)
    }

    /// How `name` is reached here.
    pub fn access(&self, name: &str) -> Access {
        match self.access.get(name) {
            Some(a) => *a,
            None if self.function => Access::Global,
            None => Access::Name,
        }
    }
}

/// Scopes of a module, keyed by the byte offset where the scope's node
/// starts (the module itself at `u32::MAX`).
pub type Scopes = HashMap<u32, Rc<Scope>>;

/// Key of the module's scope.
pub const MODULE: u32 = u32::MAX;

/// What one scope binds and uses, before resolution.
#[derive(Default)]
struct Raw {
    key: u32,
    function: bool,
    class: bool,
    generator: bool,
    coroutine: bool,
    /// For a comprehension scope, what CPython calls it in messages.
    comprehension: Option<&'static str>,
    /// A comprehension's iteration variables (its `for` targets' names).
    iter_vars: BTreeSet<Rc<str>>,
    /// The first `return` with a value (refused in an async generator).
    value_return: Option<TextSize>,
    params: Vec<Rc<str>>,
    /// Names bound here other than parameters, in order of first binding.
    bound: Vec<Rc<str>>,
    /// The same names, for lookups (a module of 80,000 assignments).
    bound_set: HashSet<Rc<str>>,
    globals: BTreeSet<Rc<str>>,
    nonlocals: BTreeSet<Rc<str>>,
    used: BTreeSet<Rc<str>>,
    /// Names given a bare annotation (`x: int`).
    annotated: BTreeSet<Rc<str>>,
    /// Where the first `global` or `nonlocal` naming each name is.
    directives: HashMap<Rc<str>, TextSize>,
    children: Vec<Raw>,
}

impl Raw {
    fn bind(&mut self, name: &str) {
        if !self.binds(name) {
            let name: Rc<str> = Rc::from(name);
            self.bound_set.insert(name.clone());
            self.bound.push(name);
        }
    }
    fn binds(&self, name: &str) -> bool {
        self.bound_set.contains(name) || self.params.iter().any(|n| &**n == name)
    }
}

struct Walker<'a> {
    lines: &'a LineIndex,
    filename: &'a str,
    stack: Vec<Raw>,
    /// Current nesting of statements and expressions.
    depth: u32,
    /// How many comprehension iterable expressions are being walked (an
    /// assignment expression is refused in one, nested scopes included).
    comp_iter: u32,
    /// `from __future__ import annotations`: annotations stay strings.
    future_annotations: bool,
}

/// Deepest nesting of expressions and statements compiled; deeper source is
/// refused (CPython stops at a similar depth with a RecursionError).
pub const MAX_NESTING: u32 = 2000;

/// Analyses a module.
pub fn analyse(
    module: &ast::ModModule,
    lines: &LineIndex,
    filename: &str,
) -> Result<Scopes, CompileError> {
    let mut w = Walker {
        lines,
        filename,
        stack: vec![Raw {
            key: MODULE,
            ..Raw::default()
        }],
        depth: 0,
        comp_iter: 0,
        future_annotations: future_annotations(&module.body),
    };
    w.future(&module.body)?;
    w.body(&module.body)?;
    let root = w.stack.pop().expect("the module scope");
    let mut scopes = Scopes::new();
    let (scope, _) = w.resolve(root, None, &BTreeSet::new(), &mut scopes)?;
    scopes.insert(MODULE, Rc::new(scope));
    Ok(scopes)
}

/// The features `from __future__ import` may name (CPython 3.11's).
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl Walker<'_> {
    /// Future statements: only at the top of the module (after its
    /// docstring), naming features that exist, as CPython's compiler
    /// checks them. None changes how framevm compiles.
    fn future(&self, body: &[ast::Stmt]) -> Result<(), CompileError> {
        let mut at_top = true;
        for (i, s) in body.iter().enumerate() {
            let is_future = matches!(s, ast::Stmt::ImportFrom(f)
                if f.level == 0 && f.module.as_ref().is_some_and(|m| m.as_str() == "__future__"));
            if !is_future {
                let docstring =
                    i == 0 && matches!(s, ast::Stmt::Expr(e) if e.value.is_string_literal_expr());
                at_top &= docstring;
                continue;
            }
            if !at_top {
                return Err(self.syntax(
                    "from __future__ imports must occur at the beginning of the file",
                    s,
                ));
            }
            let ast::Stmt::ImportFrom(f) = s else {
                continue;
            };
            for a in &f.names {
                let name = a.name.as_str();
                if name == "braces" {
                    return Err(self.syntax("not a chance", a));
                }
                if !FUTURE_FEATURES.contains(&name) {
                    return Err(self.syntax(&format!("future feature {name} is not defined"), a));
                }
            }
        }
        Ok(())
    }
}

/// Whether `body` starts with `from __future__ import annotations`
/// (among its other future imports, after a docstring).
pub fn future_annotations(body: &[ast::Stmt]) -> bool {
    for (i, s) in body.iter().enumerate() {
        match s {
            ast::Stmt::Expr(e) if i == 0 && e.value.is_string_literal_expr() => {}
            ast::Stmt::ImportFrom(f)
                if f.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
            {
                if f.names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

impl Walker<'_> {
    fn ann_assign(&mut self, a: &ast::StmtAnnAssign, s: &ast::Stmt) -> Result<(), CompileError> {
        match &a.value {
            Some(v) => {
                self.expr(v)?;
                if let ast::Expr::Name(n) = &*a.target
                    && a.simple
                {
                    self.top().annotated.insert(Rc::from(n.id.as_str()));
                }
                self.target(&a.target)
            }
            None => match &*a.target {
                // A simple annotated name is local to the scope.
                ast::Expr::Name(n) if a.simple => {
                    let name = n.id.as_str();
                    self.not_debug(name, n)?;
                    let top = self.top();
                    if top.globals.contains(name) || top.nonlocals.contains(name) {
                        let kind = if top.globals.contains(name) {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        let msg = format!("annotated name '{name}' can't be {kind}");
                        return Err(self.syntax(&msg, s));
                    }
                    top.annotated.insert(Rc::from(name));
                    top.bind(name);
                    Ok(())
                }
                ast::Expr::Name(_) => Ok(()),
                t => self.target(t),
            },
        }
    }

    fn top(&mut self) -> &mut Raw {
        self.stack.last_mut().expect("a scope is open")
    }

    /// A SyntaxError at `node`, as CPython words it.
    fn syntax(&self, msg: &str, node: &impl Ranged) -> CompileError {
        self.lines.syntax_error(self.filename, node.start(), msg)
    }

    /// `__debug__` cannot be bound (CPython's compiler refuses it).
    fn not_debug(&self, name: &str, at: &impl Ranged) -> Result<(), CompileError> {
        if name == "__debug__" {
            return Err(self.syntax("cannot assign to __debug__", at));
        }
        Ok(())
    }

    /// A `global` or `nonlocal` statement: refused after the name was
    /// used, bound or annotated in this scope, or when it is a parameter.
    fn directive(&mut self, s: &ast::Stmt, names: &[ast::Identifier], global: bool) -> R0 {
        let kind = if global { "global" } else { "nonlocal" };
        for n in names {
            let name = n.as_str();
            let top = self.top();
            let msg = if top.params.iter().any(|p| &**p == name) {
                Some(format!("name '{name}' is parameter and {kind}"))
            } else if top.used.contains(name) {
                Some(format!("name '{name}' is used prior to {kind} declaration"))
            } else if top.annotated.contains(name) {
                Some(format!("annotated name '{name}' can't be {kind}"))
            } else if top.bound_set.contains(name) {
                Some(format!(
                    "name '{name}' is assigned to before {kind} declaration"
                ))
            } else {
                None
            };
            if let Some(msg) = msg {
                return Err(self.syntax(&msg, s));
            }
            let top = self.top();
            let rc: Rc<str> = Rc::from(name);
            top.directives.entry(rc.clone()).or_insert(s.start());
            if global {
                top.globals.insert(rc);
            } else {
                top.nonlocals.insert(rc);
            }
        }
        Ok(())
    }

    fn refuse(&self, construct: &str, node: &impl Ranged) -> CompileError {
        CompileError::Unsupported {
            filename: self.filename.to_string(),
            line: self.lines.line(node.start()),
            construct: construct.to_string(),
        }
    }

    fn body(&mut self, stmts: &[ast::Stmt]) -> Result<(), CompileError> {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), CompileError> {
        self.depth += 1;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn too_deep(&self, node: &impl Ranged) -> Result<(), CompileError> {
        if self.depth > MAX_NESTING {
            return Err(self.refuse(&format!("nesting deeper than {MAX_NESTING} levels"), node));
        }
        Ok(())
    }

    fn stmt_inner(&mut self, s: &ast::Stmt) -> Result<(), CompileError> {
        use ast::Stmt;
        self.too_deep(s)?;
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                if f.type_params.is_some() {
                    return Err(self.refuse("type parameters", s));
                }
                self.not_debug(f.name.as_str(), s)?;
                if param_names(&f.parameters).any(|p| p.name.as_str() == "__debug__") {
                    return Err(self.syntax("cannot assign to __debug__", s));
                }
                self.defaults(&f.parameters)?;
                // Annotations are evaluated where the function is defined.
                if !self.future_annotations {
                    for (_, x) in fn_annotations(&f.parameters, f.returns.as_deref()) {
                        self.expr(x)?;
                    }
                }
                self.top().bind(f.name.as_str());
                self.scope(f.start().to_u32(), &f.parameters, |w| {
                    w.top().coroutine = f.is_async;
                    w.body(&f.body)?;
                    if let Some(at) = w.top().value_return
                        && f.is_async
                        && w.top().generator
                    {
                        let msg = "'return' with value in async generator";
                        return Err(w.lines.syntax_error(w.filename, at, msg));
                    }
                    Ok(())
                })
            }
            Stmt::Return(r) => {
                if !self.top().function {
                    return Err(self.syntax("'return' outside function", s));
                }
                if r.value.is_some() && self.top().value_return.is_none() {
                    self.top().value_return = Some(s.start());
                }
                r.value.as_deref().map_or(Ok(()), |e| self.expr(e))
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    if let ast::Expr::Name(n) = t
                        && n.id.as_str() == "__debug__"
                    {
                        return Err(self.syntax("cannot delete __debug__", t));
                    }
                    self.target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                a.targets.iter().try_for_each(|t| self.target(t))
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                self.target(&a.target)
            }
            Stmt::For(f) => {
                if f.is_async && !self.top().coroutine {
                    return Err(self.syntax("'async for' outside async function", s));
                }
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.body(&f.body)?;
                self.body(&f.orelse)
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.body(&c.body)?;
                }
                Ok(())
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                a.msg.as_deref().map_or(Ok(()), |e| self.expr(e))
            }
            Stmt::Global(g) => self.directive(s, &g.names, true),
            Stmt::Nonlocal(n) => self.directive(s, &n.names, false),
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(self.refuse("type parameters", s));
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.not_debug(c.name.as_str(), s)?;
                if let Some(args) = &c.arguments {
                    for k in args.keywords.iter() {
                        if k.arg.is_none() {
                            return Err(self.refuse("** in a class statement", k));
                        }
                        self.expr(&k.value)?;
                    }
                    for b in args.args.iter() {
                        if let ast::Expr::Starred(_) = b {
                            return Err(self.refuse("starred base class", b));
                        }
                        self.expr(b)?;
                    }
                }
                self.top().bind(c.name.as_str());
                self.stack.push(Raw {
                    key: c.start().to_u32(),
                    class: true,
                    ..Raw::default()
                });
                let r = self.body(&c.body);
                let raw = self.stack.pop().expect("the class scope just pushed");
                self.top().children.push(raw);
                r
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.refuse("except*", s));
                }
                self.body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.not_debug(n.as_str(), n)?;
                        self.top().bind(n.as_str());
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.orelse)?;
                self.body(&t.finalbody)
            }
            Stmt::With(w) => {
                if w.is_async && !self.top().coroutine {
                    return Err(self.syntax("'async with' outside async function", s));
                }
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(t) = &item.optional_vars {
                        self.target(t)?;
                    }
                }
                self.body(&w.body)
            }
            Stmt::TypeAlias(_) => Err(self.refuse("type alias", s)),
            // Annotations are evaluated in module and class bodies
            // (unless `from __future__ import annotations`), not in
            // functions; the assignment is an assignment.
            Stmt::AnnAssign(a) => {
                if !self.top().function && !self.future_annotations {
                    self.expr(&a.annotation)?;
                }
                self.ann_assign(a, s)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.top().bind(bound);
                }
                Ok(())
            }
            Stmt::ImportFrom(f) => {
                for a in &f.names {
                    if a.name.as_str() == "*" {
                        if self.top().function {
                            return Err(self
                                .refuse("SyntaxError: import * only allowed at module level", s));
                        }
                        continue;
                    }
                    self.top()
                        .bind(a.asname.as_ref().unwrap_or(&a.name).as_str());
                }
                Ok(())
            }
            Stmt::IpyEscapeCommand(_) => Err(self.refuse("IPython escape command", s)),
        }
    }

    /// A `match` statement: the subject, then each case's pattern (its
    /// captures bind names here), guard and body.
    fn match_stmt(&mut self, m: &ast::StmtMatch) -> Result<(), CompileError> {
        self.expr(&m.subject)?;
        for case in &m.cases {
            self.pattern(&case.pattern)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
            }
            self.body(&case.body)?;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern;
        self.depth += 1;
        let r = self.too_deep(p).and_then(|()| match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|q| self.pattern(q)),
            Pattern::MatchMapping(m) => {
                m.keys.iter().try_for_each(|k| self.expr(k))?;
                m.patterns.iter().try_for_each(|q| self.pattern(q))?;
                m.rest.as_ref().map_or(Ok(()), |n| self.capture(n))
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.arguments
                    .patterns
                    .iter()
                    .try_for_each(|q| self.pattern(q))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.pattern(&k.pattern))
            }
            Pattern::MatchStar(s) => s.name.as_ref().map_or(Ok(()), |n| self.capture(n)),
            Pattern::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                a.name.as_ref().map_or(Ok(()), |n| self.capture(n))
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|q| self.pattern(q)),
        });
        self.depth -= 1;
        r
    }

    /// A name a pattern captures: bound in this scope.
    fn capture(&mut self, n: &ast::Identifier) -> Result<(), CompileError> {
        self.not_debug(n.as_str(), n)?;
        self.top().bind(n.as_str());
        Ok(())
    }

    fn defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for d in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(e) = &d.default {
                self.expr(e)?;
            }
        }
        Ok(())
    }

    fn scope(
        &mut self,
        key: u32,
        params: &ast::Parameters,
        f: impl FnOnce(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        let mut raw = Raw {
            key,
            function: true,
            ..Raw::default()
        };
        for p in param_names(params) {
            let name = p.name.as_str();
            if raw.params.iter().any(|q| &**q == name) {
                let msg = format!("duplicate argument '{name}' in function definition");
                return Err(self.syntax(&msg, &p.name));
            }
            raw.params.push(Rc::from(name));
        }
        self.stack.push(raw);
        let r = f(self);
        let raw = self.stack.pop().expect("the scope just pushed");
        self.top().children.push(raw);
        r
    }

    fn use_name(&mut self, name: &str) {
        // `super()` in a function needs the class it is defined in: the
        // implicit `__class__` cell of the nearest class body (as CPython,
        // any function naming `super` asks for it).
        if name == "super" && self.top().function {
            self.top().used.insert(Rc::from("__class__"));
        }
        let top = self.top();
        if !top.used.contains(name) {
            top.used.insert(Rc::from(name));
        }
    }

    fn target(&mut self, t: &ast::Expr) -> Result<(), CompileError> {
        use ast::Expr;
        match t {
            Expr::Name(n) => {
                self.not_debug(n.id.as_str(), t)?;
                self.top().bind(n.id.as_str());
                Ok(())
            }
            Expr::Tuple(tp) => tp.elts.iter().try_for_each(|e| self.target(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.target(e)),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Attribute(a) => {
                self.not_debug(a.attr.as_str(), t)?;
                self.expr(&a.value)
            }
            Expr::Starred(s) => self.target(&s.value),
            _ => Err(self.refuse("assignment to this expression", t)),
        }
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), CompileError> {
        self.depth += 1;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> Result<(), CompileError> {
        use ast::Expr;
        self.too_deep(e)?;
        match e {
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v)),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                let empty = ast::Parameters::default();
                let params = l.parameters.as_deref().unwrap_or(&empty);
                if param_names(params).any(|p| p.name.as_str() == "__debug__") {
                    return Err(self.syntax("cannot assign to __debug__", e));
                }
                self.defaults(params)?;
                self.scope(l.start().to_u32(), params, |w| w.expr(&l.body))
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
                Ok(())
            }
            Expr::ListComp(c) => self.comprehension(e, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(e, &c.generators, &[&c.elt]),
            Expr::Set(s) => s.elts.iter().try_for_each(|v| self.expr(v)),
            Expr::DictComp(c) => {
                let mut elts: Vec<&ast::Expr> = c.key.as_deref().into_iter().collect();
                elts.push(&c.value);
                self.comprehension(e, &c.generators, &elts)
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))
            }
            Expr::Call(c) => {
                for k in c.arguments.keywords.iter() {
                    if let Some(arg) = &k.arg {
                        self.not_debug(arg.as_str(), e)?;
                    }
                }
                self.expr(&c.func)?;
                c.arguments.args.iter().try_for_each(|a| self.expr(a))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.expr(&k.value))
            }
            Expr::FString(f) => {
                for part in f.value.elements() {
                    if let ast::InterpolatedStringElement::Interpolation(i) = part {
                        self.expr(&i.expression)?;
                        if let Some(spec) = &i.format_spec {
                            for el in spec.elements.iter() {
                                if let ast::InterpolatedStringElement::Interpolation(j) = el {
                                    self.expr(&j.expression)?;
                                }
                            }
                        }
                    }
                }
                Ok(())
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_) => Ok(()),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                self.use_name(n.id.as_str());
                Ok(())
            }
            Expr::List(l) => l.elts.iter().try_for_each(|v| self.expr(v)),
            Expr::Tuple(t) => t.elts.iter().try_for_each(|v| self.expr(v)),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            Expr::Named(n) => {
                if self.comp_iter > 0 {
                    return Err(self.syntax(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e,
                    ));
                }
                self.expr(&n.value)?;
                let comp = |r: &Raw| r.params.first().is_some_and(|p| &**p == ".0");
                if !comp(self.top()) {
                    return self.target(&n.target);
                }
                if let Expr::Name(name) = &*n.target {
                    let name = name.id.as_str();
                    let rebinds = self
                        .stack
                        .iter()
                        .rev()
                        .take_while(|s| comp(s))
                        .any(|s| s.iter_vars.contains(name));
                    if rebinds {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        );
                        return Err(self.syntax(&msg, e));
                    }
                }
                // In a comprehension it binds in the nearest enclosing scope
                // that is not one (PEP 572): nonlocal (or global) in each
                // comprehension scope between.
                let Expr::Name(name) = &*n.target else {
                    return self.target(&n.target);
                };
                let name = name.id.as_str();
                let outer = (0..self.stack.len())
                    .rev()
                    .find(|&i| !comp(&self.stack[i]))
                    .unwrap_or(0);
                if self.stack[outer].class {
                    return Err(self.refuse(
                        "SyntaxError: assignment expression within a comprehension cannot be used in a class body",
                        e,
                    ));
                }
                let global =
                    !self.stack[outer].function || self.stack[outer].globals.contains(name);
                self.stack[outer].bind(name);
                let key: Rc<str> = Rc::from(name);
                for s in &mut self.stack[outer + 1..] {
                    if global {
                        s.globals.insert(key.clone());
                    } else {
                        s.nonlocals.insert(key.clone());
                    }
                    s.bind(name);
                }
                Ok(())
            }
            Expr::Generator(g) => {
                self.comprehension(e, &g.generators, &[&g.elt])?;
                // The comprehension scope just made is a generator.
                if let Some(c) = self.top().children.last_mut() {
                    c.generator = true;
                }
                Ok(())
            }
            Expr::Await(a) => {
                let top = self.top();
                if top.comprehension.is_some() {
                    top.coroutine = true;
                    return self.expr(&a.value);
                }
                if !top.function {
                    return Err(self.syntax("'await' outside function", e));
                }
                if !top.coroutine {
                    return Err(self.syntax("'await' outside async function", e));
                }
                self.expr(&a.value)
            }
            Expr::Yield(y) => {
                self.yield_here(e)?;
                y.value.as_deref().map_or(Ok(()), |v| self.expr(v))
            }
            Expr::YieldFrom(y) => {
                self.yield_here(e)?;
                if self.top().coroutine {
                    return Err(self.syntax("'yield from' inside async function", e));
                }
                self.expr(&y.value)
            }
            Expr::TString(_) => Err(self.refuse("template string", e)),
            Expr::EllipsisLiteral(_) => Ok(()),
            Expr::IpyEscapeCommand(_) => Err(self.refuse("IPython escape command", e)),
        }
    }

    /// A comprehension is a function scope of its own whose one parameter
    /// is the first iterator (evaluated outside), as in CPython.
    /// Marks the function being walked a generator; `yield` outside a
    /// function is a SyntaxError.
    fn yield_here(&mut self, e: &ast::Expr) -> Result<(), CompileError> {
        let top = self.top();
        if let Some(kind) = top.comprehension {
            return Err(self.syntax(&format!("'yield' inside {kind}"), e));
        }
        if !top.function {
            return Err(self.syntax("'yield' outside function", e));
        }
        top.generator = true;
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &ast::Expr,
        gens: &[ast::Comprehension],
        elts: &[&ast::Expr],
    ) -> Result<(), CompileError> {
        let first = &gens[0];
        let is_async = gens.iter().any(|g| g.is_async);
        self.comp_iter += 1;
        let r = self.expr(&first.iter);
        self.comp_iter -= 1;
        r?;
        let params = ast::Parameters::default();
        let kind = match node {
            ast::Expr::ListComp(_) => "list comprehension",
            ast::Expr::SetComp(_) => "set comprehension",
            ast::Expr::DictComp(_) => "dict comprehension",
            _ => "generator expression",
        };
        self.scope(node.start().to_u32(), &params, |w| {
            w.top().comprehension = Some(kind);
            w.top().params.push(Rc::from(".0"));
            for (i, g) in gens.iter().enumerate() {
                if i > 0 {
                    w.comp_iter += 1;
                    let r = w.expr(&g.iter);
                    w.comp_iter -= 1;
                    r?;
                }
                w.target(&g.target)?;
                let mut names = Vec::new();
                target_names(&g.target, &mut names);
                w.top().iter_vars.extend(names.into_iter().map(Rc::from));
                g.ifs.iter().try_for_each(|c| w.expr(c))?;
            }
            if is_async {
                w.top().coroutine = true;
            }
            elts.iter().try_for_each(|e| w.expr(e))
        })?;
        // A comprehension that awaits (`async for`, `await`) is a
        // coroutine: a generator expression one is an async generator; a
        // list, set or dict one is awaited where it stands, which must be
        // an async function or another comprehension (awaiting in turn).
        let awaits = self.top().children.last().is_some_and(|c| c.coroutine);
        if awaits && kind != "generator expression" {
            let top = self.top();
            if top.comprehension.is_some() {
                top.coroutine = true;
            } else if !(top.function && top.coroutine) {
                return Err(self.syntax(
                    "asynchronous comprehension outside of an asynchronous function",
                    node,
                ));
            }
        }
        Ok(())
    }
}

/// The names a `for` target binds.
fn target_names<'a>(t: &'a ast::Expr, out: &mut Vec<&'a str>) {
    match t {
        ast::Expr::Name(n) => out.push(n.id.as_str()),
        ast::Expr::Tuple(ast::ExprTuple { elts, .. })
        | ast::Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().for_each(|e| target_names(e, out));
        }
        ast::Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

/// A parameter list in CPython's order: positional, keyword-only, `*args`,
/// `**kwargs`.
/// The annotations of a function's parameters and its return, by name in
/// CPython's order (what `__annotations__` holds).
pub(crate) fn fn_annotations<'a>(
    p: &'a ast::Parameters,
    returns: Option<&'a ast::Expr>,
) -> Vec<(&'a str, &'a ast::Expr)> {
    let positional = p.posonlyargs.iter().chain(&p.args).map(|a| &a.parameter);
    let rest = p
        .vararg
        .as_deref()
        .into_iter()
        .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
        .chain(p.kwarg.as_deref());
    let mut out: Vec<(&str, &ast::Expr)> = positional
        .chain(rest)
        .filter_map(|a| a.annotation.as_deref().map(|x| (a.name.as_str(), x)))
        .collect();
    if let Some(r) = returns {
        out.push(("return", r));
    }
    out
}

fn param_names(p: &ast::Parameters) -> impl Iterator<Item = &ast::Parameter> {
    p.posonlyargs
        .iter()
        .chain(&p.args)
        .map(|a| &a.parameter)
        .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
        .chain(p.vararg.as_deref())
        .chain(p.kwarg.as_deref())
}

type R0 = Result<(), CompileError>;
type Names = BTreeSet<Rc<str>>;

/// What a name is in one scope, as CPython's symtable decides it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

impl Walker<'_> {
    /// Resolves a scope and its children, CPython's way (`analyze_block`):
    /// `bound` are the names enclosing function scopes bind (None at module
    /// level), `global` the names known to be global. Class bodies are
    /// skipped when a nested scope resolves a free name; a name a class
    /// binds that a nested scope takes from outside is passed through the
    /// class as a free variable too. Returns the scope and the names it
    /// takes from its parent.
    fn resolve(
        &self,
        mut raw: Raw,
        bound: Option<&Names>,
        global: &Names,
        out: &mut Scopes,
    ) -> Result<(Scope, Names), CompileError> {
        let mut bound_here: Option<Names> = bound.cloned();
        let mut global_here = global.clone();
        // A class body's names are invisible to nested scopes: they see
        // what was visible around the class.
        let around_class = (bound_here.clone(), global_here.clone());
        let mut names: Names = raw.params.iter().chain(raw.bound.iter()).cloned().collect();
        names.extend(raw.globals.iter().cloned());
        names.extend(raw.nonlocals.iter().cloned());
        names.extend(raw.used.iter().cloned());
        let mut kinds: HashMap<Rc<str>, Kind> = HashMap::new();
        let mut free: Names = Names::new();
        let mut local: Names = Names::new();
        for n in &names {
            let at = raw.directives.get(n).copied().unwrap_or_default();
            let kind = if raw.globals.contains(n) {
                if raw.nonlocals.contains(n) {
                    let msg = format!("name '{n}' is nonlocal and global");
                    return Err(self.lines.syntax_error(self.filename, at, &msg));
                }
                global_here.insert(n.clone());
                if let Some(b) = bound_here.as_mut() {
                    b.remove(n);
                }
                Kind::GlobalExplicit
            } else if raw.nonlocals.contains(n) {
                if bound_here.is_none() {
                    let msg = "nonlocal declaration not allowed at module level";
                    return Err(self.lines.syntax_error(self.filename, at, msg));
                }
                if !bound_here.as_ref().is_some_and(|b| b.contains(n)) {
                    let msg = format!("no binding for nonlocal '{n}' found");
                    return Err(self.lines.syntax_error(self.filename, at, &msg));
                }
                free.insert(n.clone());
                Kind::Free
            } else if raw.binds(n) {
                local.insert(n.clone());
                global_here.remove(n);
                Kind::Local
            } else if bound_here.as_ref().is_some_and(|b| b.contains(n)) {
                free.insert(n.clone());
                Kind::Free
            } else {
                Kind::GlobalImplicit
            };
            kinds.insert(n.clone(), kind);
        }
        let class_cell: Rc<str> = Rc::from("__class__");
        let (inner_bound, inner_global) = if raw.class {
            let mut b = around_class.0.unwrap_or_default();
            b.insert(class_cell.clone());
            (b, around_class.1)
        } else {
            let mut b = if raw.function {
                local.clone()
            } else {
                Names::new()
            };
            b.extend(bound_here.iter().flatten().cloned());
            (b, global_here.clone())
        };

        // Children: what they take from outside decides our cells.
        let mut needed = Names::new();
        for child in std::mem::take(&mut raw.children) {
            let key = child.key;
            let (scope, child_free) =
                self.resolve(child, Some(&inner_bound), &inner_global, out)?;
            needed.extend(child_free);
            out.insert(key, Rc::new(scope));
        }
        let mut class_needs_cell = false;
        if raw.function {
            for n in &local {
                if needed.remove(n) {
                    kinds.insert(n.clone(), Kind::Cell);
                }
            }
        } else if raw.class {
            class_needs_cell = needed.remove(&class_cell);
        }
        // Names nested scopes take from outside: a class passes those it
        // binds (or declares global) through as free variables as well.
        let mut through_class = Names::new();
        for n in &needed {
            match kinds.get(n) {
                Some(Kind::Local | Kind::GlobalExplicit) if raw.class => {
                    through_class.insert(n.clone());
                }
                Some(_) => {}
                None if bound_here.as_ref().is_some_and(|b| !b.contains(n)) => {}
                None => {
                    kinds.insert(n.clone(), Kind::Free);
                }
            }
        }
        free.extend(needed);

        let mut scope = Scope {
            function: raw.function,
            class: raw.class,
            generator: raw.generator,
            coroutine: raw.coroutine,
            ..Scope::default()
        };
        let in_order = raw.params.iter().chain(raw.bound.iter());
        if raw.function {
            let mut seen = HashSet::new();
            for n in in_order.clone() {
                if kinds.get(n) == Some(&Kind::Cell) && seen.insert(n) {
                    scope.cellvars.push(n.clone());
                }
            }
            seen.clear();
            let nparams = raw.params.len();
            for (i, n) in in_order.enumerate() {
                let k = kinds.get(n);
                let param = i < nparams;
                if (k == Some(&Kind::Local) || (param && k == Some(&Kind::Cell))) && seen.insert(n)
                {
                    scope.varnames.push(n.clone());
                }
            }
        } else if class_needs_cell {
            scope.cellvars.push(class_cell);
        }
        let mut freevars: Names = through_class;
        freevars.extend(
            kinds
                .iter()
                .filter(|(_, k)| **k == Kind::Free)
                .map(|(n, _)| n.clone()),
        );
        scope.freevars = freevars.into_iter().collect();

        for (i, n) in scope.varnames.iter().enumerate() {
            scope.access.insert(n.clone(), Access::Fast(i as u32));
        }
        for (n, k) in &kinds {
            let access = match k {
                Kind::Local if raw.function => continue,
                Kind::Local => Access::Name,
                Kind::Cell | Kind::Free => match scope.deref_index(n) {
                    Some(i) => Access::Deref(i),
                    None => continue,
                },
                Kind::GlobalExplicit => Access::Global,
                Kind::GlobalImplicit if raw.function => Access::Global,
                Kind::GlobalImplicit => Access::Name,
            };
            scope.access.insert(n.clone(), access);
        }
        Ok((scope, free))
    }
}
