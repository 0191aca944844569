# __slots__ limits instance attributes; __class_getitem__ and generic
# aliases of builtin types; __format__ through format() and f-strings;
# __index__ wherever an int is needed.
class P:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


p = P()
p.y = 2
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)


class Q(P):
    pass


q = Q()
q.z = 3
print(q.z)


class R(P):
    __slots__ = ("w",)


r = R()
r.w = r.x = 5
print(r.w, r.x)
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], list[int], dict[str, list[int]], tuple[int, ...].__origin__)
try:
    int[0][1]
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        return format(self.cents / 100, spec or ".2f") + " EUR"


m = Money(1234)
print(f"{m}", f"{m:>10.1f}", format(m, ".3f"), "{:.0f}".format(m))


class Three:
    def __index__(self):
        return 3


t = Three()
print([10, 20, 30, 40][t], "abcdef"[t], bin(t), hex(t), oct(t), list(range(t)), chr(t + 0 if False else 65))
print(list(range(t, 10, t)), (1, 2, 3, 4, 5)[t:], "xyz" * 1)


class Width(int):
    pass


print(f"{Width(42):>6}", format(Width(7), "03d"), hex(Width(255)), [0, 1, 2][Width(1)])
