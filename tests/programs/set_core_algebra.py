# The set algebra: operators, their methods (which take any iterable), the
# in-place forms, comparisons, and which type each result has.
a = {1, 2, 3, 4, 5, 40, 80}
b = {5, 4, 80, 160, 7}
print(a | b, a & b, b & a)
print(a - b, b - a, a ^ b, b ^ a)
print(a.union([9, 8], (100,)), a.union(), a.union(a))
print(a.intersection(range(3, 90)), a.intersection(b, [4, 5, 6]), a.intersection())
print(a.difference([1], [2, 3]), a.difference(), a.difference(a))
print(a.symmetric_difference([1, 2, 99]), a.symmetric_difference({5: 0, 6: 0}))
print(a.issubset(range(100)), {1, 2}.issubset([2, 1]), a.issuperset([1, 2]))
print(a.issuperset(b), a.isdisjoint(b), a.isdisjoint({6, 7}), a.isdisjoint([9]))
print(set().isdisjoint(set()), a.isdisjoint(a))

s = {1, 2, 3}
s |= {3, 4}
print(s)
s &= {2, 3, 4, 5}
print(s)
s -= {2}
print(s)
s ^= {4, 6}
print(s)
alias = s
alias |= {7}
print(s, s is alias)
s.intersection_update([3, 6, 7, 8], {6, 7, 3})
print(s)
s.difference_update([6], (7,))
print(s)
s.symmetric_difference_update([3, 9, 10])
print(s)
s.update(range(3))
print(s)

f = frozenset([1, 2, 3])
g = f
g |= {4}
print(f, g, f is g, isinstance(g, frozenset))
print(f | {9}, {9} | f, f & {1, 2}, {1, 2} & f, f - {1}, f ^ {1, 7})
print(f.union([5]), f.intersection([1]), f.copy() is f, f.difference([2]))
print(isinstance(f | {9}, frozenset), isinstance({9} | f, frozenset))

print({1, 2} == {2, 1}, {1, 2} == frozenset([1, 2]), {1} != {1.0}, {1} == [1])
print({1, 2} < {1, 2, 3}, {1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1, 2, 3} > {2})
print({1, 2} >= {1, 2}, {1, 4} <= {1, 2, 3}, {1, 4} >= {4}, set() < {0})
print(frozenset([1]) < {1, 2}, {1, 2} > frozenset(), {(1, 2)} < {(1, 2), (3, 4)})
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len), max([{3}, {1, 2}], key=len))

big = set(range(200))
small = {3, 150, 999}
print(small - big, small & big, len(big - small), len(big ^ small))
print(small.difference(big), small.intersection(range(1000)), small | set())
removed = set(range(0, 200, 2))
big -= removed
print(len(big), list(big)[:10], list(big)[-5:])
