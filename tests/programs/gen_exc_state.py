def g():
    try:
        raise ValueError("inner")
    except ValueError:
        yield 1
        raise
it = g()
print(next(it))
try:
    raise KeyError("consumer")
except KeyError as e:
    print("ctx", repr(e.__context__))
try:
    next(it)
except ValueError as e:
    print("reraised", repr(e), repr(e.__context__))
