s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-5:-1])
print(s[100:], s[-100:2], s[5:2], s[::-3], s[-2::-4], s[3:-3])
t = tuple(s)
print(t[1:4], t[::-3], t[-1], t[:0])
text = "Hello, World"
print(text[7:], text[::-1], text[-5:-1], text[::3], text[100:], repr(text[5:5]))
sl = slice(1, 8, 3)
print(sl, s[sl], text[sl], t[sl])
print(slice(5), slice(None, None, -1), s[slice(None, None, -1)][:3], s[slice(-2, None)])
r = range(0, 20, 3)
print(r, r[2], r[-1], r[1:4], len(r), 9 in r, 10 in r, list(r[::-1]), r[::-1])
print(range(10)[2:8:2], range(5)[::-1], list(range(10, 0, -4)), len(range(0)), len(range(5, 0)))

a = list(range(8))
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 101]
print(a)
a[-2:] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[1::2] = "PQR"
print(a)
del a[0]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = [1, 2, 3, 4, 5, 6]
del b[-1]
b[len(b):] = [7, 8]
b[:0] = [0]
print(b)
c = b[:]
c[0] = "changed"
print(b[0], c[0])
b[2:4] = b[2:4][::-1]
print(b)
b[:] = []
print(b, len(b))

data = list(range(1, 13))
chunks = [data[i:i + 5] for i in range(0, len(data), 5)]
print(chunks)
for k in [0, 3, -2, 12]:
    print("rotate", k, data[k:] + data[:k])
word = "slicing"
print([word[:i] for i in range(len(word) + 1)])
print([word[i:] for i in range(0, len(word), 2)])
grid = [[r * 4 + c for c in range(4)] for r in range(4)]
print([row[1:3] for row in grid[1:3]], [row[-1] for row in grid], [grid[i][i] for i in range(4)])
