class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False

    def __enter__(self):
        print("  enter", self.name)
        self.open = True
        return self

    def __exit__(self, exc_type, exc, tb):
        print("  exit", self.name, "exc:", exc_type)
        self.open = False
        return False

    def read(self):
        return "data from " + self.name if self.open else "closed!"


with Resource("db") as r:
    print(r.read())
print("after:", r.read(), r.open)

res = Resource("plain")
with res:
    print("inside without as, open =", res.open)


class Value:
    def __enter__(self):
        return 42

    def __exit__(self, *args):
        print("  Value exit got", len(args), "args:", args)


with Value() as v:
    print("as target is __enter__ result:", v)


class Timer:
    clock = 0

    def __enter__(self):
        self.start = Timer.clock
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = Timer.clock - self.start


with Timer() as t:
    for step in range(5):
        Timer.clock += step
print("elapsed", t.elapsed)

with Resource("pair") as (a):
    print(a.name)

with Resource("x") as x, Resource("y") as y:
    print("both open:", x.open, y.open)
print("both closed:", x.open, y.open)
