"""array: typed arrays of numbers (Python source shipped in framevm).

Items live in a bytearray, native little-endian as CPython's array
stores them; every store is checked against the type code's range with
CPython's messages. 'u' is not supported. `__buffer__` gives a
memoryview of that bytearray cast to the type code, so `bytes(a)`,
`bytearray(a)`, `b"..." + a`, `a in b"..."` and `memoryview(a)` see the
array's own storage, and writes through the view reach the array.
Resizing an array with views outstanding is allowed (CPython raises
BufferError): the views keep their length and read only what remains.
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
        self._b = bytearray()
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            raise TypeError("cannot use a str to initialize an array with typecode '" + typecode + "'")
        elif isinstance(initializer, array):
            if initializer.typecode == typecode:
                self._b = bytearray(initializer._b)
            else:
                self.extend(initializer.tolist())
        else:
            self.extend(initializer)

    def _view(self):
        return memoryview(self._b).cast(self.typecode)

    def _pack(self, items):
        # `items` are checked already.
        return _struct.pack(str(len(items)) + self.typecode, *items)

    def _set(self, items):
        self._b[:] = self._pack(items)

    def _same(self, other):
        if not isinstance(other, array):
            raise TypeError("bad argument type for built-in operation")
        if other.typecode != self.typecode:
            raise TypeError("bad argument type for built-in operation")

    def append(self, v):
        self._b += _struct.pack(self.typecode, _check(self.typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError("can only extend with array of same kind")
            self._b += bytes(iterable._b)
            return
        tc = self.typecode
        items = []
        for v in iterable:
            items.append(_check(tc, v))
        self._b += self._pack(items)

    def frombytes(self, data):
        data = bytes(data)
        if len(data) % self.itemsize:
            raise ValueError("bytes length not a multiple of item size")
        self._b += data

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self.extend(items)

    def tobytes(self):
        return bytes(self._b)

    def __buffer__(self, flags=0):
        return self._view()

    def __radd__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return other + self.tobytes()
        return NotImplemented

    def tolist(self):
        return self._view().tolist()

    def __len__(self):
        return len(self._b) // self.itemsize

    def __iter__(self):
        return iter(self.tolist())

    def __contains__(self, v):
        return v in self.tolist()

    def __getitem__(self, index):
        if isinstance(index, slice):
            out = array(self.typecode)
            out._b = bytearray(self._view()[index])
            return out
        if not isinstance(index, int):
            raise TypeError("array indices must be integers")
        try:
            return self._view()[index]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, index, v):
        if isinstance(index, slice):
            self._same(v)
            items = self.tolist()
            items[index] = v.tolist()
            self._set(items)
            return
        if not isinstance(index, int):
            raise TypeError("array indices must be integers")
        v = _check(self.typecode, v)
        try:
            self._view()[index] = v
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, index):
        items = self.tolist()
        try:
            del items[index]
        except IndexError:
            raise IndexError("array assignment index out of range") from None
        self._set(items)

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() == other.tolist()

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() != other.tolist()

    def __lt__(self, other):
        self._same(other)
        return self.tolist() < other.tolist()

    def __le__(self, other):
        self._same(other)
        return self.tolist() <= other.tolist()

    def __gt__(self, other):
        self._same(other)
        return self.tolist() > other.tolist()

    def __ge__(self, other):
        self._same(other)
        return self.tolist() >= other.tolist()

    def __add__(self, other):
        self._same(other)
        out = array(self.typecode)
        out._b = self._b + other._b
        return out

    def __iadd__(self, other):
        self._same(other)
        self._b += bytes(other._b)
        return self

    def __mul__(self, n):
        out = array(self.typecode)
        out._b = self._b * n
        return out

    __rmul__ = __mul__

    def __imul__(self, n):
        self._b[:] = self._b * n
        return self

    def count(self, v):
        return self.tolist().count(v)

    def index(self, v):
        try:
            return self.tolist().index(v)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def insert(self, i, v):
        items = self.tolist()
        items.insert(i, _check(self.typecode, v))
        self._set(items)

    def pop(self, i=-1):
        items = self.tolist()
        if not items:
            raise IndexError("pop from empty array")
        try:
            v = items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None
        self._set(items)
        return v

    def remove(self, v):
        items = self.tolist()
        try:
            items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None
        self._set(items)

    def reverse(self):
        items = self.tolist()
        items.reverse()
        self._set(items)

    def buffer_info(self):
        return (0, len(self))

    def __repr__(self):
        items = self.tolist()
        if not items:
            return "array('" + self.typecode + "')"
        return "array('" + self.typecode + "', " + repr(items) + ")"


ArrayType = array
