def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Fraction:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("denominator is zero")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den) or 1
        self.num = num // g
        self.den = den // g

    @staticmethod
    def of(x):
        return x if isinstance(x, Fraction) else Fraction(x)

    def __add__(self, other):
        o = Fraction.of(other)
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __sub__(self, other):
        o = Fraction.of(other)
        return Fraction(self.num * o.den - o.num * self.den, self.den * o.den)

    def __rsub__(self, other):
        return Fraction.of(other) - self

    def __mul__(self, other):
        o = Fraction.of(other)
        return Fraction(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = Fraction.of(other)
        return Fraction(self.num * o.den, self.den * o.num)

    def __neg__(self):
        return Fraction(-self.num, self.den)

    def __eq__(self, other):
        o = Fraction.of(other)
        return self.num == o.num and self.den == o.den

    def __lt__(self, other):
        o = Fraction.of(other)
        return self.num * o.den < o.num * self.den

    def __hash__(self):
        return self.num * 31 + self.den

    def __float__(self):
        return self.num / self.den

    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"


a = Fraction(1, 2)
b = Fraction(3, 4)
print(a + b, a - b, a * b, a / b, -a)
print(1 + a, a + 1, 2 - a, 3 * b, b * 4)
print(repr(Fraction(6, -8)), Fraction(10, 5), Fraction(0, 3))
harmonic = sum(Fraction(1, n) for n in range(1, 7))
print("H6 =", harmonic, float(harmonic))
print(sorted([Fraction(2, 3), Fraction(1, 7), Fraction(5, 9), Fraction(1, 2)]))
print(max(Fraction(1, 3), Fraction(2, 5)), Fraction(2, 4) == Fraction(1, 2), Fraction(4, 2) == 2)
counts = {}
for f in [Fraction(1, 2), Fraction(2, 4), Fraction(3, 6), Fraction(1, 3)]:
    counts[f] = counts.get(f, 0) + 1
print({str(k): v for k, v in counts.items()})
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("error:", e)
try:
    a / Fraction(0)
except ZeroDivisionError as e:
    print("error:", e)
x = Fraction(1)
for _ in range(5):
    x = x + Fraction(1, x.den * 2)
print(x, float(x))
