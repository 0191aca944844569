class Shape:
    def __init__(self, name):
        self.name = name
        print("  Shape.__init__", name)

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} area={self.area()}"


class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w = w
        self.h = h
        print("  Rect.__init__", w, h)

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, name="square")
        print("  Square.__init__", side)

    def describe(self):
        base = super().describe()
        return base + f" side={self.w}"


class LabeledSquare(Square):
    def __init__(self, side, label):
        self.label = label
        super().__init__(side)

    def describe(self):
        return self.label + ": " + super().describe()


print("building:")
shapes = [Rect(2, 3), Square(4), LabeledSquare(5, "big")]
for s in shapes:
    print(s.describe())


class Base3D:
    def __init__(self, z):
        self.z = z

    def coords(self):
        return (self.z,)


class Point3D(Base3D):
    def __init__(self, x, y, z):
        super().__init__(z)
        self.x = x
        self.y = y

    def coords(self):
        return (self.x, self.y) + super().coords()


p = Point3D(1, 2, 3)
print(p.coords(), p.z)


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        self.balance -= amount
        return self.balance


class FeeAccount(Account):
    def withdraw(self, amount):
        return super().withdraw(amount + 1)


class CappedFeeAccount(FeeAccount):
    def withdraw(self, amount):
        return super().withdraw(min(amount, 50))


acc = CappedFeeAccount(200)
print(acc.withdraw(10), acc.withdraw(100), acc.balance)
