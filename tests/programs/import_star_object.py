# `from x import *` where sys.modules holds a class or an instance; dir() of a module.
import sys
import math


class M:
    __all__ = ("y",)
    x = "b1"
    y = "b2"
    _hidden = 0


sys.modules["fake_mod"] = M
from fake_mod import *
print(y)


class N:
    a = 1
    _b = 2

    def __init__(self):
        self.c = 3


sys.modules["fake_mod2"] = N()
from fake_mod2 import *
print(c)
sys.modules["fake_mod3"] = 1
try:
    from fake_mod3 import *
except ImportError as e:
    print("ImportError", e)
print("sqrt" in dir(math), "pi" in dir(math), dir(math) == sorted(dir(math)))
print("path" in dir(sys), "__name__" in dir(sys))
