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
    if n > 9223372036854775807 or n < -9223372036854775808:
        raise OverflowError("cannot fit 'int' into an index-sized integer")
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


# Files: FileIO over the native `_fileio` (descriptors), the buffered
# layer (a read-ahead buffer; writes go straight to the file, so nothing
# is lost when a file is never closed), and the text layer (decoding and
# newline translation), put together by `open`.

import _fileio


def _closed_error(msg="I/O operation on closed file."):
    return ValueError(msg)


_CODECS = {
    "utf-8": "utf-8", "utf8": "utf-8", "u8": "utf-8", "utf": "utf-8",
    "latin-1": "latin-1", "latin1": "latin-1", "iso-8859-1": "latin-1",
    "iso8859-1": "latin-1", "l1": "latin-1", "8859": "latin-1",
    "ascii": "ascii", "us-ascii": "ascii", "646": "ascii",
}


def _codec(encoding):
    if not isinstance(encoding, str):
        raise TypeError("TextIOWrapper() argument 'encoding' must be str or None, not "
                        + type(encoding).__name__)
    c = _CODECS.get(encoding.lower().replace("_", "-"))
    if c is None:
        raise LookupError("unknown encoding: " + encoding)
    return c


def _whole_utf8(b):
    """How many leading bytes of `b` hold whole UTF-8 characters (a
    character cut by the end of a chunk waits for the next one)."""
    n = len(b)
    i = n - 1
    back = 0
    while i >= 0 and back < 3 and (b[i] & 0xC0) == 0x80:
        i -= 1
        back += 1
    if i < 0:
        return n
    c = b[i]
    if c >= 0xF0:
        need = 4
    elif c >= 0xE0:
        need = 3
    elif c >= 0xC0:
        need = 2
    else:
        return n
    if n - i < need:
        return i
    return n


def _path_name(file):
    if isinstance(file, (str, bytes)):
        return file
    if isinstance(file, bool) or not isinstance(file, int):
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(file).__name__)
    return file


class FileIO(RawIOBase):
    """A file of the operating system, read and written as bytes."""

    __module__ = "_io"

    def __init__(self, file, mode="r", closefd=True, opener=None):
        self._closed = True
        self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError("FileIO() argument 'mode' must be str, not "
                            + type(mode).__name__)
        kinds = [c for c in mode if c in "rwax"]
        if (len(kinds) != 1 or mode.count("+") > 1
                or any(c not in "rwaxb+" for c in mode)
                or any(mode.count(c) > 1 for c in mode)):
            raise ValueError("Must have exactly one of create/read/write/append "
                             "mode and at most one plus")
        kind = kinds[0]
        plus = "+" in mode
        if isinstance(file, int) and not isinstance(file, bool):
            if file < 0:
                raise ValueError("negative file descriptor")
            raise OSError(9, "Bad file descriptor")
        name = _path_name(file)
        self._fd = _fileio.open(name, kind + ("+" if plus else ""))
        self.name = name
        self._closed = False
        self.closefd = closefd
        self._readable = kind == "r" or plus
        self._writable = kind != "r" or plus
        if kind == "r" or kind == "w":
            self._mode = "rb+" if plus else kind + "b"
        else:
            self._mode = kind + ("b+" if plus else "b")
        if kind == "a":
            _fileio.seek(self._fd, 0, 2)

    def _check_closed(self):
        if self._closed:
            raise _closed_error("I/O operation on closed file")

    @property
    def mode(self):
        return self._mode

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def seekable(self):
        self._check_closed()
        return True

    def fileno(self):
        self._check_closed()
        return self._fd

    def isatty(self):
        self._check_closed()
        return _fileio.isatty(self._fd)

    def read(self, size=-1):
        self._check_closed()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        return _fileio.read(self._fd, _index(size))

    def readall(self):
        return self.read(-1)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return _fileio.write(self._fd, _bytes_like(b))

    def seek(self, pos, whence=0):
        self._check_closed()
        return _fileio.seek(self._fd, pos, whence)

    def tell(self):
        self._check_closed()
        return _fileio.seek(self._fd, 0, 1)

    def truncate(self, size=None):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        if size is None:
            size = self.tell()
        return _fileio.truncate(self._fd, size)

    def flush(self):
        self._check_closed()

    def close(self):
        if not self._closed:
            self._closed = True
            if self.closefd:
                _fileio.close(self._fd)

    def __repr__(self):
        if self._closed:
            return "<_io.FileIO [closed]>"
        return ("<_io.FileIO name=" + repr(self.name) + " mode='" + self._mode
                + "' closefd=" + repr(self.closefd) + ">")


