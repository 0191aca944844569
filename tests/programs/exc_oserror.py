# OSError(errno, strerror, filename, ...) picks the subclass for the errno and keeps (errno, strerror) as its args, as CPython.
for args in [(2, "No such file", "x.txt"), (13, "denied"), (17, "exists", "a", None, "b"), (99, "other"), ("just text",), ()]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, str(e), repr(e))
try:
    raise OSError(2, "gone")
except FileNotFoundError as e:
    print("caught", type(e).__name__, isinstance(e, OSError))
print(type(FileNotFoundError(13, "x")).__name__)
class MyOS(OSError): pass
print(type(MyOS(2, "x")).__name__)
