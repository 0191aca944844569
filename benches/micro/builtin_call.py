N = 1
# One iteration: ten calls of a builtin function of two arguments (`max(i, 3)`).


def bench(n):
    for i in range(n):
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)
        max(i, 3)


bench(N)
