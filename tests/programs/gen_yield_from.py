def inner(label, n):
    for i in range(n):
        yield f"{label}{i}"
    return f"{label} done ({n})"


def outer():
    r1 = yield from inner("a", 2)
    print("  outer got:", r1)
    r2 = yield from inner("b", 3)
    print("  outer got:", r2)
    yield from [10, 20]
    yield from range(3)
    yield from "xy"
    return "outer finished"


for item in outer():
    print(item)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), range(4, 6), "ab")))


def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))


def summing():
    total = 0
    count = 0
    while count < 3:
        total += yield total
        count += 1
    return total


def collector():
    result = yield from summing()
    yield "final " + str(result)


c = collector()
print(next(c))
print(c.send(5))
print(c.send(7))
print(c.send(9))

g = outer()
try:
    while True:
        next(g)
except StopIteration as e:
    print("outer returned:", e.value)
