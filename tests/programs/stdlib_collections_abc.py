import collections.abc
from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable,
    Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Generator,
    Collection, Reversible, KeysView)
import collections
print(collections.abc.Sequence is Sequence)
print(isinstance([], Sequence), isinstance([], MutableSequence), isinstance((), MutableSequence))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Mapping))
print(isinstance(set(), Set), isinstance(frozenset(), MutableSet), isinstance("s", Sequence))
print(isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance([], Iterable))
print(isinstance(5, Hashable), isinstance([], Hashable), isinstance(len, Callable), isinstance(3, Callable))
print(isinstance({}.keys(), KeysView), isinstance((x for x in []), Generator), isinstance([], Collection))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), issubclass(It, Iterable), isinstance(It(), Sized))
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({"a": 1, "b": 2})
print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2})
class MySeq(Sequence):
    def __init__(self, *x): self.x = x
    def __getitem__(self, i): return self.x[i]
    def __len__(self): return len(self.x)
s = MySeq(1, 2, 3, 2)
print(list(s), 2 in s, s.index(3), s.count(2), list(reversed(s)))
try:
    Sequence()
except TypeError as e:
    print("TypeError", e)
class Half(MutableMapping):
    pass
try:
    Half()
except TypeError as e:
    print("TypeError", e)
print(isinstance(collections.OrderedDict(), MutableMapping), isinstance(collections.deque(), MutableSequence))
