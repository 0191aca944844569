import traceback


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(type(p).__name__, p.x, p.y)


class R:
    def __init__(self):
        return 5


try:
    R()
except TypeError as e:
    print("TypeError:", e)


class E:
    def __init__(self, v):
        raise ValueError(v)


try:
    E("bad")
except ValueError as e:
    print("ValueError:", e)
    print(traceback.format_exc().splitlines()[-3].strip().split(", ", 1)[1])

try:
    P(1)
except TypeError as e:
    print("TypeError:", e)


class S:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


print(S(3).a)


class N:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.made = True
        return o

    def __init__(self, v):
        self.v = v


n = N(4)
print(n.made, n.v)


class Meta(type):
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(7).a)


class L(list):
    def __init__(self, a):
        super().__init__([a, a])


print(L(2))


class Chain(P):
    pass


c = Chain(5, 6)
print(c.x + c.y)


def late(self, z):
    self.z = z


class Late:
    def __init__(self, z):
        self.z = -z


print(Late(1).z)
Late.__init__ = late
print(Late(1).z)


class Rec:
    def __init__(self, n):
        self.child = Rec(n - 1) if n else None


r = Rec(50)
d = 0
while r:
    r = r.child
    d += 1
print(d)


class K:
    def __init__(self, a, b=2):
        self.s = a + b


print(K(1).s, K(1, 5).s)


class Gen:
    def __init__(self, n):
        yield n


try:
    Gen(1)
except TypeError as e:
    print("TypeError:", e)
