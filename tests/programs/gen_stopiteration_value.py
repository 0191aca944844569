def limited(items, limit):
    count = 0
    for item in items:
        if count == limit:
            return "limit reached after " + str(count)
        yield item
        count += 1
    return "ran out after " + str(count)


def drain(gen):
    out = []
    while True:
        try:
            out.append(next(gen))
        except StopIteration as e:
            return out, e.value


print(drain(limited("abcdef", 3)))
print(drain(limited("ab", 5)))
print(drain(limited([], 1)))


def no_return():
    yield 1


print(drain(no_return()))


def bare_return(flag):
    yield "start"
    if flag:
        return
    yield "more"


print(drain(bare_return(True)))
print(drain(bare_return(False)))

g = limited(range(10), 2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
try:
    next(g)
except StopIteration as e:
    print("second time value:", e.value)


def count_words(words):
    n = 0
    for w in words:
        yield w.upper()
        n += 1
    return {"count": n}


def wrapper(words):
    stats = yield from count_words(words)
    yield stats["count"] * 100


print(list(wrapper(["x", "y", "z"])))
print(list(limited(range(100), 4)))
