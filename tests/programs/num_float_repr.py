print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 1 / 7, 10 / 3)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1e16, 1e15, 1e22, 1e21, 1e-7, 1e-4, 1e-5, 0.0001, 123456789.123456789)
print(1.0, 100.0, 2.5e-3, 5e-324, 1.7976931348623157e308, 12345678901234567890.0)
print(float("inf"), -float("inf"), float("-inf"), 1e308 * 10, -1e308 * 10)
inf = float("inf")
nan = inf - inf
print(nan, nan == nan, nan != nan, inf > 10 ** 300, -inf < -10 ** 300, inf == inf + 1)
print(-0.0, 0.0 == -0.0, str(-0.0), -0.0 + 0.0, abs(-0.0), -0.0 * 1, 0.0 * -1)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(round(2.675, 2), round(1.005, 2), round(123.456, 1), round(123.456, -1), round(-0.4, 0))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(7), round(7.0), round(2.5, 0))
print(round(3.14159, 3), round(-3.14159, 2), round(1e20, 2), round(0.1 + 0.2, 10))
print(float("1e3"), float(" -2.5 "), float("inf"), float("-Infinity"), float("nan"), float("1_000.5"))
print(int(2.999), int(-2.999), int(1e15), 7 / 2, 6 / 3, 2 ** 0.5, 10 ** 0.5)
print(max(1, 2.0), max(2, 2.0), min(2.0, 2), min(-0.0, 0.0), max([0.1, 0.2, 0.15]))
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, sum([0.1] * 10), round(total, 10) == 1.0)
print(3.0 == 3, total is not None, 0.5 < 1, 1.0 < 1 < 2.0, float(10 ** 16) == 10 ** 16)
print(1.5e300 * 1.5e300, 1e-320 / 1e10, 2.0 ** 1000, 2.0 ** -1074)
print([x / 10 for x in range(0, 11, 2)], [0.1 * x for x in range(4)])
print(str(1 / 3)[:8], repr(2 / 3), len(repr(1 / 3)), 1.1 * 1.1, 3 * 0.1 / 3)
h = 1.0
steps = 0
while 1.0 + h != 1.0:
    h /= 2
    steps += 1
print("machine epsilon:", h * 2, "after", steps, "halvings")
print(9007199254740993.0, 0.30000000000000004, 1.0000000000000002, 4.35, 0.1 ** 10)
