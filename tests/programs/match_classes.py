# match: class patterns — isinstance, positional sub-patterns through
# __match_args__, keyword sub-patterns as attributes, the builtin types that
# match their whole subject, and CPython's errors.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat 3d {x},{y}"
        case Point3(_, _, z):
            return f"3d at height {z}"
        case Point(x=0, y=y):
            return f"y axis {y}"
        case Point(x, 0):
            return f"x axis {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere {p}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 4), Point(3, 0), Point(2, 2), Point(1, 5),
          Point3(1, 2, 0), Point3(1, 2, 9), (0, 0), None]:
    print(p, "->", where(p))

# Inherited __match_args__.
class Sub(Point):
    pass


match Sub(7, 8):
    case Point(a, b):
        print("Sub as Point", a, b)

# Builtin types take the whole subject as their one positional pattern.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(0 | 1 as small):
            return f"small int {small}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str("") as s:
            return "empty str"
        case str(s):
            return f"str {s}"
        case bytes(b) | bytearray(b):
            return f"bytes-like {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple(t):
            return f"tuple of {len(t)}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case set(s) | frozenset(s):
            return f"{type(s).__name__} of {len(s)}"
        case _:
            return f"other {type(v).__name__}"


for v in [True, 0, 1, 5, 2.5, "", "abc", b"x", bytearray(b"y"), [9, 8], [], (1, 2),
          {"k": 1}, {}, {1, 2}, frozenset(), None, range(2)]:
    print(repr(v), "->", kind(v))

# Subclasses of builtins match themselves too (unless they set
# __match_args__).
class MyInt(int):
    pass


class Named(str):
    __match_args__ = ("upper_name",)

    @property
    def upper_name(self):
        return self.upper()


match MyInt(3):
    case int(n):
        print("MyInt as int", n, type(n).__name__)
match MyInt(4):
    case MyInt(n):
        print("MyInt itself", n)
match Named("abc"):
    case Named(u):
        print("Named ->", u)
match Named("def"):
    case str(s):
        print("Named as str", s)

# Keyword patterns read any attribute, methods included; a missing
# attribute is no match.
match "Hello":
    case str(upper=up):
        print("bound method:", up())
match Point(1, 2):
    case Point(z=z):
        print("no z", z)
    case Point(x=1):
        print("x=1, no z")

# Attribute errors from properties are no match; other errors propagate.
class Prop:
    __match_args__ = ("a", "b")

    @property
    def a(self):
        raise AttributeError("no a")

    @property
    def b(self):
        raise KeyError("b")


match Prop():
    case Prop(a=1):
        print("no")
    case _:
        print("AttributeError in a property: no match")
try:
    match Prop():
        case Prop(b=1):
            print("no")
except KeyError as e:
    print("KeyError propagates:", e)

# Attributes are read in pattern order: positionals first.
class Loud:
    __match_args__ = ("p", "q")

    def __getattr__(self, name):
        print("  getattr", name)
        if name == "missing":
            raise AttributeError(name)
        return name


match Loud():
    case Loud("p", q=1):
        print("no")
    case Loud("p", "q", other="other"):
        print("matched Loud")
match Loud():
    case Loud(missing=_, p=_):
        print("no")
    case _:
        print("stopped at the missing one")

# Errors.
def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)


def too_many():
    match Point(1, 2):
        case Point(1, 2, 3):
            pass


def int_two():
    match 1:
        case int(1, 2):
            pass


def no_match_args():
    class Plain:
        pass
    match Plain():
        case Plain(1):
            pass


def list_match_args():
    class Bad:
        __match_args__ = ["a"]
    match Bad():
        case Bad(1):
            pass


def int_match_args():
    class Bad:
        __match_args__ = (1,)
    match Bad():
        case Bad(1):
            pass


def repeated():
    match Point(1, 2):
        case Point(1, x=1):
            pass


def not_a_class():
    not_class = 3
    match 3:
        case not_class():
            pass


def wrong_instance_first():
    # isinstance comes first: a non-instance never reaches __match_args__.
    class Bad:
        __match_args__ = ["a"]
    match 5:
        case Bad(1):
            pass


attempt("too many", too_many)
attempt("int(1, 2)", int_two)
attempt("no __match_args__", no_match_args)
attempt("list __match_args__", list_match_args)
attempt("int in __match_args__", int_match_args)
attempt("repeated", repeated)
attempt("not a class", not_a_class)
attempt("not an instance", wrong_instance_first)

# Dotted class names, and class patterns inside others.
class shapes:
    class Circle:
        __match_args__ = ("r",)

        def __init__(self, r):
            self.r = r


items = [shapes.Circle(1), [shapes.Circle(2), Point(0, 1)], {"c": shapes.Circle(3)}]
for it in items:
    match it:
        case shapes.Circle(r=1):
            print("unit circle")
        case [shapes.Circle(r), Point(_, y)]:
            print("circle and point", r, y)
        case {"c": shapes.Circle(r) as c}:
            print("circle in dict", r, type(c).__name__)

# Class patterns inside a try block.
try:
    match 1:
        case int(x):
            print("int", x)
    match Point(1, 1):
        case Point(x, y) if x == y:
            print("same", x)
except TypeError as e:
    print(e)

# An uncaught error in a class pattern ends the program with a traceback.
match Point(1, 2):
    case Point(1, 2, 3):
        pass
