# enum: custom __new__, mixins, _ignore_, member/nonmember, match, functional API, flag aliases.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum, nonmember, member, EnumMeta, EnumType
import enum
class Coord(int, Enum):
    def __new__(cls, value, label):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, 'P.X')
    PY = (1, 'P.Y')
print(repr(Coord.PY), Coord.PY.label, Coord(1), Coord(0).label)
class Auto(Enum):
    def __new__(cls, *args):
        value = len(cls.__members__) + 1
        obj = object.__new__(cls)
        obj._value_ = value
        return obj
    A = ()
    B = ()
print(list(Auto), Auto(2))
class Pet(str, Enum):
    CAT = "cat"
    DOG = "dog"
print(repr(Pet.CAT), str(Pet.CAT), f"{Pet.DOG}", Pet.CAT == "cat", Pet("dog"), Pet.CAT.upper(), isinstance(Pet.CAT, str))
class W(Enum):
    _ignore_ = "tmp"
    tmp = 5
    A = 1
    B = nonmember(3)
    def C(self): return 1
    D = member(lambda: 4)
print([m.name for m in W], W.B, hasattr(W, "tmp"), W.D.value())
print(f"[{Color:>12}]" if False else "", end="")
class Color(Enum):
    RED = 1
    GREEN = 2
print(f"[{Color.RED:>12}]", f"[{Color.RED!r}]", bool(Color.RED), sorted(Color, key=lambda c: -c.value))
print(list(reversed(Color)), Color.RED in Color, Color.RED.__class__ is Color, isinstance(Color, EnumMeta))
def which(c):
    match c:
        case Color.RED: return "red"
        case Color.GREEN: return "green"
print(which(Color.GREEN), which(Color.RED))
class N(IntEnum):
    A = 1
    B = 2
    C = 3
print(N.A + N.B, N.C * 2, [10, 20, 30, 40][N.B], max(N), isinstance(N.A, int), int(N.C), N(3) is N.C, N.A | 4)
import json
print(json.dumps([N.A, N.B]), json.dumps({"k": Pet.CAT}))
class A(Enum):
    X = 1
try:
    class B(Enum):
        X = 1
        X = 2
except TypeError as e: print(e)
class Bad(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v): return 5
try: Bad(3)
except TypeError as e: print(e)
E2 = Enum("E2", "a b c", start=10)
print(list(E2), E2.a.value, E2.__name__)
E3 = IntEnum("E3", {"X": 5, "Y": 7})
print(list(E3), E3.X + 1)
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
print(list(F), F.AB, F.__members__.keys(), repr(F.A & F.B), F.A ^ F.C, ~F.AB)
print(F(3) is F.AB, F.A in F.AB, F.C in F.AB, list(F(7)))
class Perm(IntFlag):
    R = auto()
    W = auto()
    X = auto()
print(Perm.R | Perm.W, repr(Perm(7)), Perm.R + 1, Perm.W == 2, int(Perm.X), format(Perm.R | Perm.X, "03d"))
class S(StrEnum):
    NORTH = auto()
    SOUTH = "s"
print(list(S), S.NORTH == "north", f"{S.SOUTH}", S("north"))
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS = 2
    @property
    def sides(self):
        return {2: 4, 1: 4, 3: 0}[self.value]
    def __str__(self): return self.name.title()
print(Shape.ALIAS, Shape.SQUARE.sides, Shape['ALIAS'] is Shape.SQUARE, len(Shape.__members__), list(Shape.__members__))
print(Shape.SQUARE.name, Shape.ALIAS.name, [s.name for s in Shape])
try: del Shape.SQUARE
except AttributeError as e: print(e)
try: Color("x")
except ValueError as e: print(e)
print(type(Color.RED).__mro__[1:], Enum.__members__ if hasattr(Enum, '__members__') else None)
print(hash(Color.RED) == hash(Color.RED), {Color.RED, Color.RED, Color.GREEN} == {Color.RED, Color.GREEN})
print(enum.unique(Color) is Color, Color.RED.__reduce_ex__(2))
print(Color._member_names_, Color._value2member_map_)
class Ordered(Enum):
    def __lt__(self, other):
        return self.value < other.value
    LOW = 1
    HIGH = 2
print(sorted([Ordered.HIGH, Ordered.LOW]), Ordered.LOW < Ordered.HIGH)
print(Color.RED.value.__class__, N.A.value.__class__, N.A.name, N.A._value_)
