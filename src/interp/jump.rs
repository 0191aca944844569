//! Jumps that a trace function asks for by setting `frame.f_lineno`, with
//! CPython 3.11's rules and messages.
//!
//! A jump is legal when the values on the stack at the target can be had
//! from the values on the stack now by popping: CPython 3.11 works this out
//! from a table of what kind of value (an iterator, an exception, anything
//! else) each stack slot holds before each instruction, and so does this
//! module, from a flow analysis over framevm's bytecode. framevm keeps a
//! block stack as CPython up to 3.10 did; which try blocks are open at an
//! instruction is fixed by the code (the verifier checks it), so the same
//! analysis also gives the block stack at the target, and a jump into a
//! try body (which 3.11 allows: its exception table is a property of the
//! address) pushes its block.

use super::Vm;
use super::exc;
use crate::bytecode::verify::{decode, inputs};
use crate::bytecode::{Code, Op};
use crate::frame::Block;
use crate::runtime::Value;

/// A stack slot holds an iterator (a `for` loop's).
const ITERATOR: u8 = 1;
/// A stack slot holds an exception being handled (or the one it replaced).
const EXCEPT: u8 = 2;
/// Any other value.
const OBJECT: u8 = 3;

/// What is known before an instruction.
#[derive(Clone, Debug)]
struct State {
    stack: Vec<u8>,
    blocks: Vec<Block>,
}

/// A stack as one number, as CPython 3.11 compares them: three bits a
/// slot, the top in the lowest bits (None: too deep to say).
fn encode(stack: &[u8]) -> Option<i64> {
    if stack.len() > 21 {
        return None;
    }
    Some(stack.iter().fold(0i64, |acc, &k| (acc << 3) | k as i64))
}

fn compatible_kind(from: u8, to: u8) -> bool {
    match to {
        OBJECT => true,
        _ => from == to,
    }
}

/// Whether a stack `to` can be had from `from` by popping.
fn compatible(from: &[u8], to: &[u8]) -> bool {
    let (Some(mut f), Some(t)) = (encode(from), encode(to)) else {
        return false;
    };
    let mut n = from.len();
    while f > t {
        f >>= 3;
        n -= 1;
    }
    if n != to.len() {
        return false;
    }
    from[..n]
        .iter()
        .zip(to)
        .all(|(&a, &b)| compatible_kind(a, b))
}

/// Why a target whose stack is `to` cannot be jumped to.
fn explain(to: Option<&State>) -> &'static str {
    let Some(to) = to else {
        return "can't jump into an exception handler, or code may be unreachable";
    };
    if encode(&to.stack).is_none() {
        return "stack to deep to analyze";
    }
    match to.stack.last() {
        Some(&EXCEPT) => "can't jump into an 'except' block as there's no exception",
        Some(&ITERATOR) => "can't jump into the body of a for loop",
        _ => "incompatible stacks",
    }
}

