# What collections' classes give once builtin types are real classes:
# a namedtuple is a tuple, the dict-like classes are dicts.
from collections import namedtuple, OrderedDict, defaultdict, Counter

P = namedtuple("P", "x y")
p = P(1, 2)
print(isinstance(p, tuple), "%d-%d" % p, tuple(p), type(p).__mro__[1] is tuple)
for d in (OrderedDict(a=1), defaultdict(int), Counter("ab")):
    print(type(d).__name__, isinstance(d, dict))
A = type("A", (), OrderedDict(a=1, b=2))
print(A.a, A.b)
print(defaultdict(list).default_factory)
