# %-formatting of bytes and bytearray, .hex()
print(b'%d %s %b' % (5, b'x', bytearray(b'y')))
print(b'%5d|%-5d|%05d|%+d' % (42, 42, 42, 42))
print(b'%x %X %o %#x %c %c' % (255, 255, 8, 255, 65, b'B'))
print(b'%r %a' % (b'q', 'é'))
print(b'%.2f %e %g' % (3.14159, 12345.678, 0.5))
print(b'%s' % b'single', b'100%%' % (), b'%(a)s' if False else b'')
print(bytearray(b'%s-%s') % (b'a', b'b'))
print(b'%5s|%-5s|' % (b'ab', b'cd'))
for args in ['str', (1, 2), (b'only',)]:
    try:
        print(b'%s' % args if args != (b'only',) else b'%s %s' % args)
    except TypeError as e:
        print(e)
try:
    print(b'%d' % 'x')
except TypeError as e:
    print(e)
try:
    print(b'%c' % 256)
except OverflowError as e:
    print(e)
print(b'\x00\x7f\x80\xff'.hex(), bytearray(b'ab').hex(), memoryview(b'\x10\x20').hex())
print(b'abcdef'.hex(':', 4), b'abcdef'.hex(b'|', -4), b'abc'.hex(sep='.', bytes_per_sep=1))
try:
    b'ab'.hex('::')
except ValueError as e:
    print(e)
print(b'%(a)s and %(b)d' % {b'a': b'x', b'b': 5, 'a': 1})
for mapping in [{b'a': 1}, {'zz': 1}]:
    try:
        b'%(zz)s' % mapping
    except KeyError as e:
        print(repr(e))
