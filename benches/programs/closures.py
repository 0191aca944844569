N = 1000000  # small: 800
# Calls of closures: adders reading a cell, a counter writing one, a lambda.


def make_adder(k):
    def add(x):
        return x + k

    return add


def make_counter():
    count = 0

    def inc(d):
        nonlocal count
        count = count + d
        return count

    return inc


def run(n):
    adders = [make_adder(k) for k in range(10)]
    counter = make_counter()
    scale = 3
    twice = lambda v: v * scale % 1000003
    s = 0
    for i in range(n):
        f = adders[i % 10]
        s = twice(s + f(i))
        counter(1)
    return s, counter(0)


s, c = run(N)
print(s, c)
