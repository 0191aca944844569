def countdown(n):
    print("  countdown starts at", n)
    while n > 0:
        yield n
        n -= 1
    print("  countdown finished")


for x in countdown(3):
    print("got", x)

g = countdown(2)
print("created, nothing ran yet")
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print(next(g, "still exhausted"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


first = []
for v in fib():
    if v > 100:
        break
    first.append(v)
print(first)


def evens_and_odds(xs):
    for x in xs:
        if x % 2 == 0:
            yield "even", x
        else:
            yield "odd", x


for kind, x in evens_and_odds([3, 8, 5, 6]):
    print(kind, x)

print(list(countdown(4)))
print(sum(countdown(10)))
print(max(evens_and_odds([1, 2, 3])))
print(sorted(countdown(5), key=lambda v: (v % 3, v)))
a, b, c = countdown(3)
print(a, b, c)
print(type(g).__name__)
