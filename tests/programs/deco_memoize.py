def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args in cache:
            wrapper.hits += 1
            return cache[args]
        wrapper.misses += 1
        result = fn(*args)
        cache[args] = result
        return result

    wrapper.hits = 0
    wrapper.misses = 0
    wrapper.cache = cache
    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.hits, fib.misses)
print(fib(80))
print(fib.hits, fib.misses, len(fib.cache))


@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print(grid_paths(10, 10), grid_paths.misses)


@memoize
def edit(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit(a[1:], b[1:])
    return 1 + min(edit(a[1:], b), edit(a, b[1:]), edit(a[1:], b[1:]))


for x, y in [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution")]:
    print(x, y, edit(x, y))
print("edit cache size", len(edit.cache))


def count_calls(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@count_calls
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(15), slow_fib.calls)
slow_fib.calls = 0
print(slow_fib(10), slow_fib.calls)
