a, b = 1, 2
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
(p, q), r = "ab", [9]
print(p, q, r)
first, second, third = "xyz"
print(third, second, first)
lo, mid, hi = range(3)
print(lo, mid, hi)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
((a1, a2), (b1, b2)), c = ((1, 2), (3, 4)), 5
print(a1 + a2 + b1 + b2 + c)

points = [(1, (2, 3)), (4, (5, 6)), (7, (8, 9))]
for n, (px, py) in points:
    print(n, px + py, px * py)
for i, (name, score) in enumerate([("ann", 90), ("bob", 72)], start=1):
    print(f"{i}. {name}: {score}")
for (m, n), ch in zip([(1, 2), (3, 4)], "xy"):
    print(ch * (m + n))
ranges = {"low": (0, 10), "mid": (10, 100), "high": (100, 1000)}
for key, (start, stop) in ranges.items():
    print(f"{key:>4}: {start}..{stop} width {stop - start}")

a = b = c = 0
a += 1
print(a, b, c)
l1 = l2 = []
l1.append(1)
print(l2, l1 == l2)
i, arr = 0, [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
head, tail = arr[0], arr[1:]
print(head, tail)
a, b, c = 1, 2, 3
a, b, c = b, c, a
print(a, b, c)
fa, fb = 0, 1
while fb < 100:
    fa, fb = fb, fa + fb
print(fa, fb)
t = 1, 2, 3
print(t, len(t))
single = 5,
print(single)
(only,) = [42]
print(only)
nums = [3, 1, 2]
nums[0], nums[2] = nums[2], nums[0]
print(nums)
d = {}
d["a"], d["b"] = "AB"
print(d)
pairs = [(k, v) for k, v in zip("abc", range(3))]
keys, values = zip(*pairs)
print(keys, values)
matrix = [(1, 2, 3), (4, 5, 6)]
for row_index, (c1, c2, c3) in enumerate(matrix):
    print(row_index, c1 + c2 + c3)