/// What each instruction starts with (by word index; None: not reached, or
/// not the start of an instruction).
fn analyse(code: &Code) -> Vec<Option<State>> {
    let words = code.code();
    let mut states: Vec<Option<State>> = vec![None; words.len()];
    // Verified code decodes.
    let Ok(instrs) = decode(words) else {
        return states;
    };
    let mut at_word = vec![usize::MAX; words.len()];
    for (n, (start, ..)) in instrs.iter().enumerate() {
        at_word[*start] = n;
    }
    let mut work = vec![(
        0usize,
        State {
            stack: Vec::new(),
            blocks: Vec::new(),
        },
    )];
    let go = |work: &mut Vec<(usize, State)>, target: u32, st: State| {
        if let Some(&n) = at_word.get(target as usize)
            && n != usize::MAX
        {
            work.push((n, st));
        }
    };
    while let Some((n, st)) = work.pop() {
        let Some(&(start, op, arg)) = instrs.get(n) else {
            continue;
        };
        if states[start].is_some() {
            continue;
        }
        states[start] = Some(st.clone());
        let mut fall = st.clone();
        let d = st.stack.len();
        let pop = |s: &mut State, k: usize| {
            let n = s.stack.len().saturating_sub(k);
            s.stack.truncate(n);
        };
        let handler_at = |level: usize| {
            let mut h = st.clone();
            h.stack.truncate(level);
            h.stack.extend([EXCEPT, EXCEPT]);
            h.blocks.push(Block {
                kind: exc::HANDLER,
                handler: 0,
                level: level as u32,
            });
            h
        };
        let mut ends = false;
        match op {
            Op::SetupFinally | Op::SetupWith | Op::SetupAsyncWith => {
                let level = match op {
                    Op::SetupAsyncWith => d.saturating_sub(1),
                    _ => d,
                };
                go(&mut work, arg, handler_at(level));
                fall.blocks.push(Block {
                    kind: exc::TRY,
                    handler: arg,
                    level: level as u32,
                });
                if op == Op::SetupWith {
                    // `__exit__` in the manager's place, `__enter__()`'s result.
                    pop(&mut fall, 1);
                    fall.stack.extend([OBJECT, OBJECT]);
                }
            }
            Op::PopBlock => {
                fall.blocks.pop();
            }
            Op::PopExcept => {
                fall.blocks.pop();
                pop(&mut fall, 1);
            }
            Op::EndAsyncFor => {
                fall.blocks.pop();
                pop(&mut fall, 3);
            }
            Op::GetIter | Op::GetAiter => {
                pop(&mut fall, 1);
                fall.stack.push(ITERATOR);
            }
            Op::ForIter => {
                let mut j = st.clone();
                pop(&mut j, 1);
                go(&mut work, arg, j);
                fall.stack.push(OBJECT);
            }
            Op::DupTop => {
                if let Some(&k) = st.stack.last() {
                    fall.stack.push(k);
                }
            }
            Op::DupTopTwo => {
                if d >= 2 {
                    fall.stack.extend_from_slice(&st.stack[d - 2..]);
                }
            }
            Op::RotTwo | Op::RotThree | Op::RotN => {
                let k = match op {
                    Op::RotTwo => 2,
                    Op::RotThree => 3,
                    _ => arg as usize,
                };
                if k >= 1 && d >= k {
                    fall.stack[d - k..].rotate_right(1);
                }
            }
            Op::Jump => {
                go(&mut work, arg, st.clone());
                ends = true;
            }
            Op::ReturnValue | Op::RaiseVarargs | Op::Reraise => ends = true,
            _ => {
                if let Some(j) = op.jump_effect(arg) {
                    let mut s = st.clone();
                    if j < 0 {
                        pop(&mut s, (-j) as usize);
                    } else {
                        s.stack.extend(std::iter::repeat_n(OBJECT, j as usize));
                    }
                    go(&mut work, arg, s);
                }
                let need = inputs(op, arg).max(0) as usize;
                let after = d as i64 + op.stack_effect(arg);
                pop(&mut fall, need);
                let now = fall.stack.len() as i64;
                if after > now {
                    fall.stack
                        .extend(std::iter::repeat_n(OBJECT, (after - now) as usize));
                } else {
                    fall.stack.truncate(after.max(0) as usize);
                }
            }
        }
        if !ends {
            work.push((n + 1, fall));
        }
    }
    states
}

/// The instructions where a line starts (word index, line), as CPython
/// 3.11 marks them: where the line table's line changes. A loop's jump
/// back carries the loop header's line where CPython's carries the body's
/// last line: it starts no line (as the tracing loop reports it).
fn line_starts(code: &Code) -> Vec<(usize, u32)> {
    let words = code.code();
    let mut out = Vec::new();
    let mut last = None;
    for &(i, line) in code.lines() {
        let i = i as usize;
        let loop_back = words.get(i).is_some_and(|w| {
            w.code() == Op::Jump as u8
                && (w.arg() as usize) < i
                && code.line_of(w.arg() as usize) == line
        });
        if line > 0 && last != Some(line) && !loop_back {
            out.push((i, line));
            last = Some(line);
        }
    }
    out
}

/// A jump the trace function asked for, to take when it returns.
#[derive(Clone, Debug)]
pub(crate) struct Jump {
    /// Word index of the target.
    pub(crate) target: usize,
    /// The stack's kinds now, and how many values stay.
    from: Vec<u8>,
    keep: usize,
    /// The block stack at the target.
    blocks: Vec<Block>,
}

