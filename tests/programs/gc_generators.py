# Cycles through generators and their frames: freed by gc.collect(); a
# generator suspended inside try/finally is closed first (its finally
# runs, seeing its objects whole), as CPython finalizes before clearing.
import gc
import weakref


class Reader:
    def __init__(self, name):
        self.name = name
        self.it = self.lines()

    def lines(self):
        try:
            yield self.name + ":1"
            yield self.name + ":2"
        finally:
            log.append("closed " + self.name)


log = []


def make(name, start):
    r = Reader(name)
    if start:
        print(next(r.it))
    return weakref.ref(r)


w1 = make("a", False)
w2 = make("b", True)
print(w1() is not None, w2() is not None)
gc.collect()
print(w1() is None, w2() is None)
print(log)


def selfref():
    def gen():
        me = yield 1
        yield me
    g = gen()
    next(g)
    g.send(g)
    holder = [g]
    return weakref.ref(Reader("c")), len(holder)


wc, n = selfref()
gc.collect()
print(wc() is None, n)
print(sorted(log))


def frame_holds_list():
    box = []
    def gen():
        yield box
    g = gen()
    box.append(g)
    next(g)
    node = Reader("d")
    box.append(node)
    return weakref.ref(node)


wd = frame_holds_list()
gc.collect()
print(wd() is None)
print(sorted(log))
