//! The verifier: every code object is checked once before it can run, so
//! the interpreter's hot path needs no checks of its own.
//!
//! Checked: every opcode exists; EXTENDED_ARG only prefixes a real
//! instruction; every jump lands on an instruction (not inside an
//! EXTENDED_ARG pair); every const, local, name and cell index is in range;
//! and along every path the stack depth is the same at each instruction,
//! never negative, never above `co_stacksize`, and exactly 1 at a return.
//! Execution cannot fall off the end.

use std::fmt;

use super::Code;
use super::opcode::{ArgKind, BinOp, CmpOp, Op, Word};
use crate::frame::CO_MAXBLOCKS;
use crate::runtime::Value;

/// The first fault found in a code object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// Instruction index.
    pub at: usize,
    /// What is wrong.
    pub what: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "instruction {}: {}", self.at, self.what)
    }
}

fn fault(at: usize, what: impl Into<String>) -> VerifyError {
    VerifyError {
        at,
        what: what.into(),
    }
}

/// Decoded instructions: (index of the first word, opcode, full argument),
/// with EXTENDED_ARG folded into the instruction it prefixes.
pub fn decode(code: &[Word]) -> Result<Vec<(usize, Op, u32)>, VerifyError> {
    let mut out = Vec::with_capacity(code.len());
    let mut ext: Option<(usize, u32)> = None;
    for (i, w) in code.iter().enumerate() {
        let op = Op::from_u8(w.code())
            .ok_or_else(|| fault(i, format!("unknown opcode {}", w.code())))?;
        if op == Op::ExtendedArg {
            if ext.is_some() {
                return Err(fault(i, "EXTENDED_ARG after EXTENDED_ARG"));
            }
            if w.arg() > 0xff {
                return Err(fault(i, "EXTENDED_ARG argument wider than 8 bits"));
            }
            ext = Some((i, w.arg()));
            continue;
        }
        let (start, arg) = match ext.take() {
            Some((start, hi)) => (start, (hi << 24) | w.arg()),
            None => (i, w.arg()),
        };
        out.push((start, op, arg));
    }
    if let Some((i, _)) = ext {
        return Err(fault(i, "EXTENDED_ARG at the end of the code"));
    }
    Ok(out)
}

