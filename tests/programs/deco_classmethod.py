class Date:
    created = 0

    def __init__(self, year, month, day):
        self.year = year
        self.month = month
        self.day = day
        type(self).created += 1

    @classmethod
    def from_string(cls, text):
        y, m, d = (int(p) for p in text.split("-"))
        return cls(y, m, d)

    @classmethod
    def from_tuple(cls, t):
        return cls(*t)

    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"

    def __lt__(self, other):
        return (self.year, self.month, self.day) < (other.year, other.month, other.day)


class Birthday(Date):
    def __init__(self, year, month, day, who="?"):
        super().__init__(year, month, day)
        self.who = who

    @classmethod
    def for_person(cls, who, text):
        b = cls.from_string(text)
        b.who = who
        return b


d1 = Date.from_string("2024-02-29")
d2 = Date.from_tuple((1999, 12, 31))
d3 = Date.epoch()
b1 = Birthday.from_string("1815-12-10")
b2 = Birthday.for_person("ada", "1815-12-10")
print(d1, d2, d3, b1, b2, b2.who, b1.who)
print(sorted([d1, d2, d3, b1]))
print(Date.created, Birthday.created)
print(type(Birthday.epoch()).__name__, Birthday.created, Date.created)


class Shape:
    registry = []

    @classmethod
    def register(cls, sub):
        cls.registry.append(sub.__name__)
        return sub

    @classmethod
    def describe(cls):
        return f"{cls.__name__} knows {len(cls.registry)} shapes"


@Shape.register
class Circle(Shape):
    pass


@Shape.register
class Square(Shape):
    pass


print(Shape.registry, Shape.describe(), Circle.describe(), Square().describe())
method = Date.from_string
print(method("2000-01-01"), method.__self__.__name__)
