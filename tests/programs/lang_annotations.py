# Annotations in module and class bodies are evaluated and stored in
# __annotations__ in definition order; in functions they are not evaluated.
x: int = 3
y: "list[int]"
print(__annotations__)
print(x)


class Point:
    a: int
    b: float = 1.5
    if True:
        c: str
    for _i in range(1):
        d: bytes = b""
    obj_attr = 7


print(Point.__annotations__)
print(list(Point.__annotations__))
print(Point.b, hasattr(Point, "a"))


class Empty:
    pass


print("__annotations__" in Empty.__dict__)


def f():
    z: undefined_name = 5  # not evaluated in a function
    w: also_undefined
    return z


print(f())


def outer():
    T = tuple

    class Inner:
        t: T
        n: T = ()

    return Inner


print(outer().__annotations__)

order = []


def note(v):
    order.append(v)
    return v


class Order:
    p: note("ann") = note("value")


print(order)


class Holder:
    pass


h = Holder()
h.attr: note("attr ann") = 1
print(order, h.attr)
