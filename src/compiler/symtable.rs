//! Scope analysis: which names of each scope are local, global, cell or
//! free, before any code is generated. It walks the whole module first, so
//! it is also where a construct outside the supported subset is refused
//! (with its name and line) before anything runs.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use ruff_text_size::Ranged;

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
    /// Parameters then other locals, in first-seen order.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner scopes.
    pub cellvars: Vec<Rc<str>>,
    /// Names taken from enclosing scopes.
    pub freevars: Vec<Rc<str>>,
    access: HashMap<Rc<str>, Access>,
}

impl Scope {
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
    params: Vec<Rc<str>>,
    bound: Vec<Rc<str>>,
    globals: BTreeSet<Rc<str>>,
    nonlocals: BTreeSet<Rc<str>>,
    used: BTreeSet<Rc<str>>,
    children: Vec<Raw>,
}

impl Raw {
    fn bind(&mut self, name: &str) {
        if !self
            .params
            .iter()
            .chain(self.bound.iter())
            .any(|n| &**n == name)
        {
            self.bound.push(Rc::from(name));
        }
    }
    fn is_local(&self, name: &str) -> bool {
        self.function
            && !self.globals.contains(name)
            && !self.nonlocals.contains(name)
            && self
                .params
                .iter()
                .chain(self.bound.iter())
                .any(|n| &**n == name)
    }
}

struct Walker<'a> {
    lines: &'a LineIndex,
    filename: &'a str,
    stack: Vec<Raw>,
    /// Current nesting of statements and expressions.
    depth: u32,
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
    };
    w.body(&module.body)?;
    let root = w.stack.pop().expect("the module scope");
    let mut scopes = Scopes::new();
    resolve(root, &[], &mut scopes);
    Ok(scopes)
}

