# an uncaught error from a bytearray subscript: CPython's traceback
def last(data):
    return data[len(data)]


buf = bytearray(b'abc')
print(buf[-1])
print(last(buf))
