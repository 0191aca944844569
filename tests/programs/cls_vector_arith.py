class Vector:
    def __init__(self, *components):
        self.c = list(components)

    def __repr__(self):
        return "Vector(" + ", ".join(str(x) for x in self.c) + ")"

    def __len__(self):
        return len(self.c)

    def __add__(self, other):
        if isinstance(other, Vector):
            return Vector(*[a + b for a, b in zip(self.c, other.c)])
        return Vector(*[a + other for a in self.c])

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return Vector(*[a - b for a, b in zip(self.c, other.c)])

    def __mul__(self, k):
        if isinstance(k, Vector):
            return sum(a * b for a, b in zip(self.c, k.c))
        return Vector(*[a * k for a in self.c])

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vector(*[a / k for a in self.c])

    def __neg__(self):
        return Vector(*[-a for a in self.c])

    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c

    def __getitem__(self, i):
        return self.c[i]


v = Vector(1, 2, 3)
w = Vector(4, -1, 0)
print(v + w, v - w, w - v)
print(v * 2, 3 * v, v * w)
print(-v, v / 2, abs(Vector(3, 4)))
print(v + 10, 10 + v)
print(sum([v, w, Vector(1, 1, 1)]))
print(v == Vector(1, 2, 3), v == w, v != w, v == [1, 2, 3])
print(len(v), v[0], v[-1])

total = Vector(0, 0, 0)
moves = [Vector(1, 0, 0), Vector(0, 2, 0), Vector(-3, 0, 1)]
for m in moves:
    total += m
print(total)


class Accumulator:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __repr__(self):
        return f"Accumulator({self.items})"


acc = Accumulator()
same = acc
acc += 1
acc += "two"
print(acc, same is acc)

try:
    v - 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(v < w)
except TypeError as e:
    print("TypeError:", e)
