# match: literal, singleton, capture, wildcard and value patterns; guards;
# which case runs; names bound only by the case that matched.

import sys


def classify(v):
    match v:
        case 0:
            return "int zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "something else"


for v in [0, 0.0, False, True, 1, 1.0, -1, -1.0, 1.5, "hello", b"raw", None, "", [], 2]:
    print(repr(v), "->", classify(v))


class Color:
    RED = "red"
    GREEN = "green"

    class Inner:
        BLUE = "blue"


def color(c):
    match c:
        case Color.RED:
            return "R"
        case Color.GREEN:
            return "G"
        case Color.Inner.BLUE:
            return "B"
        case sys.maxsize:
            return "maxsize"
        case other:
            return "other " + repr(other)


for c in ["red", "green", "blue", sys.maxsize, "x"]:
    print(c, color(c))


# Equality is by ==: __eq__ of the subject's class runs (the literal is on
# the right, so the reflected method of the subject).
class Eq:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("  __eq__", self.n, other)
        return self.n == other


match Eq(3):
    case 1:
        print("one")
    case 3:
        print("three")

# `is` for None/True/False: 1 is not True.
match 1:
    case True:
        print("1 is True?")
    case 1:
        print("1 is 1")


# Guards, and the order of evaluation.
def log(msg, value=True):
    print("  guard", msg)
    return value


def guarded(n):
    match n:
        case x if log("neg", x < 0):
            return f"negative {x}"
        case 0 if log("zero"):
            return "zero"
        case x if log("even", x % 2 == 0):
            return f"even {x}"
        case x:
            return f"odd {x}"


for n in [-3, 0, 4, 7]:
    print(n, guarded(n))

# A failed case binds nothing; a failed guard keeps its captures.
match (1, 2):
    case (a, 3):
        print("no")
    case (b, c) if b > c:
        print("no")
    case _:
        pass
print("a" in dir(), "b" in globals(), globals().get("c"))


def unbound():
    match [1]:
        case [1, z]:
            pass
        case _:
            pass
    try:
        return z
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(unbound())

# No case matches: nothing runs, the statement is done.
match 42:
    case 1:
        print("one")
    case "42":
        print("str")
print("after no match")

# A single wildcard and a single capture.
match 5:
    case _:
        print("wildcard only")
match 6:
    case whole:
        print("captured", whole)

# Walrus in a guard binds in the enclosing scope.
match 10:
    case n if (half := n // 2) > 3:
        print("half", half)


# Captures in nested functions (cells) and globals.
def outer():
    match "cell":
        case captured:
            pass
    return lambda: captured


print(outer()())

g = None


def set_global():
    global g
    match {"x": 1}:
        case {"x": g}:
            pass


set_global()
print("global g =", g)


# match inside a loop: break and continue from a case body.
for i in range(10):
    match i:
        case 2:
            continue
        case 5:
            break
        case n if n % 2:
            print("odd", n)
        case _:
            print("even", i)
print("loop done at", i)


# A class body and match in a generator.
class Config:
    mode = "fast"
    match mode:
        case "fast":
            speed = 10
        case _:
            speed = 1


print(Config.speed)


def gen(items):
    for it in items:
        match it:
            case int(n):
                yield n * 2
            case str(s):
                yield s.upper()
            case _:
                yield from [None, None]


print(list(gen([1, "a", 2.0])))

# The subject is evaluated once.
def subject():
    print("subject evaluated")
    return 3


match subject():
    case 1:
        pass
    case 2:
        pass
    case 3:
        print("three")

# Nested match.
for p in [(1, "a"), (2, "b"), (1, "c")]:
    match p:
        case (1, x):
            match x:
                case "a":
                    print("1a")
                case _:
                    print("1 other", x)
        case _:
            print("other", p)

# `match` and `case` stay usable as names.
match = [1, 2]
case = 3
match match:
    case [case, *_]:
        print("soft keywords", case)
print(match, case)
