"""Weak references: ref, proxy-free basics, WeakValueDictionary,
WeakKeyDictionary, WeakSet, finalize.

A reference never keeps its object alive and gives None as soon as the
object is freed (framevm frees by reference counting). Instances,
classes and functions can be referenced. Callbacks and finalizers do
not run at the moment the object is freed: they run at the next
`gc.collect()`, newest first, as CPython orders them (finalizers do not
run at exit).
"""

import _weakref
import gc as _gc
import sys as _sys

__all__ = [
    "ref",
    "ReferenceType",
    "WeakValueDictionary",
    "WeakKeyDictionary",
    "WeakSet",
    "finalize",
    "getweakrefcount",
    "getweakrefs",
]

# (target handle, handle of the ref or finalize object, what to run), oldest first.
_pending = []


def _sweep():
    """Runs the callbacks of references whose objects are gone."""
    if not _pending:
        return
    fired = []
    keep = []
    for entry in _pending:
        if _weakref.alive(entry[0]):
            keep.append(entry)
        elif _weakref.alive(entry[1]):
            fired.append(entry)
    _pending[:] = keep
    for target, owner, run in reversed(fired):
        holder = _weakref.get(owner)
        if holder is None:
            continue
        try:
            run(holder)
        except Exception as e:
            print("Exception ignored in: %r" % (run,), file=_sys.stderr)
            print("%s: %s" % (type(e).__name__, e), file=_sys.stderr)


_gc._on_collect.append(_sweep)


class ref:
    """A weak reference: calling it gives the object, or None once it
    is gone."""

    def __init__(self, obj, callback=None):
        self._h = _weakref.new(obj)
        self._cb = callback
        self._hash = None
        if callback is not None:
            _pending.append((self._h, _weakref.new(self), _run_ref))

    def __call__(self):
        return _weakref.get(self._h)

    @property
    def __callback__(self):
        return self._cb

    def __hash__(self):
        if self._hash is None:
            o = self()
            if o is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(o)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        o = self()
        if o is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))


def _run_ref(r):
    r._cb(r)


ReferenceType = ref
KeyedRef = ref


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


class finalize:
    """Calls func(*args, **kwargs) once obj is gone (at the next
    collection), or when called first."""

    _registry = []

    def __init__(self, obj, func, *args, **kwargs):
        self._h = _weakref.new(obj)
        self._info = (func, args, kwargs)
        self.atexit = True
        finalize._registry.append(self)
        _pending.append((self._h, _weakref.new(self), finalize._on_gone))

    def _on_gone(self):
        self()

    def __call__(self, _=None):
        info = self._info
        if info is None:
            return None
        self._info = None
        if self in finalize._registry:
            finalize._registry.remove(self)
        func, args, kwargs = info
        return func(*args, **(kwargs or {}))

    def detach(self):
        info = self._info
        obj = _weakref.get(self._h)
        if info is None or obj is None:
            return None
        self._info = None
        if self in finalize._registry:
            finalize._registry.remove(self)
        return (obj, info[0], info[1], info[2])

    def peek(self):
        info = self._info
        obj = _weakref.get(self._h)
        if info is None or obj is None:
            return None
        return (obj, info[0], info[1], info[2])

    @property
    def alive(self):
        return self._info is not None and _weakref.alive(self._h)

    def __repr__(self):
        o = _weakref.get(self._h)
        if o is None or self._info is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for '%s' at %#x>" % (id(self), type(o).__name__, id(o))


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes when its
    value does."""

    def __init__(self, other=(), **kwargs):
        self._data = {}
        self.update(other, **kwargs)

    def _live(self):
        dead = [k for k, r in self._data.items() if r() is None]
        for k in dead:
            del self._data[k]
        return self._data

    def __getitem__(self, key):
        o = self._data[key]()
        if o is None:
            del self._data[key]
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._data[key] = ref(value)

    def __delitem__(self, key):
        self._live()
        del self._data[key]

    def __contains__(self, key):
        r = self._data.get(key)
        return r is not None and r() is not None

    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter(list(self._live()))

    def get(self, key, default=None):
        r = self._data.get(key)
        o = None if r is None else r()
        return default if o is None else o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def pop(self, key, *default):
        self._live()
        if key in self._data:
            return self._data.pop(key)()
        if default:
            return default[0]
        raise KeyError(key)

    def keys(self):
        return list(self._live())

    def values(self):
        return [r() for r in self._live().values()]

    def items(self):
        return [(k, r()) for k, r in self._live().items()]

    def update(self, other=(), **kwargs):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        return WeakValueDictionary(self.items())

    def clear(self):
        self._data.clear()

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes when its key
    does."""

    def __init__(self, other=None):
        self._data = {}
        if other is not None:
            self.update(other)

    def _live(self):
        dead = [r for r in self._data if r() is None]
        for r in dead:
            del self._data[r]
        return self._data

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __setitem__(self, key, value):
        self._live()
        self._data[ref(key)] = value

    def __delitem__(self, key):
        del self._data[ref(key)]

    def __contains__(self, key):
        try:
            return ref(key) in self._data
        except TypeError:
            return False

    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter([r() for r in self._live()])

    def get(self, key, default=None):
        return self._data.get(ref(key), default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(ref(key), default)

    def pop(self, key, *default):
        return self._data.pop(ref(key), *default)

    def keys(self):
        return [r() for r in self._live()]

    def values(self):
        return list(self._live().values())

    def items(self):
        return [(r(), v) for r, v in self._live().items()]

    def update(self, other=(), **kwargs):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v

    def copy(self):
        return WeakKeyDictionary(self.items())

    def clear(self):
        self._data.clear()

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)


class WeakSet:
    """A set whose members are held weakly."""

    def __init__(self, data=None):
        self._data = {}
        if data is not None:
            for x in data:
                self.add(x)

    def _live(self):
        dead = [r for r in self._data if r() is None]
        for r in dead:
            del self._data[r]
        return self._data

    def add(self, item):
        self._live()
        self._data[ref(item)] = None

    def discard(self, item):
        self._data.pop(ref(item), None)

    def remove(self, item):
        del self._data[ref(item)]

    def __contains__(self, item):
        try:
            return ref(item) in self._data
        except TypeError:
            return False

    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter([r() for r in self._live()])

    def clear(self):
        self._data.clear()

    def copy(self):
        return WeakSet(self)

    def __repr__(self):
        return "<WeakSet at %#x>" % id(self)
