# Positional-only parameters (PEP 570): keywords cannot name them, a
# **kwargs collects a keyword of the same name, defaults cover them,
# and CPython's errors.
def f(a, b=2, /, c=3, *, d=4):
    return (a, b, c, d)


print(f(1), f(1, 5), f(1, 5, 6), f(1, c=7), f(1, 2, 3, d=8))
for call in (lambda: f(a=1), lambda: f(1, b=2), lambda: f(), lambda: f(1, 2, 3, 4),
             lambda: f(1, e=5)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


def g(x, y, /, **kw):
    return x, y, kw


print(g(1, 2, x=3, y=4), g(1, 2))
try:
    g(1, y=2)
except TypeError as e:
    print("TypeError", e)


def h(a, b, /):
    return a - b


print(h(5, 3), (lambda p, /, q: p * q)(3, q=4))


class C:
    def m(self, v, /, w=1):
        return self.__class__.__name__, v, w

    def __init__(self, x, /):
        self.x = x


print(C(9).m(2), C(1).m(2, w=3), C(5).x)
try:
    C(x=1)
except TypeError as e:
    print("TypeError", e)


def cells(a, /, b):
    return lambda: a + b


print(cells(1, b=2)(), f.__defaults__, f.__kwdefaults__)


def many(a, b, c, /, d):
    return a


try:
    many(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError", e)
