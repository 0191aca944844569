def repeat(times):
    def decorator(fn):
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorator


def validate(**rules):
    def decorator(fn):
        def wrapper(**kwargs):
            for name, check in rules.items():
                if name in kwargs and not check(kwargs[name]):
                    raise ValueError(f"{fn.__name__}: bad {name}={kwargs[name]!r}")
            return fn(**kwargs)
        return wrapper
    return decorator


def prefix(tag, sep=": "):
    def decorator(fn):
        def wrapper(*args):
            return tag + sep + fn(*args)
        return wrapper
    return decorator


counter = [0]


@repeat(3)
def roll():
    counter[0] += 1
    return counter[0] * 7 % 6


print(roll(), roll())


@validate(age=lambda a: 0 <= a < 150, name=lambda n: len(n) > 0)
def register(name="anon", age=0):
    return f"registered {name} ({age})"


print(register(name="ann", age=30))
print(register())
for kwargs in [{"name": "", "age": 5}, {"name": "old", "age": 200}]:
    try:
        print(register(**kwargs))
    except ValueError as e:
        print("rejected:", e)


@prefix("INFO")
def status(n):
    return f"{n} jobs running"


@prefix("WARN", sep=" | ")
def disk(pct):
    return f"disk at {pct}%"


print(status(3))
print(disk(91))


def retry(attempts, exceptions=(Exception,)):
    def decorator(fn):
        def wrapper(*args):
            for i in range(1, attempts + 1):
                try:
                    return fn(*args)
                except exceptions as e:
                    print(f"  attempt {i} failed: {e}")
            return None
        return wrapper
    return decorator


state = {"calls": 0}


@retry(4, exceptions=(RuntimeError, KeyError))
def flaky(limit):
    state["calls"] += 1
    if state["calls"] < limit:
        raise RuntimeError("not yet " + str(state["calls"]))
    return "ok after " + str(state["calls"])


print(flaky(3))
state["calls"] = 0
print(flaky(10))
