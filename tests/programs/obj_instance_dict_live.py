# obj.__dict__ is a live view of the instance's attributes: item writes, update,
# del, clear and setdefault bind; {**mapping} reads any mapping by keys().
class A:
    def __init__(self, **kw):
        self.__dict__.update(kw)
a = A(x=1, y=2)
print(a.x, a.y, vars(a), a.__dict__)
a.__dict__["z"] = 3
print(a.z, "z" in a.__dict__, len(a.__dict__), list(a.__dict__), sorted(a.__dict__.items()))
del a.__dict__["x"]
print(hasattr(a, "x"), a.__dict__ == {"y": 2, "z": 3}, a.__dict__.get("y"), a.__dict__.pop("y"), vars(a))
d = a.__dict__
a.w = 9
print(d, d is a.__dict__, d == a.__dict__, type(d).__name__, dict(d), {**d})
d.clear(); print(vars(a), bool(a.__dict__))
vars(a)["q"] = 5; print(a.q, repr(a.__dict__), str(vars(a)))
for k in A(m=1, n=2).__dict__: print(k)
b = A(p=1); b.__dict__.setdefault("r", 7); print(b.r, sorted(b.__dict__.keys()), list(b.__dict__.values()))
print(isinstance(b.__dict__, dict))
from collections import UserDict
print({**UserDict(a=1), "b": 2})
class M:
    def keys(self): return ["x"]
    def __getitem__(self, k): return k * 2
print({**M()})
try: {**5}
except TypeError as e: print(e)
