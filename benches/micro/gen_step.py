N = 1
# One iteration: one step of a generator driven by a `for` loop (the
# generator's own loop and yield included).


def gen(n):
    for i in range(n):
        yield i


def bench(n):
    for x in gen(n):
        pass


bench(N)
