# Subclasses of bytes and of containers: the buffer, iteration and `in`
# of the value they carry; a class thrown into a generator whose __new__
# gives no exception.
class Raw(bytes):
    pass


r = Raw(b"\x00\x01")
print(bytes(r), bytearray(r), r + b"!", b"?" + r, list(r), 1 in r, b"\x01" in r, len(r))


class Bag(dict):
    pass


bag = Bag(a=1)
print("a" in bag, "b" in bag, list(bag), [k for k in bag])


class Odd(Exception):
    def __new__(cls):
        return 7


def gen():
    yield


try:
    gen().throw(Odd)
except TypeError as e:
    print("TypeError:", e)
