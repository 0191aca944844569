# functools: reduce with CPython's errors, partial (attributes, repr,
# flattening, keyword merging), partialmethod, wraps/update_wrapper.
import functools
from functools import reduce, partial, partialmethod, wraps, update_wrapper
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 10))
print(reduce(lambda a, b: a + [b], "abc", []), reduce(max, [5], 0), reduce(min, [], 7))
print(reduce(lambda a, b: a * 10 + b, iter([1, 2, 3])))
for args in [(operator.add, []), (operator.add, 5), (operator.add,), (1, 2, 3, 4)]:
    try:
        reduce(*args)
    except TypeError as e:
        print("TypeError", e)


def f(a, b, c=0, *rest, **kw):
    return (a, b, c, rest, kw)


p = partial(f, 1, c=3)
print(p(2), p(2, c=9), p(2, x=1))
try:
    p(2, 4, 5)
except TypeError as e:
    print("TypeError", e)
print(p.func is f, p.args, p.keywords)
q = partial(p, 7, d=4)
print(q.func is f, q.args, q.keywords, q())
print(repr(partial(max, 1, 2, key=abs)), repr(partial(len)))


class MyPartial(partial):
    pass


mp = MyPartial(max, 3)
print(repr(mp), mp(8), type(MyPartial(mp)).__name__)
try:
    partial(3)
except TypeError as e:
    print("TypeError", e)
p2 = partial(f, 1)
p2.attr = "x"
p3 = partial(p2, 2)
print(p3.func is p2, p3())
print(partial(dict, a=1)(b=2), partial(int, base=2)("101"))
print(sorted([3, 1, 2], key=partial(operator.mul, -1)))


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state):
        self.alive = bool(state)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)


c = Cell()
c.set_alive()
print(c.alive)
c.set_dead()
print(c.alive)
print(type(Cell.__dict__["set_alive"]).__name__)


def deco(fn):
    fn.__doc__ = "Say hello."  # (framevm keeps no docstrings yet)

    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return ("wrapped", fn(*a, **k))
    return inner


@deco
def greet(name):
    """Say hello."""
    return "hi " + name


greet.extra = 1
print(greet("bob"), greet.__name__, greet.__doc__, greet.__qualname__, greet.__module__)
print(greet.__wrapped__("x"), greet.__wrapped__.__name__)


def target():
    pass


target.__doc__ = "target doc"

target.tag = "t"


def wrapper():
    pass


r = update_wrapper(wrapper, target)
print(r is wrapper, wrapper.__name__, wrapper.__doc__, wrapper.tag, wrapper.__wrapped__ is target)


def w2():
    pass


update_wrapper(w2, target, assigned=("__doc__",), updated=())
print(w2.__name__, w2.__doc__, hasattr(w2, "tag"))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
