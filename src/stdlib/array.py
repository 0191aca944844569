"""array: typed arrays of numbers (Python source shipped in framevm).

Items live in a list; every store is checked against the type code's
range with CPython's messages. 'f' items are kept as doubles (CPython
rounds them to single precision, and so does `tobytes`); 'u' is not
supported. `bytes(a)`, `bytearray(a)` and `b"..." + a` read its bytes
through `__buffer__`; memoryview(a) is not there yet.
"""

import _struct

typecodes = "bBhHiIlLqQfd"

_SIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8,
          "q": 8, "Q": 8, "f": 4, "d": 8}

# (lowest, highest, below-minimum message, above-maximum message)
_LIMITS = {
    "b": (-128, 127, "signed char is less than minimum",
          "signed char is greater than maximum"),
    "B": (0, 255, "unsigned byte integer is less than minimum",
          "unsigned byte integer is greater than maximum"),
    "h": (-32768, 32767, "signed short integer is less than minimum",
          "signed short integer is greater than maximum"),
    "H": (0, 65535, "unsigned short is less than minimum",
          "unsigned short is greater than maximum"),
    "i": (-2147483648, 2147483647, "signed integer is less than minimum",
          "signed integer is greater than maximum"),
    "I": (0, 4294967295, "can't convert negative value to unsigned int",
          "unsigned int is greater than maximum"),
    "l": (-9223372036854775808, 9223372036854775807,
          "Python int too large to convert to C long",
          "Python int too large to convert to C long"),
    "L": (0, 18446744073709551615, "can't convert negative value to unsigned int",
          "Python int too large to convert to C unsigned long"),
    "q": (-9223372036854775808, 9223372036854775807, "int too big to convert",
          "int too big to convert"),
    "Q": (0, 18446744073709551615, "can't convert negative int to unsigned",
          "int too big to convert"),
}


def _check(typecode, v):
    if typecode == "f" or typecode == "d":
        if isinstance(v, (int, float)):
            return float(v)
        raise TypeError("must be real number, not " + type(v).__name__)
    if not isinstance(v, int):
        raise TypeError("'" + type(v).__name__ + "' object cannot be interpreted as an integer")
    # As CPython converts: through a C long first for the small types
    # ('b' then through a short, 'H' through an int), then the type's
    # own range.
    if typecode in "bBhHil":
        if v < -9223372036854775808 or v > 9223372036854775807:
            raise OverflowError("Python int too large to convert to C long")
        if typecode == "b":
            if v > 32767:
                raise OverflowError("signed short integer is greater than maximum")
            if v < -32768:
                raise OverflowError("signed short integer is less than minimum")
        if typecode == "H":
            if v > 2147483647:
                raise OverflowError("signed integer is greater than maximum")
            if v < -2147483648:
                raise OverflowError("signed integer is less than minimum")
    elif typecode in "IL" and v > 18446744073709551615:
        raise OverflowError("Python int too large to convert to C unsigned long")
    lo, hi, below, above = _LIMITS[typecode]
    if v < lo:
        raise OverflowError(below)
    if v > hi:
        raise OverflowError(above)
    return v


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self.typecode = typecode
        self.itemsize = _SIZES[typecode]
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            raise TypeError("cannot use a str to initialize an array with typecode '" + typecode + "'")
        elif isinstance(initializer, array):
            for v in initializer._items:
                self._items.append(_check(typecode, v))
        else:
            self.extend(initializer)

    def _same(self, other):
        if not isinstance(other, array):
            raise TypeError("bad argument type for built-in operation")
        if other.typecode != self.typecode:
            raise TypeError("bad argument type for built-in operation")

    def append(self, v):
        self._items.append(_check(self.typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        tc = self.typecode
        items = self._items
        for v in iterable:
            items.append(_check(tc, v))

    def frombytes(self, data):
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        if self.typecode in "fd":
            self._items.extend(_struct.unpack("<" + str(len(data) // size) + self.typecode, data))
            return
        signed = self.typecode in "bhilq"
        for i in range(0, len(data), size):
            self._items.append(int.from_bytes(data[i:i + size], "little", signed=signed))

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self.extend(items)

    def tobytes(self):
        if self.typecode in "fd":
            return _struct.pack("<" + str(len(self._items)) + self.typecode, *self._items)
        size = self.itemsize
        signed = self.typecode in "bhilq"
        out = bytearray()
        for v in self._items:
            out += v.to_bytes(size, "little", signed=signed)
        return bytes(out)

    def __buffer__(self, flags=0):
        # A read-only copy: framevm's memoryview views bytes and
        # bytearrays only, so writes do not reach the array.
        return memoryview(self.tobytes())

    def __radd__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return other + self.tobytes()
        return NotImplemented

    def tolist(self):
        return list(self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            out = array(self.typecode)
            out._items = self._items[index]
            return out
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, index, v):
        if isinstance(index, slice):
            self._same(v)
            self._items[index] = v._items
            return
        v = _check(self.typecode, v)
        try:
            self._items[index] = v
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, index):
        del self._items[index]

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        self._same(other)
        return self._items < other._items

    def __le__(self, other):
        self._same(other)
        return self._items <= other._items

    def __gt__(self, other):
        self._same(other)
        return self._items > other._items

    def __ge__(self, other):
        self._same(other)
        return self._items >= other._items

    def __add__(self, other):
        self._same(other)
        out = array(self.typecode)
        out._items = self._items + other._items
        return out

    def __iadd__(self, other):
        self._same(other)
        self._items.extend(other._items)
        return self

    def __mul__(self, n):
        out = array(self.typecode)
        out._items = self._items * n
        return out

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items = self._items * n
        return self

    def count(self, v):
        return self._items.count(v)

    def index(self, v):
        try:
            return self._items.index(v)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def insert(self, i, v):
        self._items.insert(i, _check(self.typecode, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def reverse(self):
        self._items.reverse()

    def buffer_info(self):
        return (0, len(self._items))

    def __repr__(self):
        if not self._items:
            return "array('" + self.typecode + "')"
        return "array('" + self.typecode + "', " + repr(self._items) + ")"


ArrayType = array
