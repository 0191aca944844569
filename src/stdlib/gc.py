"""gc: the cycle collector (Python source shipped in framevm, over the
native `_gc`).

Reference counting frees most objects as they become unreachable; the
collector frees the containers kept alive only by reference cycles
(lists, dicts, sets, tuples holding containers, instances, classes,
functions, closure cells, bound methods, generators). It runs by itself
after every 700 new containers while enabled, and at `collect()`."""

import _gc

garbage = []
callbacks = []

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL


def enable():
    _gc.enable()


def disable():
    _gc.disable()


def isenabled():
    return _gc.isenabled()


# Functions run by each collect() (weakref's callbacks of freed objects).
_on_collect = []


def collect(generation=2):
    if generation not in (0, 1, 2):
        raise ValueError("invalid generation")
    for cb in list(callbacks):
        cb("start", {"generation": generation, "collected": 0, "uncollectable": 0})
    n = _gc.collect(generation)
    for hook in list(_on_collect):
        hook()
    for cb in list(callbacks):
        cb("stop", {"generation": generation, "collected": n, "uncollectable": 0})
    return n


def get_count():
    return _gc.get_count()


_thresholds = [700, 10, 10]


def get_threshold():
    return (_gc.get_threshold(), _thresholds[1], _thresholds[2])


def set_threshold(threshold0, threshold1=None, threshold2=None):
    _gc.set_threshold(threshold0)
    if threshold1 is not None:
        _thresholds[1] = threshold1
    if threshold2 is not None:
        _thresholds[2] = threshold2


def is_tracked(obj):
    return _gc.is_tracked(obj)


def get_debug():
    return 0


def set_debug(flags):
    pass


def get_stats():
    s = _gc.stats()
    young = {"collections": s[0], "collected": s[1], "uncollectable": 0}
    full = {"collections": s[2], "collected": s[3], "uncollectable": 0}
    return [young, {"collections": 0, "collected": 0, "uncollectable": 0}, full]
