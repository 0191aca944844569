"""struct: values packed into bytes by a format (Python source shipped in
framevm, over the native `_struct`)."""

from _struct import calcsize, pack, pack_into, unpack, error
import _struct


def unpack_from(format, buffer, offset=0):
    return _struct.unpack_from(format, buffer, offset)


def iter_unpack(format, buffer):
    return iter(_struct.iter_unpack_list(format, buffer))


class Struct:
    """A compiled format: its methods take the same arguments as the
    module's functions, without the format."""

    def __init__(self, format):
        self.size = calcsize(format)
        if isinstance(format, bytes):
            format = format.decode("ascii")
        self.format = format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _struct.unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter(_struct.iter_unpack_list(self.format, buffer))

    def __repr__(self):
        return "Struct(" + repr(self.format) + ")"
