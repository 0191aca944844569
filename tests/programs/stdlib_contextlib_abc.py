# contextlib (contextmanager with exceptions in the block, as a
# decorator; suppress, closing, nullcontext, ExitStack, redirect_stdout)
# and abc (ABC, abstractmethod and the TypeError of an abstract class).
import io
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, ExitStack,
                        redirect_stdout, AbstractContextManager, ContextDecorator)
from abc import ABC, abstractmethod
import abc


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("a") as t:
    print("inside", t)
try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", e)


with swallow():
    raise KeyError("k")
print("after swallow")
with swallow():
    pass


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)


@contextmanager
def replaces():
    try:
        yield
    except ValueError:
        raise TypeError("replaced")


try:
    with replaces():
        raise ValueError("orig")
except TypeError as e:
    print("TypeError", e, type(e.__context__).__name__)


@tag("deco")
def decorated(x):
    print("body", x)
    return x * 2


print(decorated(3), decorated(4), decorated.__name__)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")
with suppress():
    pass


class Res:
    def close(self):
        print("closed")


with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

with ExitStack() as stack:
    for n in ("x", "y"):
        print(stack.enter_context(tag(n)))
    stack.callback(print, "callback", 1, sep="-")

    def exit_fn(*exc):
        print("exit_fn", exc[0])
    stack.push(exit_fn)
    print("stack body")

with ExitStack() as stack:
    stack.callback(print, "never")
    moved = stack.pop_all()
print("popped")
moved.close()


def suppress_all(*exc):
    print("suppress_all sees", exc[0].__name__ if exc[0] else None)
    return True


with ExitStack() as stack:
    stack.push(suppress_all)
    stack.callback(print, "runs first")
    raise OSError("ex")
print("stack suppressed")
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("first")
except ZeroDivisionError as e:
    print("ZeroDivisionError", type(e.__context__).__name__)
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError", e)

buf = io.StringIO()
with redirect_stdout(buf):
    sys.stdout.write("to buffer\n")
print(repr(buf.getvalue()), sys.stdout is sys.__stdout__)


class MyCM(AbstractContextManager):
    def __exit__(self, *exc):
        print("MyCM exit")


with MyCM() as m:
    print(type(m).__name__)


class Bad(AbstractContextManager):
    pass


try:
    Bad()
except TypeError as e:
    print("TypeError", e)


class Deco(ContextDecorator):
    def __enter__(self):
        print("enter deco")
        return self

    def __exit__(self, *exc):
        print("exit deco")
        return False


@Deco()
def work():
    print("working")


work()


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return "%s of area %s" % (self.name(), self.area())


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class NamedSquare(Square):
    def name(self):
        return "square"


for cls, args in ((Shape, ()), (Square, (2,)), (NamedSquare, (3,))):
    try:
        print(cls(*args).describe())
    except TypeError as e:
        print("TypeError", e)
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__), NamedSquare.__abstractmethods__)
print(isinstance(NamedSquare(1), Shape), getattr(Shape.area, "__isabstractmethod__", False))


class WithProp(ABC):
    @property
    @abstractmethod
    def value(self):
        ...


class Impl(WithProp):
    @property
    def value(self):
        return 42


try:
    WithProp()
except TypeError as e:
    print("TypeError", e)
print(Impl().value)


class Empty(ABC):
    pass


print(type(Empty()).__name__, type(abc.get_cache_token()).__name__)
