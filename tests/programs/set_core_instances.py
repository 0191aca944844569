# Instances as set elements: hashed by their __hash__ (so ordered as in
# CPython when it is deterministic), found by __eq__; unhashable when the
# class defines __eq__ without __hash__; by identity when it defines neither.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x}, {self.y})"

class NoHash:
    def __eq__(self, o):
        return True

class Plain:
    pass

pts = {P(1, 2), P(3, 4), P(1, 2)}
print(len(pts), pts)
print(P(1, 2) in pts, P(9, 9) in pts, (P(1, 2)) not in pts)
pts.add(P(3, 4))
pts.add(P(5, 6))
print(len(pts), pts)
pts.discard(P(1, 2))
pts.remove(P(5, 6))
print(pts)
s = set([P(0, 0), P(0, 0), P(1, 1)])
print(s, len(s))
s.update([P(1, 1), P(2, 2)])
print(s)
print(s.intersection([P(2, 2), P(7, 7)]), s.difference([P(0, 0)]), s.issuperset([P(1, 1)]))
print(s.issubset([P(0, 0), P(1, 1), P(2, 2), P(3, 3)]), s.isdisjoint([P(5, 5)]))
print(s.symmetric_difference([P(2, 2), P(8, 8)]))
print({P(i % 3, 0) for i in range(10)})
print(hash(P(1, 2)) == hash((1, 2)), hash(P(1, 2)))
print(frozenset([P(1, 1), P(1, 1)]), {(P(1, 1), 2)})
d = {P(1, 1): "a"}
print(P(1, 1) in set(d))
try:
    {NoHash()}
except TypeError as e:
    print(e)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
a, b = Plain(), Plain()
print(len({a, b, a}), a in {a}, b in {a})
try:
    set([1]).add(NoHash())
except TypeError as e:
    print(e)
