# The builtin types are classes: type() gives them, they print as classes,
# their methods are reachable unbound, and isinstance/issubclass see the
# hierarchy (bool under int, everything under object).
print(type(1) is int, type(True) is bool, type(1.5), type("s"), type(b"b"))
print(type([]), type(()), type({}), type(set()), type(frozenset()))
print(type(range(3)), type(slice(1)), type(None), type(type), type(int))
print(int, str, list, dict, object, type)
print(int.__name__, int.__qualname__, int.__module__, bool.__bases__, bool.__mro__)
print(str.__base__, object.__base__, list.__mro__)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(issubclass(int, object), isinstance(int, type), isinstance(3, object))
print(isinstance([], (tuple, list)), isinstance("x", (int, float)))
print(str.upper("abc"), str.join("-", ["a", "b"]), list.__len__([1, 2]))
print(int.__add__(1, 2), dict.fromkeys("ab", 0), float.fromhex("0x1p1"))
print(sorted(["b", "A", "c"], key=str.lower))
print(list(map(str, [1, 2])), list(map(int, "123")), [float(x) for x in (1, 2)])
print(type(3)(7), type("a")("b"), type([])((1, 2)))
print(callable(int), callable(3), hash(int) == hash(int))
print([t.__name__ for t in (int, float, str, bytes, bytearray, tuple, list, dict, set, frozenset)])
print(type(print), type(len), type(lambda: 0).__name__)
try:
    int.foo = 1
except TypeError as e:
    print("TypeError:", e)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class C(int, str):
        pass
except TypeError as e:
    print("TypeError:", e)
print(object().__class__, repr(object()).startswith("<object object at 0x"))
print(type(1).__class__, "upper" in dir(str), "append" in dir(list))
