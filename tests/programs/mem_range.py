# Ranges too long for memory or for a machine word: CPython's OverflowError
# for the length, MemoryError for materialising, and lazy reversal.


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r if isinstance(r, int) else (type(r).__name__, len(r)))
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, str(e))


huge = range(-2**63, 2**63 - 1)
attempt("len", lambda: len(huge))
attempt("list", lambda: list(huge))
attempt("len 2**63-1", lambda: len(range(2**63 - 1)))
print(next(iter(huge)), next(reversed(huge)))
print(next(reversed(range(0, 2**63 - 1, 3))))
r = reversed(range(-2**63, 2**63 - 1, 2**62))
print(list(r))

big = 10**12
attempt("list(range)", lambda: list(range(big)))
attempt("tuple(range)", lambda: tuple(range(big)))
attempt("sorted(range)", lambda: sorted(range(big)))


def extend():
    x = [1]
    x.extend(range(big))
    return x


attempt("extend", extend)

# Ordinary reversals.
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
print(list(reversed(range(-5, 5, 4))), list(reversed(range(3, 3))))
it = reversed(range(4))
print(type(it).__name__, next(it), list(it))
print(sum(reversed(range(1001))), list(range(3)) + list(reversed(range(3))))
x = []
x.extend(range(4))
print(x, sorted(range(5, 0, -2)), tuple(range(2, 9, 3)))
