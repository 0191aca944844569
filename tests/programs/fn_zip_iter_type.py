# zip(strict=True), iter(callable, sentinel), type(name, bases, dict).
print(list(zip([1, 2], "ab", strict=True)))
for args in [([1, 2], [1]), ([1], [1, 2]), ([1], [1], [1, 2]), ([1, 2], [1, 2], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
n = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(n), 0)), type(iter(int, 1)).__name__)
C = type("C", (), {"x": 1, "f": lambda self: self.x + 1})
D = type("D", (C,), {})
print(C.__name__, D().f(), D.__mro__[1] is C, isinstance(D(), C))
