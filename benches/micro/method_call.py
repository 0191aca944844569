N = 1
# One iteration: ten calls of a method returning a constant (`o.m()`).


class C:
    def m(self):
        return 1


def bench(n):
    o = C()
    for i in range(n):
        o.m()
        o.m()
        o.m()
        o.m()
        o.m()
        o.m()
        o.m()
        o.m()
        o.m()
        o.m()


bench(N)
