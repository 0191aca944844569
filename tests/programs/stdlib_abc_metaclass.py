from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...

class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "sq"

try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print(e)
s = Sq(3)
print(s.area(), s.name(), isinstance(s, Shape), type(Shape) is ABCMeta)

class Sized2(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented

print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2))

class Registry(ABC):
    pass
Registry.register(int)
@Registry.register
class Other:
    pass
print(isinstance(3, Registry), isinstance("x", Registry), issubclass(Other, Registry), isinstance(Other(), Registry))
print(Shape.__abstractmethods__ == frozenset({'area', 'name'}), Sq.__abstractmethods__)
