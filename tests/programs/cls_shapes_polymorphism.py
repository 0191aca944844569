class Shape:
    count = 0

    def __init__(self):
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def perimeter(self):
        raise NotImplementedError

    def __str__(self):
        return f"{type(self).__name__}(area={self.area():.2f}, perimeter={self.perimeter():.2f})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__()
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)


class Circle(Shape):
    PI = 3.14159

    def __init__(self, r):
        super().__init__()
        self.r = r

    def area(self):
        return Circle.PI * self.r ** 2

    def perimeter(self):
        return 2 * Circle.PI * self.r


class Triangle(Shape):
    def __init__(self, a, b, c):
        super().__init__()
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"invalid triangle {a}, {b}, {c}")
        self.sides = (a, b, c)

    def perimeter(self):
        return sum(self.sides)

    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return (s * (s - a) * (s - b) * (s - c)) ** 0.5


shapes = [Rectangle(3, 4), Circle(1), Square(2.5), Triangle(3, 4, 5), Circle(0.5)]
try:
    shapes.append(Triangle(1, 2, 10))
except ValueError as e:
    print("skipped:", e)

for s in shapes:
    print(s)
print("sorted by area:", [type(s).__name__ for s in sorted(shapes)])
print("largest:", max(shapes))
print("total area: %.3f" % sum(s.area() for s in shapes))
print("rectangles:", len([s for s in shapes if isinstance(s, Rectangle)]))
print("shapes created:", Shape.count)
by_kind = {}
for s in shapes:
    by_kind.setdefault(type(s).__name__, []).append(round(s.perimeter(), 1))
print(by_kind)
try:
    print(Shape())
except NotImplementedError as e:
    print("abstract shape:", type(e).__name__)
