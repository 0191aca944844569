"""collections: deque, namedtuple, OrderedDict, defaultdict, Counter
(Python source shipped in framevm).

Until builtin types can be subclassed, namedtuple classes wrap a tuple
(`_tuple`) and the dict-like classes wrap a dict (`_data`) behind the
`_DictLike` base; each forwards what tuple/dict would have given. When
`class X(dict)` works, `_DictLike` becomes `dict` and the forwarding
methods go; namedtuple's base becomes `tuple` with `__new__`.
"""

_sentinel = object()


# ---------------------------------------------------------------- deque

class deque:
    """A double-ended queue: two lists back to back. `_left` holds the
    front part reversed (its last item is the deque's first), `_right`
    the rest in order; popping from an empty side moves half of the
    other over, so every end operation is amortised O(1)."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._left = []
        self._right = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def __len__(self):
        return len(self._left) + len(self._right)

    def __bool__(self):
        return bool(self._left) or bool(self._right)

    def _items(self):
        return self._left[::-1] + self._right

    def _set(self, items):
        self._left = []
        self._right = items

    def __iter__(self):
        return iter(self._items())

    def __reversed__(self):
        return iter(self._items()[::-1])

    def __contains__(self, x):
        return x in self._left or x in self._right

    def append(self, x):
        m = self._maxlen
        if m is not None and len(self) >= m:
            if m == 0:
                return
            self.popleft()
        self._right.append(x)

    def appendleft(self, x):
        m = self._maxlen
        if m is not None and len(self) >= m:
            if m == 0:
                return
            self.pop()
        self._left.append(x)

    def pop(self):
        if not self._right:
            left = self._left
            if not left:
                raise IndexError("pop from an empty deque")
            k = (len(left) + 1) // 2
            self._right = left[:k][::-1]
            self._left = left[k:]
        return self._right.pop()

    def popleft(self):
        if not self._left:
            right = self._right
            if not right:
                raise IndexError("pop from an empty deque")
            k = (len(right) + 1) // 2
            self._left = right[:k][::-1]
            self._right = right[k:]
        return self._left.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._left = []
        self._right = []

    def copy(self):
        return deque(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._left.count(x) + self._right.count(x)

    def index(self, x, start=0, stop=None):
        items = self._items()
        if stop is None:
            stop = len(items)
        try:
            return items.index(x, start, stop)
        except ValueError:
            raise ValueError(repr(x) + " is not in deque") from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._items()
        items.insert(i, x)
        self._set(items)

    def remove(self, x):
        items = self._items()
        try:
            items.remove(x)
        except ValueError:
            raise ValueError(repr(x) + " is not in deque") from None
        self._set(items)

    def reverse(self):
        self._left, self._right = self._right, self._left

    def rotate(self, n=1):
        size = len(self)
        if size <= 1:
            return
        n = n % size
        if n == 0:
            return
        items = self._items()
        self._set(items[-n:] + items[:-n])

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '"
                            + type(i).__name__ + "'")
        size = len(self)
        if i < 0:
            i += size
        if i < 0 or i >= size:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        i = self._index(i)
        n = len(self._left)
        if i < n:
            return self._left[n - 1 - i]
        return self._right[i - n]

    def __setitem__(self, i, x):
        i = self._index(i)
        n = len(self._left)
        if i < n:
            self._left[n - 1 - i] = x
        else:
            self._right[i - n] = x

    def __delitem__(self, i):
        i = self._index(i)
        items = self._items()
        del items[i]
        self._set(items)

    def __repr__(self):
        body = repr(self._items())
        if self._maxlen is None:
            return "deque(" + body + ")"
        return "deque(" + body + ", maxlen=" + str(self._maxlen) + ")"

    def _cmp(self, other):
        if not isinstance(other, deque):
            return None
        return self._items(), other._items()

    def __eq__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] >= p[1]

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "'
                            + type(other).__name__ + '") to deque')
        out = deque(self, self._maxlen)
        out.extend(other)
        return out

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._items() * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items() * n
        self.clear()
        self.extend(items)
        return self


# ----------------------------------------------------------- namedtuple

_KEYWORDS = frozenset((
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield"))


def _plain(t):
    return t._tuple if isinstance(t, _TupleLike) else t


class _TupleLike:
    """What a namedtuple class has from tuple (its items in `_tuple`)."""

    def __len__(self):
        return len(self._tuple)

    def __iter__(self):
        return iter(self._tuple)

    def __contains__(self, x):
        return x in self._tuple

    def __getitem__(self, i):
        return self._tuple[i]

    def __hash__(self):
        return hash(self._tuple)

    def __eq__(self, other):
        return self._tuple == _plain(other)

    def __ne__(self, other):
        return self._tuple != _plain(other)

    def __lt__(self, other):
        return self._tuple < _plain(other)

    def __le__(self, other):
        return self._tuple <= _plain(other)

    def __gt__(self, other):
        return self._tuple > _plain(other)

    def __ge__(self, other):
        return self._tuple >= _plain(other)

    def __add__(self, other):
        return self._tuple + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._tuple

    def __mul__(self, n):
        return self._tuple * n

    __rmul__ = __mul__

    def count(self, x):
        return self._tuple.count(x)

    def index(self, *args):
        return self._tuple.index(*args)

    def __getnewargs__(self):
        return self._tuple

    def __repr__(self):
        parts = []
        for name, value in zip(self._fields, self._tuple):
            parts.append(name + "=" + repr(value))
        return type(self).__name__ + "(" + ", ".join(parts) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self._tuple))

    def _replace(self, **kwargs):
        values = []
        for name, value in zip(self._fields, self._tuple):
            values.append(kwargs.pop(name, value))
        if kwargs:
            raise ValueError("Got unexpected field names: " + repr(list(kwargs)))
        return self._make(values)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError("Expected " + str(len(cls._fields))
                            + " arguments, got " + str(len(values)))
        return cls(*values)


def _field(i):
    return property(lambda self: self._tuple[i],
                    doc="Alias for field number " + str(i))


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith("_") or name in seen):
                field_names[i] = "_" + str(i)
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: "
                             + repr(name))
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: "
                             + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):],
                                  defaults))
    # The argument checks come from a real signature, so a bad call
    # gets Python's own message ("Tup.__new__() missing 1 required ...").
    params = []
    first_default = len(field_names) - len(field_defaults)
    for i, name in enumerate(field_names):
        if i >= first_default:
            params.append(name + "=_defaults[" + str(i - first_default) + "]")
        else:
            params.append(name)
    src = ("class " + typename + ":\n"
           + "    def __new__(" + ", ".join(["_cls"] + params) + "):\n"
           + "        return (" + ", ".join(field_names)
           + ("," if len(field_names) == 1 else "") + ")\n")
    scratch = {"__name__": "namedtuple_" + typename,
               "_defaults": tuple(field_defaults.values())}
    exec(src, scratch)
    build = scratch[typename].__new__

    def __init__(self, *args, **kwargs):
        self._tuple = build(None, *args, **kwargs)

    ns = {
        "__init__": __init__,
        "__slots__": (),
        "_fields": tuple(field_names),
        "_field_defaults": field_defaults,
        "__match_args__": tuple(field_names),
    }
    for i, name in enumerate(field_names):
        ns[name] = _field(i)
    cls = type(typename, (_TupleLike,), ns)
    if module is None:
        module = "__main__"
    cls.__module__ = module
    return cls


# -------------------------------------------------------- dict-like types

class _DictLike:
    """What the dict-like classes have from dict (the items in `_data`)."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(list(self._data))

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def pop(self, key, default=_sentinel):
        if default is _sentinel:
            return self._data.pop(key)
        return self._data.pop(key, default)

    def popitem(self):
        return self._data.popitem()

    def clear(self):
        self._data.clear()

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got " + str(len(args)))
        if args:
            src = args[0]
            if isinstance(src, _DictLike):
                src = src._data
            if isinstance(src, dict) or hasattr(src, "keys"):
                for k in src.keys():
                    self[k] = src[k]
            else:
                for k, v in src:
                    self[k] = v
        for k in kwargs:
            self[k] = kwargs[k]

    def copy(self):
        out = type(self)()
        out._data = self._data.copy()
        return out

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            other = other._data
        return self._data == other

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _DictLike)):
            return NotImplemented
        out = self.copy()
        out.update(other)
        return out

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return type(self).__name__ + "(" + repr(self._data) + ")"


