"""JSON: dumps/dump/loads/load, JSONEncoder/JSONDecoder, JSONDecodeError.

The encoder and the decoder are native (`_json`); this module holds the
options and the parts that call back into Python: subclasses of the
builtin types, `default=`, the hooks of the decoder.
"""

import _json

__all__ = [
    "dump",
    "dumps",
    "load",
    "loads",
    "JSONDecoder",
    "JSONDecodeError",
    "JSONEncoder",
]


class JSONDecodeError(ValueError):
    """A document that is not valid JSON: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _sorted_items(d):
    return sorted(d.items())


class JSONEncoder:
    """Turns Python values into JSON text."""

    item_separator = ", "
    key_separator = ": "

    def __init__(
        self,
        *,
        skipkeys=False,
        ensure_ascii=True,
        check_circular=True,
        allow_nan=True,
        sort_keys=False,
        indent=None,
        separators=None,
        default=None,
    ):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def _fallback(self, o, is_key):
        if is_key:
            if isinstance(o, str):
                return str.__str__(o)
            if isinstance(o, float):
                return float(o)
            if isinstance(o, int):
                return int.__repr__(o)
            if self.skipkeys:
                return None
            raise TypeError(
                f"keys must be str, int, float, bool or None, not {o.__class__.__name__}"
            )
        if isinstance(o, str):
            return str.__str__(o)
        if isinstance(o, int):
            return int(o)
        if isinstance(o, float):
            return float(o)
        if isinstance(o, dict):
            return dict(o)
        if isinstance(o, (list, tuple)):
            return list(o)
        return self.default(o)

    def encode(self, o):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        return _json.encode(
            o,
            indent,
            self.item_separator,
            self.key_separator,
            self.sort_keys,
            self.ensure_ascii,
            self.allow_nan,
            self.check_circular,
            self._fallback,
            _sorted_items,
        )

    def iterencode(self, o, _one_shot=False):
        yield self.encode(o)


class JSONDecoder:
    """Turns JSON text into Python values."""

    def __init__(
        self,
        *,
        object_hook=None,
        parse_float=None,
        parse_int=None,
        parse_constant=None,
        strict=True,
        object_pairs_hook=None,
    ):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def raw_decode(self, s, idx=0):
        ok, value, end = _json.scan(
            s,
            idx,
            self.strict,
            self.object_hook,
            self.object_pairs_hook,
            None if self.parse_float is float else self.parse_float,
            None if self.parse_int is int else self.parse_int,
            self.parse_constant,
        )
        if not ok:
            raise JSONDecodeError(value, s, end) from None
        return value, end

    def decode(self, s):
        n = len(s)
        i = 0
        while i < n and s[i] in " \t\n\r":
            i += 1
        obj, end = self.raw_decode(s, i)
        while end < n and s[end] in " \t\n\r":
            end += 1
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj


_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(
    obj,
    *,
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    cls=None,
    indent=None,
    separators=None,
    default=None,
    sort_keys=False,
    **kw,
):
    if (
        not skipkeys
        and ensure_ascii
        and check_circular
        and allow_nan
        and cls is None
        and indent is None
        and separators is None
        and default is None
        and not sort_keys
        and not kw
    ):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys,
        ensure_ascii=ensure_ascii,
        check_circular=check_circular,
        allow_nan=allow_nan,
        indent=indent,
        separators=separators,
        default=default,
        sort_keys=sort_keys,
        **kw,
    ).encode(obj)


def dump(obj, fp, **kw):
    for chunk in (kw.pop("cls", None) or JSONEncoder)(**kw).iterencode(obj):
        fp.write(chunk)


def _text(s):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
        return s
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError(
            f"the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}"
        )
    b = bytes(s)
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8")
    if len(b) >= 2 and b[0] == 0 and b[1] != 0:
        return b.decode("utf-16-be")
    if len(b) >= 2 and b[0] != 0 and b[1] == 0:
        return b.decode("utf-16-le")
    return b.decode("utf-8")


def loads(
    s,
    *,
    cls=None,
    object_hook=None,
    parse_float=None,
    parse_int=None,
    parse_constant=None,
    object_pairs_hook=None,
    **kw,
):
    s = _text(s)
    if (
        cls is None
        and object_hook is None
        and parse_int is None
        and parse_float is None
        and parse_constant is None
        and object_pairs_hook is None
        and not kw
    ):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
