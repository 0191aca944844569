x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5 > 4, 1 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5 < 4)
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1 // 0, None or 0, [] and "x", "a" and "b" or "c")


def check(v):
    print("  check", repr(v))
    return v


print(check(1) and check(0) and check(2))
print(check(0) or check("") or check("last"))
print(1 < check(2) < 3)
print(5 < check(2) < check(3))
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
sign = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in [-3, 0, 8]])
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, None is None, x is not None)
print("ell" in "hello", 3 in [1, 2, 3], "k" in {"k": 1}, 1 in {"k": 1}, 5 not in range(5), (1, 2) in [(1, 2)])
print([bool(v) for v in [0, 0.0, "", [], (), {}, None, "0", [0], -1, 0.1, range(0), range(1)]])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2,) > (1, 99), [] < [0], (1, "b") < (1, "c"), [[1]] == [[1]])
print("apple" < "banana", "Zebra" < "apple", "abc" <= "abc", "B" >= "a")
print(1 == 1.0, True == 1, False == 0, 2 > 1.5, -0.0 == 0, 1 != 1.0, "1" == 1)
print(not 0, not [1], not not "x", not None, (not 1) == False)
print(max((1, "b"), (1, "a")), min([3, 1], [2, 9]), sorted([(2, "x"), (1, "z"), (2, "a")]))
limit = 10
for v in [-5, 0, 7, 10, 15]:
    status = "low" if v < 0 else ("ok" if 0 <= v < limit else "high")
    print(v, status, v and "truthy" or "falsy", v > 0 and v % 2 == 1)
name = ""
display = name or "anonymous"
print(display, len(name or "x"), (name and name.upper()) or "-")
values = [3, None, 0, "", "x"]
print([v for v in values if v is not None], [v for v in values if v], [v or 99 for v in values])
