# match: the SyntaxErrors CPython's compiler raises for patterns, and the
# errors a running match statement raises.


def compile_error(src):
    try:
        compile(src, "<pattern>", "exec")
        print("compiles:", src.splitlines()[1].strip())
    except SyntaxError as e:
        print(type(e).__name__ + ":", e)


sources = [
    "match v:\n    case x:\n        pass\n    case 1:\n        pass\n",
    "match v:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match v:\n    case x if x:\n        pass\n    case 1:\n        pass\n",
    "match v:\n    case x | 1:\n        pass\n",
    "match v:\n    case 1 | x:\n        pass\n",
    "match v:\n    case 1 | _:\n        pass\n    case 2:\n        pass\n",
    "match v:\n    case (x as y):\n        pass\n    case 2:\n        pass\n",
    "match v:\n    case [x, x]:\n        pass\n",
    "match v:\n    case {'a': x, **x}:\n        pass\n",
    "match v:\n    case P(x, y=x):\n        pass\n",
    "match v:\n    case [x] as x:\n        pass\n",
    "match v:\n    case [x, (x | 1)]:\n        pass\n",
    "match v:\n    case [x, (y | y)]:\n        pass\n",
    "match v:\n    case [x] | [y]:\n        pass\n",
    "match v:\n    case [x, y] | [x]:\n        pass\n",
    "match v:\n    case [x, y] | [y, x]:\n        pass\n",
    "match v:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match v:\n    case {1: _, 1.0: _}:\n        pass\n",
    "match v:\n    case {True: _, 1: _}:\n        pass\n",
    "match v:\n    case {-1: _, 'b': _, -1: _}:\n        pass\n",
    "match v:\n    case [*a, *b]:\n        pass\n",
    "match v:\n    case [*_, 1, *_]:\n        pass\n",
    "match v:\n    case P(x=1, x=2):\n        pass\n",
    "match v:\n    case __debug__:\n        pass\n",
    "match v:\n    case [_, *_] | [_] | _:\n        pass\n",
    "x = 1\nmatch v:\n    case 1:\n        break\n",
]
for s in sources:
    compile_error(s)

# Errors at run time.
try:
    match [1, 2]:
        case [a, b] if b / 0:
            pass
except ZeroDivisionError as e:
    print("guard raised:", e)


class BadLen(list):
    def __len__(self):
        raise RuntimeError("len failed")


try:
    match BadLen([1]):
        case [x]:
            pass
except RuntimeError as e:
    print("RuntimeError:", e)


class BadEq:
    def __eq__(self, other):
        raise ValueError("no comparing")


try:
    match BadEq():
        case 1:
            pass
except ValueError as e:
    print("ValueError:", e)


class NoGet(dict):
    get = None


try:
    match NoGet(a=1):
        case {"a": 1}:
            pass
except TypeError as e:
    print("TypeError:", e)

# An uncaught error from a mapping pattern's keys ends the program.
class Keys:
    A = "k"
    B = "k"


match {"k": 1, "j": 2}:
    case {Keys.A: 1, Keys.B: 2}:
        pass
