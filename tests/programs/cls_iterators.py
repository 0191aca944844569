class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


for n in Countdown(3):
    print("tick", n)

c = Countdown(4)
print(next(c), list(c), list(c))


class Range2D:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def __iter__(self):
        return Range2DIterator(self)


class Range2DIterator:
    def __init__(self, r):
        self.r = r
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.r.w * self.r.h:
            raise StopIteration
        p = (self.i % self.r.w, self.i // self.r.w)
        self.i += 1
        return p


area = Range2D(3, 2)
print(list(area))
print(list(area))
print([x + y for x, y in area])
print(sum(1 for _ in area), max(area))
it1 = iter(area)
it2 = iter(area)
print(next(it1), next(it1), next(it2))


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b


f = Fib(50)
print(list(f), sorted(f, reverse=True)[:3])
print(list(zip(Countdown(3), Fib(100))))
print(dict(enumerate(Countdown(2))))
print(tuple(map(str, Fib(10))), list(filter(lambda v: v % 2, Fib(30))))
a, b, *rest = Countdown(5)
print(a, b, rest)
print(5 in Countdown(6), 7 in Countdown(6))
