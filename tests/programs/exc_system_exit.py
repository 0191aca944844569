# SystemExit ends the program silently with its code's status; finally blocks run first.
def f():
    try:
        raise SystemExit(3)
    finally:
        print("finally ran")

try:
    raise SystemExit
except SystemExit as e:
    print("caught", repr(e), e.code, e.args)
for args in [(), (None,), (0,), (7,), ("msg",), (1, 2)]:
    e = SystemExit(*args)
    print(args, e.code)
print("before")
f()
print("not reached")
