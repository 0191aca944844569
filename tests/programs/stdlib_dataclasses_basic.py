# dataclasses: generated __init__/__repr__/__eq__, defaults and
# default_factory, field options, order, frozen, hashing, inheritance,
# __post_init__ with InitVar, ClassVar, kw_only, __match_args__, and the
# helpers fields/asdict/astuple/replace/is_dataclass.
from dataclasses import (
    dataclass, field, fields, asdict, astuple, replace, is_dataclass,
    FrozenInstanceError, InitVar, KW_ONLY, MISSING,
)
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__init__.__qualname__, Point.__match_args__, Point.__hash__)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)


vs = [Version(1, 2), Version(0, 9), Version(1, 0, "rc")]
print(sorted(vs), Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9))
print(hash(Version(1, 2)) == hash(Version(1, 2)), Version(1, 0, "a") == Version(1, 0, "b"))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
try:
    del vs[0].minor
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    total: int = field(default=0, init=False)
    secret: str = field(default="hidden", repr=False)
    kind: ClassVar[str] = "inventory"


a, b = Inventory(), Inventory()
a.items.append("apple")
print(a, b, a.items is b.items, Inventory.kind, [f.name for f in fields(Inventory)])
try:
    Inventory(total=3)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Rect:
    w: float
    h: float
    scale: InitVar[float] = 1.0
    area: float = field(init=False)

    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h


print(Rect(2, 3), Rect(2, 3, scale=2), [f.name for f in fields(Rect)])


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: list = field(default_factory=lambda: [1])
    a: int = 10


print(Child(), Child(1, "x", [2]), [f.name for f in fields(Child)], Child.__match_args__)


@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int


print(Opts(level=3))
try:
    Opts(1)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int


print(Mixed(1, c=3), Mixed.__match_args__)


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), hash(Ident(1)) != 0 or True)


@dataclass(unsafe_hash=True)
class Hashy:
    v: int
    w: list = field(default_factory=list, hash=False)


print(hash(Hashy(3)) == hash(Hashy(3)), len({Hashy(1), Hashy(1)}), Hashy(2) in {Hashy(2)})


@dataclass
class Custom:
    v: int

    def __repr__(self):
        return "custom!"

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == Custom(2))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)


tree = Node(1, [Node(2), Node(3, [Node(4)])], {"k": (Node(5),)})
print(asdict(tree))
print(astuple(tree))
print(replace(p, y=9), replace(Version(1, 2), minor=7), p)
try:
    replace(Inventory(), total=1)
except ValueError as e:
    print("ValueError:", e)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(5), is_dataclass(int))
try:
    fields(5)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print("TypeError:", e)
f = fields(Point)[1]
print(f.name, f.type, f.default, f.default_factory is MISSING, f.init, f.repr, f.compare)


match Point(0, 7):
    case Point(0, y):
        print("on the y axis at", y)


@dataclass
class WithMethods:
    name: str
    tags: tuple = ()

    def shout(self):
        return self.name.upper()

    @property
    def n(self):
        return len(self.tags)


w = WithMethods("w", ("a", "b"))
print(w.shout(), w.n, w)


def make():
    @dataclass
    class Local:
        q: int = 1

    return Local


print(make()(), make().__qualname__)
