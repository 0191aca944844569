def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def gcd_rec(a, b):
    return a if b == 0 else gcd_rec(b, a % b)


def lcm(a, b):
    return a // gcd(a, b) * b


def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y


def mod_inverse(a, m):
    g, x, _ = ext_gcd(a, m)
    if g != 1:
        return None
    return x % m


def reduce_fraction(num, den):
    g = gcd(num, den)
    if den < 0:
        g = -g
    return num // g, den // g


pairs = [(48, 18), (17, 5), (0, 9), (270, 192), (-24, 36), (2 ** 64, 2 ** 40 * 3)]
for a, b in pairs:
    print(f"gcd({a}, {b}) = {gcd(a, b)}  rec={gcd_rec(a, b)}")

print("lcm 1..20:", end=" ")
acc = 1
for k in range(1, 21):
    acc = lcm(acc, k)
print(acc)

for a, b in [(240, 46), (99, 78), (35, 15)]:
    g, x, y = ext_gcd(a, b)
    print(f"{a}*{x} + {b}*{y} = {g}", a * x + b * y == g)
print("inverses mod 11:", [mod_inverse(a, 11) for a in range(1, 11)])
print("inverse of 6 mod 9:", mod_inverse(6, 9))
for n, d in [(6, 8), (-10, 4), (10, -4), (0, 5), (121, 33)]:
    print(n, "/", d, "->", "%d/%d" % reduce_fraction(n, d))

# adding fractions exactly
total = (0, 1)
for k in range(1, 11):
    n1, d1 = total
    total = reduce_fraction(n1 * k + d1, d1 * k)
print("H(10) =", "%d/%d" % total, "~", round(total[0] / total[1], 6))
