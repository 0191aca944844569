"""collections: deque, namedtuple, OrderedDict, defaultdict, Counter,
ChainMap, UserDict, UserList, UserString (Python source shipped in
framevm).

A namedtuple class is a tuple subclass whose fields are properties
reading self[i]; OrderedDict, defaultdict and Counter are dict
subclasses (a missing key goes to `__missing__`)."""

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


class _tuplegetter:
    # A namedtuple field: reads item `i` of the instance; read-only. (No
    # docstring: `__doc__` is a slot, which a class docstring would clash with.)

    __slots__ = ("_index", "__doc__")

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def _field(i):
    return _tuplegetter(i, "Alias for field number " + str(i))


def _nt_repr(self):
    parts = []
    for name, value in zip(self._fields, self):
        parts.append(name + "=" + repr(value))
    return type(self).__name__ + "(" + ", ".join(parts) + ")"


def _nt_asdict(self):
    return dict(zip(self._fields, self))


def _nt_replace(self, **kwargs):
    values = []
    for name, value in zip(self._fields, self):
        values.append(kwargs.pop(name, value))
    if kwargs:
        raise ValueError("Got unexpected field names: " + repr(list(kwargs)))
    return self._make(values)


def _nt_make(cls, iterable):
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError("Expected " + str(len(cls._fields))
                        + " arguments, got " + str(len(result)))
    return result


def _nt_getnewargs(self):
    return tuple(self)


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
           + "        return _tuple_new(_cls, (" + ", ".join(field_names)
           + ("," if len(field_names) == 1 else "") + "))\n")
    scratch = {"__name__": "namedtuple_" + typename,
               "_defaults": tuple(field_defaults.values()),
               "_tuple_new": tuple.__new__}
    exec(src, scratch)

    ns = {
        "__doc__": typename + "(" + ", ".join(field_names) + ")",
        "__slots__": (),
        "_fields": tuple(field_names),
        "_field_defaults": field_defaults,
        "__new__": scratch[typename].__new__,
        "_make": classmethod(_nt_make),
        "_replace": _nt_replace,
        "__repr__": _nt_repr,
        "_asdict": _nt_asdict,
        "__getnewargs__": _nt_getnewargs,
        "__match_args__": tuple(field_names),
    }
    for i, name in enumerate(field_names):
        ns[name] = _field(i)
    cls = type(typename, (tuple,), ns)
    if module is None:
        module = "__main__"
    cls.__module__ = module
    return cls


# -------------------------------------------------------- dict subclasses

class OrderedDict(dict):
    """A dict that remembers insertion order (as every dict does), can
    move a key to either end, and compares that order with another
    OrderedDict."""

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        out = cls()
        for k in iterable:
            out[k] = value
        return out

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            for a, b in zip(self, other):
                if a != b:
                    return False
            return True
        return dict.__eq__(self, other)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        out = type(self)(self)
        out.update(other)
        return out

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        out = type(self)(other)
        out.update(self)
        return out

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        if not self:
            return type(self).__name__ + "()"
        return type(self).__name__ + "(" + repr(list(self.items())) + ")"


