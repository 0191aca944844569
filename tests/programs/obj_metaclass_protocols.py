# An enum made with a metaclass, and an ABC-style registry.
class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith('_') and not callable(v)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = []
        for k, v in members.items():
            m = object.__new__(cls)
            m.name, m.value = k, v
            setattr(cls, k, m)
            cls._members.append(m)
        return cls
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        for m in cls._members:
            if m.name == name:
                return m
        raise KeyError(name)
    def __call__(cls, value):
        for m in cls._members:
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")
    def __contains__(cls, m):
        return m in cls._members
    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"
    @property
    def names(cls):
        return [m.name for m in cls._members]

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return self.name.lower()

print(Color, list(Color), len(Color))
print(Color.RED, repr(Color.GREEN), Color['BLUE'], Color(2))
print(Color.RED in Color, Color.names, Color.BLUE.describe())
print(isinstance(Color.RED, Color), type(Color).__name__, bool(Color))
try:
    Color(7)
except ValueError as e:
    print(e)
d = {Color.RED: 'r', Color: 'cls'}
print(d[Color.RED], d[Color], hash(Color) == hash(Color))
print(Color == Color, Color != Enum, sorted([3, 1, 2]))

class ABCish(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls._registry = set()
        return cls
    def register(cls, sub):
        cls._registry.add(sub)
        return sub
    def __instancecheck__(cls, inst):
        return any(issubclass(type(inst), r) for r in cls._registry)
    def __subclasscheck__(cls, sub):
        return any(issubclass(sub, r) for r in cls._registry)

class Sized(metaclass=ABCish):
    pass
Sized.register(list)
print(isinstance([], Sized), isinstance({}, Sized), issubclass(list, Sized), issubclass(dict, Sized))

class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class W(metaclass=Counted):
    def __init__(self, x=0):
        self.x = x
ws = [W(i) for i in range(5)]
print(Counted.count, ws[3].x, W.__class__.__name__, W.__mro__)
print(type.__call__(W, 9).x, Counted.count)
print(EnumMeta.__mro__, EnumMeta.__bases__, Color.__dict__.get('RED'))
