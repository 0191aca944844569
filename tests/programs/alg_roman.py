NUMERALS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    out = ""
    for value, symbol in NUMERALS:
        count, n = divmod(n, value)
        out += symbol * count
    return out


def from_roman(s):
    total = 0
    for i, ch in enumerate(s):
        v = VALUES[ch]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(f"{n:>5} = {r:<12} -> {from_roman(r)}")
print("round trip 1..3999:", all([from_roman(to_roman(n)) == n for n in range(1, 4000)]))
longest = max(range(1, 4000), key=lambda n: len(to_roman(n)))
print("longest numeral:", longest, to_roman(longest), len(to_roman(longest)))
print(sorted(["XIV", "IX", "MCM", "LX", "IV"], key=from_roman))


def to_base(n, base, digits="0123456789abcdefghijklmnopqrstuvwxyz"):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))


def from_base(s, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    value = 0
    for ch in s.lower():
        value = value * base + digits.find(ch)
    return value


for n in [0, 255, -255, 1000, 2 ** 70]:
    print(n, to_base(n, 2), to_base(n, 7), to_base(n, 16), to_base(n, 36))
    print("  hex/bin agree:", hex(n).replace("0x", "") == to_base(n, 16), bin(n).replace("0b", "") == to_base(n, 2))
print(from_base("ff", 16), from_base("zz", 36), from_base("101010", 2))
