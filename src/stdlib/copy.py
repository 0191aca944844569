"""copy: shallow and deep copies (Python source shipped in framevm).

copy(x) and deepcopy(x) ask the object first (`__copy__`,
`__deepcopy__(memo)`, a class's own `__reduce_ex__`/`__reduce__`), then
handle the builtin containers, then plain instances: a new object of the
same class (made by `__new__`, without `__init__`) given the attributes
of its `__dict__` and its `__slots__` (or `__setstate__` of
`__getstate__()`). deepcopy keeps a memo keyed by id(), so shared and
cyclic structures come out shared and cyclic."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_atomic = (type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, complex, bytes, str, range, type, property,
           type(len), type(lambda: 0))


def _is_atomic(x):
    cls = type(x)
    if cls in _atomic:
        return True
    if isinstance(x, type):
        return True
    return cls.__name__ in ('code', 'module', 'method',
                            'builtin_function_or_method', 'weakref')


def _own(cls, name):
    # A method the class (or a base other than object) defines itself.
    for base in cls.__mro__:
        if base is object:
            return None
        if name in base.__dict__:
            return base.__dict__[name]
    return None


def _slot_names(cls):
    names = []
    for base in cls.__mro__:
        slots = base.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (base.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _state(x):
    # (dict state, slot state) of a plain instance, or a __getstate__ result.
    getstate = _own(type(x), '__getstate__')
    if getstate is not None:
        return True, getstate(x)
    try:
        d = dict(vars(x))
    except TypeError:
        d = None
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    return False, (d, slots)


def _set_state(y, custom, state, deep, memo):
    setstate = getattr(y, '__setstate__', None)
    if custom or (setstate is not None and _own(type(y), '__setstate__')):
        if deep:
            state = deepcopy(state, memo)
        if setstate is not None:
            setstate(state)
            return
        if isinstance(state, tuple) and len(state) == 2:
            d, slots = state
        else:
            d, slots = state, None
    else:
        d, slots = state
        if deep:
            d = deepcopy(d, memo) if d else d
            slots = deepcopy(slots, memo) if slots else slots
    if d:
        for k, v in d.items():
            setattr(y, k, v)
    if slots:
        for k, v in slots.items():
            setattr(y, k, v)


def _new(cls):
    return cls.__new__(cls)


def _reconstruct(x, rv, deep, memo):
    if isinstance(rv, str):
        return x
    if not isinstance(rv, tuple) or not 2 <= len(rv) <= 6:
        raise Error('un(deep)copyable object of type %s' % type(x))
    rv = rv + (None,) * (6 - len(rv))
    func, args, state, listiter, dictiter, _ = rv
    if deep:
        args = deepcopy(args, memo)
    y = func(*args)
    if memo is not None:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            for src in (state, slotstate):
                if src:
                    for k, v in src.items():
                        setattr(y, k, v)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            y[k] = v
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in (list, dict, set, bytearray):
        return x.copy()
    if cls in (tuple, frozenset) or _is_atomic(x):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reductor = _own(cls, '__reduce_ex__')
    if reductor is not None:
        return _reconstruct(x, reductor(x, 4), False, None)
    reductor = _own(cls, '__reduce__')
    if reductor is not None:
        return _reconstruct(x, reductor(x), False, None)
    return _copy_instance(x, cls, False, None)


def _copy_instance(x, cls, deep, memo):
    if isinstance(x, tuple):
        items = tuple(deepcopy(v, memo) for v in x) if deep else tuple(x)
        make = getattr(cls, '_make', None)
        y = make(items) if make is not None else cls(items)
        if memo is not None:
            memo[id(x)] = y
        return y
    y = _new(cls)
    if memo is not None:
        memo[id(x)] = y
    if isinstance(x, list):
        y.extend(deepcopy(v, memo) for v in x) if deep else y.extend(x)
    elif isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo) if deep else k] = deepcopy(v, memo) if deep else v
    elif isinstance(x, (set, frozenset)) and hasattr(y, 'update'):
        y.update(deepcopy(v, memo) for v in x) if deep else y.update(x)
    custom, state = _state(x)
    _set_state(y, custom, state, deep, memo)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = tuple([deepcopy(a, memo) for a in x])
        # A tuple inside itself (through a list) is now in the memo.
        if d in memo:
            return memo[d]
        for a, b in zip(x, y):
            if a is not b:
                break
        else:
            y = x
    elif cls in (set, frozenset):
        y = cls(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    elif _is_atomic(x):
        return x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            reductor = _own(cls, '__reduce_ex__')
            if reductor is not None:
                y = _reconstruct(x, reductor(x, 4), True, memo)
            else:
                reductor = _own(cls, '__reduce__')
                if reductor is not None:
                    y = _reconstruct(x, reductor(x), True, memo)
                else:
                    y = _copy_instance(x, cls, True, memo)
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y
