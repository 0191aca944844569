# match: sequence patterns — lists, tuples, ranges and their subclasses
# (never str, bytes or bytearray), fixed length or with a star anywhere.


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case (x, y, z):
            return f"three {x!r} {y!r} {z!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case _:
            return "not a sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], list(range(6)), range(3), range(0),
          "ab", b"ab", bytearray(b"ab"), "", {1: 2}, {1, 2}, 5, iter([1, 2]),
          memoryview(b"xyz")]:
    print(type(v).__name__, shape(v))


def star(v):
    match v:
        case [*all_of_it] if len(all_of_it) > 4:
            return f"long {all_of_it}"
        case [*init, 0]:
            return f"ends in 0 after {init}"
        case [1, *rest]:
            return f"1 then {rest}"
        case [a, b, *_, 9]:
            return f"{a},{b},...,9"
        case [*_, a, b]:
            return f"...{a},{b}"
        case [*_]:
            return "short"


for v in [[1, 2, 3, 4, 5], [3, 0], [0], [1, 7], (1,), [2, 3, 4, 9], [2, 3, 9], [5, 6], [7], []]:
    print(v, "->", star(v))

# The star captures a list, whatever the subject.
match (1, 2, 3):
    case (a, *b):
        print(a, b, type(b).__name__)
match range(5):
    case [*r, x]:
        print(r, x)

# Nested sequences and mixed brackets.
match [(1, 2), [3, [4, 5]]]:
    case [(a, b), (c, [d, e])]:
        print(a, b, c, d, e)

# Subclasses of list and tuple are sequences; of str they are not.
class L(list):
    pass


class T(tuple):
    pass


class S(str):
    pass


for v in [L([1, 2]), T((3, 4)), S("xy")]:
    match v:
        case [a, b]:
            print(type(v).__name__, "sequence", a, b)
        case _:
            print(type(v).__name__, "not a sequence")


# The length check calls len(): a subclass's __len__ runs (and then the
# unpacking finds more items than it said).
class Lying(list):
    def __len__(self):
        print("  __len__")
        return 2


try:
    match Lying([1, 2, 3]):
        case [a, b]:
            print("two?", a, b)
        case _:
            print("neither")
except ValueError as e:
    print("ValueError:", e)

# Sequence items taken by index with a wildcard star (no list built).
class Indexed(list):
    def __getitem__(self, i):
        print("  item", i)
        return list.__getitem__(self, i)


match Indexed([10, 20, 30, 40]):
    case [a, *_, b]:
        print("ends", a, b)

# Wildcards only: the length is checked, nothing is read.
for v in [[1, 2], [1, 2, 3], (1,)]:
    match v:
        case [_, _]:
            print(v, "two")
        case [_, _, *_]:
            print(v, "two or more")
        case _:
            print(v, "else")

# Literal patterns inside sequences, and a value that is a sequence.
points = [(0, 0), (0, 5), (3, 0), (1, 1), (1, 2, 3)]
for p in points:
    match p:
        case (0, 0):
            print("origin")
        case (0, y):
            print("on y axis at", y)
        case (x, 0):
            print("on x axis at", x)
        case (x, y) if x == y:
            print("diagonal", x)
        case (x, y):
            print("point", x, y)
        case _:
            print("not a point", p)

# A failing later item leaves earlier captures unbound.
match [1, 2, 3]:
    case [q, 5, w]:
        print("no")
    case [*_]:
        pass
print("q" in globals(), "w" in globals())

# Command interpreter style.
def run(command):
    match command.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["drop", *objects]:
            return f"dropping {', '.join(objects) or 'nothing'}"
        case ["look"] | ["l"]:
            return "looking"
        case ["quit" | "exit" | "bye"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "nothing to do"


for c in ["go north", "drop sword shield", "drop", "look", "l", "exit", "dance now", ""]:
    print(repr(c), "->", run(c))
