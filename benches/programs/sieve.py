N = 2000000  # small: 1500
# Sieve of Eratosthenes over a list of bools; prints the count and a checksum.


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j = j + i
        i = i + 1
    count = 0
    check = 0
    for k in range(n + 1):
        if flags[k]:
            count = count + 1
            check = (check * 31 + k) % 1000000007
    return count, check


count, check = sieve(N)
print(count, check)
