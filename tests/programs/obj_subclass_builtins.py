# Subclasses of builtin types: instances are values of the base type
# everywhere, with the subclass's methods and attributes on top.
class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
s.name = "stack"
print(s, len(s), s.peek(), s.name, s[0], s[1:], isinstance(s, list), type(s).__name__)
print(s + [4], [0] + s, sum(s), sorted(s, reverse=True), list(reversed(s)), 2 in s)
s += [9]
print(type(s).__name__, s, s == [1, 2, 3, 9], s != [1], bool(Stack()))
for x in s:
    print(x, end=" ")
print()
a, b, c, d = s
print(a, b, c, d, str(s), repr(s), f"{s}")


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1


c = Counter()
for ch in "abracadabra":
    c.add(ch)
print(sorted(c.items()), c["z"], len(c), "a" in c, isinstance(c, dict))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("bob")
print(n, repr(n), n.shout(), n == "bob", "bob" == n, n + "by", len(n), n[0])
print({"bob": 1}[n], n in {"bob"}, hash(n) == hash("bob"), n.capitalize())


class Meters(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 100)

    def __repr__(self):
        return f"Meters({int(self)})"


m = Meters(3)
print(m, m + 1, 1 + m, m * 2, m > 200, isinstance(m, int), [m])


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def first(self):
        return self[0]


p = Pair(1, 2)
print(p, p.first(), p == (1, 2), p < (1, 3), hash(p) == hash((1, 2)), len(p))
print({(1, 2): "hit"}[p], tuple(p), list(p))


class Base:
    def hello(self):
        return "hello from Base"


class Mixed(Base, list):
    pass


x = Mixed([5, 6])
print(x, x.hello(), len(x), x.pop(), x)


class Tags(set):
    def __init__(self, *items):
        super().__init__(items)


t = Tags(1, 2, 2, 3)
print(sorted(t), len(t), 2 in t, sorted(t | {4}))


class Doubler(list):
    def __init__(self, items):
        super().__init__(i * 2 for i in items)


print(Doubler([1, 2, 3]), len(Doubler(range(4))))


class Num(float):
    pass


print(Num(1.5) + 1, Num("2.5"), round(Num(2.567), 1))
