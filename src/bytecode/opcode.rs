//! The instruction set: one table, from which the `Op` enum, the names the
//! disassembler prints, the stack effects the compiler and the verifier use,
//! and (through the same macro) the interpreter's handler tables are made.
//!
//! Instruction format: one 32-bit word.
//!
//! ```text
//!  31                              8 7        0
//! +---------------------------------+----------+
//! |            arg (24 bits)        |  opcode  |
//! +---------------------------------+----------+
//! ```
//!
//! An argument wider than 24 bits is preceded by `EXTENDED_ARG hi`, which
//! supplies its top 8 bits (as CPython's `EXTENDED_ARG`). Jump arguments are
//! absolute instruction indices.

/// Calls `$m!` with the whole table. Each row:
/// `Variant = code, "NAME", flags, fallthrough effect, jump effect ; "meaning"`.
/// Effects are closures of the instruction's argument (an `i64`); the jump
/// effect is `_` for instructions that do not jump.
#[macro_export]
#[doc(hidden)]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
        //  variant, code, name, argument kind, stack effect falling through, when jumping; meaning
            Nop                = 0,  "NOP",                  plain,  |_| 0,                                                  _        ; "do nothing";
            PopTop             = 1,  "POP_TOP",              plain,  |_| -1,                                                 _        ; "TOS := pop()";
            RotTwo             = 2,  "ROT_TWO",              plain,  |_| 0,                                                  _        ; "swap TOS and TOS1";
            RotThree           = 3,  "ROT_THREE",            plain,  |_| 0,                                                  _        ; "lift TOS to third place";
            DupTop             = 4,  "DUP_TOP",              plain,  |_| 1,                                                  _        ; "push TOS again";
            DupTopTwo          = 5,  "DUP_TOP_TWO",          plain,  |_| 2,                                                  _        ; "push TOS1, TOS again";
            LoadConst          = 6,  "LOAD_CONST",           konst,  |_| 1,                                                  _        ; "push co_consts[arg]";
            LoadFast           = 7,  "LOAD_FAST",            local,  |_| 1,                                                  _        ; "push local arg (UnboundLocalError if unbound)";
            StoreFast          = 8,  "STORE_FAST",           local,  |_| -1,                                                 _        ; "local arg := pop()";
            DeleteFast         = 9,  "DELETE_FAST",          local,  |_| 0,                                                  _        ; "unbind local arg";
            LoadGlobal         = 10, "LOAD_GLOBAL",          name,   |_| 1,                                                  _        ; "push globals[name] or builtins[name]";
            StoreGlobal        = 11, "STORE_GLOBAL",         name,   |_| -1,                                                 _        ; "globals[name] := pop()";
            DeleteGlobal       = 12, "DELETE_GLOBAL",        name,   |_| 0,                                                  _        ; "del globals[name]";
            LoadName           = 13, "LOAD_NAME",            name,   |_| 1,                                                  _        ; "push locals, globals or builtins [name]";
            StoreName          = 14, "STORE_NAME",           name,   |_| -1,                                                 _        ; "locals[name] := pop()";
            DeleteName         = 15, "DELETE_NAME",          name,   |_| 0,                                                  _        ; "del locals[name]";
            LoadDeref          = 16, "LOAD_DEREF",           deref,  |_| 1,                                                  _        ; "push the contents of cell arg";
            StoreDeref         = 17, "STORE_DEREF",          deref,  |_| -1,                                                 _        ; "cell arg := pop()";
            DeleteDeref        = 18, "DELETE_DEREF",         deref,  |_| 0,                                                  _        ; "empty cell arg";
            LoadClosure        = 19, "LOAD_CLOSURE",         deref,  |_| 1,                                                  _        ; "push cell arg itself (to build a closure)";
            UnaryPositive      = 20, "UNARY_POSITIVE",       plain,  |_| 0,                                                  _        ; "TOS := +TOS";
            UnaryNegative      = 21, "UNARY_NEGATIVE",       plain,  |_| 0,                                                  _        ; "TOS := -TOS";
            UnaryNot           = 22, "UNARY_NOT",            plain,  |_| 0,                                                  _        ; "TOS := not TOS";
            UnaryInvert        = 23, "UNARY_INVERT",         plain,  |_| 0,                                                  _        ; "TOS := ~TOS";
            BinaryAdd          = 24, "BINARY_ADD",           plain,  |_| -1,                                                 _        ; "TOS := TOS1 + TOS";
            BinarySubtract     = 25, "BINARY_SUBTRACT",      plain,  |_| -1,                                                 _        ; "TOS := TOS1 - TOS";
            BinaryMultiply     = 26, "BINARY_MULTIPLY",      plain,  |_| -1,                                                 _        ; "TOS := TOS1 * TOS";
            BinaryTrueDivide   = 27, "BINARY_TRUE_DIVIDE",   plain,  |_| -1,                                                 _        ; "TOS := TOS1 / TOS";
            BinaryFloorDivide  = 28, "BINARY_FLOOR_DIVIDE",  plain,  |_| -1,                                                 _        ; "TOS := TOS1 // TOS";
            BinaryModulo       = 29, "BINARY_MODULO",        plain,  |_| -1,                                                 _        ; "TOS := TOS1 % TOS";
            BinaryPower        = 30, "BINARY_POWER",         plain,  |_| -1,                                                 _        ; "TOS := TOS1 ** TOS";
            BinaryLshift       = 31, "BINARY_LSHIFT",        plain,  |_| -1,                                                 _        ; "TOS := TOS1 << TOS";
            BinaryRshift       = 32, "BINARY_RSHIFT",        plain,  |_| -1,                                                 _        ; "TOS := TOS1 >> TOS";
            BinaryAnd          = 33, "BINARY_AND",           plain,  |_| -1,                                                 _        ; "TOS := TOS1 & TOS";
            BinaryOr           = 34, "BINARY_OR",            plain,  |_| -1,                                                 _        ; "TOS := TOS1 | TOS";
            BinaryXor          = 35, "BINARY_XOR",           plain,  |_| -1,                                                 _        ; "TOS := TOS1 ^ TOS";
            InplaceOp          = 36, "INPLACE_OP",           binop,  |_| -1,                                                 _        ; "TOS := TOS1 op= TOS (arg: which operator)";
            InplaceAdd         = 37, "INPLACE_ADD",          plain,  |_| -1,                                                 _        ; "TOS := TOS1 += TOS (lists extend in place)";
            BinarySubscr       = 38, "BINARY_SUBSCR",        plain,  |_| -1,                                                 _        ; "TOS := TOS1[TOS]";
            StoreSubscr        = 39, "STORE_SUBSCR",         plain,  |_| -3,                                                 _        ; "TOS1[TOS] := TOS2";
            DeleteSubscr       = 40, "DELETE_SUBSCR",        plain,  |_| -2,                                                 _        ; "del TOS1[TOS]";
            CompareOp          = 41, "COMPARE_OP",           cmp,    |_| -1,                                                 _        ; "TOS := TOS1 <cmp arg> TOS";
            BuildTuple         = 42, "BUILD_TUPLE",          count,  |arg| 1 - arg,                                          _        ; "pop arg items, push a tuple of them";
            BuildList          = 43, "BUILD_LIST",           count,  |arg| 1 - arg,                                          _        ; "pop arg items, push a list of them";
            BuildMap           = 44, "BUILD_MAP",            count,  |arg| 1 - 2 * arg,                                      _        ; "pop arg key/value pairs, push a dict";
            BuildSlice         = 45, "BUILD_SLICE",          count,  |arg| 1 - arg,                                          _        ; "pop 2 or 3 bounds, push a slice";
            BuildString        = 46, "BUILD_STRING",         count,  |arg| 1 - arg,                                          _        ; "pop arg strings, push their concatenation";
            ListAppend         = 47, "LIST_APPEND",          count,  |_| -1,                                                 _        ; "STACK[-arg-1].append(pop())";
            MapAdd             = 48, "MAP_ADD",              count,  |_| -2,                                                 _        ; "STACK[-arg-2][TOS1] = TOS; pop both";
            ListExtend         = 49, "LIST_EXTEND",          count,  |_| -1,                                                 _        ; "STACK[-arg-1].extend(pop())";
            DictUpdate         = 50, "DICT_UPDATE",          count,  |_| -1,                                                 _        ; "STACK[-arg-1].update(pop())";
            ListToTuple        = 51, "LIST_TO_TUPLE",        plain,  |_| 0,                                                  _        ; "TOS := tuple(TOS)";
            UnpackSequence     = 52, "UNPACK_SEQUENCE",      count,  |arg| arg - 1,                                          _        ; "pop an iterable of arg items, push them last first";
            FormatValue        = 53, "FORMAT_VALUE",         format, |arg| -((arg & 4) >> 2),                                _        ; "TOS := format(conv(TOS1?), spec?) for f-strings";
            GetIter            = 54, "GET_ITER",             plain,  |_| 0,                                                  _        ; "TOS := iter(TOS)";
            ForIter            = 55, "FOR_ITER",             jump,   |_| 1,                                                  (|_| -1) ; "push next(TOS), or pop TOS and jump";
            Jump               = 56, "JUMP",                 jump,   |_| 0,                                                  (|_| 0)  ; "jump to arg";
            PopJumpIfFalse     = 57, "POP_JUMP_IF_FALSE",    jump,   |_| -1,                                                 (|_| -1) ; "pop; jump if false";
            PopJumpIfTrue      = 58, "POP_JUMP_IF_TRUE",     jump,   |_| -1,                                                 (|_| -1) ; "pop; jump if true";
            JumpIfFalseOrPop   = 59, "JUMP_IF_FALSE_OR_POP", jump,   |_| -1,                                                 (|_| 0)  ; "jump keeping TOS if false, else pop";
            JumpIfTrueOrPop    = 60, "JUMP_IF_TRUE_OR_POP",  jump,   |_| -1,                                                 (|_| 0)  ; "jump keeping TOS if true, else pop";
            LoadAttr           = 61, "LOAD_ATTR",            name,   |_| 0,                                                  _        ; "TOS := getattr(TOS, name)";
            LoadMethod         = 62, "LOAD_METHOD",          name,   |_| 1,                                                  _        ; "replace TOS by (method, self) for CALL_METHOD";
            CallMethod         = 63, "CALL_METHOD",          count,  |arg| -arg - 1,                                         _        ; "call the method below arg arguments";
            CallFunction       = 64, "CALL_FUNCTION",        count,  |arg| -arg,                                             _        ; "call the callable below arg positional arguments";
            CallFunctionKw     = 65, "CALL_FUNCTION_KW",     count,  |arg| -arg - 1,                                         _        ; "as CALL_FUNCTION; TOS is a tuple naming the last keyword arguments";
            CallFunctionEx     = 66, "CALL_FUNCTION_EX",     count,  |arg| -1 - (arg & 1),                                   _        ; "call with a tuple of arguments (and a dict if arg & 1)";
            MakeFunction       = 67, "MAKE_FUNCTION",        mkfn,   |arg| -(arg & 1) - ((arg >> 1) & 1) - ((arg >> 2) & 1) - ((arg >> 3) & 1), _ ; "make a function from the code object on TOS";
            ReturnValue        = 68, "RETURN_VALUE",         plain,  |_| -1,                                                 _        ; "return TOS to the caller";
            RaiseVarargs       = 69, "RAISE_VARARGS",        count,  |arg| -arg,                                             _        ; "raise: 0 re-raises, 1 raises TOS, 2 raises TOS1 from TOS";
            LoadAssertionError = 70, "LOAD_ASSERTION_ERROR", plain,  |_| 1,                                                  _        ; "push AssertionError";
            ExtendedArg        = 71, "EXTENDED_ARG",         plain,  |_| 0,                                                  _        ; "top 8 bits of the next instruction's argument";
            SetupFinally       = 72, "SETUP_FINALLY",        jump,   |_| 0,                                                  (|_| 2)  ; "push a try block; an exception in it jumps to arg with the previous and the new exception pushed";
            PopBlock           = 73, "POP_BLOCK",            plain,  |_| 0,                                                  _        ; "pop the innermost try block";
            PopExcept          = 74, "POP_EXCEPT",           plain,  |_| -1,                                                 _        ; "leave an except handler: pop its block, restore the exception being handled from TOS";
            Reraise            = 75, "RERAISE",              plain,  |_| -1,                                                 _        ; "raise TOS again, keeping its traceback";
            JumpIfNotExcMatch  = 76, "JUMP_IF_NOT_EXC_MATCH", jump,  |_| -2,                                                 (|_| -2) ; "pop TOS (a class or tuple) and TOS1 (an exception); jump if it does not match";
            SetupWith          = 77, "SETUP_WITH",           jump,   |_| 1,                                                  (|_| 2)  ; "TOS := mgr.__exit__, push mgr.__enter__(); push a try block to arg";
            WithExceptStart    = 78, "WITH_EXCEPT_START",    plain,  |_| 1,                                                  _        ; "push STACK[-3](type(TOS), TOS, None): __exit__ with the exception";
            LoadBuildClass     = 79, "LOAD_BUILD_CLASS",     plain,  |_| 1,                                                  _        ; "push __build_class__";
            StoreAttr          = 80, "STORE_ATTR",           name,   |_| -2,                                                 _        ; "TOS.name := TOS1; pop both";
            DeleteAttr         = 81, "DELETE_ATTR",          name,   |_| -1,                                                 _        ; "del TOS.name";
            YieldValue         = 82, "YIELD_VALUE",          count,  |_| 0,                                                  _        ; "suspend the generator, giving TOS; resume with the value sent in its place (arg 1: an async generator's value)";
            YieldFrom          = 83, "YIELD_FROM",           plain,  |_| -1,                                                 _        ; "send TOS to the iterator TOS1; yield what it yields, push what it returns";
            GetYieldFromIter   = 84, "GET_YIELD_FROM_ITER",  plain,  |_| 0,                                                  _        ; "TOS := iter(TOS) unless it is a generator";
            LoadClassDeref     = 85, "LOAD_CLASSDEREF",      deref,  |_| 1,                                                  _        ; "push locals[name of cell arg] or the cell's contents (class bodies)";
            UnpackEx           = 86, "UNPACK_EX",            count,  |arg| (arg & 0xff) + (arg >> 8),                        _        ; "unpack TOS into (arg & 0xff) values, a list of the rest, (arg >> 8) values";
            BuildSet           = 87, "BUILD_SET",            count,  |arg| 1 - arg,                                          _        ; "pop arg items, push a set of them";
            SetAdd             = 88, "SET_ADD",              count,  |_| -1,                                                 _        ; "STACK[-arg-1].add(pop())";
            SetUpdate          = 89, "SET_UPDATE",           count,  |_| -1,                                                 _        ; "STACK[-arg-1].update(pop())";
            BinaryMatrixMultiply = 90, "BINARY_MATRIX_MULTIPLY", plain, |_| -1,                                               _        ; "TOS := TOS1 @ TOS (`x @= y` is INPLACE_OP with `@`)";
            DictMerge          = 91, "DICT_MERGE",           count,  |_| -1,                                                 _        ; "STACK[-arg-1].update(pop()) for a call's keywords: str keys, no repeats (the callable is STACK[-arg-3])";
            ImportName         = 92, "IMPORT_NAME",          name,   |_| -1,                                                 _        ; "TOS := __import__(name, fromlist=pop(), level=TOS1)";
            ImportFrom         = 93, "IMPORT_FROM",          name,   |_| 1,                                                  _        ; "push TOS.name, or the submodule TOS.name (ImportError if neither)";
            ImportStar         = 94, "IMPORT_STAR",          plain,  |_| -1,                                                 _        ; "bind the public names of the module pop() in locals";
            GetAwaitable       = 95, "GET_AWAITABLE",        count,  |_| 0,                                                  _        ; "TOS := the iterator `await TOS` delegates to (arg: 0 await, 1 __aenter__'s, 2 __aexit__'s result)";
            GetAiter           = 96, "GET_AITER",            plain,  |_| 0,                                                  _        ; "TOS := TOS.__aiter__()";
            GetAnext           = 97, "GET_ANEXT",            plain,  |_| 1,                                                  _        ; "push the awaitable iterator of TOS.__anext__()";
            BeforeAsyncWith    = 98, "BEFORE_ASYNC_WITH",    plain,  |_| 1,                                                  _        ; "TOS := mgr.__aexit__, push mgr.__aenter__() (to be awaited)";
            SetupAsyncWith     = 99, "SETUP_ASYNC_WITH",     jump,   |_| 0,                                                  (|_| 1)  ; "push a try block to arg whose level is below TOS (the awaited __aenter__ result)";
            EndAsyncFor        = 100, "END_ASYNC_FOR",       plain,  |_| -3,                                                 _        ; "[aiter, previous, exc]: end the loop on StopAsyncIteration (pop all three), else re-raise";
            RotN               = 101, "ROT_N",                count,  |_| 0,                                                  _        ; "move TOS down to STACK[-arg], lifting the arg-1 values above that place";
            GetLen             = 102, "GET_LEN",              plain,  |_| 1,                                                  _        ; "push len(TOS), keeping TOS (match statements)";
            MatchMapping       = 103, "MATCH_MAPPING",        plain,  |_| 1,                                                  _        ; "push whether TOS is a mapping (dict or a subclass), keeping TOS";
            MatchSequence      = 104, "MATCH_SEQUENCE",       plain,  |_| 1,                                                  _        ; "push whether TOS is a sequence (not str, bytes or bytearray), keeping TOS";
            MatchKeys          = 105, "MATCH_KEYS",           plain,  |_| 1,                                                  _        ; "push a tuple of TOS1.get(k) for each key k of the tuple TOS, or None if one is missing";
            MatchClass         = 106, "MATCH_CLASS",         count,  |_| -2,                                                 _        ; "pop the keyword names TOS, the class TOS1, the subject TOS2; push a tuple of arg positional then the keyword attributes, or None";
            DictWithoutKeys    = 107, "DICT_WITHOUT_KEYS",   plain,  |_| -1,                                                 _        ; "pop the keys TOS and the mapping TOS1; push a dict of TOS1's items but those keys (`**rest`)";
            PrintExpr          = 108, "PRINT_EXPR",          plain,  |_| -1,                                                 _        ; "pop TOS; unless None, print its repr and bind it to builtins._ (an expression statement compiled in mode 'single')";
        }
    };
}

