# json.loads: values, numbers, strings and escapes, whitespace, hooks,
# and JSONDecodeError's messages and attributes.
import json
from collections import OrderedDict

print(json.loads("null"), json.loads("true"), json.loads("false"))
print(json.loads("0"), json.loads("-12"), json.loads("123456789012345678901234567890"))
print(json.loads("1.5"), json.loads("-0.0"), json.loads("1e3"), json.loads("2E-2"), json.loads("1e400"))
print(json.loads("NaN"), json.loads("Infinity"), json.loads("-Infinity"))
print(repr(json.loads('"a\\"b\\\\c\\/d\\n\\t\\r\\b\\f"')))
print(json.loads('"\\u00e9\\u20ac\\ud83d\\ude00 caf\u00e9"'))
print(json.loads(' \n\t [1, 2 , [ ] , { } , {"a" : [true]}] \r\n'))
d = json.loads('{"b": 1, "a": 2, "b": 3}')
print(d, list(d))
print(json.loads('{"nested": {"deep": {"deeper": [1, {"x": null}]}}}'))
print(json.loads(b'{"bytes": [1]}'))
print(json.loads(bytearray(b'"ba"')))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}, "a": 3}', object_pairs_hook=list))
print(json.loads('{"z": 1, "y": 2}', object_pairs_hook=OrderedDict))
print(json.loads("[1.5, 2]", parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads("[NaN, -Infinity]", parse_constant=lambda s: "C" + s))
print(json.loads('"tab\there"', strict=False) == "tab\there")
print(json.JSONDecoder().raw_decode('{"a": 1} trailing'))
print(json.JSONDecoder().raw_decode('xx[1, 2]', 2))
print(json.loads('"\u4e2d\u6587"'), json.loads('["\u00e9", 1]'))

bad = [
    "",
    "   ",
    "[",
    "[1,]",
    "[1 2]",
    '{"a" 1}',
    '{"a": 1,}',
    "{1: 2}",
    '{"a": 1 "b": 2}',
    '"unterminated',
    '"bad \\x escape"',
    '"bad \\u12G4"',
    '"ctrl \x01 char"',
    "[1] extra",
    "tru",
    "01",
    "-",
    "1.",
    ".5",
    "[1,\n 2,\n x]",
    '{\n  "a": [1,\n        2,,]\n}',
    "'single'",
    "[\u00e9]",
    "é",
]
for text in bad:
    try:
        print("ok?", json.loads(text))
    except json.JSONDecodeError as e:
        print(repr(text), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads("\ufeff[]")
except json.JSONDecodeError as e:
    print(e)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads("[")
except ValueError as e:
    print(type(e).__name__, e.doc == "[")
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
import io

print(json.load(io.StringIO('{"from": "file"}')))
text = json.dumps({"k": [1, 2.5, "s", None, True, {"n": -1}]}, indent=2)
print(json.loads(text) == {"k": [1, 2.5, "s", None, True, {"n": -1}]})
big = [{"id": i, "name": "item%d" % i, "tags": ["a", "b"], "score": i / 7} for i in range(200)]
print(json.loads(json.dumps(big)) == big)
