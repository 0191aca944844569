# re: match/search/fullmatch, Match objects, groups, flags, Pattern objects.
import re

m = re.match(r"(\w+) (\w+)", "hello world again")
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m.groups(), m.span(), m.start(2), m.end(2), m.span(1))
print(m[0], m[1], m.string, m.pos, m.endpos, m.re)
print(m.lastindex, m.lastgroup, m.regs)
print(re.match("b", "abc"), re.search("b", "abc"))
print(re.fullmatch("a|ab", "ab"), re.fullmatch("a", "ab"), re.fullmatch(r"\d+", "123"))

m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?", "on 2024-05 ok")
print(m, m.groupdict(), m.groupdict("-"), m.groups(), m.groups(0))
print(m.group("year"), m["month"], m.start("year"), m.span("day"), m.lastindex, m.lastgroup)
print(m.expand(r"\g<month>/\g<year> [\1] \g<2>"))
for bad in [5, "nope", -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError:", e)

p = re.compile(r"(?P<k>[a-z]+)=(?P<v>\d+)", re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.search("x KEY=12 y=3"), p.findall("a=1, B=22, c=x"))
print(p.match("zz a=1", 3), p.match("zz a=1", 2), p.search("a=12345", 0, 4))
print(p.fullmatch("ab=12"), p.fullmatch("ab=12x"), p.fullmatch("ab=12x", 0, 5))
print(re.compile("a") == re.compile("a"), re.compile("x+", re.M | re.S))
print(repr(re.I | re.M), re.I, re.IGNORECASE.value, int(re.A | re.X))

print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall("(a)|b", "ab"))
print([m.span() for m in re.finditer(r"\w+", "one two  three")])
print(re.findall("", "abc"), re.findall("x*", "axxb"), re.findall(r"\b", "ab cd"))

print(re.search("^b", "a\nb"), re.search("^b", "a\nb", re.M), re.findall("(?m)^\\w", "ab\ncd\n"))
print(re.search("a$", "a\n"), re.search("a$", "a\nb"), re.search("a$", "a\nb", re.M))
print(re.findall("$", "a\n"), re.findall("(?m)$", "a\nb\n"), re.search(r"a\Z", "a\n"))
print(re.search("a.c", "a\nc"), re.search("a.c", "a\nc", re.S), re.search("(?s)a.c", "a\nc"))
print(re.search("ABC", "xabcx", re.IGNORECASE), re.search("(?i)straße", "STRASSE"))
print(re.findall(r"\w+", "café naïve über"), re.findall(r"\w+", "café naïve", re.A))
print(re.findall(r"\d", "1٣5"), re.findall(r"\d", "1٣5", re.ASCII))
print(re.search(r"\bfoo\b", "a foo b"), re.search(r"\Bfoo", "afoo"))

verbose = re.compile(
    r"""
    (?P<int> \d+ )     # the integer part
    (?: \. (?P<frac>\d+) )?   # optional fraction
    \ units            # an escaped space
    """,
    re.VERBOSE,
)
print(verbose.match("12.5 units"), verbose.match("12.5 units").groupdict())
print(re.match("(?x) a b # comment\n c", "abc"))

print(re.search(r"(\w)\1", "abccd"), re.search(r"(?P<c>\w)(?P=c)", "xyyz"))
print(re.search(r"foo(?=bar)", "foobaz foobar"), re.search(r"(?<!x)y", "xy zy"))
print(re.search(r"(?<=\$)\d+", "cost $42"), re.search(r"a(?!b)", "ab ac"))
print(re.match(r"(a)?(?(1)b|c)", "ab"), re.match(r"(a)?(?(1)b|c)", "c"))
print(re.match(r"a{2,3}", "aaaa"), re.match(r"a{,2}", "aaa"), re.match(r"a{2}", "aaa"), re.match(r"a{", "a{"))
print(re.match(r"x{1,2}?", "xx"), re.match(r"\{\}", "{}"), re.match(r"[{}]+", "}{"))
print(re.match(r"[]a]+", "]a]"), re.match(r"[^]a]+", "bcd]"), re.match(r"[a\-z]+", "a-z"), re.match(r"[\w.-]+", "a.b-c d"))
print(re.match(r"[\[]", "["), re.match(r"[a&b~]+", "a&b~"), re.match(r"\x41\u0042\U00000043\101", "ABCA"))
print(re.match(r"\t\n\\", "\t\n\\"), re.match(r"[\t\]]+", "\t]"), re.match(r"\.\*\+", ".*+"))
print(re.match(r"(?i:a)b", "Ab"), re.match(r"(?i:a)b", "AB"), re.match(r"(?#comment)x", "x"))
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(a)(b)?", "a").lastindex, re.match(r"((a)b)", "ab").lastindex)
print(re.match(r"(a)(b*)", "a").lastindex, re.match(r"(a(b*))", "a").lastindex, re.match(r"(?P<x>a)(?P<y>b)?", "a").lastgroup)
print(re.match("", "").span(), re.search("z*$", "abc").span())
s = "ünïcödé wörds"
print([m.span() for m in re.finditer(r"\w+", s)], re.search("ö", s).start(), re.sub("ö", "o", s))
print(re.search("d", s, pos=5) if False else re.compile("d").search(s, 5))
