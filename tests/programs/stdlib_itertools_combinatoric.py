# itertools: groupby (and its groups ended by the next step), islice with
# CPython's errors and consumption, tee, and the combinatoric iterators.
from itertools import (groupby, islice, tee, product, permutations,
                       combinations, combinations_with_replacement, count)

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
gb = groupby("aabbc")
k1, g1 = next(gb)
k2, g2 = next(gb)
first = next(g2)
rest = list(gb)
print(k1, list(g1), k2, first, [k for k, _ in rest], list(g2))
gb = groupby([])
print(list(gb))
items = sorted([("b", 2), ("a", 1), ("b", 3), ("a", 4)])
for k, grp in groupby(items, key=lambda p: p[0]):
    print(k, [v for _, v in grp])

# islice
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)),
      list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)),
      list(islice("ABCDEFG", None, None, 3)), list(islice(range(10), 1, 8, 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 5, 2)), next(it))
print(list(islice(count(), 3, 20, 5)), list(islice([], 3)))
for args in [(-1,), (-5,), (1, -1), (1, -3), (-2, 3), (0, 3, 0), ("a",), (1, 2, "x"), (1.0,), ("s", 2), (0, 2**70), (2**70,), (0, 1, -2**70)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("ValueError", e)
for args in [(), ("abc",), ("abc", 1, 2, 3, 4)]:
    try:
        islice(*args)
    except TypeError as e:
        print("TypeError", e)

# tee
a, b = tee([1, 2, 3])
print(next(a), next(a), list(b), list(a))
t = tee(iter("xyz"), 3)
print(len(t), [list(x) for x in t], tee([1], 0))
a, b = tee(count())
print([next(a) for _ in range(3)], next(b))
c, d = tee(a)
print(next(c), next(d), next(a), c is a)
try:
    tee([], -1)
except ValueError as e:
    print("ValueError", e)

# product
print(list(product("ab", range(2))), list(product()), list(product("ab", [])))
print(list(product([0, 1], repeat=2)), len(list(product("abc", repeat=3))))
print(list(product("ab", "x", repeat=2)), list(product(repeat=0)))
try:
    product("a", repeat=-1)
except ValueError as e:
    print("ValueError", e)

# permutations, combinations
print(list(permutations("ABC")), list(permutations(range(3), 2)))
print(list(permutations([1, 2], 3)), list(permutations([], 0)), list(permutations("ab", 0)))
print(len(list(permutations(range(5)))), len(list(permutations(range(6), 3))))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)))
print(list(combinations("AB", 3)), list(combinations("AB", 0)), len(list(combinations(range(10), 4))))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)))
print(list(combinations_with_replacement([], 0)), len(list(combinations_with_replacement(range(5), 3))))
for f in (permutations, combinations, combinations_with_replacement):
    try:
        f("abc", -1)
    except ValueError as e:
        print(f.__name__, "ValueError", e)
try:
    combinations("abc")
except TypeError as e:
    print("TypeError")
# perms of 4 elements are in lexicographic order of positions
ps = list(permutations(range(4)))
print(ps == sorted(ps), ps[:3], ps[-1])
