class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("new", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print("call", cls.__name__, args)
        return super().__call__(*args, **kw)
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2, 3])
    def __getitem__(cls, k):
        return k * 2
    def __contains__(cls, x):
        return x == 'yes'
    def hello(cls):
        return "hello from " + cls.__name__
    @property
    def prop(cls):
        return "prop of " + cls.__name__

class A(metaclass=Meta):
    x = 1
    def __init__(self, v):
        self.v = v
    def m(self):
        return super().__init__ is not None

class B(A):
    y = 2

print(type(A) is Meta, type(B) is Meta, type(Meta) is type)
print(A, B, repr(A), str(B))
print(A.tag, B.tag, A.hello(), B.prop)
a = A(5)
print(a.v, type(a) is A, isinstance(a, A), a.m())
print(len(A), list(A), A[21], 'yes' in A, 'no' in B)
print(isinstance(A, Meta), isinstance(A, type), issubclass(Meta, type))
print(A.__class__, B.__class__.__name__)

class Reg(type):
    registry = []
    def __init_subclass__(cls, **kw):
        print("meta subclass", cls.__name__)
    def __new__(mcs, name, bases, ns):
        c = type.__new__(mcs, name, bases, ns)
        mcs.registry.append(name)
        return c

class Sub(Reg): pass
class P(metaclass=Sub): pass
class Q(P): pass
print(Reg.registry)

class Base:
    def __init_subclass__(cls, flag=None, **kw):
        print("init_subclass", cls.__name__, flag)
        super().__init_subclass__(**kw)

class M2(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns, **kw)

class C(Base, metaclass=M2, flag=3):
    def f(self):
        return __class__.__name__
print(C().f(), type(C).__name__)

class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name)
        return {"injected": 99}
class D(metaclass=Prep):
    pass
print(D.injected)

class M3(type): pass
class M4(type): pass
class E(metaclass=M3): pass
try:
    class F(E, metaclass=M4): pass
except TypeError as e:
    print("TypeError", e)

X = Meta("X", (), {"z": 5})
print(X, X.z, X.tag)
Y = type("Y", (A,), {})
print(type(Y).__name__)

def fmeta(name, bases, ns):
    return name.upper()
class G(metaclass=fmeta): pass
print(G)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self):
        print("S init")
print(S() is S())
