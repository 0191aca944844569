# re.sub/subn (group references, function replacements, count), split
# (groups, maxsplit), escape, purge, and re.error for bad patterns.
import re

print(re.sub(r"\d+", "#", "a1b22c333"), re.subn(r"\d+", "#", "a1b22c333"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "John Smith"))
print(re.sub(r"(\w)", r"\g<1>\g<1>", "abc"), re.sub("a", r"\n\t|\\|", "xax"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "1 2 3 45"))
print(re.sub("x", "-", "xxxx", count=2), re.subn("x", "-", "xxxx", 3), re.sub("x", "-", "abc"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub(r"\s+", " ", "  lots   of\n\nspace  ").strip())
print(re.sub("(?i)HELLO", "bye", "Hello hello HELLO"), re.sub("a", "b", "aaa", flags=re.I))
print(re.compile(r"(\d)").sub(r"<\1>", "a1b2"), re.compile("o").subn("0", "foo boo"))
print(re.sub("é", "e", "café crème é"), re.sub(r"(\w+)", lambda m: m.group(1).upper(), "ça va"))

print(re.split(r"\s+", "a b  c   d"), re.split(r",", "a,b,,c,"), re.split(r"(,)", "a,b,c"))
print(re.split(r"(\d)(x)?", "a1b2xc"), re.split(r"\s", "a b c d", maxsplit=2), re.split("x*", "axbc"))
print(re.split("", "abc"), re.split(r"\b", "ab cd"), re.split("z", "abc"), re.split("(a)|b", "1a2b3"))
print(re.compile(r"\W+").split("Words, words, words."), re.compile(r"(\W+)").split("Words, words.", 1))

print(re.escape("a.b*c?d+e(f)[g]{h}|i^j$k\\l m#n&o~p-q"), re.escape("plain_text123"), re.escape("tab\tnl\n"))
print(re.match(re.escape("1+1=2?"), "1+1=2?"))
re.purge()
print(re.findall(r"[aeiou]", "education"))

for bad in ["(", "a)", "[a", "*a", "a**", r"\q", "(?P<n>a)(?P<n>b)", "a(?i)b"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("re.error for", repr(bad))
print(issubclass(re.error, Exception))
for bad_repl in [r"\g<x>", r"\3", r"\g<", r"\q"]:
    try:
        re.sub("(a)", bad_repl, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub("a", lambda m: 5, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    re.search("a", 5)
except TypeError as e:
    print("TypeError:", e)

text = "From: alice@example.com\nTo: bob@test.org, carol@site.net\nSubject: hi"
emails = re.findall(r"[\w.]+@[\w.]+", text)
print(emails)
headers = dict(re.findall(r"^(\w+): (.*)$", text, re.M))
print(headers)
tokens = re.findall(r"\s*(?:(\d+\.?\d*)|(.))", "3 + 4.5 * (2 - 1)")
print(tokens)
print(re.sub(r"([a-z])([A-Z])", r"\1_\2", "camelCaseString").lower())
date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
print(date.sub(r"\3/\2/\1", "from 2023-01-15 to 2024-12-31"))
print([m.groups() for m in date.finditer("2023-01-15 2024-12-31")])
print(len(re.findall("a", "a" * 10000)), re.sub("b", "c", "ab" * 5000)[:10])
