"""textwrap: wrapping and filling text (Python source shipped in framevm).

Text is cut into chunks (runs of whitespace, words, and the pieces of
hyphenated words and em-dashes, where CPython's word splitter cuts
them), then chunks are laid out greedily on lines of at most `width`
characters."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '
_ws = frozenset(_whitespace)


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return _is_word(c) and not c.isdecimal()


def _is_wp(c):
    return _is_word(c) or c in '!"\'&.,?'


def _dashes_then_word(w, i):
    # w[i:] is two or more '-' followed by a word character.
    j = i
    while j < len(w) and w[j] == '-':
        j += 1
    return j - i >= 2 and j < len(w) and _is_word(w[j]), j


def _split_word(w, out):
    # The chunks of one whitespace-free word.
    n = len(w)
    s = 0
    while s < n:
        # An em-dash between words is a chunk of its own.
        if s > 0 and _is_wp(w[s - 1]):
            ok, j = _dashes_then_word(w, s)
            if ok:
                out.append(w[s:j])
                s = j
                continue
        e = s + 1
        while True:
            if e >= n:
                out.append(w[s:])
                return
            if w[e] == '-' and e + 1 < n and _is_letter(w[e + 1]) and (
                    (e + 2 < n and _is_letter(w[e + 2]))
                    or (e + 3 < n and w[e + 2] == '-' and _is_letter(w[e + 3]))) and (
                    (e >= 2 and _is_letter(w[e - 2]) and _is_letter(w[e - 1]))
                    or (e >= 3 and _is_letter(w[e - 3]) and w[e - 2] == '-'
                        and _is_letter(w[e - 1]))):
                # A hyphenated word breaks after its hyphen.
                out.append(w[s:e + 1])
                s = e + 1
                break
            if _is_wp(w[e - 1]) and _dashes_then_word(w, e)[0]:
                out.append(w[s:e])
                s = e
                break
            e += 1


class TextWrapper:
    """Wraps paragraphs of text; the keyword arguments of wrap() and
    fill() are its attributes."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = ''.join(' ' if c in _ws else c for c in text)
        return text

    def _split(self, text):
        chunks = []
        n = len(text)
        i = 0
        while i < n:
            j = i
            space = text[i] in _ws
            while j < n and (text[j] in _ws) == space:
                j += 1
            if space or not self.break_on_hyphens:
                chunks.append(text[i:j])
            else:
                _split_word(text[i:j], chunks)
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            end = c[:-1] if c[-1:] in ('"', "'") else c
            if (chunks[i + 1] == " " and len(end) >= 2 and end[-1] in '.!?'
                    and 'a' <= end[-2] <= 'z'):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer to break after the last hyphen that fits.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = (self.subsequent_indent if self.max_lines > 1
                      else self.initial_indent)
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks = chunks[::-1]
        while chunks:
            line = []
            size = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(indent)
            # No line but the first starts with whitespace.
            if self.drop_whitespace and lines and not chunks[-1].strip():
                chunks.pop()
            while chunks and size + len(chunks[-1]) <= room:
                size += len(chunks[-1])
                line.append(chunks.pop())
            if chunks and len(chunks[-1]) > room:
                self._handle_long_word(chunks, line, size, room)
                size = sum(len(c) for c in line)
            if self.drop_whitespace and line and not line[-1].strip():
                size -= len(line[-1])
                line.pop()
            if not line:
                continue
            last = (not chunks or self.drop_whitespace and len(chunks) == 1
                    and not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or last and size <= room):
                lines.append(indent + ''.join(line))
                continue
            # The last line allowed: end it with the placeholder.
            while line:
                if line[-1].strip() and size + len(self.placeholder) <= room:
                    line.append(self.placeholder)
                    lines.append(indent + ''.join(line))
                    break
                size -= len(line[-1])
                line.pop()
            else:
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of text wrapped to self.width, without newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped to self.width, as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap one paragraph into a list of lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap one paragraph into one string of lines of at most width
    characters."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and cut it to fit width, ending
    with the placeholder if anything was cut."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the whitespace (spaces and tabs) common to the start of
    every line; lines of whitespace only become empty."""
    lines = text.split('\n')
    margin = None
    for k, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            lines[k] = ''
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None or margin.startswith(ind):
            margin = ind
        elif not ind.startswith(margin):
            i = 0
            while i < len(margin) and i < len(ind) and margin[i] == ind[i]:
                i += 1
            margin = margin[:i]
    if margin:
        n = len(margin)
        lines = [line[n:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate is true (by
    default, the lines that are not whitespace only)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
