"""itertools: iterator building blocks (Python source shipped in framevm).

Every tool is a class whose instances are their own iterators and
produce their items lazily, as CPython's do. The combinatoric ones keep
an index vector and step it in place; their state machines follow the
descriptions in the library reference."""

import sys as _sys

_marker = object()

__all__ = [
    'accumulate', 'chain', 'combinations', 'combinations_with_replacement',
    'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
    'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
    'takewhile', 'tee', 'zip_longest',
]


def _index(x):
    # An integer argument, as the C code's "n" format converts it.
    if isinstance(x, int):
        return int(x)
    try:
        method = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__) from None
    return method(x)


class _Iterator:
    __slots__ = ()

    def __iter__(self):
        return self


# ---------------------------------------------------------------- infinite

class count(_Iterator):
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""

    __slots__ = ('_n', '_step')

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)):
                try:
                    v + 0
                except TypeError:
                    raise TypeError('a number is required') from None
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, step)


class cycle(_Iterator):
    """cycle(iterable) --> the items of iterable, then those again, forever."""

    __slots__ = ('_it', '_saved', '_i')

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._i = -1

    def __next__(self):
        if self._i < 0:
            it = self._it
            if it is not None:
                for item in it:
                    self._saved.append(item)
                    return item
                self._it = None
            if not self._saved:
                raise StopIteration
            self._i = 0
        saved = self._saved
        item = saved[self._i]
        self._i = (self._i + 1) % len(saved)
        return item


class repeat(_Iterator):
    """repeat(object [,times]) --> object, times times, or forever."""

    __slots__ = ('_obj', '_left')

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = -1
        else:
            times = _index(times)
            self._left = times if times > 0 else 0

    def __next__(self):
        left = self._left
        if left == 0:
            raise StopIteration
        if left > 0:
            self._left = left - 1
        return self._obj

    def __length_hint__(self):
        if self._left < 0:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left < 0:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._left)


# ------------------------------------------------- terminating on shortest

class accumulate(_Iterator):
    """accumulate(iterable, func=None, *, initial=None) --> running totals
    (or running results of func)."""

    __slots__ = ('_it', '_func', '_total', '_initial')

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _marker
        self._initial = initial

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        item = next(self._it)
        total = self._total
        if total is _marker:
            self._total = item
        elif self._func is None:
            self._total = total + item
        else:
            self._total = self._func(total, item)
        return self._total


class chain(_Iterator):
    """chain(*iterables) --> the items of the first iterable, then of the
    next, and so on."""

    __slots__ = ('_sources', '_active')

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """chain.from_iterable(iterable) --> chain over the iterables that
        iterable yields, taken lazily."""
        self = cls.__new__(cls)
        self._sources = iter(iterable)
        self._active = None
        return self

    def __next__(self):
        while True:
            active = self._active
            if active is not None:
                for item in active:
                    return item
                self._active = None
            sources = self._sources
            if sources is None:
                raise StopIteration
            for src in sources:
                self._active = iter(src)
                break
            else:
                self._sources = None
                raise StopIteration


class compress(_Iterator):
    """compress(data, selectors) --> the items of data whose selector is true."""

    __slots__ = ('_data', '_sel')

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __next__(self):
        data = self._data
        sel = self._sel
        while True:
            item = next(data)
            if next(sel):
                return item


class dropwhile(_Iterator):
    """dropwhile(predicate, iterable) --> the items from the first one for
    which predicate is false on."""

    __slots__ = ('_pred', '_it', '_dropping')

    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        it = self._it
        if self._dropping:
            pred = self._pred
            for item in it:
                if not pred(item):
                    self._dropping = False
                    return item
            raise StopIteration
        return next(it)


class takewhile(_Iterator):
    """takewhile(predicate, iterable) --> the items for as long as
    predicate is true of them."""

    __slots__ = ('_pred', '_it', '_done')

    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._done = True
        raise StopIteration


class filterfalse(_Iterator):
    """filterfalse(function or None, iterable) --> the items for which
    function (or the item itself, for None) is false."""

    __slots__ = ('_pred', '_it')

    def __init__(self, function, iterable):
        self._pred = function
        self._it = iter(iterable)

    def __next__(self):
        pred = self._pred
        if pred is None:
            for item in self._it:
                if not item:
                    return item
        else:
            for item in self._it:
                if not pred(item):
                    return item
        raise StopIteration


