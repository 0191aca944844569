# The attribute protocol: __getattr__ for what is missing, __getattribute__
# for everything, __setattr__/__delattr__, descriptors (__get__, __set__,
# __delete__, __set_name__) and property with getter, setter and deleter.
class Lazy:
    def __init__(self):
        self.real = "real"

    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")


z = Lazy()
print(z.real, z.xyz, getattr(z, "xa"), hasattr(z, "xb"), hasattr(z, "q"), getattr(z, "q", "dflt"))


class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


g = Logged()
g.a = 21
print(g.a, vars(g))
del g.a
print(hasattr(g, "a"))
try:
    del g.nothing
except AttributeError as e:
    print("AttributeError:", e)


class Everything:
    def __init__(self):
        self.kept = 1

    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)

    def method(self):
        return "method"


e = Everything()
print(e.magic, e.kept, e.method())


class Typed:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Typed {self.name} of {self.owner}>"
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
print(p.x, p.y, Point.x, sorted(vars(p).items()))
try:
    p.x = "no"
except TypeError as err:
    print("TypeError:", err)
del p.y


class Constant:
    def __init__(self, v):
        self.v = v

    def __get__(self, obj, objtype=None):
        return self.v


class K:
    c = Constant(7)


k = K()
print(k.c, K.c)
k.c = "instance wins"
print(k.c)


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None


t = Temperature()
t.celsius = 30
print(t.celsius, Temperature.celsius.fget(t), property(doc="d").__doc__)
del t.celsius
print(t.celsius)


class Registry:
    seen = []

    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Registry.seen.append((cls.__name__, tag))


class A(Registry, tag="a"):
    pass


class B(A):
    pass


print(Registry.seen)


class Ne:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq called")
        return isinstance(other, Ne) and self.v == other.v


print(Ne(1) != Ne(1), Ne(1) != Ne(2))
print(list(Point.__dict__)[:4], Point.__qualname__)