macro_rules! define_ops {
    ($( $variant:ident = $code:literal, $name:literal, $kind:ident, $fall:expr, $jump:tt ; $doc:literal; )*) => {
        /// An opcode. See the table in [`for_each_opcode!`](crate::for_each_opcode).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $( #[doc = $doc] $variant = $code, )*
        }

        /// Number of opcodes; codes are `0..OP_COUNT`.
        pub const OP_COUNT: usize = [$($code),*].len();

        impl Op {
            /// Every opcode, in code order.
            pub const ALL: [Op; OP_COUNT] = [$(Op::$variant),*];

            /// The opcode with this code, if any.
            #[inline(always)]
            pub fn from_u8(code: u8) -> Option<Op> {
                Op::ALL.get(code as usize).copied()
            }

            /// CPython-style name, as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self { $(Op::$variant => $name,)* }
            }

            /// One line of meaning.
            pub fn meaning(self) -> &'static str {
                match self { $(Op::$variant => $doc,)* }
            }

            /// What the argument is: how the disassembler resolves it and
            /// what the verifier checks it against.
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Op::$variant => ArgKind::$kind,)* }
            }

            /// Stack effect when execution falls through to the next instruction.
            pub fn stack_effect(self, arg: u32) -> i64 {
                let arg = arg as i64;
                match self { $(Op::$variant => { let f: fn(i64) -> i64 = $fall; f(arg) },)* }
            }

            /// Stack effect when the instruction jumps, for jumping instructions.
            pub fn jump_effect(self, arg: u32) -> Option<i64> {
                let arg = arg as i64;
                match self { $(Op::$variant => define_ops!(@jump $jump, arg),)* }
            }
        }

        // Codes are dense and in order, so `from_u8` is an index.
        const _: () = {
            let codes = [$($code),*];
            let mut i = 0;
            while i < codes.len() {
                assert!(codes[i] == i);
                i += 1;
            }
        };
    };
    (@jump _, $arg:ident) => { None };
    (@jump ($e:expr), $arg:ident) => {{ let f: fn(i64) -> i64 = $e; Some(f($arg)) }};
}

