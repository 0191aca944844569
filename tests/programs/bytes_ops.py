# indexing, slicing, iteration, in, + and *, comparisons, hash, repr, str
b = b'hello world'
print(b[0], b[-1], b[1:5], b[::2], b[::-1], b[100:], b[-3:], b[5:2])
try:
    b[20]
except IndexError as e:
    print(e)
try:
    b['x']
except TypeError as e:
    print(e)
print(len(b), list(b[:3]), [c for c in b'abc'], tuple(b'\x00\xff'))
print(104 in b, b'world' in b, b'' in b, b'xyz' in b, 0 in b, bytearray(b'lo') in b)
for bad in ['h', 300]:
    try:
        print(bad in b)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', b'ab' + memoryview(b'!'))
print(b'ab' * 2, 3 * b'x', bytearray(b'z') * 2, b'q' * True)
for bad in [lambda: b'a' + 'b', lambda: b'a' + 1, lambda: 'a' + b'b', lambda: b'a' * 1.5, lambda: b'a' - b'a']:
    try:
        bad()
    except TypeError as e:
        print(e)
print(b'abc' == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'x') == b'x', b'abc' != b'abd')
print(b'abc' == 'abc', b'' == 0, b'a' == memoryview(b'a'))
print(b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc', b'abc' <= b'abc', bytearray(b'a') < b'b', b'z' >= bytearray(b'z'))
print(sorted([b'b', b'a', b'ab', b'']), max(b'a', b'c', b'b'), min(b'xyz'))
try:
    b'a' < 'b'
except TypeError as e:
    print(e)
print(hash(b''), hash(b'a'), hash(b'abc'), hash(b'abcdefgh'), hash(b'\x00\xff\x80'))
print(hash(b'abc') == hash('abc'), hash(memoryview(b'xy')) == hash(b'xy'))
print({b'a': 1, b'b': 2}[b'b'], {b'x', b'x', b'y'} == {b'y', b'x'})
for v in [bytearray(b'a'), memoryview(bytearray(b'a'))]:
    try:
        hash(v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(b"'"), repr(b'"'), repr(b'\'"'), repr(bytearray(b"it's")), str(b'\x01'), str(bytearray()))
print(bool(b''), bool(b'\x00'), bool(bytearray()), not bytearray(b'1'))
print(isinstance(b'', bytes), isinstance(bytearray(), bytearray), isinstance(b'', bytearray), isinstance(b'', (str, bytes)))
print(sum(b'\x01\x02\x03'), list(reversed(b'abc')), list(enumerate(b'hi')), ord(b'A'), ord(bytearray(b'z')))
print(list(zip(b'ab', b'cd')), any(b'\x00\x00'), all(b'\x01\x02'))
it = iter(b'ab')
print(next(it), next(it), next(it, 'end'))
for f in [lambda: 's' * b'x', lambda: [1] * b'x', lambda: b'x' * b'y', lambda: (1,) * bytearray(), lambda: b'x' * 's',
          lambda: memoryview(b'') * 2, lambda: 2 * memoryview(b''), lambda: memoryview(b'') + b'', lambda: 5 % b'x']:
    try:
        f()
    except TypeError as e:
        print(e)
