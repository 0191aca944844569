N = 30  # small: 15
# Recursive fib: one Python call per node, a global lookup per call.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(N))
