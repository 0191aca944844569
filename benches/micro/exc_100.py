N = 1
# One iteration: an exception raised 100 calls deep and caught where the
# calls started (the 100 calls included).


def deep(k):
    if k == 0:
        raise ValueError
    return deep(k - 1)


def bench(n):
    for i in range(n):
        try:
            deep(100)
        except ValueError:
            pass


bench(N)
