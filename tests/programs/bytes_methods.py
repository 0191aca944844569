# methods of bytes (CPython 3.11)
b = b'Hello, World'
print(b.count(b'l'), b.count(b'l', 4), b.count(108), b.count(b''), b'aaaa'.count(b'aa'))
print(b.find(b'o'), b.find(b'o', 5), b.find(b'z'), b.find(111, 0, 4), b.rfind(b'o'), b.rfind(b'l', 0, 5))
print(b.index(b'W'), b.rindex(b'l'))
for f in [b.index, b.rindex]:
    try:
        f(b'zz')
    except ValueError as e:
        print(e)
print(b.startswith(b'Hell'), b.startswith((b'x', b'H')), b.startswith(b'World', 7), b.endswith(b'ld'), b.endswith(b'o', 0, 5))
try:
    b.startswith('H')
except TypeError as e:
    print(e)
print(b'a,b,,c'.split(b','), b'a,b,c'.split(b',', 1), b'  a  b  '.split(), b'   a   b    '.split(None, 1), b''.split())
print(b'a,b,c'.rsplit(b',', 1), b'  a  b  c '.rsplit(None, 1), b'a b'.rsplit(), b'x'.split(sep=b'x'), b'a1b1c'.split(b'1', maxsplit=1))
try:
    b'abc'.split(b'')
except ValueError as e:
    print(e)
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join([]), b', '.join((b'x',)), bytearray(b'+').join([b'1', b'2']))
try:
    b'-'.join([b'a', 'b'])
except TypeError as e:
    print(e)
print(b'  pad  '.strip(), b'  pad  '.lstrip(), b'  pad  '.rstrip(), b'xxhixx'.strip(b'x'), b'\t\n x \r\x0b\x0c'.strip())
print(b'banana'.replace(b'a', b'o'), b'banana'.replace(b'an', b'AN', 1), b'ab'.replace(b'', b'-'), b''.replace(b'', b'x'), b'ab'.replace(b'', b'.', 2))
print(b'MiXed 123'.upper(), b'MiXed 123'.lower(), b'MiXed'.swapcase(), b'hello world'.title(), b"they're bill's".title(), b'hELLO'.capitalize())
print(b'123'.isdigit(), b'12a'.isdigit(), b''.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t'.isspace(), b''.isspace())
print(b'ABC'.isupper(), b'AbC'.isupper(), b'abc1'.islower(), b'1'.islower(), b'Hello World'.istitle(), b'Hello world'.istitle(), b'\x80'.isascii(), b'a'.isascii())
print(b'asdf'.partition(b's'), b'asdf'.partition(b'x'), b'a-b-c'.rpartition(b'-'), b'abc'.rpartition(b'x'))
print(b'mid'.center(9), b'mid'.center(10, b'*'), b'ab'.center(5), b'left'.ljust(8, b'.'), b'right'.rjust(8), b'toolong'.center(3))
print(b'42'.zfill(5), b'-42'.zfill(5), b'+7'.zfill(4), b'abc'.zfill(2))
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\n'.splitlines(True), b''.splitlines(), b'x\n\ny'.splitlines(keepends=True))
print(b'a\tb\tc'.expandtabs(), b'ab\tc'.expandtabs(4), b'x\ny\tz'.expandtabs(2), b'\t'.expandtabs(0))
t = bytes.maketrans(b'abc', b'xyz')
print(len(t), b'aabbcc'.translate(t), b'hello'.translate(None, b'l'), b'abc'.translate(t, b'c'))
print(b'\x01\xab\xff'.hex(), b''.hex(), b'\x01\x02\x03\x04\x05'.hex(':'), b'\x01\x02\x03\x04\x05'.hex('-', 2), b'\x01\x02\x03\x04\x05'.hex(' ', -2))
print(b'prefix-body'.removeprefix(b'prefix-'), b'body.txt'.removesuffix(b'.txt'), b'x'.removeprefix(b'y'))
print(bytes.upper(b'unbound'), bytes.decode(b'caf\xc3\xa9'))
