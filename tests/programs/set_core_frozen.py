# Hashing: hash() of ints, floats, bools and tuples has CPython's values
# (deterministic, unlike str), frozensets hash by their contents and can
# be dict keys and set elements; sets cannot.
print(hash(0), hash(1), hash(-1), hash(-2), hash(True), hash(False))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**64), hash(10**30))
print(hash(1.0), hash(1.5), hash(-0.5), hash(1e20), hash(0.1), hash(float("inf")))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((1.5, -1)))
print(hash(3) == hash(3.0), hash((1, 2)) == hash((1.0, 2.0)), hash(2**70) == hash(2.0**70))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([3, 2, 1])))
print(hash(frozenset([(1, 2), -1, 0.5])), hash(frozenset([frozenset([1])])))

f1 = frozenset([1, 2])
f2 = frozenset([2, 1])
table = {f1: "one-two", frozenset(): "empty"}
print(table[f2], table[frozenset()], f1 in table, frozenset([3]) in table)
table[frozenset([2, 1, 1])] = "replaced"
print(len(table), table[f1])
nested = {f1, frozenset([3]), frozenset([1, 2])}
print(len(nested), f2 in nested, {1, 2} in nested, {3} in nested, {4} in nested)
nested.remove({3})
nested.discard({1, 2})
print(nested)
groups = {}
for word in [(1, 2), (2, 1), (3,), (1, 2, 2)]:
    groups.setdefault(frozenset(word), []).append(word)
print(len(groups), sorted([len(v) for v in groups.values()]))
print(frozenset([f1, frozenset()]) == frozenset([frozenset(), frozenset([2, 1])]))
print(frozenset(f1) is f1, frozenset({1, 2}) == f1, set(f1) == f1, set(f1) is f1)

grid = set()
for x in range(4):
    for y in range(3):
        if (x + y) % 2 == 0:
            grid.add((x, y))
print(grid)
print((2, 0) in grid, (2, 1) in grid, len(grid))
moves = {(x + dx, y + dy) for (x, y) in grid for (dx, dy) in [(1, 0), (0, 1)]}
print(sorted(moves - grid), len(moves & grid))
