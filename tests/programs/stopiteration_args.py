# next() passes on the StopIteration an iterator raised, args and value
# kept (also through enumerate, map, zip and filter); loops and list()
# just end; the sequence protocol's StopIteration is a plain end.


class A:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


class Counting:
    """Runs a for loop over an A inside __next__: that loop just ends."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        for _ in A():
            pass
        self.n += 1
        if self.n > 2:
            raise StopIteration("done", self.n)
        return self.n


class B:
    def __getitem__(self, index):
        raise StopIteration(42)


def gen(x):
    return x
    yield


def attempt(label, f):
    try:
        print(label, "->", f())
    except StopIteration as e:
        print(label, "StopIteration", e.args, e.value)


attempt("next", lambda: next(A()))
attempt("next default", lambda: next(A(), "dflt"))
attempt("iter getitem", lambda: next(iter(B())))
attempt("enumerate", lambda: next(enumerate(A())))
attempt("map", lambda: next(map(lambda x: x, A())))
attempt("zip", lambda: next(zip(A())))
attempt("filter", lambda: next(filter(None, A())))
attempt("list", lambda: list(A()))
attempt("for", lambda: [x for x in A()])
c = Counting()
attempt("counting 1", lambda: next(c))
attempt("counting 2", lambda: next(c))
attempt("counting 3", lambda: next(c))
attempt("gen None", lambda: next(gen(None)))
attempt("gen 42", lambda: next(gen(42)))
attempt("enumerate gen", lambda: next(enumerate(gen(7))))
attempt("map gen", lambda: next(map(str, gen((1, 2)))))
attempt("list gen", lambda: list(gen(7)))
attempt("__next__", lambda: A().__next__())
