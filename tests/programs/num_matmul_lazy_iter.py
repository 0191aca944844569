# The @ operator through __matmul__/__rmatmul__/__imatmul__, dict | and |=, lazy map/filter/reversed.
class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return M(self.v * o.v + 1)
    def __rmatmul__(self, o): return "r" + str(o)
    def __repr__(self): return "M(%d)" % self.v
class I(M):
    def __imatmul__(self, o):
        print("__imatmul__"); self.v += 100; return self
a = M(2); b = M(3)
print(a @ b, 5 @ a)
x = M(1); x @= M(4); print(x)
y = I(1); y @= M(4); print(y)
try:
    1 @ 2
except TypeError as e: print(e)
try:
    z = 1; z @= 2
except TypeError as e: print(e)
d = {1: 2, 3: 4}
print(d | {3: 5, 6: 7}, d)
d |= {8: 9}; print(d)
print(list(map(lambda v: v * 2, [1, 2, 3])), list(filter(None, [0, 1, 2, ""])))
m = map(print, [1, 2])
print("lazy")
print(next(m), type(m).__name__)
l = [1, 2, 3]; r = reversed(l); print(next(r)); l.append(4); print(list(r))
for a, b in [(1.0, 2.0), (1, 2.5), (True, 1), (2**70, 3)]:
    try:
        a @ b
    except TypeError as e:
        print(e)
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))), list(reversed(range(5, 1))))
r = reversed(range(10**12)); print(next(r), next(r), type(r).__name__)
print(next(reversed(range(-2**63, 2**63 - 1))), next(reversed(range(0, 2**63 - 1, 3))))
