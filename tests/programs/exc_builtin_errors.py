def attempt(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(f"{label:<12} {type(e).__name__}: {e}")
    else:
        print(f"{label:<12} ok -> {result!r}")


data = {"a": 1, "b": 2}
nums = [10, 20, 30]

attempt("div zero", lambda: 1 / 0)
attempt("floordiv", lambda: 7 // 0)
attempt("mod zero", lambda: 7 % 0)
attempt("list index", lambda: nums[5])
attempt("neg index", lambda: nums[-2])
attempt("str index", lambda: "abc"[10])
attempt("dict key", lambda: data["zz"])
attempt("int parse", lambda: int("x"))
attempt("float parse", lambda: float("1.5.2"))
attempt("int ok", lambda: int(" 42 "))
attempt("add types", lambda: 1 + "1")
attempt("undefined", lambda: undefined_thing + 1)
attempt("attr", lambda: (5).nonexistent)
attempt("list remove", lambda: nums.remove(99))
attempt("list index()", lambda: nums.index(99))
attempt("pop empty", lambda: [].pop())
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
five = 5
attempt("call int", lambda: five())
attempt("tuple item", lambda: (1, 2)[2])
attempt("dict get", lambda: data.get("zz", "default"))


def unbound():
    if False:
        v = 1
    return v


attempt("unbound", unbound)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("recursion:", type(e).__name__, isinstance(e, RuntimeError))
