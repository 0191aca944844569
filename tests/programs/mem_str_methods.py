# str methods and formatting that would build strings larger than memory
# raise MemoryError (or OverflowError, as CPython), and smaller ones work.


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, "->", type(e).__name__, str(e))


big = 10**12
attempt("center", lambda: "a".center(big))
attempt("ljust", lambda: "a".ljust(big, "*"))
attempt("rjust", lambda: "a".rjust(big))
attempt("zfill", lambda: "-1".zfill(big))
attempt("center 2**63", lambda: "a".center(2**63))
attempt("ljust 2**64", lambda: "a".ljust(2**64))
attempt("replace", lambda: ("a" * 10**6).replace("a", "b" * 10**6))
attempt("replace count", lambda: ("a" * 10**6).replace("a", "b" * 10**6, 10))
attempt("join", lambda: ("x" * 10**6).join(["a"] * 10**6))
attempt("f-string width", lambda: f"{1:{big}}")
attempt("f-string width str", lambda: f"{'a':>{big}}")
attempt("f-string width 2**63", lambda: f"{1:{2**63}}")
attempt("format width", lambda: format(1, "1000000000000"))
attempt("format str width", lambda: format("a", "1000000000000"))
attempt("str.format width", lambda: "{:>{w}}".format("a", w=big))
attempt("percent width", lambda: "%10000000000000d" % 1)
attempt("percent width s", lambda: "%10000000000000s" % "a")

# The ordinary cases.
print(repr("ab".center(7, "*")), repr("ab".ljust(5)), repr("ab".rjust(5, "é")))
print(repr("-42".zfill(6)), repr("+7".zfill(4)), repr("x".zfill(0)), repr("abc".center(2)))
print(repr("aXbXc".replace("X", "--")), repr("aaa".replace("a", "bb", 2)), repr("ab".replace("", "-")))
print(repr(", ".join(["a", "b", "c"])), repr("".join([])), repr("-".join("xyz")))
print(repr(f"{3:5}"), repr(f"{'é':*^5}"), repr("%5s|%-4d|" % ("a", 7)), repr(format(2.5, "8.3f")))
