class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")

    def describe(self):
        return type(self).__name__ + " with area " + str(self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Blob(Shape):
    pass


for shape in [Square(3), Blob(), Square(5)]:
    try:
        print(shape.describe())
    except NotImplementedError as e:
        print("cannot describe", type(shape).__name__ + ":", e)


def take(it, n):
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            out.append("<end>")
            break
    return out


it = iter([1, 2, 3])
print(take(it, 2))
print(take(it, 2))
print(take(it, 2))
print(next(iter([]), "fallback"))

try:
    next(iter(()))
except StopIteration as e:
    print("StopIteration args:", e.args, "value:", e.value)


def check_balance(b):
    assert b >= 0, "negative balance " + str(b)
    return b


for b in [10, 0, -5]:
    try:
        print("balance ok", check_balance(b))
    except AssertionError as e:
        print("assertion failed:", e)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("plain assert:", repr(e), e.args)