/// The deepest the value stack gets on any path, checking that the depth
/// is consistent where paths meet, never negative, and 1 at each return.
pub fn max_stack_depth(code: &[Word]) -> Result<u32, VerifyError> {
    let instrs = decode(code)?;
    if instrs.is_empty() {
        return Ok(0);
    }
    // Map word index -> instruction number, for jump targets.
    let mut at_word = vec![usize::MAX; code.len()];
    for (n, (start, ..)) in instrs.iter().enumerate() {
        at_word[*start] = n;
    }
    let mut state: Vec<Option<State>> = vec![None; instrs.len()];
    let mut work = vec![(0usize, State::default())];
    let mut max = 0i64;
    while let Some((n, st)) = work.pop() {
        match &state[n] {
            Some(seen) if *seen == st => continue,
            Some(seen) if seen.depth != st.depth => {
                return Err(fault(
                    instrs[n].0,
                    format!(
                        "stack depth {} here on one path, {} on another",
                        st.depth, seen.depth
                    ),
                ));
            }
            Some(_) => {
                return Err(fault(
                    instrs[n].0,
                    "different try blocks here on different paths",
                ));
            }
            None => state[n] = Some(st.clone()),
        }
        let d = st.depth;
        let (start, op, arg) = instrs[n];
        // Values below the innermost block's level belong to the code
        // around it: nothing inside may read them (an except handler also
        // keeps the exception it replaced, just above its level).
        let floor = match st.blocks.last() {
            Some(&(Block::Try, level)) => level,
            Some(&(Block::Handler, level)) => level + 1,
            None => 0,
        };
        let needs = inputs(op, arg);
        // Rotations and duplications read without taking (and cannot
        // raise): the unwinding code of a return uses them on the saved
        // exception.
        // GET_ANEXT peeks at the async iterator under its try block and
        // only pushes: an error there leaves the iterator where it was.
        let takes_nothing = matches!(
            op,
            Op::RotTwo | Op::RotThree | Op::DupTop | Op::DupTopTwo | Op::GetAnext
        );
        if floor > 0
            && d - needs < floor
            && !takes_nothing
            && !matches!(op, Op::PopExcept | Op::WithExceptStart | Op::EndAsyncFor)
        {
            return Err(fault(
                start,
                format!("{} reads below its try block's stack", op.name()),
            ));
        }
        let mut fall = st.clone();
        match op {
            Op::SetupFinally | Op::SetupWith => {
                let level = d;
                if st.blocks.len() >= CO_MAXBLOCKS {
                    return Err(fault(start, "too many nested try blocks"));
                }
                fall.blocks.push((Block::Try, level));
                let mut handler = st.clone();
                handler.blocks.push((Block::Handler, level));
                handler.depth = level + 2;
                if op == Op::SetupWith && d < 1 {
                    return Err(fault(start, "SETUP_WITH pops an empty stack"));
                }
                let target = jump_target(&at_word, start, op, arg)?;
                max = max.max(handler.depth);
                work.push((target, handler));
            }
            // Its try block's level is below the awaited result on top.
            Op::SetupAsyncWith => {
                if d < 1 {
                    return Err(fault(start, "SETUP_ASYNC_WITH with an empty stack"));
                }
                let level = d - 1;
                if st.blocks.len() >= CO_MAXBLOCKS {
                    return Err(fault(start, "too many nested try blocks"));
                }
                fall.blocks.push((Block::Try, level));
                let mut handler = st.clone();
                handler.blocks.push((Block::Handler, level));
                handler.depth = level + 2;
                let target = jump_target(&at_word, start, op, arg)?;
                max = max.max(handler.depth);
                work.push((target, handler));
            }
            // [aiter, previous, exception] in the handler; it leaves it.
            Op::EndAsyncFor => match st.blocks.last() {
                Some(&(Block::Handler, level)) if d == level + 2 && level >= 1 => {
                    fall.blocks.pop();
                }
                _ => return Err(fault(start, "END_ASYNC_FOR outside an async for's handler")),
            },
            Op::PopBlock => match st.blocks.last() {
                Some((Block::Try, _)) => {
                    fall.blocks.pop();
                }
                _ => return Err(fault(start, "POP_BLOCK outside a try block")),
            },
            // TOS is the saved exception (the compiler rotates a return
            // value under it when a return leaves the handler).
            Op::PopExcept => match st.blocks.last() {
                Some(&(Block::Handler, level)) if d > level => {
                    fall.blocks.pop();
                }
                _ => return Err(fault(start, "POP_EXCEPT outside an except handler")),
            },
            Op::WithExceptStart => {
                if !matches!(st.blocks.last(), Some(&(Block::Handler, level)) if d == level + 2 && level >= 1)
                {
                    return Err(fault(
                        start,
                        "WITH_EXCEPT_START outside a with statement's handler",
                    ));
                }
            }
            _ => {
                if let Some(j) = op.jump_effect(arg) {
                    let target = jump_target(&at_word, start, op, arg)?;
                    let after = d + j;
                    if after < floor {
                        return Err(fault(start, format!("{} pops an empty stack", op.name())));
                    }
                    max = max.max(after);
                    work.push((
                        target,
                        State {
                            depth: after,
                            blocks: st.blocks.clone(),
                        },
                    ));
                }
            }
        }
        if op == Op::Jump {
            continue;
        }
        let after = d + op.stack_effect(arg);
        // The values an instruction reads must be there before it runs: its
        // net effect alone would let CALL_FUNCTION n run with n values.
        if after < 0 || d < needs {
            return Err(fault(start, format!("{} pops an empty stack", op.name())));
        }
        max = max.max(after).max(d);
        match op {
            Op::ReturnValue => {
                if d != 1 {
                    return Err(fault(
                        start,
                        format!("RETURN_VALUE with {d} values on the stack (needs exactly 1)"),
                    ));
                }
                if !st.blocks.is_empty() {
                    return Err(fault(start, "RETURN_VALUE inside a try block"));
                }
                continue;
            }
            Op::RaiseVarargs | Op::Reraise => continue,
            _ => {}
        }
        if n + 1 >= instrs.len() {
            return Err(fault(start, "execution falls off the end of the code"));
        }
        fall.depth = after;
        work.push((n + 1, fall));
    }
    u32::try_from(max).map_err(|_| fault(0, "stack depth beyond 2^32"))
}