class _Buffered(BufferedIOBase):
    """A raw stream with a read-ahead buffer."""

    _what = "Buffered"

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw
        self._rbuf = b""
        self._rpos = 0
        self._size = buffer_size

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def _check_closed(self, what=None):
        if self.raw.closed:
            if what:
                raise _closed_error(what + " of closed file")
            raise _closed_error("I/O operation on closed file")

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def _unread(self):
        """Gives the read-ahead back to the file (before a write or seek)."""
        left = len(self._rbuf) - self._rpos
        if left:
            self.raw.seek(-left, 1)
        self._rbuf = b""
        self._rpos = 0

    def read(self, size=-1):
        self._check_closed("read")
        if not self.raw.readable():
            raise UnsupportedOperation("read")
        size = _index(size)
        have = self._rbuf[self._rpos:]
        if size < 0:
            self._rbuf = b""
            self._rpos = 0
            return have + self.raw.readall()
        while len(have) < size:
            more = self.raw.read(max(self._size, size - len(have)))
            if not more:
                break
            have += more
        self._rbuf = have
        self._rpos = min(size, len(have))
        return have[:self._rpos]

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, size=0):
        self._check_closed("peek")
        if self._rpos >= len(self._rbuf):
            self._rbuf = self.raw.read(self._size)
            self._rpos = 0
        return self._rbuf[self._rpos:]

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        self._check_closed("readline")
        if not self.raw.readable():
            raise UnsupportedOperation("readline")
        size = _index(size)
        while True:
            end = self._rbuf.find(b"\n", self._rpos)
            if end >= 0:
                end += 1
                break
            if 0 <= size <= len(self._rbuf) - self._rpos:
                end = len(self._rbuf)
                break
            more = self.raw.read(self._size)
            if not more:
                end = len(self._rbuf)
                break
            self._rbuf = self._rbuf[self._rpos:] + more
            self._rpos = 0
        if 0 <= size < end - self._rpos:
            end = self._rpos + size
        line = self._rbuf[self._rpos:end]
        self._rpos = end
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, b):
        if self.raw.closed:
            raise _closed_error("write to closed file")
        if not self.raw.writable():
            raise UnsupportedOperation("write")
        self._unread()
        return self.raw.write(b)

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'" + type(pos).__name__
                            + "' object cannot be interpreted as an integer")
        if whence == 1:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf = b""
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check_closed()
        return self.raw.tell() - (len(self._rbuf) - self._rpos)

    def truncate(self, pos=None):
        self._check_closed()
        if not self.raw.writable():
            raise UnsupportedOperation("truncate")
        self._unread()
        return self.raw.truncate(pos)

    def flush(self):
        if self.raw.closed:
            raise _closed_error("flush of closed file")

    def close(self):
        if not self.raw.closed:
            self.raw.close()

    def detach(self):
        raw = self.raw
        self._unread()
        return raw

    def __repr__(self):
        try:
            name = self.raw.name
        except Exception:
            return "<_io." + self._what + ">"
        return "<_io." + self._what + " name=" + repr(name) + ">"


class BufferedReader(_Buffered):
    _what = "BufferedReader"
    __module__ = "_io"


class BufferedWriter(_Buffered):
    _what = "BufferedWriter"
    __module__ = "_io"


class BufferedRandom(_Buffered):
    _what = "BufferedRandom"
    __module__ = "_io"