for_each_opcode!(define_ops);

/// What an instruction's argument means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum ArgKind {
    /// Unused (must be 0 — not checked: CPython ignores it too).
    plain,
    /// Index into `co_consts`.
    konst,
    /// Index into `co_varnames` (a local slot).
    local,
    /// Index into `co_names`.
    name,
    /// Index into cells then frees.
    deref,
    /// A comparison ([`CmpOp`]).
    cmp,
    /// An in-place operator ([`BinOp`]).
    binop,
    /// A count of stack items.
    count,
    /// An absolute jump target.
    jump,
    /// FORMAT_VALUE flags.
    format,
    /// MAKE_FUNCTION flags.
    mkfn,
}

/// COMPARE_OP arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `is`
    Is,
    /// `is not`
    IsNot,
}

impl CmpOp {
    /// All comparisons, by argument value.
    pub const ALL: [CmpOp; 10] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
        CmpOp::In,
        CmpOp::NotIn,
        CmpOp::Is,
        CmpOp::IsNot,
    ];
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        [
            "<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not",
        ][self as usize]
    }
}

/// Binary operators (INPLACE_OP's argument, and the runtime's dispatch).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    Lshift,
    /// `>>`
    Rshift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `@` (no builtin type has it: `__matmul__` of instances)
    MatMul,
}

