def parse_numbers(tokens):
    for t in tokens:
        yield int(t)


def doubled(source):
    for x in source:
        yield x * 2


def consume(tokens):
    out = []
    try:
        for v in doubled(parse_numbers(tokens)):
            out.append(v)
    except ValueError as e:
        print("consumer caught:", e, "after", out)
        return None
    return out


print(consume(["1", "2", "3"]))
print(consume(["4", "five", "6"]))


def safe_div(xs):
    for x in xs:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "inf"


print(list(safe_div([1, 0, 5])))


def failing_after(n):
    for i in range(n):
        yield i
    raise RuntimeError("source broke after " + str(n))


g = failing_after(2)
print(next(g), next(g))
try:
    next(g)
except RuntimeError as e:
    print("caught:", e)
print("generator is done:", next(g, "done"))


def with_cleanup(xs):
    try:
        for x in xs:
            yield x
    finally:
        print("  cleanup ran")


try:
    for v in with_cleanup(failing_after(3)):
        print("value", v)
except RuntimeError as e:
    print("outer caught:", e)


def thrower():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            yield "handled " + str(e)


t = thrower()
print(next(t))
print(t.throw(KeyError("k1")))
print(next(t))
try:
    t.throw(ValueError("unhandled"))
except ValueError as e:
    print("propagated:", e)
