# Binary operators with instance operands: the special methods answer
# first (no builtin error is made for them), reflected ones, NotImplemented,
# subclasses of builtin types, and the errors when nothing answers.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, (int, float)):
            return V(self.x + o)
        return NotImplemented

    def __rmul__(self, k):
        return V(self.x * k)

    def __repr__(self):
        return "V(%r)" % self.x


class Plain:
    pass


class L(list):
    pass


class I(int):
    def __add__(self, o):
        return "I.__add__"


total = V(0)
for i in range(5):
    total = total + V(i) + i
    total = 2 * total
print(total, 1.5 * V(2), V(1) + 0.5)
for expr in ("V(1) + 'a'", "'a' + V(1)", "Plain() - 1", "1 - Plain()", "V(1) * V(2)", "Plain() ** Plain()"):
    try:
        print(eval(expr))
    except TypeError as e:
        print("TypeError:", e)
v = V(3)
v += 4
print(v)
p = Plain()
try:
    p += 1
except TypeError as e:
    print("TypeError:", e)
print(L([1]) + [2], [0] + L([1]), L([1]) * 2, I(5) + 1, 1 + I(5), I(2) * 3)
