def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


f50 = factorial(50)
print("50! =", f50)
print("digits:", len(str(f50)), "digit sum:", sum([int(d) for d in str(f50)]))
print("trailing zeros:", len(str(f50)) - len(str(f50).rstrip("0")))
print("2**200 =", 2 ** 200)
print("-(2**100) =", -(2 ** 100), "-2**100 =", -2 ** 100)
print("pow(3, 1000, 10**9+7) =", pow(3, 1000, 10 ** 9 + 7))
print("pow(2, 10**18, 10**9+7) =", pow(2, 10 ** 18, 10 ** 9 + 7))
print("pow(-3, 5, 7) =", pow(-3, 5, 7), "pow(3, 5, -7) =", pow(3, 5, -7))
big = 10 ** 30 + 7
for a, b in [(big, 97), (-big, 97), (big, -97), (-big, -97), (big, 10 ** 15), (-big, 3 * 10 ** 20)]:
    q, r = divmod(a, b)
    print(f"divmod({a}, {b}) = ({q}, {r}) check {q * b + r == a}")
print(2 ** 64 - 1, 2 ** 64, -2 ** 63, 2 ** 63 - 1 + 1)
print((2 ** 64) // 3, (2 ** 64) % 1000, -(2 ** 64) // 7, -(2 ** 64) % 7)
print(2 ** 100 >> 90, 1 << 100, (2 ** 100 + 5) & 0xFF, (2 ** 70) | 1)
print((2 ** 70) ^ (2 ** 70 - 1), ~(2 ** 65), -(2 ** 80) >> 75, -(2 ** 80) & 0xFFFF)
print(hex(2 ** 64), bin(2 ** 20 + 1), hex(-255), hex(-(2 ** 65)))
print(int("123456789012345678901234567890") * 3, int("-000000000000000000000042"))
print(str(2 ** 128)[::-1])
print(factorial(25) // factorial(23), factorial(30) % (10 ** 9 + 7))
n = 2 ** 89 - 1
print(n, pow(2, n - 1, n) == 1)
print(abs(-10 ** 25), max(10 ** 20, -10 ** 21, 10 ** 19), min(-2 ** 70, 2 ** 3))
print(10 ** 20 == 10 ** 20, 10 ** 20 < 10 ** 20 + 1, 10 ** 18 * 10 ** 18 == 10 ** 36)
print(float(2 ** 60), int(1e20), 2 ** 100 / 2 ** 99, 7 ** 77 // 7 ** 75, 10 ** 30 / 4)
print(bool(0), bool(2 ** 100), -(-2 ** 64), 2 ** 64 == 2.0 ** 64, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(sum([2 ** k for k in range(100)]) == 2 ** 100 - 1, (3 ** 40) % 2 ** 32, 99 ** 9)
print(round(2 ** 70 / 3), int(-2.5e20), (-7) ** 21, 12345678901234567890 * 98765432109876543210)
a, b = 1, 1
for _ in range(150):
    a, b = b, a + b
print("fib-ish:", a, "bits:", len(bin(a)) - 2)
print(2 ** 1000 % 10 ** 20, len(str(2 ** 10000)))
