//! One instruction, by opcode: the `match` both backends share. The switch
//! backend runs it in a loop; the threaded backend instantiates it once per
//! opcode (each handler a constant-folded copy) so every handler ends in its
//! own dispatch.

use super::exec::{self, Step};
use super::sp::op_of;
use super::{Regs, Vm};
use crate::bytecode::{BinOp, Op};

/// Executes one decoded instruction.
#[inline(always)]
pub(crate) fn step(vm: &mut Vm, r: &mut Regs, op: Op, arg: u32) -> Step {
    match op {
        Op::Nop => Ok(()),
        Op::PopTop => exec::pop_top(r),
        Op::RotTwo => exec::rot_two(r),
        Op::RotThree => exec::rot_three(r),
        Op::DupTop => exec::dup_top(r),
        Op::DupTopTwo => exec::dup_top_two(r),
        Op::LoadConst => exec::load_const(r, arg),
        Op::LoadFast => exec::load_fast(r, arg),
        Op::StoreFast => exec::store_fast(r, arg),
        Op::DeleteFast => exec::delete_fast(r, arg),
        // Module level: its locals are its globals.
        Op::LoadGlobal | Op::LoadName => exec::load_global(vm, r, arg),
        Op::StoreGlobal | Op::StoreName => exec::store_global(vm, r, arg),
        Op::DeleteGlobal | Op::DeleteName => exec::delete_global(vm, r, arg),
        Op::LoadDeref => exec::load_deref(r, arg),
        Op::StoreDeref => exec::store_deref(r, arg),
        Op::DeleteDeref => exec::delete_deref(r, arg),
        Op::LoadClosure => exec::load_closure(r, arg),
        Op::UnaryPositive => exec::unary(r, '+'),
        Op::UnaryNegative => exec::unary(r, '-'),
        Op::UnaryNot => exec::unary_not(r),
        Op::UnaryInvert => exec::unary(r, '~'),
        Op::BinaryAdd => exec::binary(r, BinOp::Add),
        Op::BinarySubtract => exec::binary(r, BinOp::Sub),
        Op::BinaryMultiply => exec::binary(r, BinOp::Mul),
        Op::BinaryTrueDivide => exec::binary(r, BinOp::TrueDiv),
        Op::BinaryFloorDivide => exec::binary(r, BinOp::FloorDiv),
        Op::BinaryModulo => exec::binary(r, BinOp::Mod),
        Op::BinaryPower => exec::binary(r, BinOp::Pow),
        Op::BinaryLshift => exec::binary(r, BinOp::Lshift),
        Op::BinaryRshift => exec::binary(r, BinOp::Rshift),
        Op::BinaryAnd => exec::binary(r, BinOp::And),
        Op::BinaryOr => exec::binary(r, BinOp::Or),
        Op::BinaryXor => exec::binary(r, BinOp::Xor),
        // SAFETY of the index: the verifier checked INPLACE_OP's argument.
        Op::InplaceOp => exec::binary(r, BinOp::ALL[arg as usize]),
        Op::InplaceAdd => exec::inplace_add(r),
        Op::BinarySubscr => exec::binary_subscr(r),
        Op::StoreSubscr => exec::store_subscr(r),
        Op::DeleteSubscr => exec::delete_subscr(r),
        Op::CompareOp => exec::compare(r, arg),
        Op::BuildTuple => exec::build(r, 't', arg),
        Op::BuildList => exec::build(r, 'l', arg),
        Op::BuildSlice => exec::build(r, 's', arg),
        Op::BuildString => exec::build(r, '"', arg),
        Op::ListAppend => exec::list_append(r, arg, false),
        Op::ListExtend => exec::list_append(r, arg, true),
        Op::ListToTuple => exec::list_to_tuple(r),
        Op::BuildMap => exec::build_map(r, arg),
        Op::MapAdd => exec::map_add(r, arg, false),
        Op::DictUpdate => exec::map_add(r, arg, true),
        Op::UnpackSequence => exec::unpack_sequence(r, arg),
        Op::FormatValue => exec::format_value(r, arg),
        Op::GetIter => exec::get_iter(r),
        Op::ForIter => exec::for_iter(r, arg),
        Op::Jump => {
            exec::jump(r, arg);
            Ok(())
        }
        Op::PopJumpIfFalse => exec::pop_jump_if(r, arg, false),
        Op::PopJumpIfTrue => exec::pop_jump_if(r, arg, true),
        Op::JumpIfFalseOrPop => exec::jump_if_or_pop(r, arg, false),
        Op::JumpIfTrueOrPop => exec::jump_if_or_pop(r, arg, true),
        Op::LoadAttr => exec::load_attr(r, arg),
        Op::LoadMethod => exec::load_method(r, arg),
        Op::CallMethod => exec::call_method(vm, r, arg),
        Op::CallFunction => exec::call(vm, r, arg as usize, None),
        Op::CallFunctionKw => exec::call_kw(vm, r, arg),
        Op::CallFunctionEx => exec::call_ex(vm, r, arg),
        Op::MakeFunction => exec::make_function(vm, r, arg),
        Op::ReturnValue => exec::return_value(vm, r),
        Op::RaiseVarargs => exec::raise(r),
        Op::LoadAssertionError => exec::load_assertion_error(r),
        Op::ExtendedArg => extended(vm, r, arg),
    }
}

/// EXTENDED_ARG: runs the next instruction with the wide argument. Out of
/// line: it is rare, and the verifier forbids two in a row.
#[inline(never)]
fn extended(vm: &mut Vm, r: &mut Regs, hi: u32) -> Step {
    // SAFETY: the verifier checked that a real instruction follows.
    let w = unsafe { r.ip.fetch() };
    // SAFETY: verified code.
    let op = unsafe { op_of(w) };
    step(vm, r, op, (hi << 24) | w.arg())
}
