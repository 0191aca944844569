# yield from forwards send, throw and close to the inner iterator (generators and iterator objects).
def inner():
    try:
        while True:
            try:
                x = yield "ready"
                print("inner got", x)
            except ValueError as e:
                print("inner caught", repr(e))
                yield "recovered"
    finally:
        print("inner finally")

def outer():
    try:
        r = yield from inner()
        print("never", r)
    except GeneratorExit:
        print("outer GeneratorExit")
        raise

g = outer()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("boom")))
print(g.send(2))
g.close()

def leaf():
    try:
        yield 1
    except GeneratorExit:
        print("leaf caught GeneratorExit and swallowed it")
        return
def mid():
    try:
        yield from leaf()
    except GeneratorExit:
        print("mid saw GeneratorExit")
        raise
m = mid(); next(m); m.close()

def returner():
    try:
        yield 1
    except KeyError:
        return "returned from throw"
def wrap():
    v = yield from returner()
    print("wrap got", v)
    yield "after"
w = wrap(); next(w); print(w.throw(KeyError))

class Duck:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("duck done")
        return self.n
    def send(self, v):
        print("duck send", v)
        return self.__next__()
    def throw(self, e):
        print("duck throw", repr(e))
        return 99
    def close(self):
        print("duck close")
def use_duck():
    r = yield from Duck()
    print("duck result", r)
d = use_duck()
print(next(d), d.send("hi"), d.throw(IndexError("x")))
print(list(d))
d2 = use_duck(); next(d2); d2.close()

def bad(x):
    if x > 2:
        raise StopIteration(444)
    return x
def from_map():
    print("map result", (yield from map(bad, range(10))))
print(list(from_map()))

def legacy():
    try:
        yield 1
    except Exception as e:
        print("legacy", type(e).__name__, e.args)
        yield 2
l = legacy(); next(l); print(l.throw(ValueError, 123)); 

class Thrower:
    def __init__(self): self.mode = "yield"
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, x):
        print("Thrower.throw got", x)
        if x == "stop":
            raise StopIteration("stopped by throw")
        if x == "fail":
            raise KeyError("from throw")
        return 456
def deleg():
    try:
        r = yield from Thrower()
        print("deleg result", r)
        yield "after"
    except KeyError as e:
        print("deleg caught", repr(e))
        yield "handled"
t = deleg(); next(t)
print(t.throw(123), t.throw(ZeroDivisionError), t.throw("stop"))
t = deleg(); next(t)
print(t.throw("fail"))
