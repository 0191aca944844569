# The builtins module (overrides are seen everywhere), gc's switches,
# errno's names.
import builtins
import gc
import errno

print(builtins.len("abc"), builtins.__name__, builtins.abs is abs, builtins.ValueError is ValueError)
orig_len = builtins.len
builtins.len = lambda x: 42
print(len([1]))


def inner():
    return len("xyz")


print(inner())
builtins.len = orig_len
print(len([1]), inner())
builtins.my_helper = lambda: "from builtins"
print(my_helper())
del builtins.my_helper
try:
    my_helper()
except NameError as e:
    print("NameError", e)

orig_build_class = builtins.__build_class__
builtins.__build_class__ = lambda body, name, *bases: ("class", name, len(bases))


class K(object):
    pass


print(K)
builtins.__build_class__ = orig_build_class


class Real:
    pass


print(Real.__name__)

orig_import = builtins.__import__
seen = []


def spy(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level))
    return orig_import(name, globals, locals, fromlist, level)


builtins.__import__ = spy
import math
from math import sqrt, pi
import collections as col
builtins.__import__ = orig_import
print(seen, sqrt(16.0), col.deque([1]))
import sys
print(sys.modules["builtins"] is builtins)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.collect(), gc.collect(0))
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError", e)

print(errno.ENOENT, errno.EIO, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINVAL)
print(errno.errorcode[2], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(str(OSError(errno.ENOENT, "No such file")), len(errno.errorcode) > 100)
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
