# collections.namedtuple: fields, construction, tuple behaviour, helpers.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], p[-1], len(p))
q = Point(y=5, x=4)
print(q, Point(3, y=7))
x, y = q
print(x, y, list(p), p[:1], p + (9,), p * 2)
print(p == (1, 2), (1, 2) == p, p == Point(1, 2), p != q, p < q, hash(p) == hash((1, 2)))
print(Point._fields, p._asdict(), p._replace(y=10), Point._make([7, 8]))
print(p.count(1), p.index(2), 2 in p, 5 in p)

P3 = namedtuple("P3", "a b c")
P3b = namedtuple("P3b", "a, b, c")
print(P3(1, 2, 3), P3b(4, 5, 6)._fields)
E = namedtuple("E", [])
print(E(), len(E()))
One = namedtuple("One", "v")
print(One(5), One(5)[0])
D = namedtuple("D", "a b", defaults=[0])
print(D(1), D(1, 2), D._field_defaults)
R = namedtuple("R", ["ok", "def", "_x", "ok"], rename=True)
print(R._fields)

d = {p: "p"}
print(d[Point(1, 2)])

for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=3),
            lambda: Point(1, x=1), lambda: Point._make([1]),
            lambda: p._replace(z=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for names in ("a 1b", "a class", "a _b", "a a"):
    try:
        namedtuple("T", names)
    except ValueError as e:
        print("ValueError", e)
try:
    namedtuple("T", 1)
except TypeError as e:
    print("TypeError", e)
try:
    p.x = 5
except AttributeError:
    print("AttributeError")
