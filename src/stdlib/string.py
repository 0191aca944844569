"""string: character-class constants, capwords, Template and Formatter
(Python source shipped in framevm).

Template scans its text by hand rather than with a regular expression:
a subclass may change `delimiter`, but `idpattern`, `braceidpattern`,
`flags` and `pattern` are not consulted (placeholders are always ASCII
identifiers, in either case)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words by sep (whitespace runs if None), capitalize
    each word, and join them by sep (a space if None)."""
    return (sep or ' ').join(w.capitalize() for w in s.split(sep))


# ---------------------------------------------------------------- Template

_id_start = frozenset('_' + ascii_letters)
_id_rest = frozenset('_' + ascii_letters + digits)


def _ident_end(text, i):
    # The end of the ASCII identifier starting at i, or i if there is none.
    n = len(text)
    if i < n and text[i] in _id_start:
        i += 1
        while i < n and text[i] in _id_rest:
            i += 1
    return i


_no_mapping = {}


class Template:
    """A string class for $-substitutions: $name, ${name}, and $$ for a
    dollar sign."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields (kind, start, end, name) for every placeholder: kind is
        # 'escaped', 'named', 'braced' or 'invalid'; an invalid one spans
        # only its delimiter.
        text = self.template
        delim = self.delimiter
        dl = len(delim)
        i = text.find(delim)
        while i >= 0:
            j = i + dl
            if text.startswith(delim, j):
                yield 'escaped', i, j + dl, None
                i = text.find(delim, j + dl)
                continue
            e = _ident_end(text, j)
            if e > j:
                yield 'named', i, e, text[j:e]
                i = text.find(delim, e)
                continue
            if text.startswith('{', j):
                e = _ident_end(text, j + 1)
                if e > j + 1 and text.startswith('}', e):
                    yield 'braced', i, e + 1, text[j + 1:e]
                    i = text.find(delim, e + 1)
                    continue
            yield 'invalid', i, j, None
            i = text.find(delim, j)

    def _invalid(self, end):
        lines = self.template[:end].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = end - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _mapping(self, mapping, kws):
        if mapping is _no_mapping:
            return kws
        if kws:
            return _Chain(kws, mapping)
        return mapping

    def substitute(self, mapping=_no_mapping, /, **kws):
        """The template with its placeholders replaced from the mapping
        and keywords; a missing name raises KeyError."""
        mapping = self._mapping(mapping, kws)
        out = []
        pos = 0
        text = self.template
        for kind, start, end, name in self._scan():
            out.append(text[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(end)
            else:
                out.append(str(mapping[name]))
        out.append(text[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_no_mapping, /, **kws):
        """As substitute(), but a missing name or an invalid placeholder
        stays as it is in the text."""
        mapping = self._mapping(mapping, kws)
        out = []
        pos = 0
        text = self.template
        for kind, start, end, name in self._scan():
            out.append(text[pos:start])
            pos = end
            if kind == 'escaped' or kind == 'invalid':
                out.append(self.delimiter)
            else:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(text[start:end])
        out.append(text[pos:])
        return ''.join(out)

    def is_valid(self):
        """Whether every delimiter in the template starts a placeholder."""
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        """The names of the placeholders, in order of first appearance."""
        ids = []
        for kind, start, end, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class _Chain:
    # Keywords first, then the mapping (as collections.ChainMap would).
    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        try:
            return self._first[key]
        except KeyError:
            return self._second[key]


# --------------------------------------------------------------- Formatter

def _parse_format(s):
    # The (literal, field_name, format_spec, conversion) tuples of a
    # format string, as str.format reads it.
    n = len(s)
    i = 0
    lit = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                lit.append('{')
                yield ''.join(lit), None, None, None
                lit = []
                i += 2
                continue
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            # A replacement field: up to its matching '}'.
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            yield (''.join(lit),) + _split_field(field)
            lit = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                lit.append('}')
                yield ''.join(lit), None, None, None
                lit = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            lit.append(c)
            i += 1
    if lit:
        yield ''.join(lit), None, None, None


def _split_field(field):
    # field_name[!conversion][:format_spec]; brackets in the name may
    # hold '!' and ':'.
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == '[':
            while i < n and field[i] != ']':
                i += 1
        elif c == '!' or c == ':':
            break
        i += 1
    name = field[:i]
    conversion = None
    spec = ''
    if i < n and field[i] == '!':
        if i + 1 >= n:
            raise ValueError('end of string while looking for conversion '
                             'specifier')
        conversion = field[i + 1]
        i += 2
        if i < n and field[i] != ':':
            raise ValueError('expected \':\' after conversion specifier')
    if i < n and field[i] == ':':
        spec = field[i + 1:]
    return name, spec, conversion


def _split_name(name):
    # first, [(is_attr, key), ...] of "first.attr[key]..."
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                                 'format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                             'format field specifier')
    return first, rest


class Formatter:
    """str.format as a class whose steps a subclass may override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        out = []
        for literal, field_name, format_spec, conversion in self.parse(format_string):
            if literal:
                out.append(literal)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                # (CPython's message, the same as for the other switch)
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            out.append(self.format_field(obj, format_spec))
        return ''.join(out), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each
        piece of format_string."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
