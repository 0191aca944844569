# collections' classes as real tuple/dict subclasses.
from collections import namedtuple, OrderedDict, defaultdict, Counter

Tup = namedtuple("Tup", "foo bar", defaults=[2])
t = Tup(1)
print(t, Tup._fields, Tup._field_defaults, Tup.__slots__, Tup.__doc__)
print(isinstance(t, tuple), issubclass(Tup, tuple), Tup.__mro__[1:])
print(t._asdict(), t._replace(foo=9), Tup._make((5, 6)), t.__getnewargs__())
print(Tup.foo.__doc__, sorted(t), max(t), "%s/%s" % t, t[::-1])
for act in (lambda: setattr(t, "baz", 3), lambda: setattr(t, "foo", 3)):
    try:
        act()
    except AttributeError as e:
        print("AttributeError", e)


class Point(namedtuple("Point", "x y")):
    __slots__ = ()

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)

    def __str__(self):
        return "P<%d,%d>" % self


p = Point(3, -4)
print(p, repr(p), p.norm, p == (3, -4), Point._make([1, 2]))
match p:
    case Point(x, y):
        print("matched", x, y)

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, dict(a) == dict(b), a == {"y": 2, "x": 1}, {"y": 2, "x": 1} == a, a != b)
a.move_to_end("x")
print(a, a == b, list(reversed(a)), isinstance(a.copy(), OrderedDict))
a.move_to_end("x", last=False)
print(a, a.popitem(last=False), a.popitem(), a)
print(OrderedDict(a=1) | {"b": 2}, {"z": 0} | OrderedDict(a=1), len(OrderedDict.fromkeys("abc")))

tree = lambda: defaultdict(tree)
root = tree()
root["a"]["b"]["c"] = 1
print(sorted(root), sorted(root["a"]), root["a"]["b"]["c"], "q" in root)
dd = defaultdict(list, {"k": [1]}, z=[2])
dd["k"].append(3)
dd["new"].append(4)
print(dd, dd.copy(), type(dd.copy()).__name__, dd.get("nope"), "nope" in dd)
nd = defaultdict(None)
try:
    nd["x"]
except KeyError as e:
    print("KeyError", e)
print(isinstance(dd, dict), dict(dd), defaultdict(int) | {"a": 1})


class Tally(Counter):
    pass


c = Counter("abracadabra")
d = Counter(a=1, b=10)
print(c["z"], "z" in c, len(c), c.most_common(3), c.total())
print(c + d, c - d, c | d, c & d, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
print(c == Counter(dict(c)), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1})
print(Counter(a=1) < Counter(a=2), Counter(a=2) <= Counter(a=2), Counter(a=3) > Counter(a=2, b=1))
t = Tally("aab")
t.update({"a": 2})
t.subtract("bbb")
print(t, type(t.copy()).__name__, sorted(t.elements()), isinstance(t, dict))
t += Counter(b=5)
print(t)
del t["missing"]
t["x"] = 0
print(t, dict(t), list(t), sorted(Counter({"p": 2, "q": 1}).items()))
e = Counter(a=3, b=1)
e |= Counter(b=4, c=0)
print(e)
e &= Counter(a=1, b=9)
print(e)
try:
    Counter.fromkeys("ab")
except NotImplementedError as err:
    print("NotImplementedError", err)
