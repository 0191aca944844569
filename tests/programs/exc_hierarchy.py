# The builtin exception hierarchy of CPython 3.11 and the attributes derived from arguments.
names = [OSError, FileNotFoundError, PermissionError, ConnectionResetError, BrokenPipeError,
         TimeoutError, EOFError, SyntaxError, IndentationError, TabError, UnicodeError,
         UnicodeDecodeError, ImportError, ModuleNotFoundError, Warning, UserWarning,
         DeprecationWarning, RuntimeWarning, FloatingPointError, BufferError, ReferenceError,
         StopAsyncIteration, KeyboardInterrupt, GeneratorExit, SystemExit, RecursionError,
         NotImplementedError, UnboundLocalError]
for c in names:
    print(c.__name__, [b.__name__ for b in c.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise OSError(13, "Permission denied", "/x")
except OSError as e:
    print(e.errno, e.strerror, e.filename, str(e))
try:
    raise PermissionError(13, "denied")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
e = OSError("just text")
print(e.errno, e.strerror, str(e))
try:
    raise EOFError("eof")
except Exception as e:
    print(type(e).__name__, e)
for exc in [KeyError("key"), KeyError(1, 2), KeyError(), IndexError("i")]:
    print(repr(exc), "|", str(exc))
print(StopIteration().value, StopIteration(5).value, StopIteration(5, 6).value)
print(SystemExit().code, SystemExit(2).code, SystemExit(1, 2).code)
try:
    raise UnicodeError("bad")
except ValueError as e:
    print("ValueError caught", repr(e))
class MyWarning(UserWarning):
    pass
print(issubclass(MyWarning, Warning), issubclass(MyWarning, Exception))
print(Ellipsis, ... is Ellipsis)
