# The attribute caches (LOAD_ATTR, STORE_ATTR, LOAD_METHOD) answer as the
# generic protocol does after every kind of change to a class or instance.

class A:
    k = 1
    def m(self):
        return "A.m"

class B(A):
    pass

class C(A):
    def m(self):
        return "C.m"

def read(o):
    return o.x, o.k, o.m()

objs = [A(), B(), C(), B(), A()]
for i, o in enumerate(objs):
    o.x = i
for _ in range(3):
    print([read(o) for o in objs])

# A class attribute changes: every subclass sees it.
A.k = 2
print([read(o) for o in objs])
# A method is added to a subclass, and replaced in the base.
B.m = lambda self: "B.m"
A.m = lambda self: "A.m2"
print([read(o) for o in objs])
# An instance attribute shadows the method and the class attribute.
objs[0].m = lambda: "own m"
objs[0].k = "own k"
print([read(o) for o in objs])
del objs[0].m
print(read(objs[0]))

# Deleting an attribute moves the others (the index hint goes stale).
class P:
    pass

ps = []
for i in range(4):
    p = P()
    p.a = i
    p.b = i * 10
    p.c = i * 100
    ps.append(p)
del ps[1].a
del ps[2].b
for p in ps:
    print(getattr(p, "a", None), p.b if hasattr(p, "b") else None, p.c)
for p in ps:
    p.c = p.c + 1
print([p.c for p in ps], [sorted(vars(p)) for p in ps])

# A property appears on the class after instances used the plain attribute.
class Q:
    pass

q = Q()
q.v = "instance v"
def get_v(o):
    return o.v
for _ in range(3):
    print(get_v(q))
class Named:
    v = property(lambda self: "property v")

Q.v = vars(Named)["v"]
print(get_v(q))
try:
    q.v = 5
except AttributeError as e:
    print("AttributeError:", e)
del Q.v
print(get_v(q))

# A descriptor's class gains __set__ after it is put in a class.
class D:
    def __get__(self, obj, owner=None):
        return "descriptor"

class R:
    d = D()

r = R()
def put(o, v):
    o.d = v
for i in range(3):
    put(r, i)
    print(r.d)
D.__set__ = lambda self, obj, value: print("__set__", value)
put(r, 99)
print(r.d, vars(r))

# __getattribute__ and __setattr__ added after the caches warmed up.
class S:
    def __init__(self):
        self.a = 1
    def m(self):
        return "m"

s = S()
def use(o):
    o.a = o.a + 1
    return o.a, o.m()
for _ in range(3):
    print(use(s))
S.__getattribute__ = lambda self, name: "hooked " + name
print(s.a, s.m)
del S.__getattribute__
S.__setattr__ = lambda self, name, value: print("setattr", name, value)
print(use(s))
del S.__setattr__
print(use(s))

# __slots__: a name outside them is refused the same way every time.
class T:
    __slots__ = ("a",)

t = T()
def set_b(o):
    o.b = 1
for _ in range(2):
    t.a = 5
    try:
        set_b(t)
    except AttributeError as e:
        print("AttributeError:", e)
print(t.a)

# A class attribute that is a staticmethod, classmethod or plain value.
class U:
    n = 7
    s = staticmethod(lambda: "static")
    c = classmethod(lambda cls: cls.__name__)
    t = (1, 2)

class V(U):
    pass

for o in [U(), V(), U(), V()]:
    print(o.n, o.s(), o.c(), o.t)
U.n = 8
print(V().n)

# The same names in two modules' code objects (exec compiles separately).
g = {}
exec("def getx(o):\n    return o.x\n", g)
o = A()
o.x = "from exec"
print(g["getx"](o), read(o))
