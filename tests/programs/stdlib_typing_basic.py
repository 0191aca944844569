# typing: names importable, subscription and reprs, Union/Optional
# flattening, Callable/Tuple/Literal forms, TypeVar and Generic classes,
# NamedTuple and TypedDict, cast/overload/NewType, get_origin/get_args,
# get_type_hints.
import typing
from typing import (
    Any, Union, Optional, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable,
    Iterator, Generator, Sequence, Mapping, MutableMapping, TypeVar, Generic, Protocol,
    NamedTuple, TypedDict, Literal, Final, ClassVar, cast, overload, TYPE_CHECKING,
    get_type_hints, get_origin, get_args, Type, Deque, DefaultDict, Counter, NoReturn,
    Annotated, NewType, AnyStr, Text, IO, TextIO, Hashable, Sized, Awaitable,
    Coroutine, AsyncIterator, ContextManager, SupportsInt, runtime_checkable, final,
)

print(TYPE_CHECKING, Any, NoReturn, Text is str)
print(List[int], Dict[str, int], Set[bytes], FrozenSet[int], Type[int], Deque[int])
print(Tuple[int, str], Tuple[int, ...], Tuple[()], List[List[int]], Dict[str, List[int]])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Union[int, Union[str, float]])
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], Union[int, int, str])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float], Mapping[str, Any])
print(Literal[1, "a", None], Final[int], ClassVar[List[int]], Annotated[int, "meta"])
print(List, Dict, Callable, Optional, Union)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union)
print(get_args(Callable[[int], str]), get_args(Optional[int]), get_origin(int), get_args(int))
print(get_origin(Annotated[int, "x"]) is Annotated, get_args(Literal[1, 2]))
print(List[int].__origin__, List[int].__args__, Optional[str].__args__)
try:
    List()
except TypeError as e:
    print("TypeError:", e)
print(Deque[int]([1, 2]), DefaultDict(int)["k"], Counter("aab"))

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
Co = TypeVar("Co", covariant=True)
print(T, K.__bound__, N.__constraints__, Co, T.__name__, AnyStr.__constraints__)
print(List[T], Dict[str, T][int], List[T][float])


class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), type(s).__name__, Stack[int], isinstance(s, Stack), isinstance(s, Generic))


class IntStack(Stack[int]):
    pass


print(IntStack.__mro__[1] is Stack, IntStack().items)


class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v


print(Pair[str, int]("a", 1).v, Pair("b", 2).k)


@runtime_checkable
class Greeter(Protocol):
    def greet(self) -> str: ...


class English:
    def greet(self) -> str:
        return "hello"


class Loud(Greeter):
    def greet(self):
        return "HELLO"


print(English().greet(), Loud().greet())


class Employee(NamedTuple):
    name: str
    id: int = 3
    tags: tuple = ()


e = Employee("guido")
print(e, e.name, e.id, e[0], len(e), isinstance(e, tuple), Employee._fields)
print(Employee("x", 5, ("a",)), e._replace(id=9), e._asdict(), Employee._field_defaults)
print(Employee.__annotations__, tuple(e), e == ("guido", 3, ()))
a, b, c = Employee("y", 1)
print(a, b, c)
try:
    Employee()
except TypeError as err:
    print("TypeError")

Point = NamedTuple("Point", [("x", int), ("y", int)])
print(Point(1, 2), Point._fields)


class Movie(TypedDict):
    title: str
    year: int


class Partial(TypedDict, total=False):
    rating: float


m = Movie(title="Blade Runner", year=1982)
print(m, type(m) is dict, m["title"], Movie.__annotations__)
print(sorted(Movie.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__)
Book = TypedDict("Book", {"isbn": str})
print(Book(isbn="123"), Book.__annotations__)

print(cast(int, "not an int"), cast("List[int]", [1]))


@overload
def double(x: int) -> int: ...


@overload
def double(x: str) -> str: ...


def double(x):
    return x * 2


print(double(2), double("ab"))
UserId = NewType("UserId", int)
print(UserId(5), UserId, UserId.__supertype__)


@final
class Leaf:
    pass


class Typed:
    a: int
    b: "List[str]"
    c: Optional[float] = None


print(get_type_hints(Typed))


class TypedChild(Typed):
    d: Dict[str, int]


print(list(get_type_hints(TypedChild)))
x: List[int] = [1, 2]
print(__annotations__)
print(Union[int, str] | None, None | Optional[int])
print(typing.Hashable, typing.Sized, typing.Awaitable[int], typing.ContextManager[int])
