pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (1, 7), (-1, 7), (13, 13)]
print("   a    b  a//b  a%b    divmod      a/b")
for a, b in pairs:
    print(f"{a:4d} {b:4d} {a // b:5d} {a % b:4d}  {str(divmod(a, b)):>10}  {a / b}")
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (5, 0.3), (1e10, 3), (-1, 3.0), (0.0, 5)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(2 ** -1, 2 ** -2, (-2) ** 3, -2 ** 2, (-2) ** 2, 10 ** -3, 0 ** 0, (-2) ** -2)
print(pow(2, 10), pow(2.0, 3), pow(4, 0.5), 2 ** 0.5, 9 ** 0.5, pow(-8, 3), pow(7, 2, 5))
print(abs(-5), abs(-5.5), abs(0), abs(3), -abs(-2))
print(int(-7 / 2), -7 // 2, int(7.9), int(-7.9), int("  42 "), int("-0"), int("+17"))
print(1 + 2.0, 3 * 1.5, 10 / 4, 10 // 4, 10.0 // 4, 10 % 4.0, 7 / 7)
print(True + True, True * 10, False - 1, 3 - True, 10 // True, -True)
print(17 % 5, -17 % 5, 17 % -5, -17 % -5, 0 % 3)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, 5))
celsius = [-40, -17, 0, 37, 100]
for c in celsius:
    f = c * 9 / 5 + 32
    print(f"{c:>4}C = {f:>6.1f}F  back {(f - 32) * 5 / 9:.1f}C  round {round(f)}")
minutes = [0, 59, 60, 61, 1439, 1440, 100000]
for m in minutes:
    d, rem = divmod(m, 1440)
    h, mm = divmod(rem, 60)
    print(f"{m:>6} min = {d}d {h:02d}:{mm:02d}")
print([n % 3 for n in range(-5, 6)])
print([n // 3 for n in range(-5, 6)])
print([-n // 2 for n in range(5)], [-(n // 2) for n in range(5)])
x = 100
x //= 7
x %= 5
x **= 3
x -= 1
x *= -2
print(x)
y = 7.0
y /= 2
y //= 1
y += 0.25
print(y)
