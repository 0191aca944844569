def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def format_factors(factors):
    parts = []
    for p, e in factors.items():
        parts.append(str(p) if e == 1 else "%d^%d" % (p, e))
    return " * ".join(parts)


primes = sieve(100)
print(len(primes), "primes below 100:")
print(primes)
big = sieve(10000)
print("count below 10000:", len(big), "last:", big[-1])
print("agree:", all([is_prime(n) == (n in primes) for n in range(101)]))
twins = [(p, p + 2) for p in primes if is_prime(p + 2)]
print("twin primes:", twins)
for n in [360, 97, 1001, 65536, 600851475143, 2 ** 31 - 1]:
    print(f"{n} = {format_factors(factorize(n))}")
gaps = {}
for a, b in zip(big, big[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print("largest gap:", max(gaps), "most common gap:", max(gaps, key=lambda g: gaps[g]))
print("goldbach:", [(n, [p for p in primes if p <= n // 2 and is_prime(n - p)][0]) for n in range(4, 31, 2)])
