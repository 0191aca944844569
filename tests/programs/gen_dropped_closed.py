# A generator dropped while suspended inside try/finally or with is closed:
# its finally blocks and __exit__ run (framevm: by the next check-in of the
# loop, a new generator, or the end of the run; CPython: at once).
log = []

def gen(i):
    try:
        yield i
        yield -i
    finally:
        log.append(i)

for i in range(5):
    g = gen(i)
    next(g)
g = None
for _ in range(3000):
    pass
print(log)

class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        log.append(("exit", t.__name__))

def with_gen():
    with CM():
        yield 1

def use():
    w = with_gen()
    next(w)
    return len(log)

print(use())
for _ in range(3000):
    pass
print(log[-1])

def catcher():
    try:
        yield 1
    except GeneratorExit:
        log.append("caught")
        raise

for c in catcher():
    break
for _ in range(3000):
    pass
print(log[-1])

def unstarted():
    try:
        yield 1
    finally:
        log.append("never")

u = unstarted()
u = None
for _ in range(3000):
    pass
print("never" in log)

keep = gen("at exit")
next(keep)
print("end")
