items = [("apple", 0.5, 12), ("banana", 0.25, 150), ("cherry", 12.125, 3), ("durian", 7, 1)]
print(f"{'name':<10}|{'price':>8}|{'qty':>5}|{'total':>10}")
print("-" * 36)
for name, price, qty in items:
    print(f"{name:<10}|{price:>8.3f}|{qty:>5d}|{price * qty:>10.2f}")
print("-" * 36)
total = sum([p * q for _, p, q in items])
print(f"{'sum':<10}|{'':>8}|{sum([q for _, _, q in items]):>5}|{total:>10.2f}")

n = 255
print(f"{n:05d} {n:+d} {-n:+d} {n:x} {n:X} {n:o} {n:b} {n:012b}")
s = "hi"
print(f"[{s:^12}] [{s:*^12}] [{s:-<8}] [{s:>6}] [{s:6}] [{n:6}]")
print(f"{s!r} {'quote' + chr(39)!r} {[1, 'a']!r} {None!r} {s!s}")
x = 3.14159
print(f"{x:.2f} {x:.0f} {2.5:.0f} {3.5:.0f} {x:10.4f}| {x:<10.1f}| {-x:.3f}")
print(f"{x} {1 / 3} {2 / 3:.5f} {1e-5:.7f} {123456.789:.1f}")
print(f"{True} {None} {[1, 2]} {(1,)} {{'escaped'}} {{}}")
a, b = 6, 7
print(f"{a} * {b} = {a * b}; {a}**{b} = {a ** b}; avg = {(a + b) / 2}")
d = {"k": "value", "n": 3}
print(f"{d['k']} {d['n'] * 2} {len(d)} {d}")
lst = [10, 20, 30, 40]
print(f"{lst[1:]} {lst[-1]} {lst[::2]} {sum(lst) / len(lst):.1f}")
print(f"{'yes' if a < b else 'no'} {max(a, b)} {str(a) + str(b)}")
for i in range(1, 4):
    print(f"row {i:2d}: {'#' * i:<5}| {i / 7:.4f} | {i ** 10:>12d}")
width, precision = 12, 3
print(f"[{x:{width}.{precision}f}] [{s:>{width}}]")