/// Works out the jump from instruction `lasti` of `code` to `line`, or the
/// message of the ValueError that refuses it.
pub(crate) fn plan(code: &Code, lasti: usize, line: i64) -> Result<Jump, String> {
    if line < code.firstlineno() as i64 {
        return Err(format!("line {line} comes before the current code block"));
    }
    let starts = line_starts(code);
    let Some(want) = starts
        .iter()
        .map(|&(_, l)| l as i64)
        .filter(|&l| l >= line)
        .min()
    else {
        return Err(format!("line {line} comes after the current code block"));
    };
    let states = analyse(code);
    let from = states.get(lasti).and_then(|s| s.as_ref());
    let mut best: Option<(i64, usize)> = None;
    let mut msg: Option<&'static str> = None;
    for &(i, l) in &starts {
        if l as i64 != want {
            continue;
        }
        let to = states.get(i).and_then(|s| s.as_ref());
        match (from, to) {
            (Some(f), Some(t)) if compatible(&f.stack, &t.stack) => {
                let e = encode(&t.stack).unwrap_or(0);
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, i));
                }
            }
            _ if best.is_none() && msg.is_none() => {
                msg = Some(match from {
                    None => "can't jump from unreachable code",
                    Some(f) if encode(&f.stack).is_none() => "stack to deep to analyze",
                    Some(_) => explain(to),
                });
            }
            _ => {}
        }
    }
    let Some((_, target)) = best else {
        return Err(msg
            .unwrap_or("cannot find bytecode for specified line")
            .to_string());
    };
    let (Some(f), Some(t)) = (from, states[target].as_ref()) else {
        return Err("cannot find bytecode for specified line".to_string());
    };
    Ok(Jump {
        target,
        from: f.stack.clone(),
        keep: t.stack.len(),
        blocks: t.blocks.clone(),
    })
}

/// Takes jump `j` in the running frame `r` (its trace function returned):
/// pops what the target does not have (an exception slot popped is the
/// exception being handled again, as when an except block is left), sets
/// the block stack to the target's and goes on at the target.
pub(crate) fn take(vm: &mut Vm, r: &mut super::Regs, j: &Jump) {
    // SAFETY: the running frame, at the instruction the analysis started
    // from: its stack holds `j.from.len()` values (the verifier's depth).
    unsafe {
        let base = r.fp.valuestack();
        let depth = (r.sp.as_ptr() as usize - base as usize) / std::mem::size_of::<Value>();
        let mut d = depth.min(j.from.len());
        while d > j.keep {
            d -= 1;
            let v = r.sp.pop();
            if j.from[d] == EXCEPT {
                vm.exc_info = (!matches!(v, Value::None)).then_some(v);
            } else {
                drop(v);
            }
        }
        while r.fp.pop_block().is_some() {}
        for b in &j.blocks {
            r.fp.push_block(*b);
        }
        let code = r.fp.code();
        r.ip = super::sp::Ip::at(code.code(), j.target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    /// The code of the first function defined in `src`.
    fn function(src: &str) -> Rc<Code> {
        let module = crate::compiler::compile(src, "t.py").expect("compiles");
        module
            .consts()
            .iter()
            .find_map(|c| match c {
                Value::Code(c) => Some(c.clone()),
                _ => None,
            })
            .expect("a function")
    }

    /// The first instruction of `line`.
    fn start_of(code: &Code, line: u32) -> usize {
        line_starts(code)
            .into_iter()
            .find(|&(_, l)| l == line)
            .expect("the line starts")
            .0
    }

    const SRC: &str = "def f(xs):
    a = 1
    for x in xs:
        a += x
    try:
        a = 2
    except KeyError:
        a = 3
    return a
";

    #[test]
    fn jumps_that_pop_nothing_or_the_iterator() {
        let f = function(SRC);
        let j = plan(&f, start_of(&f, 2), 6).expect("forward into a try body");
        assert_eq!((j.from.len(), j.keep), (0, 0));
        assert_eq!(j.blocks.len(), 1, "the try block opens");
        let j = plan(&f, start_of(&f, 4), 9).expect("out of the loop");
        assert_eq!(j.from, vec![ITERATOR]);
        assert_eq!(j.keep, 0);
        assert!(j.blocks.is_empty());
        // The `for` line from its body: the next iteration (CPython's
        // jump back carries the body's line, not the header's).
        let j = plan(&f, start_of(&f, 4), 3).expect("the for line");
        assert_eq!(j.keep, 0, "back to evaluating the iterable");
    }

    #[test]
    fn illegal_jumps_say_why_as_cpython_does() {
        let f = function(SRC);
        let at = start_of(&f, 2);
        let err = |line| plan(&f, at, line).unwrap_err();
        assert_eq!(err(4), "can't jump into the body of a for loop");
        assert_eq!(
            err(8),
            "can't jump into an 'except' block as there's no exception"
        );
        assert_eq!(err(0), "line 0 comes before the current code block");
        assert_eq!(err(99), "line 99 comes after the current code block");
    }

    #[test]
    fn stacks_compare_as_cpython_compares_them() {
        assert!(compatible(&[ITERATOR, OBJECT], &[ITERATOR]));
        assert!(compatible(&[ITERATOR], &[]));
        assert!(!compatible(&[], &[ITERATOR]));
        assert!(!compatible(&[OBJECT], &[ITERATOR]));
        assert!(compatible(&[ITERATOR], &[OBJECT]));
        assert!(!compatible(&[OBJECT; 22], &[]));
    }
}
