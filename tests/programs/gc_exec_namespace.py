# A function defined by exec() in a dict holds that namespace as its
# globals, and the namespace holds the function: a cycle the collector
# frees once nothing else refers to either.
import gc
import weakref


class Marker:
    pass


def make():
    g = {"Marker": Marker}
    exec("m = Marker()\ndef f():\n    return m\n", g)
    print(type(g["f"]()).__name__)
    return weakref.ref(g["m"])


r = make()
gc.collect()
print("freed after collect:", r() is None)

# Many of them: memory stays bounded (each round is garbage after it).
refs = [make() for _ in range(3)]
gc.collect()
print([x() is None for x in refs])

# Still alive while the function is reachable.
g = {"Marker": Marker}
exec("m = Marker()\ndef f():\n    return m\n", g)
keep = g["f"]
del g
w = weakref.ref(keep())
gc.collect()
print("alive while f is:", w() is not None, type(keep()).__name__)
del keep
gc.collect()
print("freed with f:", w() is None)
