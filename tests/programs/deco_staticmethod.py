class Temperature:
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @staticmethod
    def f_to_c(f):
        return round((f - 32) * 5 / 9, 2)

    @staticmethod
    def describe(c):
        if c < 0:
            return "freezing"
        if c < 20:
            return "cool"
        return "warm"

    def __init__(self, celsius):
        self.celsius = celsius

    def report(self):
        return f"{self.celsius}C = {self.c_to_f(self.celsius)}F ({Temperature.describe(self.celsius)})"


print(Temperature.c_to_f(100), Temperature.f_to_c(98.6))
t = Temperature(-5)
print(t.c_to_f(0), t.describe(25))
for c in [-10, 15, 30]:
    print(Temperature(c).report())

conv = Temperature.c_to_f
print(list(map(conv, [0, 37, -40])))
print(sorted([30, -5, 12], key=Temperature.describe))


class MathUtil:
    @staticmethod
    def is_prime(n):
        if n < 2:
            return False
        i = 2
        while i * i <= n:
            if n % i == 0:
                return False
            i += 1
        return True

    @staticmethod
    def primes_below(n):
        return [k for k in range(n) if MathUtil.is_prime(k)]

    def __init__(self, limit):
        self.limit = limit

    def count(self):
        return len(self.primes_below(self.limit))


print(MathUtil.primes_below(30))
print(MathUtil(100).count(), MathUtil(1000).count())


class Sub(MathUtil):
    @staticmethod
    def is_prime(n):
        return n % 2 == 1


print(Sub.primes_below(10), Sub(10).count(), Sub.is_prime(9))


def helper(x):
    return x * 3


class Wrapped:
    triple = staticmethod(helper)


print(Wrapped.triple(4), Wrapped().triple(5))
