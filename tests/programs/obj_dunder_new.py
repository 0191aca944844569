# __new__ runs before __init__; __init__ runs only when __new__ gives an
# instance of the class; object.__new__ and super().__new__ make instances.
class A:
    def __new__(cls, *args):
        print("A.__new__", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, x):
        print("A.__init__", x)
        self.x = x


a = A(5)
print(a.x, type(a).__name__)


class B(A):
    pass


b = B(7)
print(b.x, type(b).__name__)


class Singleton:
    _it = None

    def __new__(cls):
        if cls._it is None:
            cls._it = object.__new__(cls)
        return cls._it


print(Singleton() is Singleton())


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Other())


class Temp(float):
    def __new__(cls, celsius):
        return float.__new__(cls, celsius + 273.15)


print(Temp(0), type(Temp(1)).__name__)


class Err(Exception):
    def __new__(cls, *args):
        print("Err.__new__", args)
        return super().__new__(cls, *args)


try:
    raise Err("boom")
except Err as e:
    print("caught", e, e.args)
try:
    object.__new__(3)
except TypeError as e:
    print("TypeError:", e)