class OrderedDict(_DictLike):
    """A dict that remembers insertion order (as every dict does) and
    compares that order with another OrderedDict."""

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        if last:
            return self._data.popitem()
        key = next(iter(self._data))
        return key, self._data.pop(key)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        out = cls()
        for k in iterable:
            out[k] = value
        return out

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return (self._data == other._data
                    and list(self._data) == list(other._data))
        return _DictLike.__eq__(self, other)

    def __repr__(self):
        if not self._data:
            return type(self).__name__ + "()"
        return type(self).__name__ + "(" + repr(list(self._data.items())) + ")"


class defaultdict(_DictLike):
    """A dict that makes a missing key's value with `default_factory`."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _DictLike.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        out = defaultdict(self.default_factory)
        out._data = self._data.copy()
        return out

    __copy__ = copy

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = "None"
        elif isinstance(f, type) or type(f).__name__ == "builtin_function_or_method":
            fr = "<class '" + f.__name__ + "'>"
        else:
            fr = repr(f)
        return "defaultdict(" + fr + ", " + repr(self._data) + ")"


class Counter(_DictLike):
    """A dict of counts: a missing key counts 0."""

    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        items = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for k, v in self._data.items():
            for _ in range(v):
                yield k

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, **kwargs):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._data
            if isinstance(iterable, dict) or hasattr(iterable, "keys"):
                for k in iterable.keys():
                    data[k] = data.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    data[k] = data.get(k, 0) + 1
        for k in kwargs:
            data[k] = data.get(k, 0) + kwargs[k]

    def subtract(self, iterable=None, **kwargs):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._data
            if isinstance(iterable, dict) or hasattr(iterable, "keys"):
                for k in iterable.keys():
                    data[k] = data.get(k, 0) - iterable[k]
            else:
                for k in iterable:
                    data[k] = data.get(k, 0) - 1
        for k in kwargs:
            data[k] = data.get(k, 0) - kwargs[k]

    def copy(self):
        out = Counter()
        out._data = self._data.copy()
        return out

    __copy__ = copy

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __repr__(self):
        if not self._data:
            return type(self).__name__ + "()"
        parts = []
        for k, v in self.most_common():
            parts.append(repr(k) + ": " + repr(v))
        return type(self).__name__ + "({" + ", ".join(parts) + "})"

    def _keep_positive(self):
        for k in [k for k, v in self._data.items() if not v > 0]:
            del self._data[k]
        return self

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self._data.items():
            n = v + other[k]
            if n > 0:
                out[k] = n
        for k, v in other._data.items():
            if k not in self._data and v > 0:
                out[k] = v
        return out

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self._data.items():
            n = v - other[k]
            if n > 0:
                out[k] = n
        for k, v in other._data.items():
            if k not in self._data and v < 0:
                out[k] = 0 - v
        return out

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self._data.items():
            o = other[k]
            n = o if v < o else v
            if n > 0:
                out[k] = n
        for k, v in other._data.items():
            if k not in self._data and v > 0:
                out[k] = v
        return out

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self._data.items():
            o = other[k]
            n = v if v < o else o
            if n > 0:
                out[k] = n
        return out

    def __pos__(self):
        out = Counter()
        for k, v in self._data.items():
            if v > 0:
                out[k] = v
        return out

    def __neg__(self):
        out = Counter()
        for k, v in self._data.items():
            if v < 0:
                out[k] = 0 - v
        return out

    def __iadd__(self, other):
        for k, v in other._data.items():
            self._data[k] = self[k] + v
        return self._keep_positive()

    def __isub__(self, other):
        for k, v in other._data.items():
            self._data[k] = self[k] - v
        return self._keep_positive()

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return _DictLike.__eq__(self, other)
        for k in self._data:
            if self[k] != other[k]:
                return False
        for k in other._data:
            if self[k] != other[k]:
                return False
        return True