class TextIOWrapper(TextIOBase):
    """A text stream over a buffered binary one: decoding, encoding and
    newline translation (universal newlines when reading by default)."""

    __module__ = "_io"

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or None, not "
                            + type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: " + newline)
        if encoding is None:
            encoding = "utf-8"
        self._codec = _codec(encoding)
        self._encoding = encoding
        if errors is None:
            errors = "strict"
        self._errors = errors
        self.buffer = buffer
        self._newline = newline
        self.line_buffering = line_buffering
        # Read-ahead: decoded lines as in the file (not translated), the
        # last one maybe unfinished (_open); _li of them consumed; _snap is
        # the byte position where _lines[0] starts.
        self._lines = []
        self._li = 0
        self._open = False
        self._snap = 0
        self._pending = b""    # bytes of a character cut by a chunk's end
        self._eof = False
        self._seen = set()

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    @property
    def newlines(self):
        if not self._seen:
            return None
        found = tuple(n for n in ("\r", "\n", "\r\n") if n in self._seen)
        return found[0] if len(found) == 1 else found

    def _check_closed(self):
        if self.buffer.closed:
            raise _closed_error()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def flush(self):
        self._check_closed()
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            self.buffer.close()

    def detach(self):
        self._rewind()
        return self.buffer

    # Reading.

    def _split(self, text):
        """`text` cut after each line terminator (as `newline` says);
        the last piece is what follows the last terminator."""
        nl = self._newline
        if nl is not None and nl != "":
            parts = text.split(nl)
            lines = [x + nl for x in parts]
            lines[-1] = parts[-1]
            return lines
        lines = []
        segs = text.split("\n")
        last = len(segs) - 1
        for i, seg in enumerate(segs):
            cr_end = False
            if "\r" in seg:
                subs = seg.split("\r")
                for x in subs[:-1]:
                    lines.append(x + "\r")
                seg = subs[-1]
                cr_end = seg == ""
            if i == last:
                lines.append(seg)
            elif cr_end:
                lines[-1] += "\n"
            else:
                lines.append(seg + "\n")
        return lines

    def _fill(self):
        """Decodes one more chunk into lines; False at the end of the file."""
        if self._eof:
            return False
        if self._li:
            done = "".join(self._lines[:self._li])
            self._snap += len(done.encode(self._codec, self._errors))
            del self._lines[:self._li]
            self._li = 0
        chunk = self._pending + self.buffer.read(DEFAULT_BUFFER_SIZE)
        if len(chunk) == len(self._pending):
            self._eof = True
            if not chunk:
                self._open = False
                return False
            cut = len(chunk)
        elif self._codec == "utf-8":
            cut = _whole_utf8(chunk)
        else:
            cut = len(chunk)
        self._pending = chunk[cut:]
        text = chunk[:cut].decode(self._codec, self._errors)
        if self._newline is None:
            self._note(text)
        if self._open:
            text = self._lines.pop() + text
        lines = self._split(text)
        tail = lines.pop()
        # A "\r" at a chunk's end may be the start of a "\r\n".
        if (not tail and lines and not self._eof and lines[-1].endswith("\r")
                and (self._newline is None or self._newline == "")):
            tail = lines.pop()
        self._lines.extend(lines)
        self._open = bool(tail)
        if tail:
            self._lines.append(tail)
        if self._eof:
            self._open = False
        return True

    def _start_read(self):
        self._check_closed()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")

    def _note(self, text):
        if "\r" in text or "\n" in text:
            rest = text.replace("\r\n", "")
            if len(rest) != len(text):
                self._seen.add("\r\n")
            if "\r" in rest:
                self._seen.add("\r")
            if "\n" in rest:
                self._seen.add("\n")

    def _out(self, line):
        """A line as read gives it (universal newlines: "\n" ends it)."""
        if self._newline is None:
            if line.endswith("\r\n"):
                return line[:-2] + "\n"
            if line.endswith("\r"):
                return line[:-1] + "\n"
        return line

    def _ready(self):
        """Whether a whole line is waiting."""
        n = len(self._lines) - self._li
        return n > 1 or (n == 1 and not self._open)

    def _take_part(self, k):
        """Consumes the first `k` characters of the next line."""
        line = self._lines[self._li]
        head = line[:k]
        rest = line[k:]
        last = self._li + 1 == len(self._lines)
        if self._newline == "\r\n" and rest == "\n":
            # The cut split a "\r\n": the "\n" left ends no line.
            if not last:
                self._lines[self._li] = head
                self._lines[self._li + 1] = rest + self._lines[self._li + 1]
                self._li += 1
                return head
            self._open = not self._eof
        self._lines[self._li:self._li + 1] = [head, rest]
        self._li += 1
        return head

    def read(self, size=-1):
        self._start_read()
        size = _index(size)
        if size < 0:
            while self._fill():
                pass
            text = "".join(self._lines[self._li:])
            self._li = len(self._lines)
            if self._newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            return text
        out = []
        got = 0
        while got < size:
            if not self._ready() and self._fill():
                continue
            if self._li >= len(self._lines):
                break
            line = self._out(self._lines[self._li])
            if got + len(line) <= size:
                self._li += 1
                out.append(line)
                got += len(line)
            else:
                # The cut falls before the line's end (which alone is
                # translated), so raw and translated indices agree.
                out.append(self._take_part(size - got))
                got = size
        return "".join(out)

    def readline(self, size=-1):
        self._start_read()
        size = _index(size)
        while not self._ready():
            if 0 <= size < sum(len(x) for x in self._lines[self._li:]):
                break
            if not self._fill():
                break
        if self._li >= len(self._lines):
            return ""
        line = self._out(self._lines[self._li])
        if 0 <= size < len(line):
            return self._take_part(size)
        self._li += 1
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # Writing and positions.

    def _rewind(self):
        """Gives unconsumed read-ahead back to the file."""
        if self._lines or self._pending:
            pos = self.tell()
            self._drop()
            self.buffer.seek(pos)

    def _drop(self):
        self._lines = []
        self._li = 0
        self._open = False
        self._pending = b""
        self._eof = False

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        self._rewind()
        text = s
        if self._newline is not None and self._newline not in ("", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self._codec, self._errors))
        return len(s)

    def tell(self):
        self._check_closed()
        if not self.buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if not self._lines and not self._pending:
            return self.buffer.tell()
        done = "".join(self._lines[:self._li])
        return self._snap + len(done.encode(self._codec, self._errors))

    def seek(self, cookie, whence=0):
        self._check_closed()
        if not isinstance(cookie, int):
            raise TypeError("an integer is required")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._drop()
            pos = self.buffer.seek(0, 2)
            self._snap = pos
            return pos
        elif whence != 0:
            raise ValueError("invalid whence (" + str(whence) + ", should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError("negative seek position " + str(cookie))
        self._drop()
        pos = self.buffer.seek(cookie)
        self._snap = pos
        return pos

    def truncate(self, pos=None):
        self._check_closed()
        self._rewind()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)

    def __repr__(self):
        out = "<_io.TextIOWrapper"
        try:
            out += " name=" + repr(self.buffer.name)
        except Exception:
            pass
        try:
            out += " mode=" + repr(self.mode)
        except Exception:
            pass
        return out + " encoding=" + repr(self._encoding) + ">"