/// Where an instruction's jump lands, as an instruction number.
fn jump_target(at_word: &[usize], start: usize, op: Op, arg: u32) -> Result<usize, VerifyError> {
    at_word
        .get(arg as usize)
        .copied()
        .filter(|t| *t != usize::MAX)
        .ok_or_else(|| {
            fault(
                start,
                format!("{} to {arg}, which is not an instruction", op.name()),
            )
        })
}

/// A block of the block stack, as the verifier tracks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// SETUP_FINALLY / SETUP_WITH: an exception jumps to the handler.
    Try,
    /// An except handler (entered by an exception): the exception it
    /// replaced sits at the block's level.
    Handler,
}

/// What the verifier knows before an instruction: stack depth, and the
/// block stack with each block's stack level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct State {
    depth: i64,
    blocks: Vec<(Block, i64)>,
}

/// How many stack values `op` reads (pops or peeks) before it runs.
pub fn inputs(op: Op, arg: u32) -> i64 {
    let n = arg as i64;
    match op {
        Op::PopTop
        | Op::PrintExpr
        | Op::DupTop
        | Op::StoreFast
        | Op::StoreGlobal
        | Op::StoreName
        | Op::StoreDeref => 1,
        Op::UnaryPositive | Op::UnaryNegative | Op::UnaryNot | Op::UnaryInvert => 1,
        Op::RotTwo | Op::DupTopTwo => 2,
        Op::RotThree => 3,
        Op::BinaryAdd
        | Op::BinarySubtract
        | Op::BinaryMultiply
        | Op::BinaryTrueDivide
        | Op::BinaryFloorDivide
        | Op::BinaryModulo
        | Op::BinaryPower
        | Op::BinaryLshift
        | Op::BinaryRshift
        | Op::BinaryAnd
        | Op::BinaryOr
        | Op::BinaryXor
        | Op::BinaryMatrixMultiply
        | Op::InplaceOp
        | Op::InplaceAdd
        | Op::BinarySubscr
        | Op::CompareOp
        | Op::DeleteSubscr => 2,
        Op::StoreSubscr => 3,
        Op::BuildTuple
        | Op::BuildList
        | Op::BuildSet
        | Op::BuildSlice
        | Op::BuildString
        | Op::RaiseVarargs => n,
        Op::BuildMap => 2 * n,
        Op::ListAppend | Op::ListExtend | Op::DictUpdate | Op::SetAdd | Op::SetUpdate => n + 1,
        // It names the callable below the positional tuple in its errors.
        Op::DictMerge => n + 3,
        Op::MapAdd => n + 2,
        Op::ListToTuple | Op::UnpackSequence | Op::GetIter | Op::ForIter | Op::ReturnValue => 1,
        Op::FormatValue => 1 + ((n >> 2) & 1),
        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => 1,
        Op::LoadAttr | Op::LoadMethod => 1,
        Op::PopExcept | Op::Reraise | Op::SetupWith | Op::DeleteAttr => 1,
        Op::YieldValue | Op::GetYieldFromIter | Op::UnpackEx => 1,
        Op::GetAwaitable | Op::GetAiter | Op::GetAnext | Op::BeforeAsyncWith => 1,
        Op::SetupAsyncWith => 1,
        Op::EndAsyncFor => 3,
        Op::JumpIfNotExcMatch | Op::StoreAttr | Op::YieldFrom => 2,
        Op::WithExceptStart => 3,
        Op::ImportName => 2,
        Op::ImportFrom | Op::ImportStar => 1,
        Op::RotN => n,
        Op::GetLen | Op::MatchMapping | Op::MatchSequence => 1,
        Op::MatchKeys | Op::DictWithoutKeys => 2,
        Op::MatchClass => 3,
        Op::CallFunction => n + 1,
        Op::CallMethod | Op::CallFunctionKw => n + 2,
        Op::CallFunctionEx => 2 + (n & 1),
        Op::MakeFunction => 1 + (n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1),
        Op::Nop
        | Op::LoadConst
        | Op::LoadFast
        | Op::DeleteFast
        | Op::LoadGlobal
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::DeleteName
        | Op::LoadDeref
        | Op::DeleteDeref
        | Op::LoadClosure
        | Op::Jump
        | Op::LoadAssertionError
        | Op::ExtendedArg
        | Op::SetupFinally
        | Op::PopBlock
        | Op::LoadBuildClass
        | Op::LoadClassDeref => 0,
    }
}