impl Walker<'_> {
    fn top(&mut self) -> &mut Raw {
        self.stack.last_mut().expect("a scope is open")
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
                if f.is_async {
                    return Err(self.refuse("async def", s));
                }
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                if f.type_params.is_some() {
                    return Err(self.refuse("type parameters", s));
                }
                self.defaults(&f.parameters)?;
                self.top().bind(f.name.as_str());
                self.scope(f.start().to_u32(), &f.parameters, |w| w.body(&f.body))
            }
            Stmt::Return(r) => {
                if !self.top().function {
                    return Err(self.refuse("'return' outside function", s));
                }
                r.value.as_deref().map_or(Ok(()), |e| self.expr(e))
            }
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                a.targets.iter().try_for_each(|t| self.target(t))
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str());
                }
                self.target(&a.target)
            }
            Stmt::For(f) => {
                if f.is_async {
                    return Err(self.refuse("async for", s));
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
            Stmt::Global(g) => {
                for n in &g.names {
                    let top = self.top();
                    top.globals.insert(Rc::from(n.as_str()));
                }
                Ok(())
            }
            Stmt::Nonlocal(n) => {
                if !self.top().function {
                    return Err(self.refuse("nonlocal declaration at module level", s));
                }
                for name in &n.names {
                    let top = self.top();
                    top.nonlocals.insert(Rc::from(name.as_str()));
                }
                Ok(())
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(self.refuse("type parameters", s));
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    if let Some(k) = args.keywords.first() {
                        return Err(self.refuse("class keyword argument", k));
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
                        self.top().bind(n.as_str());
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.orelse)?;
                self.body(&t.finalbody)
            }
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.refuse("async with", s));
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
            // Annotations are not evaluated (as under `from __future__
            // import annotations`); the assignment is an assignment.
            Stmt::AnnAssign(a) => match &a.value {
                Some(v) => {
                    self.expr(v)?;
                    self.target(&a.target)
                }
                None => match &*a.target {
                    ast::Expr::Name(_) => Ok(()),
                    t => self.expr(t),
                },
            },
            Stmt::Match(_) => Err(self.refuse("match statement", s)),
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

    fn defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        if let Some(first) = p.posonlyargs.first() {
            return Err(self.refuse("positional-only parameters", first));
        }
        for d in p.args.iter().chain(p.kwonlyargs.iter()) {
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
        // CPython's order: positional, keyword-only, *args, **kwargs.
        let mut ordered: Vec<&ast::Parameter> = params.args.iter().map(|a| &a.parameter).collect();
        ordered.extend(params.kwonlyargs.iter().map(|a| &a.parameter));
        ordered.extend(params.vararg.as_deref());
        ordered.extend(params.kwarg.as_deref());
        for p in ordered {
            raw.params.push(Rc::from(p.name.as_str()));
        }
        self.stack.push(raw);
        let r = f(self);
        let raw = self.stack.pop().expect("the scope just pushed");
        self.top().children.push(raw);
        r
    }

    fn use_name(&mut self, name: &str) {
        // `super()` in a method needs the class it is defined in: the
        // implicit `__class__` cell of the class body.
        if name == "super" || name == "__class__" {
            let n = self.stack.len();
            if n >= 2 && self.stack[n - 2].class && self.stack[n - 1].function {
                self.top().used.insert(Rc::from("__class__"));
            }
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
                self.top().bind(n.id.as_str());
                Ok(())
            }
            Expr::Tuple(tp) => tp.elts.iter().try_for_each(|e| self.target(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.target(e)),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Attribute(a) => self.expr(&a.value),
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
                        if i.debug_text.is_some() {
                            return Err(self.refuse("f-string '=' specifier", e));
                        }
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
            | Expr::NoneLiteral(_) => {
                if let Expr::NumberLiteral(ast::ExprNumberLiteral {
                    value: ast::Number::Complex { .. },
                    ..
                }) = e
                {
                    return Err(self.refuse("complex number", e));
                }
                Ok(())
            }
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
                // In a comprehension it would bind in the enclosing scope.
                if self.top().params.first().is_some_and(|p| &**p == ".0") {
                    return Err(self.refuse("assignment expression (:=) in a comprehension", e));
                }
                self.expr(&n.value)?;
                self.target(&n.target)
            }
            Expr::Generator(g) => {
                self.comprehension(e, &g.generators, &[&g.elt])?;
                // The comprehension scope just made is a generator.
                if let Some(c) = self.top().children.last_mut() {
                    c.generator = true;
                }
                Ok(())
            }
            Expr::Await(_) => Err(self.refuse("await", e)),
            Expr::Yield(y) => {
                self.yield_here(e)?;
                y.value.as_deref().map_or(Ok(()), |v| self.expr(v))
            }
            Expr::YieldFrom(y) => {
                self.yield_here(e)?;
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
        if !top.function {
            return Err(CompileError::Unsupported {
                filename: self.filename.to_string(),
                line: self.lines.line(e.start()),
                construct: "SyntaxError: 'yield' outside function".to_string(),
            });
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
        if gens.iter().any(|g| g.is_async) {
            return Err(self.refuse("async comprehension", node));
        }
        self.expr(&first.iter)?;
        let params = ast::Parameters::default();
        self.scope(node.start().to_u32(), &params, |w| {
            w.top().params.push(Rc::from(".0"));
            for (i, g) in gens.iter().enumerate() {
                if i > 0 {
                    w.expr(&g.iter)?;
                }
                w.target(&g.target)?;
                g.ifs.iter().try_for_each(|c| w.expr(c))?;
            }
            elts.iter().try_for_each(|e| w.expr(e))
        })
    }
}

/// Resolves a scope and its children. `enclosing` are the function scopes
/// around it, innermost last, with the names each binds locally.
fn resolve(
    mut raw: Raw,
    enclosing: &[(BTreeSet<Rc<str>>, usize)],
    out: &mut Scopes,
) -> (Scope, BTreeSet<Rc<str>>) {
    if raw.class {
        return resolve_class(raw, enclosing, out);
    }
    let mut scope = Scope {
        function: raw.function,
        generator: raw.generator,
        ..Scope::default()
    };
    let locals: Vec<Rc<str>> = if raw.function {
        raw.params
            .iter()
            .chain(
                raw.bound
                    .iter()
                    .filter(|n| !raw.globals.contains(*n) && !raw.nonlocals.contains(*n)),
            )
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let local_set: BTreeSet<Rc<str>> = locals.iter().cloned().collect();

    // Children first: what they need from outside decides our cells.
    let mut inner_enclosing = enclosing.to_vec();
    if raw.function {
        inner_enclosing.push((local_set.clone(), 0));
    }
    let children = std::mem::take(&mut raw.children);
    let mut needed: BTreeSet<Rc<str>> = BTreeSet::new();
    let mut resolved_children = Vec::new();
    for child in children {
        let key = child.key;
        let (child_scope, child_free) = resolve(child, &inner_enclosing, out);
        needed.extend(child_free);
        resolved_children.push((key, child_scope));
    }
    for (key, s) in resolved_children {
        out.insert(key, Rc::new(s));
    }

    // Our free variables: nonlocals, names used but not bound here that an
    // enclosing function binds, and what children need that we don't bind.
    let mut free: BTreeSet<Rc<str>> = BTreeSet::new();
    let binds_outside = |name: &str| enclosing.iter().any(|(set, _)| set.contains(name));
    for n in &raw.nonlocals {
        free.insert(n.clone());
    }
    if raw.function {
        for n in raw.used.iter().chain(needed.iter()) {
            if !local_set.contains(n) && !raw.globals.contains(n) && binds_outside(n) {
                free.insert(n.clone());
            }
        }
    }
    // Cells: our locals that children need.
    for n in &locals {
        if needed.contains(n) && raw.is_local(n) {
            scope.cellvars.push(n.clone());
        }
    }
    scope.freevars = free.iter().cloned().collect();
    for n in &locals {
        if !scope.cellvars.contains(n) || raw.params.contains(n) {
            scope.varnames.push(n.clone());
        }
    }
    fill_access(&mut scope, &raw.globals);
    if !raw.function {
        out.insert(
            raw.key,
            Rc::new(Scope {
                function: false,
                ..Scope::default()
            }),
        );
        return (Scope::default(), BTreeSet::new());
    }
    // Names that we take from outside (free) are also needed by us from our parent.
    (scope, free)
}

/// Resolves a class body. Its names live in the class namespace (LOAD_NAME
/// and STORE_NAME); methods do not see them. It provides the `__class__`
/// cell when a method uses `super()`, and passes free variables through
/// from enclosing functions.
fn resolve_class(
    mut raw: Raw,
    enclosing: &[(BTreeSet<Rc<str>>, usize)],
    out: &mut Scopes,
) -> (Scope, BTreeSet<Rc<str>>) {
    let class_cell: Rc<str> = Rc::from("__class__");
    let mut inner_enclosing = enclosing.to_vec();
    inner_enclosing.push((BTreeSet::from([class_cell.clone()]), 0));
    let mut needed: BTreeSet<Rc<str>> = BTreeSet::new();
    for child in std::mem::take(&mut raw.children) {
        let key = child.key;
        let (child_scope, child_free) = resolve(child, &inner_enclosing, out);
        needed.extend(child_free);
        out.insert(key, Rc::new(child_scope));
    }
    let mut scope = Scope {
        class: true,
        ..Scope::default()
    };
    if needed.contains(&class_cell) {
        scope.cellvars.push(class_cell.clone());
    }
    let binds_outside = |name: &str| enclosing.iter().any(|(set, _)| set.contains(name));
    let bound = |n: &str| raw.bound.iter().any(|b| &**b == n);
    let mut free: BTreeSet<Rc<str>> = BTreeSet::new();
    for n in raw.used.iter().chain(needed.iter()) {
        if *n != class_cell && !bound(n) && !raw.globals.contains(n) && binds_outside(n) {
            free.insert(n.clone());
        }
    }
    for n in &raw.nonlocals {
        free.insert(n.clone());
    }
    scope.freevars = free.iter().cloned().collect();
    fill_access(&mut scope, &raw.globals);
    (scope, free)
}

/// How each name of a resolved scope is reached: locals by slot, cells
/// then frees by deref index, declared globals as globals.
fn fill_access(scope: &mut Scope, globals: &BTreeSet<Rc<str>>) {
    for (i, n) in scope.varnames.iter().enumerate() {
        scope.access.insert(n.clone(), Access::Fast(i as u32));
    }
    let derefs = scope.cellvars.iter().chain(scope.freevars.iter());
    for (i, n) in derefs.enumerate() {
        scope.access.insert(n.clone(), Access::Deref(i as u32));
    }
    for n in globals {
        scope.access.insert(n.clone(), Access::Global);
    }
}
