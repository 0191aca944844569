//! One instruction, by opcode: the `match` both backends share. The switch
//! backend runs it in a loop; the threaded backend instantiates it once per
//! opcode (each handler a constant-folded copy) so every handler ends in its
//! own dispatch.

use super::exec::{self, Step};
use super::sp::op_of;
use super::{Regs, Vm};
use super::{exc, generator, import, patterns};
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
        Op::DeleteFast => {
            exec::delete_fast(r, arg)?;
            // A generator `del` dropped is closed at once.
            vm.bury_at_check_in();
            Ok(())
        }
        Op::LoadGlobal => exec::load_global(vm, r, arg),
        Op::StoreGlobal => exec::store_global(r, arg),
        Op::DeleteGlobal => {
            exec::delete_global(r, arg)?;
            // A generator `del` dropped is closed at once.
            vm.bury_at_check_in();
            Ok(())
        }
        Op::LoadName => exec::load_name(vm, r, arg),
        Op::StoreName => exec::store_name(vm, r, arg),
        Op::DeleteName => {
            exec::delete_name(vm, r, arg)?;
            // A generator `del` dropped is closed at once.
            vm.bury_at_check_in();
            Ok(())
        }
        Op::LoadDeref => exec::load_deref(r, arg),
        Op::StoreDeref => exec::store_deref(r, arg),
        Op::DeleteDeref => exec::delete_deref(r, arg),
        Op::LoadClosure => exec::load_closure(r, arg),
        Op::UnaryPositive => exec::unary(vm, r, '+'),
        Op::UnaryNegative => exec::unary(vm, r, '-'),
        Op::UnaryNot => exec::unary_not(vm, r),
        Op::UnaryInvert => exec::unary(vm, r, '~'),
        Op::BinaryAdd => exec::binary(vm, r, BinOp::Add),
        Op::BinarySubtract => exec::binary(vm, r, BinOp::Sub),
        Op::BinaryMultiply => exec::binary(vm, r, BinOp::Mul),
        Op::BinaryTrueDivide => exec::binary(vm, r, BinOp::TrueDiv),
        Op::BinaryFloorDivide => exec::binary(vm, r, BinOp::FloorDiv),
        Op::BinaryModulo => exec::binary(vm, r, BinOp::Mod),
        Op::BinaryPower => exec::binary(vm, r, BinOp::Pow),
        Op::BinaryLshift => exec::binary(vm, r, BinOp::Lshift),
        Op::BinaryRshift => exec::binary(vm, r, BinOp::Rshift),
        Op::BinaryAnd => exec::binary(vm, r, BinOp::And),
        Op::BinaryOr => exec::binary(vm, r, BinOp::Or),
        Op::BinaryXor => exec::binary(vm, r, BinOp::Xor),
        Op::BinaryMatrixMultiply => exec::binary(vm, r, BinOp::MatMul),
        // SAFETY of the index: the verifier checked INPLACE_OP's argument.
        Op::InplaceOp => exec::inplace(vm, r, BinOp::ALL[arg as usize]),
        Op::InplaceAdd => exec::inplace_add(vm, r),
        Op::BinarySubscr => exec::binary_subscr(vm, r),
        Op::StoreSubscr => exec::store_subscr(vm, r),
        Op::DeleteSubscr => exec::delete_subscr(vm, r),
        Op::CompareOp => exec::compare(vm, r, arg),
        Op::BuildTuple => exec::build(r, 't', arg),
        Op::BuildList => exec::build(r, 'l', arg),
        Op::BuildSlice => exec::build(r, 's', arg),
        Op::BuildString => exec::build(r, '"', arg),
        Op::ListAppend => exec::list_append(vm, r, arg, false),
        Op::ListExtend => exec::list_append(vm, r, arg, true),
        Op::ListToTuple => exec::list_to_tuple(r),
        Op::BuildMap => exec::build_map(vm, r, arg),
        Op::MapAdd => exec::map_add(vm, r, arg, false),
        Op::DictUpdate => exec::map_add(vm, r, arg, true),
        Op::DictMerge => exec::dict_merge(vm, r, arg),
        Op::UnpackSequence => exec::unpack_sequence(vm, r, arg),
        Op::FormatValue => exec::format_value(vm, r, arg),
        Op::GetIter => exec::get_iter(vm, r),
        Op::ForIter => exec::for_iter(vm, r, arg),
        Op::Jump => {
            exec::jump(r, arg);
            Ok(())
        }
        Op::PopJumpIfFalse => exec::pop_jump_if(vm, r, arg, false),
        Op::PopJumpIfTrue => exec::pop_jump_if(vm, r, arg, true),
        Op::JumpIfFalseOrPop => exec::jump_if_or_pop(vm, r, arg, false),
        Op::JumpIfTrueOrPop => exec::jump_if_or_pop(vm, r, arg, true),
        Op::LoadAttr => exec::load_attr(vm, r, arg),
        Op::LoadMethod => exec::load_method(vm, r, arg),
        Op::CallMethod => exec::call_method(vm, r, arg),
        Op::CallFunction => exec::call(vm, r, arg as usize, None),
        Op::CallFunctionKw => exec::call_kw(vm, r, arg),
        Op::CallFunctionEx => exec::call_ex(vm, r, arg),
        Op::MakeFunction => exec::make_function(r, arg),
        Op::ReturnValue => exec::return_value(vm, r),
        Op::RaiseVarargs => exc::raise(vm, r, arg),
        Op::LoadAssertionError => exc::load_assertion_error(r),
        Op::SetupFinally => exc::setup_finally(r, arg),
        Op::PopBlock => exc::pop_block(r),
        Op::PopExcept => exc::pop_except(vm, r),
        Op::Reraise => exc::reraise(r),
        Op::JumpIfNotExcMatch => exc::jump_if_not_exc_match(r, arg),
        Op::SetupWith => exc::setup_with(vm, r, arg),
        Op::WithExceptStart => exc::with_except_start(vm, r),
        Op::LoadBuildClass => exec::load_build_class(vm, r),
        Op::StoreAttr => exec::store_attr(vm, r, arg),
        Op::DeleteAttr => exec::delete_attr(vm, r, arg),
        Op::LoadClassDeref => exec::load_classderef(vm, r, arg),
        Op::UnpackEx => exec::unpack_ex(vm, r, arg),
        Op::YieldValue => generator::yield_value(vm, r),
        Op::YieldFrom => generator::yield_from(vm, r),
        Op::GetYieldFromIter => generator::get_yield_from_iter(vm, r),
        Op::BuildSet => exec::build_set(vm, r, arg),
        Op::SetAdd => exec::set_add(vm, r, arg, false),
        Op::SetUpdate => exec::set_add(vm, r, arg, true),
        Op::ImportName => import::import_name(vm, r, arg),
        Op::ImportFrom => import::import_from(vm, r, arg),
        Op::ImportStar => import::import_star(vm, r),
        Op::GetAwaitable => generator::get_awaitable(vm, r, arg),
        Op::GetAiter => generator::get_aiter(vm, r),
        Op::GetAnext => generator::get_anext(vm, r),
        Op::BeforeAsyncWith => generator::before_async_with(vm, r),
        Op::SetupAsyncWith => exc::setup_async_with(r, arg),
        Op::EndAsyncFor => exc::end_async_for(vm, r),
        Op::RotN => patterns::rot_n(r, arg),
        Op::GetLen => patterns::get_len(vm, r),
        Op::MatchMapping => patterns::match_kind(r, true),
        Op::MatchSequence => patterns::match_kind(r, false),
        Op::MatchKeys => patterns::match_keys(vm, r),
        Op::MatchClass => patterns::match_class(vm, r, arg),
        Op::DictWithoutKeys => patterns::dict_without_keys(vm, r),
        Op::PrintExpr => exec::print_expr(vm, r),
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
