class Temperature:
    def __init__(self, celsius=0.0):
        self._celsius = celsius
        self.changes = 0

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value
        self.changes += 1

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

    @property
    def kelvin(self):
        return round(self._celsius + 273.15, 2)


t = Temperature(25)
print(t.celsius, t.fahrenheit, t.kelvin)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit, t.changes)
t.celsius = -40
print(t.celsius, t.fahrenheit, t.changes)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.kelvin = 0
except AttributeError as e:
    print("AttributeError:", e)
print(t.celsius, t.changes)


class Rectangle:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h

    @property
    def is_square(self):
        return self.w == self.h

    @property
    def size(self):
        return (self.w, self.h)

    @size.setter
    def size(self, wh):
        self.w, self.h = wh


r = Rectangle(3, 4)
print(r.area, r.is_square, r.size)
r.size = (5, 5)
print(r.area, r.is_square, r.w)
r.w = 7
print(r.area, r.size)
rects = [Rectangle(2, 9), Rectangle(4, 4), Rectangle(1, 1)]
print([x.area for x in sorted(rects, key=lambda x: x.area)])
print(sum(x.area for x in rects if x.is_square))
print(getattr(r, "area"), hasattr(r, "area"), type(Rectangle.area).__name__)


class Person:
    def __init__(self, first, last):
        self.first = first
        self.last = last

    def get_full(self):
        return self.first + " " + self.last

    full = property(get_full)


p = Person("Grace", "Hopper")
print(p.full)
p.first = "Admiral Grace"
print(p.full)
