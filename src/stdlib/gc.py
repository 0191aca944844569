"""gc: the garbage collector's switches (Python source shipped in framevm).

framevm frees objects by reference counting, as they become unreachable;
there is no cycle collector yet, so `collect()` finds nothing to free and
returns 0, and enable/disable only record the switch that `isenabled()`
reports. Reference cycles are not freed (a documented limit)."""

_enabled = True
garbage = []
callbacks = []


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


# Functions run by each collect() (weakref's callbacks of freed objects).
_on_collect = []


def collect(generation=2):
    if generation not in (0, 1, 2):
        raise ValueError("invalid generation")
    for hook in list(_on_collect):
        hook()
    return 0


def get_count():
    return (0, 0, 0)


def get_threshold():
    return (700, 10, 10)


def set_threshold(threshold0, threshold1=None, threshold2=None):
    pass


def is_tracked(obj):
    return not isinstance(obj, (int, float, str, bytes, bool, type(None)))


def get_stats():
    return [{"collections": 0, "collected": 0, "uncollectable": 0} for _ in range(3)]
