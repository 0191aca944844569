# textwrap: wrap/fill over generated texts at many widths (hyphenated
# words, em-dashes, long words, tabs), the TextWrapper options,
# max_lines/placeholder, shorten, dedent and indent.
import textwrap
from textwrap import TextWrapper

sample = ("The quick brown fox jumps over the lazy dog. A well-known "
          "self-referential sentence -- with an em-dash--and more; "
          "supercalifragilisticexpialidocious words, e-mail and x-ray, "
          "long--dashes, co-op, 2-3 numbers-only and trailing-")
for width in (1, 5, 8, 10, 12, 15, 20, 30, 47, 80):
    print(width, textwrap.wrap(sample, width))
print(textwrap.fill(sample, 25))
print(textwrap.wrap(sample, 12, break_on_hyphens=False))
print(textwrap.wrap(sample, 12, break_long_words=False))
print(textwrap.wrap(sample, 10, break_long_words=False, break_on_hyphens=False))
print(textwrap.wrap("  leading and trailing   ", 10), textwrap.wrap("  lead", 10, drop_whitespace=False))
print(textwrap.wrap("a\tb\tc\nd  e", 6), textwrap.wrap("a\tb", 20, tabsize=4), textwrap.wrap("a\tb\nc", 20, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("one", 10))
print(textwrap.wrap(sample, 30, initial_indent="* ", subsequent_indent="    "))
print(textwrap.wrap("Hello there. How are you? Fine!  Yes.", 80, fix_sentence_endings=True))

# a deterministic generator of messy texts
seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


pieces = ["a", "ab", "word", "hyphen-ated", "re-re-entry", "x-y", "--", "-",
          "longwordwithoutbreaks", "it's", "end.", "q?", "a--b", "9-5",
          "multi-part-name", "  ", " ", "\t", "\n", "e-", "-x", "ÅÆ-Øø"]
for case in range(40):
    text = "".join(pieces[rnd(len(pieces))] + (" " if rnd(3) else "") for _ in range(rnd(25) + 1))
    width = rnd(20) + 1
    opts = {}
    if rnd(4) == 0:
        opts["break_on_hyphens"] = False
    if rnd(4) == 0:
        opts["break_long_words"] = False
    if rnd(5) == 0:
        opts["drop_whitespace"] = False
    if rnd(5) == 0:
        opts["max_lines"] = rnd(3) + 1
    try:
        print(case, width, opts, textwrap.wrap(text, width, **opts))
    except ValueError as e:
        print(case, "ValueError", e)

# max_lines, placeholder, shorten
w = TextWrapper(width=20, max_lines=2, placeholder=" ...")
print(w.wrap(sample), w.fill("short text"))
print(textwrap.wrap(sample, 15, max_lines=3))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."), textwrap.shorten(sample, 40))
for kw in [{"width": 0}, {"width": 3, "max_lines": 1}, {"width": -1}]:
    try:
        textwrap.wrap("some text here", **kw)
    except ValueError as e:
        print("ValueError", e)

# dedent and indent
print(repr(textwrap.dedent("""\
    def f():
        return 1
      \t
    x
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("  \ta\n  \tb")), repr(textwrap.dedent("\t a\n\t  b\n \n")))
print(repr(textwrap.dedent("no indent\n  some")), repr(textwrap.dedent("")), repr(textwrap.dedent("   \n   x\n")))
print(repr(textwrap.indent("a\n\nb\n  \nc", "> ")), repr(textwrap.indent("a\nb", "+", lambda line: True)))
print(repr(textwrap.indent("x\r\ny\n", "  ")))
