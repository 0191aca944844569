# copy: shallow and deep copies of builtin containers, plain instances
# (their __dict__ and __slots__), __copy__/__deepcopy__, __reduce__ and
# __getstate__/__setstate__, and the memo that keeps sharing and cycles.
import copy
from collections import namedtuple, OrderedDict

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]["k"] is a[2]["k"])
for x in [1, 2.5, "s", b"b", None, (1, 2), frozenset({1}), len, range(3), int, True]:
    print(copy.copy(x) is x, copy.deepcopy(x) is x)
t = (1, [2])
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t)
st = {1, 2}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy({"a": {1}}))
ba = bytearray(b"xy")
print(copy.copy(ba), copy.deepcopy(ba) is ba)

# sharing and cycles
shared = [0]
outer = [shared, shared]
dc = copy.deepcopy(outer)
print(dc[0] is dc[1], dc[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is cyc, cc[0])
dd = {}
dd["self"] = dd
ddc = copy.deepcopy(dd)
print(ddc["self"] is not dd, ddc["self"] is ddc)
# The cycles made here are left for the cycle collector (valgrind checks
# that the run ends with nothing leaked).


class Point:
    def __init__(self, x, y):
        print("init called")
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, p2.y is p.y, p3.y is p.y, type(p3).__name__)


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


n1, n2 = Node(1), Node(2)
n1.next, n2.next = n2, n1
m1 = copy.deepcopy(n1)
print(m1.v, m1.next.v, m1.next.next is m1, m1 is not n1)


class Slotted:
    __slots__ = ("a", "b")


sl = Slotted()
sl.a = [1]
sl2 = copy.copy(sl)
sl3 = copy.deepcopy(sl)
print(sl2.a is sl.a, sl3.a == sl.a, sl3.a is sl.a, hasattr(sl3, "b"))


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__")
        return Custom(self.v + 1)

    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return Custom(self.v * 10)


c = Custom(3)
print(copy.copy(c).v, copy.deepcopy(c).v, copy.deepcopy([c, c])[0].v)


class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a,), {"b": self.b})


r = copy.deepcopy(Reduced([1], 5))
print(r.a, r.b, copy.copy(Reduced(7, 8)).b)


class State:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "big"

    def __getstate__(self):
        return {"data": self.data}

    def __setstate__(self, state):
        print("setstate", sorted(state))
        self.data = state["data"]
        self.cache = None


s2 = copy.deepcopy(State())
print(s2.data, s2.cache)

P = namedtuple("P", "x y")
pt = P(1, [2])
print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).y is pt.y, type(copy.copy(pt)).__name__)
od = OrderedDict(a=1, b=[2])
od2 = copy.deepcopy(od)
print(od2, type(od2).__name__, od2["b"] is od["b"])


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
ml2 = copy.deepcopy(ml)
print(ml2, type(ml2).__name__, ml2.tag, ml2[1] is ml[1])
print(copy.Error is copy.error, issubclass(copy.Error, Exception))
memo = {}
x = [1]
y = copy.deepcopy(x, memo)
print(memo[id(x)] is y)
