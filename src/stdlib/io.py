"""io: in-memory streams (StringIO, BytesIO) and the IOBase classes
(Python source shipped in framevm)."""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


def _index(n):
    if n is None:
        return -1
    if not isinstance(n, int):
        raise TypeError("argument should be integer or None, not '"
                        + type(n).__name__ + "'")
    return n


class IOBase:
    """The base of every stream: closing, context management, iteration
    by lines, and the operations a stream that lacks them refuses."""

    _closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    def flush(self):
        self._check_closed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        self._unsupported("fileno")

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self, size=-1):
        size = _index(size)
        out = []
        n = 0
        while size < 0 or n < size:
            c = self.read(1)
            if not c:
                break
            out.append(c)
            n += 1
            if c == "\n" or c == b"\n":
                break
        if out and isinstance(out[0], bytes):
            return b"".join(out)
        return "".join(out)

    def readlines(self, hint=-1):
        hint = _index(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def newlines(self):
        return None


class StringIO(TextIOBase):
    """A text stream in memory. Writes at the end (the common case) are
    kept as a list of pieces and joined only when the text is read."""

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not "
                            + type(initial_value).__name__)
        if newline is not None and newline not in ("", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: " + repr(newline))
        self._closed = False
        self._text = initial_value
        self._pieces = []
        self._len = len(initial_value)
        self._pos = 0

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if self._pieces:
            self._text = self._text + "".join(self._pieces)
            self._pieces = []
        return self._text

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def getvalue(self):
        self._check_closed()
        return self._value()

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '" + type(s).__name__ + "'")
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._pieces.append(s)
        else:
            text = self._value()
            if pos > self._len:
                text = text + "\0" * (pos - self._len)
            self._text = text[:pos] + s + text[pos + n:]
        self._pos = pos + n
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._check_closed()
        size = _index(size)
        text = self._value()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._len if size < 0 else min(self._len, pos + size)
        self._pos = end
        return text[pos:end]

    def readline(self, size=-1):
        self._check_closed()
        size = _index(size)
        text = self._value()
        pos = self._pos
        if pos >= self._len:
            return ""
        nl = text.find("\n", pos)
        end = self._len if nl < 0 else nl + 1
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return text[pos:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'" + type(pos).__name__ + "' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position " + str(pos))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("Invalid whence (" + str(whence)
                             + ", should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value " + str(size))
        if size < self._len:
            self._text = self._value()[:size]
            self._len = size
        return size

    def close(self):
        self._closed = True
        self._text = ""
        self._pieces = []

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    if isinstance(b, memoryview):
        return b.tobytes()
    if isinstance(b, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(b))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '"
                        + type(b).__name__ + "'") from None


class BytesIO(BufferedIOBase):
    """A binary stream in memory, held in a bytearray."""

    def __init__(self, initial_bytes=None):
        self._closed = False
        self._buf = bytearray()
        if initial_bytes is not None:
            self._buf += _bytes_like(initial_bytes)
        self._pos = 0

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_closed()
        return memoryview(self._buf)

    def write(self, b):
        self._check_closed()
        data = _bytes_like(b)
        n = len(data)
        if not n:
            return 0
        buf = self._buf
        pos = self._pos
        size = len(buf)
        if pos == size:
            buf += data
        else:
            if pos > size:
                buf += bytes(pos - size)
            buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_closed()
        size = _index(size)
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b""
        end = len(buf) if size < 0 else min(len(buf), pos + size)
        self._pos = end
        return bytes(buf[pos:end])

    read1 = read

    def readinto(self, b):
        self._check_closed()
        data = self.read(len(b))
        n = len(data)
        b[0:n] = data
        return n

    def readline(self, size=-1):
        self._check_closed()
        size = _index(size)
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b""
        nl = buf.find(b"\n", pos)
        end = len(buf) if nl < 0 else nl + 1
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'" + type(pos).__name__ + "' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value " + str(pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (" + str(whence)
                             + ", should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value " + str(size))
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def close(self):
        self._closed = True
        self._buf = bytearray()
