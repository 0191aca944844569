cases = [
    ZeroDivisionError("zero"),
    OverflowError("too big"),
    IndexError("idx"),
    KeyError("k"),
    ValueError("val"),
    TypeError("typ"),
    UnboundLocalError("unb"),
    NameError("nm"),
    AttributeError("attr"),
    RecursionError("rec"),
    NotImplementedError("nie"),
    RuntimeError("rt"),
    StopIteration("stop"),
    AssertionError("as"),
]

bases = [ArithmeticError, LookupError, NameError, RuntimeError, Exception, BaseException]


def classify(exc):
    try:
        raise exc
    except ArithmeticError:
        return "ArithmeticError"
    except LookupError:
        return "LookupError"
    except NameError:
        return "NameError"
    except RuntimeError:
        return "RuntimeError"
    except Exception:
        return "Exception"


for exc in cases:
    name = type(exc).__name__
    matching = [b.__name__ for b in bases if isinstance(exc, b)]
    print(f"{name:<20} caught as {classify(exc):<16} bases: {', '.join(matching)}")

print(issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(KeyError, LookupError), issubclass(KeyError, IndexError))
print(issubclass(UnboundLocalError, NameError))
print(issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError))
print(issubclass(Exception, BaseException), issubclass(BaseException, Exception))
print(issubclass(StopIteration, Exception))

for thunk in [lambda: {}["x"], lambda: [][0], lambda: 1 % 0]:
    try:
        thunk()
    except LookupError as e:
        print("lookup:", type(e).__name__, repr(e))
    except ArithmeticError as e:
        print("arith:", type(e).__name__, repr(e))

try:
    raise OverflowError("range")
except (KeyError, ArithmeticError) as e:
    print("tuple caught", type(e).__name__, e.args)