impl BinOp {
    /// All operators, by argument value.
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::Lshift,
        BinOp::Rshift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        [
            "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
        ][self as usize]
    }
}

/// One instruction word.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct Word(pub u32);

/// Largest argument a single word holds.
pub const MAX_ARG: u32 = (1 << 24) - 1;

impl Word {
    /// An instruction; `arg` must fit in 24 bits.
    pub fn new(op: Op, arg: u32) -> Word {
        debug_assert!(arg <= MAX_ARG);
        Word((arg << 8) | op as u32)
    }
    /// The opcode byte (not necessarily a valid opcode: see the verifier).
    #[inline(always)]
    pub fn code(self) -> u8 {
        self.0 as u8
    }
    /// The 24-bit argument.
    #[inline(always)]
    pub fn arg(self) -> u32 {
        self.0 >> 8
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match Op::from_u8(self.code()) {
            Some(op) => write!(f, "{} {}", op.name(), self.arg()),
            None => write!(f, "<{}> {}", self.code(), self.arg()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_names_are_unique() {
        let mut names = std::collections::HashSet::new();
        for op in Op::ALL {
            assert_eq!(Op::from_u8(op as u8), Some(op));
            assert!(names.insert(op.name()), "duplicate {}", op.name());
            let w = Word::new(op, 0x12_3456);
            assert_eq!((w.code(), w.arg()), (op as u8, 0x12_3456));
        }
        assert_eq!(Op::from_u8(OP_COUNT as u8), None);
    }

    #[test]
    fn stack_effects_follow_cpython() {
        assert_eq!(Op::BuildList.stack_effect(3), -2);
        assert_eq!(Op::BuildMap.stack_effect(2), -3);
        assert_eq!(Op::BuildSet.stack_effect(3), -2);
        assert_eq!(Op::SetAdd.stack_effect(2), -1);
        assert_eq!(Op::SetUpdate.stack_effect(1), -1);
        assert_eq!(Op::UnpackSequence.stack_effect(3), 2);
        assert_eq!(Op::CallFunction.stack_effect(2), -2);
        assert_eq!(Op::CallFunctionKw.stack_effect(2), -3);
        assert_eq!(
            (Op::ForIter.stack_effect(0), Op::ForIter.jump_effect(0)),
            (1, Some(-1))
        );
        assert_eq!(Op::JumpIfTrueOrPop.jump_effect(0), Some(0));
        assert_eq!(Op::LoadFast.jump_effect(0), None);
        // MAKE_FUNCTION pops the code, defaults (1), kwdefaults (2) and
        // closure (8), and pushes the function.
        assert_eq!(Op::MakeFunction.stack_effect(0), 0);
        assert_eq!(Op::MakeFunction.stack_effect(1 | 8), -2);
        assert_eq!(Op::FormatValue.stack_effect(4), -1);
    }
}