def _open(file, mode="r", buffering=-1, encoding=None, errors=None,
          newline=None, closefd=True, opener=None):
    """Opens a file: text (decoded) or binary (mode with 'b'). The
    builtin `open` calls this; `io.open` is that builtin, as in CPython."""
    name = _path_name(file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'" + type(buffering).__name__
                        + "' object cannot be interpreted as an integer")
    for c in mode:
        if c not in "rwxabt+" or mode.count(c) > 1:
            raise ValueError("invalid mode: " + repr(mode))
    kinds = sum(c in mode for c in "rwxa")
    binary = "b" in mode
    if "t" in mode and binary:
        raise ValueError("can't have text and binary mode at once")
    if kinds > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if kinds == 0:
        raise ValueError("Must have exactly one of create/read/write/append "
                         "mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        pass
    if not binary:
        if newline is not None and not isinstance(newline, str):
            raise TypeError("open() argument 'newline' must be str or None, not "
                            + type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: " + newline)
        if encoding is not None:
            _codec(encoding)
    raw_mode = "".join(c for c in mode if c in "rwxa+")
    raw = FileIO(name, raw_mode, closefd)
    if buffering == 0:
        if not binary:
            raw.close()
            raise ValueError("can't have unbuffered text I/O")
        return raw
    if "+" in mode:
        buf = BufferedRandom(raw)
    elif "r" in mode:
        buf = BufferedReader(raw)
    else:
        buf = BufferedWriter(raw)
    if binary:
        return buf
    text = TextIOWrapper(buf, encoding, errors, newline, buffering == 1)
    text.mode = mode
    return text


import builtins as _builtins

open = _builtins.open
