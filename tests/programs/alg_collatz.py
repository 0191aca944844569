def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def collatz_seq(n):
    seq = [n]
    while n != 1:
        if n % 2:
            n = 3 * n + 1
        else:
            n //= 2
        seq.append(n)
    return seq


cache = {1: 0}


def cached_steps(n):
    path = []
    while n not in cache:
        path.append(n)
        n = 3 * n + 1 if n & 1 else n >> 1
    steps = cache[n]
    while path:
        steps += 1
        cache[path.pop()] = steps
    return steps


print(collatz_seq(6))
print(collatz_seq(27)[:20], "...")
print("steps for 27:", collatz_steps(27), "peak:", max(collatz_seq(27)))
best_n, best_steps = 1, 0
for n in range(1, 5000):
    s = cached_steps(n)
    if s > best_steps:
        best_n, best_steps = n, s
print("longest below 5000:", best_n, best_steps)
print("cache agrees:", [cached_steps(k) for k in range(1, 11)] == [collatz_steps(k) for k in range(1, 11)])
histogram = {}
for n in range(1, 200):
    bucket = collatz_steps(n) // 25 * 25
    histogram[bucket] = histogram.get(bucket, 0) + 1
for bucket in sorted(histogram):
    print(f"{bucket:3d}-{bucket + 24:<3d} {'#' * (histogram[bucket] // 2)} {histogram[bucket]}")
print("steps for 2**100+1:", collatz_steps(2 ** 100 + 1))
