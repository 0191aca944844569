def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
def g(x, y=1):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
def outer():
    T = tuple
    def inner(p: T) -> T:
        return p
    return inner
print(outer().__annotations__)
class K:
    def m(self, other: "K") -> "K":
        return self
print(K.m.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
import typing
def h(x: typing.List[int]) -> typing.Optional[str]:
    pass
print(typing.get_type_hints(h) if hasattr(typing, "get_type_hints") else None)
order = []
def ann(v):
    order.append(v)
    return v
def d(a: ann("a") = ann("default")) -> ann("ret"):
    pass
print(order)
