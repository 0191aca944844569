# A metaclass's __prepare__ giving a dict subclass: the class body reads,
# stores and deletes its names through that mapping, and the metaclass gets it.
class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return D()
    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, sorted(ns))
        return super().__new__(mcls, name, bases, ns)
x = 10
class C(metaclass=M):
    a = 1
    b = a + x
    del a
    print(type(locals()).__name__)
    try:
        del zz
    except NameError as e:
        print(e)
print(C.b, hasattr(C, "a"))
class E(metaclass=M):
    def f(self): return __class__
    g = lambda self: 1
print(E().f() is E, E().g())
class F(E):
    z = 3
print(type(F).__name__, F.z)
class Bad(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 5
try:
    class G(metaclass=Bad): pass
except TypeError as e:
    print(e)

