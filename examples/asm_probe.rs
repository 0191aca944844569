//! Out-of-line push and pop for each frame strategy, so their machine code
//! can be read on its own: `scripts/asm-notes.sh` disassembles these
//! functions into `asm-notes/`. Running it does one call of each.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

use common::{Val, code};
use framevm::bytecode::Code;
use framevm::frame::{CallStack, DataStack, FreeList, Namespaces};

type Stack<A> = CallStack<'static, Val, A>;

#[inline(never)]
pub fn freelist_push(stack: &mut Stack<FreeList<Val>>, code: &'static Code) {
    stack.push(code, &Namespaces::NONE);
}

#[inline(never)]
pub fn freelist_pop(stack: &mut Stack<FreeList<Val>>) -> bool {
    stack.pop()
}

#[inline(never)]
pub fn datastack_push(stack: &mut Stack<DataStack<Val>>, code: &'static Code) {
    stack.push(code, &Namespaces::NONE);
}

#[inline(never)]
pub fn datastack_pop(stack: &mut Stack<DataStack<Val>>) -> bool {
    stack.pop()
}

fn main() {
    let code: &'static Code = Box::leak(Box::new(code(3)));
    let mut a = CallStack::new(FreeList::new(200));
    freelist_push(black_box(&mut a), code);
    freelist_pop(black_box(&mut a));
    let mut b = CallStack::new(DataStack::new(16 * 1024));
    datastack_push(black_box(&mut b), code);
    datastack_pop(black_box(&mut b));
    println!("{}", a.stats().requests + b.stats().requests);
}
