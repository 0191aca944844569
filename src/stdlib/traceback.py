"""traceback: printing and formatting exceptions and their tracebacks
(Python source shipped in framevm, over the native `_traceback`).

framevm has no traceback objects: `sys.exc_info()[2]` is None, so a
`tb` of None given with an exception means that exception's own
traceback. The print_tb/format_tb/extract_tb family takes an exception
(or a StackSummary) in place of a traceback object."""

import sys
import _traceback

__all__ = [
    "extract_tb", "format_exc", "format_exception", "format_exception_only",
    "format_list", "format_tb", "print_exc", "print_exception", "print_tb",
    "print_list", "FrameSummary", "StackSummary", "TracebackException",
]

_sentinel = object()
_RECURSIVE_CUTOFF = 3


class FrameSummary:
    """One frame of a traceback: filename, lineno, name and line."""

    __slots__ = ("filename", "lineno", "name", "_line", "_text", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self._text = None
        self.locals = locals

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.line == other.line)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(
            self.filename, self.lineno, self.name)


def _limit(entries, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[len(entries) + limit:] if -limit < len(entries) else entries


class StackSummary(list):
    """A list of FrameSummary, outermost first."""

    @classmethod
    def from_list(cls, a_list):
        result = cls()
        for f in a_list:
            if isinstance(f, FrameSummary):
                result.append(f)
            else:
                filename, lineno, name, line = f
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, f):
        row = '  File "{}", line {}, in {}\n'.format(f.filename, f.lineno, f.name)
        text = getattr(f, "_text", None)
        if text:
            row += text
        elif f.line:
            row += "    {}\n".format(f.line.strip())
        return row

    def format(self):
        result = []
        last = None
        count = 0
        for f in self:
            key = (f.filename, f.lineno, f.name)
            if last is None or key != last:
                if count > _RECURSIVE_CUTOFF:
                    more = count - _RECURSIVE_CUTOFF
                    result.append("  [Previous line repeated {} more time{}]\n".format(
                        more, "s" if more > 1 else ""))
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(f))
        if count > _RECURSIVE_CUTOFF:
            more = count - _RECURSIVE_CUTOFF
            result.append("  [Previous line repeated {} more time{}]\n".format(
                more, "s" if more > 1 else ""))
        return result


def _stack_of(exc, limit=None):
    """The StackSummary of exception `exc`'s traceback."""
    frames = StackSummary()
    for filename, lineno, name, line, text in _limit(_traceback.extract(exc), limit):
        f = FrameSummary(filename, lineno, name, line=line)
        f._text = text
        frames.append(f)
    return frames


def _tb_stack(tb, limit):
    if tb is None:
        return StackSummary()
    if isinstance(tb, BaseException):
        return _stack_of(tb, limit)
    if isinstance(tb, StackSummary):
        return StackSummary(_limit(list(tb), limit))
    raise TypeError("framevm's traceback functions take an exception, not {}".format(
        type(tb).__name__))


def extract_tb(tb, limit=None):
    return _tb_stack(tb, limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit), file=file)


def _some_str(value):
    try:
        return str(value)
    except BaseException:
        return "<exception str() failed>"


def _type_name(etype):
    name = getattr(etype, "__qualname__", None) or etype.__name__
    mod = getattr(etype, "__module__", None)
    if mod not in ("__main__", "builtins", None):
        name = mod + "." + name
    return name


class TracebackException:
    """An exception ready for formatting: its stack, type, text and the
    exceptions chained to it."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 _seen=None):
        if _seen is None:
            _seen = []
        _seen.append(id(exc_value))
        self.exc_type = exc_type
        self._value = exc_value
        self._str = _some_str(exc_value) if exc_value is not None else ""
        self.__notes__ = getattr(exc_value, "__notes__", None)
        if exc_value is None:
            self.stack = StackSummary()
        elif exc_traceback is None:
            self.stack = _stack_of(exc_value, limit)
        else:
            self.stack = _tb_stack(exc_traceback, limit)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = False
        if exc_value is not None:
            self.__suppress_context__ = bool(exc_value.__suppress_context__)
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(
                    type(cause), cause, None, limit=limit, _seen=_seen)
            context = exc_value.__context__
            if context is not None and id(context) not in _seen:
                self.__context__ = TracebackException(
                    type(context), context, None, limit=limit, _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self.exc_type is None:
            yield "NoneType: None\n"
            return
        stype = _type_name(self.exc_type)
        if not issubclass(self.exc_type, SyntaxError):
            if self._str:
                yield "{}: {}\n".format(stype, self._str)
            else:
                yield "{}\n".format(stype)
        else:
            yield from self._format_syntax_error(stype)
        notes = self.__notes__
        if isinstance(notes, (list, tuple)):
            for note in notes:
                note = _some_str(note)
                for line in note.split("\n"):
                    yield line + "\n"
        elif notes is not None:
            yield _some_str(notes) + "\n"

    def _format_syntax_error(self, stype):
        filename_suffix = ""
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = " ({})".format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            yield "    {}\n".format(ltext)
            if self.offset is not None:
                offset = self.offset
                caret = offset - 1 - spaces
                if caret >= 0:
                    yield "    {}^\n".format(" " * caret)
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True):
        chained = []
        exc = self
        while exc is not None:
            link = None
            nxt = None
            if chain:
                if exc.__cause__ is not None:
                    nxt = exc.__cause__
                    link = ("\nThe above exception was the direct cause "
                            "of the following exception:\n\n")
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    nxt = exc.__context__
                    link = ("\nDuring handling of the above exception, "
                            "another exception occurred:\n\n")
            chained.append((link, exc))
            exc = nxt
        for link, exc in reversed(chained):
            if link is not None:
                yield link
            if exc.stack:
                yield "Traceback (most recent call last):\n"
                yield from exc.stack.format()
            yield from exc.format_exception_only()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, None
            raise TypeError(
                "Exception expected for value, {} found".format(type(exc).__name__))
        return None, None
    return value, tb


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value) if value is not None else None, value, tb,
                            limit=limit)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value) if value is not None else None, value, None)
    return list(te.format_exception_only())


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)
