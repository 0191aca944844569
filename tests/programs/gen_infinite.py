def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(10, primes()))
print(take(5, naturals(100)))


def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1


lengths = [(n, sum(1 for _ in collatz(n))) for n in range(1, 12)]
print(lengths)
print(max(lengths, key=lambda p: p[1]))


def cycle(items):
    while True:
        for it in items:
            yield it


colors = cycle(["red", "green", "blue"])
print([next(colors) for _ in range(7)])

for p in primes():
    if p > 50:
        print("first prime above 50:", p)
        break

g = naturals()
half = [next(g) for _ in range(3)]
print("abandoned after", half)
other = naturals(10)
print(next(other), next(g), next(other))


def first_match(pred, it):
    for x in it:
        if pred(x):
            return x


print(first_match(lambda n: n * n > 500, naturals()))
print(first_match(lambda p: p % 10 == 9, primes()))
print(first_match(lambda x: x > 3, [1, 2, 3]))