/// [`verify`], remembered: a code object that passed once is not checked
/// again (code objects never change after they are built).
pub fn verify_once(code: &Code) -> Result<(), VerifyError> {
    if code.is_verified() {
        return Ok(());
    }
    verify(code)?;
    code.mark_verified();
    Ok(())
}

/// Checks `code` (and, recursively, the code objects among its constants).
pub fn verify(code: &Code) -> Result<(), VerifyError> {
    // No instruction: the loop would read past the end at once (a loaded
    // program found by the bytecode fuzz target).
    if code.code().is_empty() {
        return Err(fault(0, "code with no instructions"));
    }
    let instrs = decode(code.code())?;
    let nlocals = code.varnames().len();
    let nderef = code.cellvars().len() + code.freevars().len();
    for &(at, op, arg) in &instrs {
        let a = arg as usize;
        let ok = match op.arg_kind() {
            ArgKind::konst => a < code.consts().len(),
            ArgKind::local => a < nlocals,
            ArgKind::name => a < code.names().len(),
            ArgKind::deref => a < nderef,
            ArgKind::cmp => a < CmpOp::ALL.len(),
            ArgKind::binop => a < BinOp::ALL.len(),
            ArgKind::format => arg <= 7,
            ArgKind::mkfn => arg & !0b1111 == 0,
            ArgKind::count => match op {
                Op::BuildSlice => a == 2 || a == 3,
                Op::RaiseVarargs => a <= 2,
                Op::CallFunctionEx => a <= 1,
                // They reach `arg` values down: 0 would be the value they pop.
                Op::ListAppend
                | Op::ListExtend
                | Op::MapAdd
                | Op::DictUpdate
                | Op::DictMerge
                | Op::SetAdd
                | Op::SetUpdate => a >= 1,
                Op::RotN => a >= 1,
                _ => true,
            },
            ArgKind::plain | ArgKind::jump => true,
        };
        if matches!(op, Op::YieldValue | Op::YieldFrom)
            && code.flags() & super::code::flags::GENERATOR == 0
        {
            return Err(fault(
                at,
                format!("{} outside a generator's code", op.name()),
            ));
        }
        if !ok {
            return Err(fault(
                at,
                format!("{} argument {arg} out of range", op.name()),
            ));
        }
    }
    let depth = max_stack_depth(code.code())?;
    if depth as usize > code.stacksize() {
        return Err(fault(
            0,
            format!(
                "needs a stack of {depth}, co_stacksize is {}",
                code.stacksize()
            ),
        ));
    }
    let star = |flag| usize::from(code.flags() & flag != 0);
    let params = code.argcount()
        + code.kwonlyargcount()
        + star(super::code::flags::VARARGS)
        + star(super::code::flags::VARKEYWORDS);
    if params > code.varnames().len() {
        return Err(fault(0, "more parameters than local variables"));
    }
    for (i, c) in code.consts().iter().enumerate() {
        check_const(c, i, 0)?;
    }
    Ok(())
}

