# match: OR patterns (each alternative binding the same names, in any
# order), AS patterns, and both nested in other patterns.


def alt(v):
    match v:
        case 0 | 1 | 2:
            return "small"
        case [x, 0] | [0, x]:
            return f"pair with zero, other {x}"
        case (x, y, "xy") | (y, x, "yx"):
            return f"x={x} y={y}"
        case {"a": a, "b": b} | {"b": b, "alias": a}:
            return f"a={a} b={b}"
        case [a, [b, c]] | [[c, b], a] | (c, a, b):
            return f"a={a} b={b} c={c}"
        case str() | bytes():
            return "text"
        case _:
            return "other"


for v in [0, 2, 3, [5, 0], [0, 6], [0, 0], (1, 2, "xy"), (1, 2, "yx"), {"a": 1, "b": 2},
          {"b": 3, "alias": 4}, [1, [2, 3]], [[3, 2], 1], (3, 1, 2), "s", b"b", 3.5]:
    print(repr(v), "->", alt(v))

# AS patterns capture the value an inner pattern matched.
for v in [[1, 2], [3, [4, 5]], (6,), 7]:
    match v:
        case [1, _] as whole:
            print("whole", whole)
        case [x, [y, _] as inner] as outer:
            print(x, y, inner, outer)
        case (int() | float()) as number:
            print("number", number)
        case [_] as single:
            print("single", single)

# An AS on a capture (inside a sequence), and an OR of AS patterns.
match [9]:
    case [1] | [2]:
        pass
    case [x as y]:
        print("x", x, "y", y)
match 8:
    case (9 as n) | (8 as n):
        print("n", n)

# The first alternative that matches wins; later ones are not tried.
class Noisy:
    def __init__(self, name, result):
        self.name, self.result = name, result

    def __eq__(self, other):
        print("  try", self.name)
        return self.result


class Vals:
    A = Noisy("A", False)
    B = Noisy("B", True)
    C = Noisy("C", True)


match 0:
    case Vals.A | Vals.B | Vals.C:
        print("matched by B")

# Captures of a failed alternative do not leak into the next.
match (1, 2):
    case (a, 3) | (2, a) | (_, a):
        print("a =", a)

# OR inside sequences and mappings, with captures around them.
for v in [["add", 1, 2], ["sub", 5, 3], ["mul", 2, 4], ["neg", 3]]:
    match v:
        case [("add" | "sub") as op, x, y]:
            print(op, x, y, x + y if op == "add" else x - y)
        case [op, x, y]:
            print("binary", op, x * y)
        case [op, x]:
            print("unary", op, -x)

tokens = [("num", 3), ("op", "+"), ("num", 4), ("end", None)]
stack = []
for tok in tokens:
    match tok:
        case ("num", int(n)) | ("float", n):
            stack.append(n)
        case ("op", "+" | "-" as sign):
            stack.append(sign)
        case ("end", None):
            print("tokens:", stack)


# Deep nesting of every kind at once.
class Node:
    __match_args__ = ("left", "op", "right")

    def __init__(self, left, op, right):
        self.left, self.op, self.right = left, op, right


def simplify(e):
    match e:
        case Node(x, "+", 0) | Node(0, "+", x) | Node(x, "*", 1) | Node(1, "*", x):
            return simplify(x)
        case Node(_, "*", 0) | Node(0, "*", _):
            return 0
        case Node(l, op, r):
            return (simplify(l), op, simplify(r))
        case int() | str() as leaf:
            return leaf


print(simplify(Node(Node("a", "+", 0), "*", Node(1, "*", Node("b", "*", 0)))))
print(simplify(Node("x", "-", Node(0, "+", "y"))))
