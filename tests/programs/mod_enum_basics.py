# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases, lookups, reprs and errors.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.GREEN}", Color.CRIMSON)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED.name, Color.RED.value)
print(Color.__members__)
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print(list(A))
class P(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(list(P), repr(P.R | P.W), str(P.R | P.W), repr(P(0)), repr(~P.R), P.R in (P.R | P.W), len(P.R|P.X), bool(P(0)))
print(list(P.R | P.W), P.RWX, repr(P(7)))
try: P(8)
except ValueError as e: print(e)
class F(Flag):
    A = auto(); B = auto(); C = auto()
print(list(F), repr(F.A | F.C), F.A | F.C)
class N(IntEnum):
    ONE = 1
    TWO = 2
print(repr(N.ONE), str(N.ONE), format(N.TWO), f"{N.ONE:03d}", N.ONE + 1, N.TWO == 2, N.ONE < N.TWO, sorted([N.TWO, N.ONE]))
class S(StrEnum):
    A = auto()
    B = "bee"
print(repr(S.A), str(S.A), S.B.upper(), S.A == "a")
class I(IntFlag):
    R = 4
    W = 2
print(repr(I.R | I.W), str(I.R | I.W), I.R | 8, repr(I(9)))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
Sh = Enum('Sh', [('SQ', 2), ('CI', 3)])
print(list(Sh))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 3), Planet.MERCURY.mass)
class Od(Enum):
    A = 1
    def describe(self): return self.name.lower()
    @classmethod
    def first(cls): return list(cls)[0]
print(Od.A.describe(), Od.first(), hash(Od.A) == hash("A"), Od.A is Od(1), isinstance(Od.A, Od), type(Od.A))
try: Od.A = 2
except AttributeError as e: print(e)
try:
    class Ext(Od): B = 2
except TypeError as e: print(e)
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v):
        return cls.A
print(M(99))
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.RED) is Color.RED)
print({Color.RED: 1}[Color.CRIMSON], Color.RED == 1, Color.RED != Color.GREEN)
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
print(Color.RED.__class__.__name__, [m.name for m in Color], dir(Color.RED)[:3] if False else '')
class Ord(IntEnum):
    A = auto()
    B = auto()
print(Ord.A, Ord.B.value, Ord(2))
print(type(Color).__name__, Enum.__name__, isinstance(Color, type))
