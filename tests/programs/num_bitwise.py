def popcount(n):
    return bin(n).count("1")


def to_bits(n, width):
    return bin(n)[2:].zfill(width)


def reverse_bits(n, width=8):
    out = 0
    for _ in range(width):
        out = (out << 1) | (n & 1)
        n >>= 1
    return out


print(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, -5 & 0xFF, -1 >> 3, -16 >> 2, 1 << 10, -3 << 2)
print(0b1010, 0o17, 0xff, 0xFF_FF, 1_000_000)
print(bin(10), bin(-10), hex(48879), hex(0), bin(0), hex(-1))
print("gray codes:")
for i in range(8):
    g = i ^ (i >> 1)
    print(" ", i, to_bits(i, 3), "->", to_bits(g, 3), popcount(g))
print([reverse_bits(n) for n in [1, 2, 128, 0b11010000, 255]])
print([n for n in range(1, 70) if n & (n - 1) == 0])
print([n & -n for n in [12, 40, 7, 96, 1024]])
a, b = 12, 25
a ^= b
b ^= a
a ^= b
print("swapped:", a, b)
READ, WRITE, EXEC = 1, 2, 4
perms = {"alice": READ | WRITE | EXEC, "bob": READ, "carol": READ | EXEC}
for user, p in perms.items():
    flags = "".join([ch if p & bit else "-" for ch, bit in [("r", READ), ("w", WRITE), ("x", EXEC)]])
    print(f"{user:<6} {p} {flags} can_write={bool(p & WRITE)}")
perms["bob"] |= WRITE
perms["alice"] &= ~WRITE
print(perms)
mask = 0
for bit in [0, 3, 5, 63, 64, 100]:
    mask |= 1 << bit
print(mask, hex(mask), popcount(mask), mask >> 60, (mask >> 64) & 1)
x = 0xDEADBEEF
print(hex(x & 0xFFFF), hex(x >> 16), hex((x << 4) & 0xFFFFFFFF), hex(x ^ 0xFFFFFFFF))
print([popcount(n) for n in range(16)], sum([popcount(n) for n in range(1024)]))
print(-7 >> 1, -7 // 2, 7 >> 1, -1 << 70, (-1 << 70) >> 69, ~0 & 0xF)
