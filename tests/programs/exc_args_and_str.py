samples = [
    ValueError(),
    ValueError("one"),
    ValueError("one", "two"),
    ValueError(42),
    KeyError("name"),
    KeyError(3),
    KeyError("a", "b"),
    IndexError("list index out of range"),
    TypeError(None),
    RuntimeError(""),
    Exception([1, 2]),
    ArithmeticError("x", 1, 2.5),
]

for e in samples:
    print(f"{type(e).__name__:<16} args={e.args!r:<32} str={str(e)!r:<24} repr={e!r}")

print([e for e in [ZeroDivisionError("a"), OverflowError("b")]])
print({"err": KeyError("k")})
print(str(KeyError("k")) == "'k'", str(ValueError("k")) == "k")

e = ValueError("mutable", 1)
e.args = ("replaced",)
print(e, e.args, repr(e))


def caught_args(thunk):
    try:
        thunk()
    except Exception as exc:
        return type(exc).__name__, exc.args


print(caught_args(lambda: {"x": 1}["y"]))
print(caught_args(lambda: int("12a")))
print(caught_args(lambda: [0][1]))
print(caught_args(lambda: 10 / 0))

e1 = Exception("same")
e2 = Exception("same")
print(e1 == e2, e1 == e1, e1.args == e2.args)
print(isinstance(e1, BaseException), type(e1) is Exception)
