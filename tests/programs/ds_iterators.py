it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
letters = iter("abc")
print(list(letters), list(letters))
for i, ch in enumerate("xyz", start=10):
    print(i, ch)
print(list(enumerate(["a", "b"])), list(enumerate("hi", 1)))
print(list(zip([1, 2, 3], "ab", (True, False, None))), list(zip()), list(zip([1])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(None, [0, 1, "", "a", [], [0], None, False, 2.5])
print(list(f))
r = range(10, 0, -3)
print(list(r), len(r), r[1], 4 in r, 5 in r, r[-1], r[:2])
print(sum(range(101)), sum([0.5, 0.25]), sum([[1], [2]], []), sum([1, 2], 10), sum(()))
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any(iter([0, 0, 3])))
pairs = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(pairs)
print(dict(enumerate("ab")), dict(zip("abc", range(3))))
d = {"x": 1, "y": 2}
print(list(iter(d)), list(iter(d.items())), list(d.values()))
it = iter(range(5))
collected = []
while True:
    v = next(it, None)
    if v is None:
        break
    collected.append(v * v)
print(collected)
print(sorted({"b": 1, "a": 2}), tuple(map(str, range(3))), list(range(0)), tuple("ab"))
print(max(map(len, ["a", "abc", "ab"])), min(filter(lambda x: x > 2, [5, 1, 3, 4])))
words = iter(["alpha", "beta", "gamma", "delta"])
first = next(words)
rest = [w.upper() for w in words]
print(first, rest)
chained = []
for seq in [[1, 2], (3,), "45", range(6, 8)]:
    for item in seq:
        chained.append(item)
print(chained)
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for n, (name, age) in enumerate(zip(names, ages)):
    print(n, name, age)
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
running = []
acc = 0
for x in map(int, "3 1 4 1 5".split()):
    acc += x
    running.append(acc)
print(running)
it2 = iter([10, 20])
print(list(zip(it2, it2)), list(zip(*[iter(range(6))] * 2)))
