values = [None, True, False, 0, -17, 3.0, -0.0, 1e100, 2 ** 70, "plain", "it's", 'say "hi"',
          "both ' and \"", "tab\there", "back\\slash", "é", (), (1,), (1, 2),
          [], [[]], {}, {"a": [1, (2, 3)]}, {1: None, "x": {"y": []}}, range(5),
          range(1, 10, 2), slice(2, 8), slice(None, None, -1), [1.5, "x", None, (True,)]]
for v in values:
    print(repr(v), "|", str(v))
print("multi\nline")
print(repr("bell\x07"), repr("nul\x00"), repr("\r\n"), len("\x07\x00"))
print(repr("multi\nline"), str("x"), repr(repr("x")))
print(1, 2, 3, sep=", ")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print("a", "b", sep="")
print("x", end="")
print()
print(*[1, 2, 3], sep=" | ")
print("sep and end", 42, sep="::", end=" [done]\n")
print([repr(x) for x in ["a", 1, 2.0]])
print(str(12), str(-3.5), str([1, "1"]), str(("a",)), str({"a": "b"}))
print(len(repr("abc")), len(str(None)), repr(0.1), repr(100.0), repr(1e16), repr(-1e-7))
nested = {"list": [1, [2, [3, [4]]]], "tuple": (1, (2, (3,))), "empty": ((), [], {})}
print(nested)
