# match: mapping patterns — dicts and their subclasses, keys as literals or
# value patterns, missing keys, `**rest`, the mapping's own `get`.


def describe(v):
    match v:
        case {}:
            if not v:
                return "empty mapping"
            match v:
                case {"type": "point", "x": x, "y": y}:
                    return f"point {x},{y}"
                case {"type": "circle", "r": r, **rest}:
                    return f"circle r={r} rest={rest}"
                case {"type": t}:
                    return f"unknown type {t}"
                case {1: one, 2.0: two}:
                    return f"numbers {one} {two}"
                case {None: n, True: t}:
                    return f"singletons {n} {t}"
                case {**everything}:
                    return f"anything {everything}"
        case _:
            return "not a mapping"


tests = [
    {},
    {"type": "point", "x": 1, "y": 2},
    {"type": "point", "x": 1, "y": 2, "z": 3},
    {"type": "point", "x": 1},
    {"type": "circle", "r": 5, "color": "red", "fill": None},
    {"type": "circle", "r": 5},
    {"type": "square"},
    {1: "a", 2: "b"},
    {1.0: "a", 2: "b", 3: "c"},
    {True: "t", None: "n"},
    {"other": 1},
    [("type", "point")],
    "type",
    None,
]
for t in tests:
    print(t, "->", describe(t))

# A key whose value is None is present.
match {"k": None}:
    case {"k": None}:
        print("k is None")

# Value patterns as keys.
class K:
    NAME = "name"
    AGE = "age"


match {"name": "Ada", "age": 36, "lang": "en"}:
    case {K.NAME: n, K.AGE: a, **others}:
        print(n, a, others)

# Two value-pattern keys equal at run time: ValueError.
class Dup:
    A = "same"
    B = "same"


try:
    match {"same": 1, "x": 2}:
        case {Dup.A: a, Dup.B: b}:
            print("no")
except ValueError as e:
    print("ValueError:", e)

# An unhashable key from a value pattern.
class Unhash:
    L = [1]


try:
    match {"a": 1}:
        case {Unhash.L: x}:
            print("no")
except TypeError as e:
    print("TypeError:", e)

# A subclass of dict: its get is called (with a default no key can have),
# __getitem__ and __missing__ are not.
class Logging(dict):
    def get(self, key, default=None):
        print("  get", key, "default is None:", default is None)
        return dict.get(self, key, default)

    def __getitem__(self, key):
        print("  __getitem__", key)
        return dict.__getitem__(self, key)

    def __missing__(self, key):
        print("  __missing__", key)
        return 0


match Logging(a=1, b=2):
    case {"a": 1, "c": c}:
        print("no", c)
    case {"a": a, "b": b}:
        print("found", a, b)

# A get that invents values for missing keys.
class Everything(dict):
    def get(self, key, default=None):
        return f"<{key}>"


match Everything(x=1):
    case {"anything": v}:
        print("Everything:", v)

# **rest is a new dict (changing it leaves the subject alone).
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": _, **rest}:
        rest["z"] = 26
        print(rest, d, type(rest).__name__)

# Of a dict subclass, rest is a plain dict.
match Logging(p=1, q=2):
    case {**rest}:
        print(rest, type(rest).__name__)

# Nested mapping and sequence patterns.
config = {"server": {"hosts": ["a", "b"], "port": 80}, "debug": True}
match config:
    case {"server": {"hosts": [first, *more], "port": int(port)}, "debug": debug}:
        print(first, more, port, debug)

# Failing keys do not bind.
match {"a": 1}:
    case {"a": m1, "b": m2}:
        pass
    case _:
        pass
print("m1" in globals())

# Key order in the pattern does not matter.
match {"y": 2, "x": 1}:
    case {"x": 1, "y": 2} as whole:
        print("ordered", whole)

for event in [{"kind": "click", "pos": (3, 4)}, {"kind": "key", "key": "q"}, {"kind": "key"}]:
    match event:
        case {"kind": "click", "pos": (x, y)}:
            print("click at", x, y)
        case {"kind": "key", "key": "q" | "Q"}:
            print("quit")
        case {"kind": kind}:
            print("incomplete", kind)
