N = 1
# One iteration: ten instances made, each `__init__` storing one attribute.


class C:
    def __init__(self, x):
        self.x = x


def bench(n):
    for i in range(n):
        C(i)
        C(i)
        C(i)
        C(i)
        C(i)
        C(i)
        C(i)
        C(i)
        C(i)
        C(i)


bench(N)
