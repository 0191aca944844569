# bytes literals: escapes, raw, concatenation, quotes in the repr, folding
print(b'abc', b"abc", b'', b"")
print(b'\x00\x01\x7f\x80\xff', b'\t\n\r\\', b'\a\b\f\v\0', b'\101\102\7')
print(rb'\n\x00', Rb'\d+', br"\t", b'a' b'b' rb'\c')
print(b"it's", b'say "hi"', b'both \' and "', b"\"")
print(b'\u1234', b'\N{DASH}', len(b'\u1234'))
print(b"""multi
line""")
print(b'ab' * 3, b'x' * 0, b'-' * -2)
t = (b'a', b'b', b'a')
print(t, t[0] is t[2], b'a' == t[0])
print(type(b'x').__name__, len(b'hello'))
def f():
    return b'const'
print(f(), f() == b'const')
print([b'\x00' * 4, bytes(2) + b'\x01'])
