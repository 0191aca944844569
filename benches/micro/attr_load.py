N = 1
# One iteration: ten loads of an instance attribute (`x = o.a`).


class C:
    def __init__(self):
        self.a = 1


def bench(n):
    o = C()
    for i in range(n):
        x = o.a
        x = o.a
        x = o.a
        x = o.a
        x = o.a
        x = o.a
        x = o.a
        x = o.a
        x = o.a
        x = o.a


bench(N)
