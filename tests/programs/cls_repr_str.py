class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"


class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<" + self.name + ">"


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return "$" + str(self.cents // 100) + "." + str(self.cents % 100).rjust(2, "0")


p = Point(3, -4)
print(p)
print(str(p), repr(p))
print(f"{p} and {p!r}")
print([p, Point(0, 0)])
print((p,), {"origin": Point(0.5, "y")})
print("point: " + str(p))
print("%s / %r" % (p, p))
print("{} {!r}".format(p, p))

t = Tag("div")
print(t, str(t), repr(t), [t, Tag("span")])
print(f"{t}")

m = Money(12345)
print(m, f"total={m}", str(Money(7)))
print([str(x) for x in [Money(100), Money(99)]])


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __str__(self):
        width = max(len(str(v)) for row in self.rows for v in row)
        lines = []
        for row in self.rows:
            lines.append(" ".join(str(v).rjust(width) for v in row))
        return "\n".join(lines)

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"


mx = Matrix([[1, 20, 3], [400, 5, 60]])
print(mx)
print(repr(mx))
print([mx])


class Child(Point):
    def __str__(self):
        return "child " + super().__str__()


c = Child(1, 2)
print(c, repr(c), [c])
