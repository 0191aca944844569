def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid, steps
        elif a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps


def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def search_rec(a, target, lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    if a[mid] == target:
        return mid
    if a[mid] < target:
        return search_rec(a, target, mid + 1, hi)
    return search_rec(a, target, lo, mid - 1)


def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


squares = [i * i for i in range(0, 40, 3)]
print(squares)
for t in [0, 81, 144, 1089, 50, -1, 2000]:
    idx, steps = binary_search(squares, t)
    print(f"search {t:>5}: index {idx:>3} after {steps} steps")

dups = [1, 2, 2, 2, 3, 5, 5, 8]
for x in range(0, 10, 2):
    pos = lower_bound(dups, x)
    print("lower_bound", x, "->", pos)
print([search_rec(dups, v, 0, len(dups) - 1) for v in [1, 3, 4, 8]])
print([isqrt(n) for n in [0, 1, 15, 16, 17, 99, 100, 10 ** 20, 2 ** 64 + 1]])

ordered = []
for v in [5, 1, 4, 1, 9, 2, 6]:
    ordered.insert(lower_bound(ordered, v), v)
    print(ordered)

names = sorted(["mia", "ava", "zoe", "liam", "noah", "emma", "eli"])
print(names)
for who in ["emma", "bob", "zoe"]:
    i, _ = binary_search(names, who)
    print(who, "found" if i >= 0 else "missing", i)