/// A constant must be of a kind that holds no code the verifier has not
/// seen: data (nested in containers, at a bounded depth) and code objects,
/// which are verified in turn. A function, class, instance, generator,
/// iterator or cell built through the API and placed among the constants
/// could carry code that never passed through here: refused.
fn check_const(v: &Value, i: usize, depth: usize) -> Result<(), VerifyError> {
    if depth > 64 {
        return Err(fault(0, format!("constant {i} nests too deep")));
    }
    let each = |items: &[Value]| items.iter().try_for_each(|x| check_const(x, i, depth + 1));
    match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Complex(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Ellipsis
        | Value::NotImplemented
        | Value::Builtin(_)
        | Value::Range(_) => Ok(()),
        Value::Code(inner) => verify(inner),
        Value::Tuple(t) => each(t),
        Value::List(l) => each(&l.borrow()),
        Value::Slice(s) => each(&s[..]),
        Value::FrozenSet(s) => each(&s.keys()),
        Value::Set(s) => each(&s.borrow().keys()),
        other => Err(fault(
            0,
            format!(
                "constant {i} is a {}, which a compiler never makes",
                other.type_name()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::bytecode::code::CodeParts;

    fn code(words: Vec<Word>, consts: Vec<Value>, nlocals: usize, stacksize: u32) -> Code {
        Code::from_parts(CodeParts {
            name: "t".into(),
            qualname: "t".into(),
            filename: Rc::from("t.py"),
            code: words,
            consts,
            varnames: (0..nlocals).map(|i| Rc::from(format!("v{i}"))).collect(),
            stacksize,
            ..CodeParts::default()
        })
        .expect("small code")
    }

    fn w(op: Op, arg: u32) -> Word {
        Word::new(op, arg)
    }

    #[test]
    fn accepts_well_formed_code() {
        let c = code(
            vec![w(Op::LoadConst, 0), w(Op::ReturnValue, 0)],
            vec![Value::None],
            0,
            1,
        );
        assert_eq!(verify(&c), Ok(()));
    }

    #[test]
    fn refuses_constants_that_could_carry_unverified_code() {
        // A function whose body would read local 5 of a frame with one.
        let body = Rc::new(code(
            vec![w(Op::LoadFast, 5), w(Op::ReturnValue, 0)],
            vec![],
            1,
            1,
        ));
        let f = Value::Function(Rc::new(crate::runtime::object::Function {
            code: body.clone(),
            globals: Rc::default(),
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
            closure: Vec::new(),
            dict: Default::default(),
        }));
        let load = vec![w(Op::LoadConst, 0), w(Op::ReturnValue, 0)];
        let err = verify(&code(load.clone(), vec![f.clone()], 0, 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "instruction 0: constant 0 is a function, which a compiler never makes"
        );
        // Also inside a container.
        let nested = Value::tuple(vec![Value::Int(1), Value::list(vec![f])]);
        assert!(verify(&code(load.clone(), vec![nested], 0, 1)).is_err());
        // A code object is verified in turn; data is accepted.
        let err = verify(&code(load.clone(), vec![Value::Code(body)], 0, 1)).unwrap_err();
        assert!(
            err.to_string()
                .contains("LOAD_FAST argument 5 out of range"),
            "{err}"
        );
        let data = Value::tuple(vec![Value::str("s"), Value::Float(0.5), Value::None]);
        assert_eq!(verify(&code(load, vec![data], 0, 1)), Ok(()));
    }

    #[test]
    fn match_instructions_read_what_they_need() {
        let none = || vec![Value::None];
        // ROT_N 3 over three values is fine; over two, or ROT_N 0, is not.
        let rot = |n, pushed: usize| {
            let mut words = vec![w(Op::LoadConst, 0); pushed];
            words.push(w(Op::RotN, n));
            words.extend(vec![w(Op::PopTop, 0); pushed - 1]);
            words.push(w(Op::ReturnValue, 0));
            verify(&code(words, none(), 0, pushed as u32))
        };
        assert_eq!(rot(3, 3), Ok(()));
        assert_eq!(
            rot(3, 2).unwrap_err().to_string(),
            "instruction 2: ROT_N pops an empty stack"
        );
        assert_eq!(
            rot(0, 2).unwrap_err().to_string(),
            "instruction 2: ROT_N argument 0 out of range"
        );
        // MATCH_CLASS takes subject, class and names and leaves one value;
        // with two on the stack it is refused.
        let class = |pushed: usize| {
            let mut words = vec![w(Op::LoadConst, 0); pushed];
            words.push(w(Op::MatchClass, 0));
            words.push(w(Op::ReturnValue, 0));
            verify(&code(words, none(), 0, pushed as u32))
        };
        assert_eq!(class(3), Ok(()));
        assert!(class(2).is_err());
        // MATCH_KEYS keeps both inputs and pushes a third.
        let keys = code(
            vec![
                w(Op::LoadConst, 0),
                w(Op::LoadConst, 0),
                w(Op::MatchKeys, 0),
                w(Op::PopTop, 0),
                w(Op::DictWithoutKeys, 0),
                w(Op::ReturnValue, 0),
            ],
            none(),
            0,
            3,
        );
        assert_eq!(verify(&keys), Ok(()));
    }

    #[test]
    fn refuses_bad_code_naming_the_first_fault() {
        let cases: Vec<(Code, &str)> = vec![
            (
                code(
                    vec![w(Op::LoadConst, 1), w(Op::ReturnValue, 0)],
                    vec![Value::None],
                    0,
                    1,
                ),
                "instruction 0: LOAD_CONST argument 1 out of range",
            ),
            (
                code(
                    vec![w(Op::LoadFast, 0), w(Op::ReturnValue, 0)],
                    vec![],
                    0,
                    1,
                ),
                "instruction 0: LOAD_FAST argument 0 out of range",
            ),
            (
                code(vec![Word(0xff), w(Op::ReturnValue, 0)], vec![], 0, 1),
                "instruction 0: unknown opcode 255",
            ),
            (
                code(vec![w(Op::PopTop, 0), w(Op::ReturnValue, 0)], vec![], 0, 1),
                "instruction 0: POP_TOP pops an empty stack",
            ),
            (
                code(
                    vec![w(Op::LoadConst, 0), w(Op::Jump, 7)],
                    vec![Value::None],
                    0,
                    1,
                ),
                "instruction 1: JUMP to 7, which is not an instruction",
            ),
            (
                code(vec![w(Op::LoadConst, 0)], vec![Value::None], 0, 1),
                "instruction 0: execution falls off the end of the code",
            ),
            (
                code(
                    vec![
                        w(Op::LoadConst, 0),
                        w(Op::LoadConst, 0),
                        w(Op::ReturnValue, 0),
                    ],
                    vec![Value::None],
                    0,
                    2,
                ),
                "instruction 2: RETURN_VALUE with 2 values on the stack (needs exactly 1)",
            ),
            (
                code(
                    vec![
                        w(Op::LoadConst, 0),
                        w(Op::LoadConst, 0),
                        w(Op::PopTop, 0),
                        w(Op::ReturnValue, 0),
                    ],
                    vec![Value::None],
                    0,
                    1,
                ),
                "instruction 0: needs a stack of 2, co_stacksize is 1",
            ),
            (
                code(vec![w(Op::Nop, 0), w(Op::ExtendedArg, 1)], vec![], 0, 1),
                "instruction 1: EXTENDED_ARG at the end of the code",
            ),
            (
                // A loop that pushes on every turn: depths disagree where paths meet.
                code(
                    vec![w(Op::LoadConst, 0), w(Op::Jump, 0)],
                    vec![Value::None],
                    0,
                    8,
                ),
                "instruction 0: stack depth 1 here on one path, 0 on another",
            ),
            (
                code(
                    vec![
                        w(Op::LoadConst, 0),
                        w(Op::CompareOp, 10),
                        w(Op::ReturnValue, 0),
                    ],
                    vec![Value::None],
                    0,
                    2,
                ),
                "instruction 1: COMPARE_OP argument 10 out of range",
            ),
        ];
        for (c, want) in cases {
            assert_eq!(verify(&c).map_err(|e| e.to_string()), Err(want.to_string()));
        }
    }

    #[test]
    fn the_block_stack_is_checked_on_every_path() {
        use Op::*;
        let none = || vec![Value::None];
        // (instructions, stacksize, the first fault)
        let cases: Vec<(Vec<Word>, u32, &str)> = vec![
            (
                vec![w(PopBlock, 0), w(LoadConst, 0), w(ReturnValue, 0)],
                1,
                "instruction 0: POP_BLOCK outside a try block",
            ),
            (
                vec![
                    w(LoadConst, 0),
                    w(PopExcept, 0),
                    w(LoadConst, 0),
                    w(ReturnValue, 0),
                ],
                1,
                "instruction 1: POP_EXCEPT outside an except handler",
            ),
            (
                // A return with its try block still pushed.
                vec![
                    w(SetupFinally, 3),
                    w(LoadConst, 0),
                    w(ReturnValue, 0),
                    w(Reraise, 0),
                ],
                3,
                "instruction 2: RETURN_VALUE inside a try block",
            ),
            (
                // The handler may not pop the exception it replaced but by POP_EXCEPT.
                vec![
                    w(SetupFinally, 4),
                    w(PopBlock, 0),
                    w(LoadConst, 0),
                    w(ReturnValue, 0),
                    w(PopTop, 0),
                    w(PopTop, 0),
                    w(LoadConst, 0),
                    w(ReturnValue, 0),
                ],
                3,
                "instruction 5: POP_TOP reads below its try block's stack",
            ),
            (
                // Inside a try block, values below its level are off limits.
                vec![
                    w(LoadConst, 0),
                    w(SetupFinally, 5),
                    w(PopTop, 0),
                    w(PopBlock, 0),
                    w(ReturnValue, 0),
                    w(Reraise, 0),
                ],
                3,
                "instruction 2: POP_TOP reads below its try block's stack",
            ),
            (
                // Paths meeting with different blocks.
                vec![
                    w(LoadConst, 0),
                    w(PopJumpIfTrue, 3),
                    w(Jump, 5),
                    w(SetupFinally, 8),
                    w(Jump, 5),
                    w(LoadConst, 0),
                    w(ReturnValue, 0),
                    w(Nop, 0),
                    w(Reraise, 0),
                ],
                3,
                "instruction 5: different try blocks here on different paths",
            ),
            (
                vec![w(LoadConst, 0), w(WithExceptStart, 0), w(ReturnValue, 0)],
                2,
                "instruction 1: WITH_EXCEPT_START outside a with statement's handler",
            ),
            (
                vec![w(LoadConst, 0), w(YieldValue, 0), w(ReturnValue, 0)],
                1,
                "instruction 1: YIELD_VALUE outside a generator's code",
            ),
        ];
        for (words, stacksize, want) in cases {
            let c = code(words, none(), 0, stacksize);
            assert_eq!(verify(&c).map_err(|e| e.to_string()), Err(want.to_string()));
        }
        // CO_MAXBLOCKS nested try blocks are the limit.
        let mut words: Vec<Word> = (0..=CO_MAXBLOCKS as u32)
            .map(|_| w(SetupFinally, 0))
            .collect();
        let end = words.len() as u32;
        for x in words.iter_mut() {
            *x = w(SetupFinally, end);
        }
        words.push(w(Reraise, 0));
        let c = code(words, none(), 0, 4);
        assert_eq!(
            verify(&c).map_err(|e| e.to_string()),
            Err(format!(
                "instruction {CO_MAXBLOCKS}: too many nested try blocks"
            ))
        );
    }

    #[test]
    fn instructions_must_find_every_value_they_read() {
        // Net effects alone would accept each of these: the callable, the
        // method's receiver, the items of a build are read too.
        let none = || vec![Value::None];
        let cases: Vec<(Vec<Word>, &str)> = vec![
            (
                vec![
                    w(Op::LoadConst, 0),
                    w(Op::CallFunction, 1),
                    w(Op::ReturnValue, 0),
                ],
                "instruction 1: CALL_FUNCTION pops an empty stack",
            ),
            (
                vec![
                    w(Op::LoadConst, 0),
                    w(Op::CallMethod, 0),
                    w(Op::ReturnValue, 0),
                ],
                "instruction 1: CALL_METHOD pops an empty stack",
            ),
            (
                vec![
                    w(Op::LoadConst, 0),
                    w(Op::BuildList, 2),
                    w(Op::ReturnValue, 0),
                ],
                "instruction 1: BUILD_LIST pops an empty stack",
            ),
            (
                vec![
                    w(Op::LoadConst, 0),
                    w(Op::MakeFunction, 8),
                    w(Op::ReturnValue, 0),
                ],
                "instruction 1: MAKE_FUNCTION pops an empty stack",
            ),
            (
                vec![
                    w(Op::BuildList, 0),
                    w(Op::LoadConst, 0),
                    w(Op::ListAppend, 0),
                    w(Op::ReturnValue, 0),
                ],
                "instruction 2: LIST_APPEND argument 0 out of range",
            ),
        ];
        for (words, want) in cases {
            let c = code(words, none(), 0, 4);
            assert_eq!(verify(&c).map_err(|e| e.to_string()), Err(want.to_string()));
        }
    }

    #[test]
    fn parameters_must_fit_in_the_locals() {
        let mut parts = CodeParts {
            name: "f".into(),
            qualname: "f".into(),
            filename: Rc::from("t.py"),
            code: vec![w(Op::LoadConst, 0), w(Op::ReturnValue, 0)],
            consts: vec![Value::None],
            varnames: vec![Rc::from("a")],
            argcount: 1,
            stacksize: 1,
            ..CodeParts::default()
        };
        parts.flags |= crate::bytecode::code::flags::VARARGS;
        let c = Code::from_parts(parts).unwrap();
        assert_eq!(
            verify(&c).map_err(|e| e.to_string()),
            Err("instruction 0: more parameters than local variables".into())
        );
    }

    #[test]
    fn jumps_into_an_extended_arg_pair_are_refused() {
        let words = vec![w(Op::ExtendedArg, 0), w(Op::LoadConst, 0), w(Op::Jump, 1)];
        let c = code(words, vec![Value::None], 0, 2);
        assert_eq!(
            verify(&c).map_err(|e| e.to_string()),
            Err("instruction 2: JUMP to 1, which is not an instruction".into())
        );
    }
}
