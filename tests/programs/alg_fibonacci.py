def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_rec(n):
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


def make_memo_fib():
    cache = {0: 0, 1: 1}
    calls = 0

    def fib(n):
        nonlocal calls
        calls += 1
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]

    def stats():
        return calls, len(cache)

    return fib, stats


def fib_matrix(n):
    def mul(x, y):
        return [
            [x[0][0] * y[0][0] + x[0][1] * y[1][0], x[0][0] * y[0][1] + x[0][1] * y[1][1]],
            [x[1][0] * y[0][0] + x[1][1] * y[1][0], x[1][0] * y[0][1] + x[1][1] * y[1][1]],
        ]

    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n > 0:
        if n & 1:
            result = mul(result, base)
        base = mul(base, base)
        n >>= 1
    return result[0][1]


print([fib_iter(i) for i in range(15)])
print([fib_rec(i) for i in range(15)])
print("fib_rec(20) =", fib_rec(20))
fib, stats = make_memo_fib()
print("memo fib(90) =", fib(90))
print("calls, cached:", stats())
print("memo fib(100) =", fib(100), stats())
print("fib(300) =", fib_iter(300))
print("matrix agrees:", all([fib_matrix(k) == fib_iter(k) for k in range(0, 500, 37)]))
print("digits of fib(1000):", len(str(fib_matrix(1000))))

even_sum = 0
a, b = 1, 2
while a <= 4000000:
    if a % 2 == 0:
        even_sum += a
    a, b = b, a + b
print("even fib sum:", even_sum)
ratios = [fib_iter(n + 1) / fib_iter(n) for n in range(1, 40, 6)]
print(ratios)
