def shout(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        return str(result).upper() + "!"
    return wrapper


def trace(fn):
    depth = [0]

    def wrapper(*args, **kwargs):
        indent = "  " * depth[0]
        parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        print(f"{indent}-> {fn.__name__}({', '.join(parts)})")
        depth[0] += 1
        try:
            result = fn(*args, **kwargs)
        finally:
            depth[0] -= 1
        print(f"{indent}<- {fn.__name__} = {result!r}")
        return result
    return wrapper


@shout
def greet(name, punctuation="."):
    return "hello " + name + punctuation


print(greet("world"))
print(greet("bob", punctuation="?"))


@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(4))


@trace
def describe(kind, *items, sep=", "):
    return kind + ": " + sep.join(items)


describe("fruit", "apple", "pear", sep=" & ")


def plain(x):
    return x + 1


wrapped = trace(plain)
print(plain(1), wrapped(1))


@trace
def fails(x):
    return 10 // x


try:
    fails(0)
except ZeroDivisionError as e:
    print("caught", e)
print(fails(5))
