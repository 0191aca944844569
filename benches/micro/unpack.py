N = 1
# One iteration: ten unpackings of a 3-tuple (`a, b, c = t`).


def bench(n):
    t = (1, 2, 3)
    for i in range(n):
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t
        a, b, c = t


bench(N)
