# functools: lru_cache and cache (hits, misses, eviction order, typed,
# maxsize=None/0, the decorator forms), cached_property, total_ordering,
# cmp_to_key, singledispatch by type and singledispatchmethod.
import functools
from functools import (lru_cache, cache, cached_property, total_ordering,
                       cmp_to_key, singledispatch, singledispatchmethod)


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__name__, fib.__wrapped__(1))
calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(calls, sq.cache_info(), sq.cache_parameters())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, type(info).__name__, tuple(info))


@lru_cache(maxsize=None, typed=True)
def ident(x):
    calls.append(("ident", x))
    return x


calls.clear()
print(ident(1), ident(1.0), ident(1), ident(True), calls, ident.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1), nocache(1)
print(nocache.cache_info())


@cache
def kw(a, b=2, *, c=3):
    calls.append((a, b, c))
    return a + b + c


calls.clear()
print(kw(1), kw(1), kw(1, b=2), kw(1, c=3), kw(a=1), calls, kw.cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError", e)
try:
    kw([1])
except TypeError as e:
    print("TypeError", e)


class Obj:
    @lru_cache(maxsize=None)
    def method(self, x):
        return (id(self) > 0, x * 2)


o = Obj()
print(o.method(4), o.method(4), Obj.method.cache_info())


class Data:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def total(self):
        """The total."""
        self.computed += 1
        return sum(range(self.n))


d = Data(10)
print(d.total, d.total, d.computed, "total" in vars(d))
del d.total
print(d.total, d.computed)
d.total = 5
print(d.total)
print(type(Data.total).__name__, Data.total.attrname)
cp = cached_property(len)
cp.__set_name__(Data, "a")
try:
    cp.__set_name__(Data, "b")
except TypeError as e:
    print("TypeError", e)
try:
    cached_property(len).__get__(d, Data)
except TypeError as e:
    print("TypeError", e)


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), V(2) > V(1), V.__gt__.__name__)


@total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __ge__(self, o):
        return self.v >= o.v


print(G(1) < G(2), G(1) > G(2), G(2) <= G(2), sorted([G(3), G(1), G(2)])[0].v)
try:
    @total_ordering
    class N:
        pass
except ValueError as e:
    print("ValueError", e)


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([5, 2, 9, 1], key=cmp_to_key(cmp)), sorted("bca", key=cmp_to_key(lambda a, b: cmp(b, a))))
k = cmp_to_key(cmp)
print(k(1) < k(2), k(2) == k(2), k(3) >= k(4), k(1).obj)
try:
    hash(k(1))
except TypeError:
    print("unhashable key")


@singledispatch
def show(x):
    return "object " + repr(x)


@show.register(int)
def _(x):
    return "int %d" % x


@show.register(list)
def _(x):
    return "list of %d" % len(x)


def show_str(x):
    return "str " + x


show.register(str, show_str)
print(show(1), show(True), show("s"), show([1, 2]), show(2.5), show(None))
print(show.dispatch(bool) is show.dispatch(int), show.dispatch(str) is show_str,
      sorted(t.__name__ for t in show.registry))


class Base:
    pass


class Derived(Base):
    pass


@show.register(Base)
def _(x):
    return "base-ish " + type(x).__name__


print(show(Derived()), show(Base()), show.__name__)
try:
    show.register(3, show_str)
except TypeError as e:
    print("TypeError", e)
try:
    show()
except TypeError as e:
    print("TypeError", e)


class Fmt:
    @singledispatchmethod
    def fmt(self, arg):
        return "default"

    @fmt.register(int)
    def _(self, arg):
        return "int %d" % arg


print(Fmt().fmt(3), Fmt().fmt("x"))
