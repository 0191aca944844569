# The interpreter's quick paths (ints, floats, lists, tuples, compares,
# calls) at their edges, where the full path must take over with Python's
# answer.
BIG = 9223372036854775807  # the largest small int
SMALL = -BIG - 1

print(BIG + 1, SMALL - 1, BIG * 2, SMALL * -1, -SMALL)
print(SMALL // -1, SMALL % -1, SMALL // 1, SMALL % 1)
for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -3, 7):
        print(a, b, a // b, a % b, a / b, end=" | ")
    print()
print(1 << 62, 1 << 63, 1 << 64, -1 << 63, -1 << 64, 3 << 0, 0 << 100)
print(-1 >> 100, 1 >> 100, -8 >> 1, 8 >> 63, BIG >> 62, SMALL >> 63)
print(12 & 10, 12 | 10, 12 ^ 10, -12 & 10, -12 | 10, -12 ^ 10)
print(2 ** 53 / 3, (2 ** 53 + 1) / 3, BIG / 7, 10 / 4, -10 / 4, 1 / 3)
x = 5
x += 2
x -= 10
x *= -4
x //= 5
x %= 7
x <<= 3
x >>= 1
x &= 30
x |= 1
x ^= 6
print(x)
f = 1.5
f += 2
f *= 3
f -= 0.25
f /= 2
print(f, 3 * 0.1, 0.1 + 0.2, 1e308 * 10, -1e308 * 10, 2 / 0.5, 7 - 0.5)
nan = float("nan")
print(nan < 1.0, nan > 1.0, nan == nan, nan != nan, 1.0 <= 1.0, 2.0 >= 3.0)
if nan < 1.0 or nan == nan:
    print("wrong")
else:
    print("nan compares false")
flags = [1 < 2, 2 < 1, 3 == 3, 3 != 3, 1.5 > 1.25, 0.0 == -0.0]
print(flags)
n = 0
for v in (0, 1, -1, None, True, False, 0.0, 2.5, "", "s", [], [0]):
    if v:
        n += 1
print("truthy", n)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)

a = [10, 20, 30]
print(a[0], a[-1], a[-3], (1, 2, 3)[-2])
for i in (3, -4):
    try:
        print(a[i])
    except IndexError as e:
        print("IndexError:", e)
    try:
        a[i] = 0
    except IndexError as e:
        print("IndexError:", e)
a[-1] = 99
a[0] = "str"
a[0] = 1.5
print(a)
b = [None]
b[0] = b
print(b[0][0][0] is b, len(b))
b[0] = 0
print(b)
c = [[1, 2], [3, 4]]
c[1][0] = c[0][1] + c[1][1]
print(c, c[True], c[False][True])


def add(x, y):
    return x + y


def twice(f, v):
    return f(f(v, v), v)


print(add(1, 2), add("a", "b"), add([1], [2]), twice(add, 3))
print((lambda q: q * 2)(21))


class P:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def plus(self, o):
        return P(self.v + o.get())


p = P(1).plus(P(2)).plus(P(39))
print(p.get())


def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)


print(deep(500))
print(2 ** 62, 2 ** 63, (-2) ** 63, (-2) ** 64, 3 ** 0, 0 ** 0, 7 ** 1, 10 ** 18, 10 ** 19)
print(2 ** -1, 3 ** -2, 2.0 ** 0.5, 2 ** 0.5, 4 ** -0.5, 1.5 ** 2, 0.0 ** 2, 10.0 ** -320)
for base, exp in ((0.0, -1), (1e308, 2), (-2.0, 2), (-2.0, 3), (0, -1)):
    try:
        print(base ** exp)
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(type(e).__name__)
