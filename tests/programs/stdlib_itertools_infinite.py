# itertools: the infinite iterators, accumulate, chain, compress, the
# predicate filters, starmap, pairwise and zip_longest: values, laziness
# and reprs.
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress,
                       dropwhile, takewhile, filterfalse, starmap, pairwise,
                       zip_longest, islice)
import operator

c = count(5)
print(repr(c), next(c), next(c), repr(c))
print(repr(count()), repr(count(2, 3)), repr(count(1.5)), repr(count(0, 0.5)))
print(list(islice(count(10, -2), 5)), list(islice(count(0.5, 0.25), 3)))
print(type(c).__name__, iter(c) is c)
try:
    count("a")
except TypeError as e:
    print("TypeError", e)
print(list(islice(cycle("abc"), 8)), list(cycle([])))
r = repeat("x", 3)
print(repr(r), operator.length_hint(r), list(r), repr(r))
print(repr(repeat(7)), list(repeat(1, -2)), repr(repeat(None, -1)))
print(list(islice(repeat([1]), 2)), list(map(pow, range(5), repeat(2))))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError", e)

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=10)))
print(list(accumulate([1, 2], initial=100)), list(accumulate("abc")))
print(list(accumulate([None, 1, 2], lambda a, b: b)))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=0)))

# chain
print(list(chain("ab", [1, 2], (), range(2))), list(chain()))
print(list(chain.from_iterable(["ab", "cd"])), type(chain.from_iterable([])).__name__)


def gens():
    print("making first")
    yield [1, 2]
    print("making second")
    yield [3]


ch = chain.from_iterable(gens())
print("chain made")
print(next(ch))
print(list(ch))
try:
    list(chain(1, 2))
except TypeError as e:
    print("TypeError", e)

# compress, dropwhile, takewhile, filterfalse
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 2)))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
it = iter([1, 2, 10, 3, 4])
tw = takewhile(lambda x: x < 5, it)
print(list(tw), list(it), list(tw))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", [], None])))

# starmap, pairwise, zip_longest
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, ["ab", "cd"])))
print(list(pairwise("ABCDE")), list(pairwise([1])), list(pairwise([])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()))
print(list(zip_longest([1, 2], [3], [4, 5, 6])))
z = zip_longest([1], [])
print(next(z))
try:
    next(z)
except StopIteration:
    print("stop")
try:
    next(z)
except StopIteration:
    print("stop again")
print(itertools.__name__, sorted(n for n in dir(itertools) if not n.startswith("_")))
