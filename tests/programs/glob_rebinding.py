# Globals and builtins looked up again after every rebinding (LOAD_GLOBAL's
# cache must notice each change).
def f():
    return g() + len("ab")


def g():
    return 1


results = [f()]


def g():
    return 2


results.append(f())
del g
try:
    f()
except NameError as e:
    results.append(str(e))
g = lambda: 3
results.append(f())
len = lambda s: 100
results.append(f())
del len
results.append(f())
for i in range(3):
    g = (lambda k: lambda: k * 10)(i)
    results.append(f())
print(results)
