def logged(fn, name):
    depth = [0]

    def wrapper(*args, **kwargs):
        pad = "  " * depth[0]
        print(f"{pad}-> {name}{args} {kwargs}")
        depth[0] += 1
        result = fn(*args, **kwargs)
        depth[0] -= 1
        print(f"{pad}<- {name} = {result!r}")
        return result

    return wrapper


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapper, cache


def counted(fn):
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        return fn(*args)

    return wrapper, calls


def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


slow_fib, fib_cache = memoize(slow_fib)
print("fib(60) =", slow_fib(60), "cache size", len(fib_cache))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


gcd = logged(gcd, "gcd")
print("result:", gcd(1071, 462))


def area(w, h=1, unit="m"):
    return f"{w * h}{unit}2"


area = logged(area, "area")
area(3, h=4, unit="cm")
area(5)


def square(x):
    return x * x


square, square_calls = counted(square)
print([square(i) for i in range(5)], "calls:", square_calls[0])
print(sum(map(square, range(10))), "calls:", square_calls[0])


def validated(fn, check, fallback):
    def wrapper(x):
        if not check(x):
            return fallback
        return fn(x)

    return wrapper


safe_sqrt = validated(lambda x: x ** 0.5, lambda x: x >= 0, None)
safe_inverse = validated(lambda x: 1 / x, lambda x: x != 0, float("inf"))
print([safe_sqrt(v) for v in [16, -4, 2]], [safe_inverse(v) for v in [4, 0, -0.5]])


def chain(*wrappers):
    def apply(fn):
        for w in reversed(wrappers):
            fn = w(fn)
        return fn

    return apply


def shout(fn):
    return lambda s: fn(s).upper()


def exclaim(fn):
    return lambda s: fn(s) + "!"


def bracket(fn):
    return lambda s: "[" + fn(s) + "]"


greet = chain(bracket, exclaim, shout)(lambda s: "hello " + s)
print(greet("world"))
greet2 = chain(shout, bracket)(lambda s: "bye " + s)
print(greet2("now"))
