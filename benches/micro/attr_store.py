N = 1
# One iteration: ten stores to an instance attribute (`o.a = i`).


class C:
    def __init__(self):
        self.a = 1


def bench(n):
    o = C()
    for i in range(n):
        o.a = i
        o.a = i
        o.a = i
        o.a = i
        o.a = i
        o.a = i
        o.a = i
        o.a = i
        o.a = i
        o.a = i


bench(N)
