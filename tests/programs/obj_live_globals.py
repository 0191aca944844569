def foo():
    pass
g = globals()
print(type(g), type(foo.__globals__), foo.__globals__ is globals(), g is globals())
foo.__globals__["bar"] = 123
print(bar)
g["baz"] = 7
print(baz, "baz" in g, "nope" in g, g["bar"], g.get("baz"), g.get("zz", 0))
del g["baz"]
print("baz" in g)
try:
    g["baz"]
except KeyError as e:
    print("KeyError", e)
g.update(q=1, r=2)
print(q, r, g.pop("q"), "q" in g, g.setdefault("s", 9), s)
print(isinstance(g, dict), len(g) > 5, sorted(k for k in g if not k.startswith("__"))[:5])
print(sorted(k for k in dict(g) if k[0] != "_")[:3], "__name__" in list(g.keys()))
try:
    foo.__globals__ = None
except AttributeError:
    print("AttributeError")
def outer():
    x = 1
    def inner():
        return x
    return inner
print(outer.__globals__ is globals(), outer().__globals__ is globals())
def setg():
    globals()["made"] = "in function"
    l = locals()
    return type(l), l
setg()
print(made)
class C:
    a = 1
    ns = locals()
    ns["b"] = 2
print(C.b, type(C.ns))
exec("e1 = 5", g)
print(e1)
d = {}
exec("e2 = 6", d)
print(d["e2"], "e2" in g)
print(eval("bar + 1", globals()))
h = {"x": 1}
print(g == g, g != h)
print(str(g)[:1], "'bar': 123" in repr(g), "'g': {...}" in repr(g))
print(id(g) == id(globals()))
