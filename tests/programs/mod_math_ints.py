import math

print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-7.9))
print(math.floor(10 ** 30), math.floor(1e20), type(math.floor(3.0)).__name__, math.floor(True))
print(math.factorial(0), math.factorial(20), math.factorial(30))
f = math.factorial(500)
print(len(str(f)), f % 1000003)
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 40 + 12345), math.isqrt(2 ** 127))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(12, 18, 27), math.gcd(-4, 6), math.gcd(0, 0))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.gcd(2 ** 100, 6 ** 50), math.lcm(2 ** 70, 3 ** 40))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(20, 10))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod([2, 3], start=10))
print(math.prod(range(1, 25)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.fsum([1, 2, 3]), math.fsum([1e308, 1e308, -1e308]) if False else 0, math.fsum([0.3, 0.3, 0.3, -0.9]))
print(math.log(10 ** 1000), math.log2(2 ** 2000), math.log10(10 ** 500))
class Half:
    def __float__(self):
        return 0.5
print(math.sqrt(Half()), math.floor(Half()) if hasattr(Half, "__floor__") else "no floor")
