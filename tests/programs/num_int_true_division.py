# int / int, correctly rounded as CPython's long_true_divide: exact small
# operands, big ones, subnormal and overflowing results, signed zeros.
tests = [(0, -5), (2**53+1, 3), (10**400, 10**399), (1, 10**400), (-(10**30), 7), (2**1100, 2**80), (2**60+3, 7), (3**100, 5**40), (1, 3**700), (2**1024, 3), (1, 2**1074), (1, 2**1075), (3, 2**1076), (-(2**64+1), 2**64-1), (2**53+1, 1), (2**54+3, 2), (-(2**63), -1), (2**63, 3), (7, 2**60), (10**20, -3), (2**1023*3, 2), (2**1024, 1), (1, 2**1073*3)]
seed = 12345
def rnd(bits):
    global seed
    v = 0
    for _ in range(bits // 30 + 1):
        seed = (seed * 1103515245 + 12345) % 2**31
        v = (v << 30) | (seed >> 1)
    return v >> (30 * (bits // 30 + 1) - bits)
for k in range(400):
    a = rnd(1 + rnd(11) % 1200) * (1 if rnd(1) else -1)
    b = rnd(1 + rnd(11) % 1200) + 1
    tests.append((a, b))
    tests.append((rnd(1 + k % 120), rnd(1 + (k * 7) % 130) + 1))
for a, b in tests:
    try:
        print(a / b)
    except OverflowError as e:
        print("OverflowError", e)
