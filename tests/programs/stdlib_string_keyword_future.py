# string (constants, capwords, Template with its errors, Formatter),
# keyword, and __future__ (its _Feature records; the future import
# compiles and runs).
from __future__ import annotations
import __future__
import keyword
import string
from string import Template, Formatter


def f(x: UndefinedName) -> AlsoUndefined:
    return x


print(f(3))
print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    feat = getattr(__future__, name)
    print(name, feat, feat.getOptionalRelease(), feat.getMandatoryRelease(), feat.compiler_flag)
print(__future__.annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print([w for w in ["if", "match", "case", "_", "print", "None", "async", "type"] if keyword.iskeyword(w)])
print([w for w in ["if", "match", "case", "_", "print", "type"] if keyword.issoftkeyword(w)])

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "whitespace", "printable"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("  hello   wORLD  "), string.capwords("a-b c-d", "-"), repr(string.capwords("")))

t = Template("$who likes ${what}; $$5 for $who_else")
print(t.substitute(who="tim", what="kung pao", who_else="x"))
print(t.substitute({"who": "a", "what": "b", "who_else": "c"}, what="B"))
print(t.safe_substitute(who="tim"), t.template)
print(t.get_identifiers(), t.is_valid(), Template("$ x").is_valid())
try:
    t.substitute(who="tim")
except KeyError as e:
    print("KeyError", e)
for text in ["$a and ${b} $$ $", "x\n  $9", "${a", "${ a}", "$"]:
    tt = Template(text)
    try:
        tt.substitute(a=1, b=2)
    except ValueError as e:
        print("ValueError", e)
    print(repr(tt.safe_substitute(a=1)))
try:
    t.substitute({}, {})
except TypeError as e:
    print("TypeError", e)
print(Template("$Abc_9x $_ $ABC").substitute(Abc_9x=1, _=2, ABC=3))


class Percent(Template):
    delimiter = "%"


print(Percent("%who costs %% %{n}").substitute(who="it", n=5))
print(Template("${x}y $x.").substitute(x=[1]))

fmt = Formatter()
print(fmt.format("{0} + {1} = {2:>5}", 1, 2, 3), fmt.format("{a!r} {b[0]} {c.real}", a="s", b=[9], c=2j))
print(fmt.format("{} {} {:{w}d}|", "x", "y", 42, w=6), fmt.format("{{lit}} {0:*^{1}}", "mid", 9))
print(fmt.vformat("{x}-{0}", ("p",), {"x": "q"}))
print(list(fmt.parse("a{0!r:>{w}}b{{c}}{x.y[0]}")), list(fmt.parse("")))
for bad in ["{", "}", "{0!x}", "{}{0}", "{0}{}"]:
    try:
        fmt.format(bad, 1, 2)
    except ValueError as e:
        print("ValueError", e)


class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<%s>" % key
        return super().get_value(key, args, kwargs)


print(Upper().format("{0} and {missing} {n:x}", "abc", n=255))
