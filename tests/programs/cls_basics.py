class Counter:
    def __init__(self, name, start=0):
        self.name = name
        self.value = start

    def increment(self, by=1):
        self.value += by
        return self.value

    def reset(self):
        old = self.value
        self.value = 0
        return old

    def describe(self):
        return self.name + "=" + str(self.value)


a = Counter("a")
b = Counter("b", 10)
a.increment()
a.increment(5)
b.increment(-3)
print(a.describe(), b.describe())
print(a.value, b.name)
print(b.reset(), b.describe())

inc = a.increment
print(inc(), inc(), inc(10))
print(a.value)

actions = [a.increment, b.increment, a.reset]
for act in actions:
    print("result", act())
print(a.describe(), b.describe())

a.extra = "dynamic attribute"
print(a.extra)
print(Counter.increment(b, 100))
print(type(a).__name__, type(a) is Counter, isinstance(b, Counter))

counters = [Counter(str(i), i * i) for i in range(5)]
for c in counters:
    c.increment(c.value)
print([c.value for c in counters])
print([c.describe() for c in counters if c.value > 5])


class Empty:
    pass


e = Empty()
e.x = 1
e.y = e.x + 1
print(e.x, e.y, type(e).__name__)