class defaultdict(dict):
    """A dict that makes a missing key's value with `default_factory`."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        out = self.copy()
        out.update(other)
        return out

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        out = type(self)(self.default_factory, other)
        out.update(self)
        return out

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return ("defaultdict(" + repr(self.default_factory) + ", "
                + dict.__repr__(self) + ")")


class Counter(dict):
    """A dict of counts: a missing key counts 0."""

    def __init__(self, iterable=None, **kwargs):
        dict.__init__(self)
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for k, v in self.items():
            for _ in range(v):
                yield k

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def _count(self, iterable, kwargs, sign):
        get = self.get
        if iterable is not None:
            if isinstance(iterable, dict) or hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self[k] = get(k, 0) + sign * iterable[k]
            else:
                for k in iterable:
                    self[k] = get(k, 0) + sign
        for k in kwargs:
            self[k] = get(k, 0) + sign * kwargs[k]

    def update(self, iterable=None, **kwargs):
        self._count(iterable, kwargs, 1)

    def subtract(self, iterable=None, **kwargs):
        self._count(iterable, kwargs, -1)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, key):
        if key in self:
            dict.__delitem__(self, key)

    def __repr__(self):
        if not self:
            return type(self).__name__ + "()"
        parts = []
        for k, v in self.most_common():
            parts.append(repr(k) + ": " + repr(v))
        return type(self).__name__ + "({" + ", ".join(parts) + "})"

    def _keep_positive(self):
        for k in [k for k, v in self.items() if not v > 0]:
            dict.__delitem__(self, k)
        return self

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self.items():
            n = v + other[k]
            if n > 0:
                out[k] = n
        for k, v in other.items():
            if k not in self and v > 0:
                out[k] = v
        return out

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self.items():
            n = v - other[k]
            if n > 0:
                out[k] = n
        for k, v in other.items():
            if k not in self and v < 0:
                out[k] = 0 - v
        return out

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self.items():
            o = other[k]
            n = o if v < o else v
            if n > 0:
                out[k] = n
        for k, v in other.items():
            if k not in self and v > 0:
                out[k] = v
        return out

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self.items():
            o = other[k]
            n = v if v < o else o
            if n > 0:
                out[k] = n
        return out

    def __pos__(self):
        out = Counter()
        for k, v in self.items():
            if v > 0:
                out[k] = v
        return out

    def __neg__(self):
        out = Counter()
        for k, v in self.items():
            if v < 0:
                out[k] = 0 - v
        return out

    def __iadd__(self, other):
        for k, v in other.items():
            self[k] = self[k] + v
        return self._keep_positive()

    def __isub__(self, other):
        for k, v in other.items():
            self[k] = self[k] - v
        return self._keep_positive()

    def __ior__(self, other):
        for k, o in other.items():
            if o > self[k]:
                self[k] = o
        return self._keep_positive()

    def __iand__(self, other):
        for k, v in list(self.items()):
            o = other[k]
            if o < v:
                self[k] = o
        return self._keep_positive()

    def _same(self, other, test):
        for c in (self, other):
            for k in c:
                if not test(self[k], other[k]):
                    return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._same(other, lambda a, b: a == b)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._same(other, lambda a, b: a <= b)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._same(other, lambda a, b: a >= b)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None


# ------------------------------------------------------------- ChainMap

class ChainMap:
    """Several mappings seen as one: lookups search them in order,
    changes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(self._keys())

    def _keys(self):
        seen = {}
        for m in reversed(self.maps):
            for k in m:
                seen[k] = None
        return seen

    def __iter__(self):
        return iter(self._keys())

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(map(repr, self.maps)))

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}") from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.") from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}") from None

    def clear(self):
        self.maps[0].clear()

    def keys(self):
        return self._keys().keys()

    def items(self):
        return [(k, self[k]) for k in self._keys()]

    def values(self):
        return [self[k] for k in self._keys()]

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), **kwargs):
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __eq__(self, other):
        try:
            return dict(self.items()) == dict(other.items())
        except AttributeError:
            return NotImplemented

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not hasattr(other, "keys"):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not hasattr(other, "keys"):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# ------------------------------------------- UserDict, UserList, UserString

class UserDict:
    """A dict kept in `self.data`, for subclassing."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        if isinstance(other, UserDict):
            other = other.data
        return self.data == other

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        for k, v in vars(self).items():
            object.__setattr__(inst, k, v)
        object.__setattr__(inst, "data", self.data.copy())
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def keys(self):
        return self.data.keys()

    def items(self):
        return self.data.items()

    def values(self):
        return self.data.values()

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError("popitem(): dictionary is empty")

    def clear(self):
        for key in list(self):
            del self[key]

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwargs):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value


class UserList:
    """A list kept in `self.data`, for subclassing."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self._cast(other)

    def __le__(self, other):
        return self.data <= self._cast(other)

    def __eq__(self, other):
        return self.data == self._cast(other)

    def __gt__(self, other):
        return self.data > self._cast(other)

    def __ge__(self, other):
        return self.data >= self._cast(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        for k, v in vars(self).items():
            object.__setattr__(inst, k, v)
        object.__setattr__(inst, "data", self.data[:])
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


class UserString:
    """A str kept in `self.data`, for subclassing."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __hash__(self):
        return hash(self.data)

    def _cast(self, other):
        return other.data if isinstance(other, UserString) else other

    def __eq__(self, other):
        return self.data == self._cast(other)

    def __lt__(self, other):
        return self.data < self._cast(other)

    def __le__(self, other):
        return self.data <= self._cast(other)

    def __gt__(self, other):
        return self.data > self._cast(other)

    def __ge__(self, other):
        return self.data >= self._cast(other)

    def __contains__(self, char):
        return self._cast(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __iter__(self):
        return iter(self.data)

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __getattr__(self, name):
        # the str methods: a str result comes back as this class
        if name.startswith("__"):
            raise AttributeError(name)
        method = getattr(self.data, name)
        if not callable(method):
            return method

        def wrapped(*args, **kwargs):
            args = [a.data if isinstance(a, UserString) else a for a in args]
            r = method(*args, **kwargs)
            if isinstance(r, str):
                return self.__class__(r)
            if isinstance(r, list):
                return [self.__class__(x) if isinstance(x, str) else x for x in r]
            if isinstance(r, tuple):
                return tuple(self.__class__(x) if isinstance(x, str) else x for x in r)
            return r
        return wrapped
