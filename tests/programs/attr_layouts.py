# Instance attributes kept under layouts shared per class hierarchy: the
# same names in other orders, deletion, replacement of __dict__, many
# names, many first names, subclasses and base-class methods; class
# attributes read from the class itself (plain values, functions, class and
# static methods, descriptors) while the classes change; special methods
# added to a class after its instances were compared, measured and iterated.


class P:
    def __init__(self, x, y, first_y=False):
        if first_y:
            self.y = y
            self.x = x
        else:
            self.x = x
            self.y = y

    def total(self):
        return self.x + self.y


ps = [P(i, 10 * i, first_y=i % 2 == 1) for i in range(6)]
print([p.total() for p in ps])
print([list(vars(p)) for p in ps[:2]])

# A method run on many instances in turn, some of them of other layouts.
def read_all(items):
    out = []
    for p in items:
        out.append((p.x, p.y))
    return out


print(read_all(ps))

# Deletion, then the same name again: the order is the new one.
p = P(1, 2)
del p.x
print(vars(p), hasattr(p, "x"))
p.x = 3
print(list(vars(p)), p.total())
try:
    del p.z
except AttributeError as e:
    print("AttributeError:", e)

# Replacing __dict__, and writing through it.
q = P(5, 6)
q.__dict__ = {"x": 100, "y": 1, "extra": 7}
print(q.total(), q.extra, sorted(vars(q)))
q.__dict__["y"] = 2
print(q.total())
r = P(7, 8)
r.__dict__["x"] = 70
r.__dict__["w"] = "new"
print(r.total(), r.w, list(vars(r)))

# Many names on one instance, and many different first names.
class Bag:
    pass


b = Bag()
for i in range(50):
    setattr(b, "a%d" % i, i)
print(len(vars(b)), b.a0, b.a31, b.a49, list(vars(b))[:3], list(vars(b))[-2:])
bags = []
for i in range(60):
    o = Bag()
    setattr(o, "first%d" % i, i)
    o.common = -i
    bags.append(o)
print(sum(o.common for o in bags), [list(vars(o)) for o in bags[::20]])

# Subclasses share the layouts of their base; a base method reads them.
class Base:
    def __init__(self, v):
        self.v = v
        self.tag = type(self).__name__

    def show(self):
        return "%s:%s" % (self.tag, self.v)


class A(Base):
    pass


class B(Base):
    def __init__(self, v):
        self.extra = v * 2
        super().__init__(v)


class C(A):
    pass


objs = [A(1), B(2), C(3), Base(4), B(5)]
for _ in range(3):
    print([o.show() for o in objs])
print([list(vars(o)) for o in objs])

# An attribute that shadows a method, on one instance only.
class M:
    def m(self):
        return "method"


ms = [M(), M(), M()]
ms[1].m = lambda: "instance attribute"
for _ in range(2):
    print([o.m() for o in ms])
del ms[1].m
print([o.m() for o in ms])

# Class attributes read from the class itself.
class K:
    X = 1

    @classmethod
    def make(cls, n):
        return (cls.__name__, n)

    @staticmethod
    def double(n):
        return 2 * n

    def plain(self):
        return "plain"


class K2(K):
    pass


for i in range(3):
    print(K.X, K2.X, K.make(i), K2.make(i), K.double(i), K2.double(i), K.plain(None))
    f = K2.make
    print(f(10), K.plain is K.__dict__["plain"])
    if i == 0:
        K2.X = 2
    if i == 1:
        K.make = classmethod(lambda cls, n: ("changed", cls.__name__, n))
        K.double = staticmethod(lambda n: -n)
        del K2.X


# A class attribute that becomes a descriptor after it was read.
class D:
    pass


class Holder:
    d = D()


print(type(Holder.d).__name__)
print(type(Holder.d).__name__)
D.__get__ = lambda self, inst, owner: "via __get__ for %s" % owner.__name__
print(Holder.d)
print(Holder().d)

# Special methods added after instances were compared and measured.
class S:
    def __init__(self, n):
        self.n = n


s1, s2 = S(1), S(1)
print(s1 == s2, s1 != s2, s1 == s1)
try:
    len(s1)
except TypeError as e:
    print("TypeError:", e)
S.__eq__ = lambda self, other: self.n == other.n
S.__len__ = lambda self: self.n + 41
S.__iter__ = lambda self: iter(range(self.n + 2))
print(s1 == s2, s1 != s2, len(s1), list(s2))


class L(list):
    pass


ell = L([1, 2, 3])
print(len(ell), list(ell), ell == [1, 2, 3])
L.__len__ = lambda self: 99
print(len(ell))

# __dict__ must be a dict; assigning it from a method too.
try:
    q.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)


class Reset:
    def __init__(self):
        self.a = 1

    def reset(self, d):
        self.__dict__ = d


z = Reset()
for d in ({"b": 2}, {"c": 3, "a": 4}):
    z.reset(d)
    print(sorted(vars(z)), getattr(z, "a", None))


# Methods of the list a subclass's instance carries, then shadowed by an
# instance attribute, then by a method the class gains.
class Coll(list):
    pass


c = Coll()
for i in range(3):
    c.append(i)
print(c, c.pop(0), len(c))
c.append = lambda x: print("instance append", x)
c.append(9)
del c.append
c.append(10)
Coll.append = lambda self, x: print("class append", x)
c.append(11)
del Coll.append
c.append(12)
print(c)

# Slice assignment from a list no one else holds, and from itself.
p = list(range(8))
for k in range(1, 8):
    p[: k + 1] = p[k::-1]
print(p)
p[2:5] = p
print(p)
q = [1, 2]
r = [q, q]
r[0:1] = r[1]
print(r)
