# Set displays, comprehensions, the set()/frozenset() builtins, reprs,
# membership and the mutating methods. Ints (and tuples of them) hash the
# same on every run, so printing these sets shows CPython's table order.
empty = set()
print(empty, len(empty), bool(empty), empty == set(), empty is set())
digits = {3, 1, 2}
print(digits, len(digits), bool(digits))
print({10, 100, 1000}, {1, 17, 33, 2, 3}, {-5, -4, -3, -2, -1, 0, 1})
print({(1, 2), (3, 4), (1, 2)}, {1.5, 2.25, -1.0}, {True, 1, 1.0}, {0, False, 0.0})
print(set([5, 13, 21, 1]), set(range(20, 0, -3)), set((9, 8, 7, 9)))
print(set({10: "a", 20: "b", 30: "c"}), frozenset(), frozenset([4, 2, 4]))

squares = {n * n % 17 for n in range(40)}
print(squares, len(squares))
pairs = {(i, j) for i in range(3) for j in range(3) if i != j}
print(len(pairs), sorted(pairs))
evens = [0, 2, 4]
print({*evens, 5, *range(3)}, {*[]} == set(), {*"aa"} == {"a"})

for x in {64, 32, 16, 8}:
    print(x, end=" ")
print()
print(list({12, 4, 20, 28}), tuple({7, 15}), sorted({9, 3, 6}), sum({1, 2, 3}))
print(min({40, 3, 22}), max({40, 3, 22}), any({0, False}), all({1, 2}))
print([n for n in {5, 1, 3} if n > 1], [n * 2 for n in frozenset([8, 1])])

s = {1, 2, 3}
print(2 in s, 4 in s, 4 not in s, (1, 2) in {(1, 2)}, 1.0 in s, True in s)
s.add(4)
s.add(2)
print(s)
s.discard(1)
s.discard(100)
s.remove(2)
print(s, len(s))
t = s.copy()
t.add(99)
print(s, t, s == t, s is t)
print(s.pop(), s.pop(), s)
s.clear()
print(s, len(s))

bag = set()
for word in [10, 20, 10, 30, 20, 40]:
    if word in bag:
        print("seen", word)
    bag.add(word)
print(bag, len(bag))
s = set(range(8))
s.update([8, 9], (10,), {11: 0})
print(s)
print(isinstance(s, set), isinstance(frozenset(), frozenset), isinstance(s, (list, set)))
print(repr({1}), str(frozenset({2})), f"{ {3} }", "%s" % ({4},))
