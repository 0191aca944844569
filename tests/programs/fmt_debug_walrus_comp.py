# f-string '=' and := inside comprehensions (binding in the enclosing scope, PEP 572).
x = 1; name = "ab"
print(f"{x=}", f"{x = }", f"{name=!s}", f"{x=:>5}", f"{name=!r:>8}", f"{x+1=}")
def f(data):
    if any((hit := v) > 2 for v in data):
        print("hit", hit)
    total = [(y := y + v) for v in data] if (y := 0) == 0 else None
    print(total, y)
    [[(z := a * b) for a in range(2)] for b in range(3)]
    print(z)
f([1, 2, 3, 4])
print([(w := i) for i in range(3)], w)
def g():
    last = None
    def inner():
        return [last := i for i in "xyz"]
    return inner(), last
print(g())