class _grouper(_Iterator):
    __slots__ = ('_parent', '_key')

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        parent = self._parent
        if parent._grouper is not self:
            raise StopIteration
        if parent._value is _marker:
            parent._step()
        if not (self._key == parent._cur):
            raise StopIteration
        value = parent._value
        parent._value = _marker
        return value


class groupby(_Iterator):
    """groupby(iterable, key=None) --> (key, group) pairs for runs of
    consecutive items with equal keys; each group is an iterator that
    the next step of the groupby ends."""

    __slots__ = ('_it', '_keyfunc', '_tgt', '_cur', '_value', '_grouper')

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgt = _marker
        self._cur = _marker
        self._value = _marker
        self._grouper = None

    def _step(self):
        value = next(self._it)
        self._cur = value if self._keyfunc is None else self._keyfunc(value)
        self._value = value

    def __next__(self):
        self._grouper = None
        # Skip what is left of the current group.
        while True:
            if self._value is _marker:
                self._step()
            if self._tgt is _marker or not (self._tgt == self._cur):
                break
            self._value = _marker
        self._tgt = self._cur
        g = _grouper(self, self._tgt)
        self._grouper = g
        return (self._cur, g)


class islice(_Iterator):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]) -->
    the selected items of iterable, as a slice selects them of a list."""

    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')

    def __init__(self, *args):
        n = len(args)
        if n < 2:
            raise TypeError('islice expected at least 2 arguments, got %d' % n)
        if n > 4:
            raise TypeError('islice expected at most 4 arguments, got %d' % n)
        # The checks and messages of CPython's: an index that is not an
        # integer reads as -1 (its error value), -1 as a stop is refused
        # as "Stop argument", any other negative as "Indices".
        seq = args[0]
        start, stop, step = 0, -1, 1
        stop_msg = ('Stop argument for islice() must be None or an integer: '
                    '0 <= x <= sys.maxsize.')
        if n == 2:
            if args[1] is not None:
                stop = self._ssize(args[1])
                if stop == -1:
                    raise ValueError(stop_msg)
        else:
            if args[1] is not None:
                start = self._ssize(args[1])
            if args[2] is not None:
                stop = self._ssize(args[2])
                if stop == -1:
                    raise ValueError(stop_msg)
        if start < 0 or stop < -1:
            raise ValueError('Indices for islice() must be None or an '
                             'integer: 0 <= x <= sys.maxsize.')
        if n == 4 and args[3] is not None:
            step = self._ssize(args[3])
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer '
                             'or None.')
        self._it = iter(seq)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    @staticmethod
    def _ssize(v):
        # An index as a Py_ssize_t: -1 (the error value) when v is not
        # an integer or does not fit.
        try:
            v = _index(v)
        except TypeError:
            return -1
        if v > _sys.maxsize or v < -_sys.maxsize - 1:
            return -1
        return v

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        nxt = self._next + self._step
        if stop != -1 and nxt > stop:
            nxt = stop
        self._next = nxt
        return item


class pairwise(_Iterator):
    """pairwise(iterable) --> (s0, s1), (s1, s2), (s2, s3), ..."""

    __slots__ = ('_it', '_old')

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = _marker

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        try:
            if old is _marker:
                old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            raise
        self._old = new
        return (old, new)


class starmap(_Iterator):
    """starmap(function, iterable) --> function(*item) for each item."""

    __slots__ = ('_func', '_it')

    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        args = next(self._it)
        if not isinstance(args, tuple):
            try:
                args = tuple(args)
            except TypeError:
                raise TypeError('iterator should return tuples') from None
        return self._func(*args)


class zip_longest(_Iterator):
    """zip_longest(*iterables, fillvalue=None) --> tuples of the items of
    each iterable in step, padding the exhausted ones with fillvalue."""

    __slots__ = ('_its', '_fill', '_active')

    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._fill = fillvalue
        self._active = len(self._its)

    def __next__(self):
        its = self._its
        if not self._active:
            raise StopIteration
        out = []
        for i, it in enumerate(its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                its[i] = None
                out.append(self._fill)
        return tuple(out)


# --------------------------------------------------------------------- tee

class _TeeLink:
    # One item of the shared buffer; `next` is filled when a reader
    # steps past it first.
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _tee(_Iterator):
    __slots__ = ('_src', '_link')

    def __init__(self, src, link):
        self._src = src
        self._link = link

    def __next__(self):
        link = self._link
        nxt = link.next
        if nxt is None:
            value = next(self._src[0])
            nxt = _TeeLink()
            link.value = value
            link.next = nxt
        self._link = nxt
        return link.value

    def __copy__(self):
        return _tee(self._src, self._link)


def tee(iterable, n=2):
    """tee(iterable, n=2) --> a tuple of n independent iterators over the
    items of iterable."""
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copy = getattr(it, '__copy__', None)
    if copy is None:
        it = _tee([it], _TeeLink())
        copy = it.__copy__
    return (it,) + tuple(copy() for _ in range(n - 1))


# ------------------------------------------------------------ combinatoric

class product(_Iterator):
    """product(*iterables, repeat=1) --> the cartesian product of the
    iterables, as tuples, the rightmost one advancing fastest."""

    __slots__ = ('_pools', '_idx', '_result')

    def __init__(self, *iterables, repeat=1):
        repeat = _index(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        self._pools = [tuple(p) for p in iterables] * repeat
        self._idx = None
        self._result = None

    def __next__(self):
        pools = self._pools
        idx = self._idx
        if idx is None:
            if pools is None:
                raise StopIteration
            for p in pools:
                if not p:
                    self._pools = None
                    raise StopIteration
            self._idx = [0] * len(pools)
            self._result = [p[0] for p in pools]
            return tuple(self._result)
        result = self._result
        i = len(pools) - 1
        while i >= 0:
            pool = pools[i]
            j = idx[i] + 1
            if j < len(pool):
                idx[i] = j
                result[i] = pool[j]
                return tuple(result)
            idx[i] = 0
            result[i] = pool[0]
            i -= 1
        self._pools = None
        self._idx = None
        raise StopIteration


def _r_arg(r):
    r = _index(r)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations(_Iterator):
    """permutations(iterable, r=None) --> the r-length orderings of the
    items of iterable, in lexicographic order of their positions."""

    __slots__ = ('_pool', '_r', '_idx', '_cycles', '_started')

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        self._pool = pool
        self._r = len(pool) if r is None else _r_arg(r)
        self._idx = list(range(len(pool)))
        self._cycles = list(range(len(pool), len(pool) - self._r, -1))
        self._started = False

    def __next__(self):
        pool = self._pool
        if pool is None:
            raise StopIteration
        n, r, idx = len(pool), self._r, self._idx
        if r > n:
            self._pool = None
            raise StopIteration
        if not self._started:
            self._started = True
            return tuple([pool[i] for i in idx[:r]])
        cycles = self._cycles
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                idx[i:] = idx[i + 1:] + idx[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                idx[i], idx[-j] = idx[-j], idx[i]
                return tuple([pool[k] for k in idx[:r]])
            i -= 1
        self._pool = None
        raise StopIteration


class combinations(_Iterator):
    """combinations(iterable, r) --> the r-length subsequences of the
    items of iterable, in the order of their positions."""

    __slots__ = ('_pool', '_r', '_idx')

    def __init__(self, iterable, r):
        self._pool = tuple(iterable)
        self._r = _r_arg(r)
        self._idx = None

    def __next__(self):
        pool = self._pool
        if pool is None:
            raise StopIteration
        n, r = len(pool), self._r
        idx = self._idx
        if idx is None:
            if r > n:
                self._pool = None
                raise StopIteration
            self._idx = idx = list(range(r))
            return tuple([pool[i] for i in idx])
        i = r - 1
        while i >= 0 and idx[i] == i + n - r:
            i -= 1
        if i < 0:
            self._pool = None
            raise StopIteration
        idx[i] += 1
        for j in range(i + 1, r):
            idx[j] = idx[j - 1] + 1
        return tuple([pool[k] for k in idx])


class combinations_with_replacement(_Iterator):
    """combinations_with_replacement(iterable, r) --> the r-length
    subsequences of the items of iterable, each item repeatable."""

    __slots__ = ('_pool', '_r', '_idx')

    def __init__(self, iterable, r):
        self._pool = tuple(iterable)
        self._r = _r_arg(r)
        self._idx = None

    def __next__(self):
        pool = self._pool
        if pool is None:
            raise StopIteration
        n, r = len(pool), self._r
        idx = self._idx
        if idx is None:
            if not n and r:
                self._pool = None
                raise StopIteration
            self._idx = idx = [0] * r
            return tuple([pool[i] for i in idx])
        i = r - 1
        while i >= 0 and idx[i] == n - 1:
            i -= 1
        if i < 0:
            self._pool = None
            raise StopIteration
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
        return tuple([pool[k] for k in idx])
