def walk(depth, tag):
    # Each generator suspends inside a chain of yield-from frames.
    if depth == 0:
        for i in range(3):
            yield (tag, i)
        return tag
    got = yield from walk(depth - 1, tag)
    yield (tag, "up", depth)
    return got

gens = [walk(3, t) for t in range(200)]
order = list(range(200))
order = order[1::2] + order[0::2][::-1]
first = [next(gens[i]) for i in order]
print(first[:3], len(first))
# Resume out of order, several steps each.
out = []
for step in range(4):
    for i in reversed(order):
        out.append(next(gens[i]))
print(out[:4], out[-2:], len(out))
# Abandon half of them part-way.
for i in order[:100]:
    gens[i] = None
rest = [g for g in gens if g is not None]
total = 0
for g in rest:
    for item in g:
        total += 1
print(total)
