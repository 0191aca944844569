class Guard:
    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"[{self.name}] enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"[{self.name}] exit cleanly")
            return False
        print(f"[{self.name}] exit with {exc_type.__name__}: {exc}")
        if issubclass(exc_type, self.suppress):
            print(f"[{self.name}] suppressing")
            return True
        return False


with Guard("a", suppress=(KeyError,)):
    {}["missing"]
    print("not reached")
print("continued after suppressed KeyError")

try:
    with Guard("b", suppress=(KeyError,)):
        int("nope")
except ValueError as e:
    print("propagated:", e)

with Guard("c", suppress=(ArithmeticError,)):
    print(1 / 0)

with Guard("d"):
    print("no exception here")


def risky(n):
    with Guard("r" + str(n), suppress=(IndexError,)):
        return [1, 2, 3][n]
    return "suppressed -> fell through"


print(risky(1))
print(risky(7))


class Counter:
    def __init__(self):
        self.errors = {}

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            name = exc_type.__name__
            self.errors[name] = self.errors.get(name, 0) + 1
        return True


counter = Counter()
for item in ["1", "x", None, "3", [], "y"]:
    with counter:
        int(item)
print(counter.errors)


class Truthy:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return 1


with Truthy():
    raise RuntimeError("swallowed by truthy non-bool")
print("truthy return suppresses too")
