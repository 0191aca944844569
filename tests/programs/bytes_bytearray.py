# bytearray: mutation, item and slice assignment and deletion, methods
a = bytearray(b'hello')
a[0] = 72
a[-1] = ord('O')
print(a)
a[1:3] = b'EL'
print(a)
a[1:3] = b''
print(a)
a[0:0] = [1, 2]
print(a)
a[::2] = b'xyz'
print(a)
a[2:] = bytearray(b'tail')
print(a, len(a))
del a[0]
print(a)
del a[::2]
print(a)
del a[:]
print(a, len(a))
b = bytearray(b'abc')
try:
    b[5] = 1
except IndexError as e:
    print(e)
try:
    b[0] = 256
except ValueError as e:
    print(e)
try:
    b[0] = 'x'
except TypeError as e:
    print(e)
try:
    b[::2] = b'toolong'
except ValueError as e:
    print(e)
try:
    b[0:1] = 5
except TypeError as e:
    print(e)
try:
    del b[9]
except IndexError as e:
    print(e)
b.append(100)
b.extend(b'ef')
b.extend([1, 2])
b.extend(range(3, 5))
b.insert(0, 33)
b.insert(-1, 34)
b.insert(100, 35)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(1)
print(b)
for f in [lambda: b.remove(99), lambda: bytearray().pop(), lambda: b.pop(50), lambda: b.append(300), lambda: b.extend(5)]:
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
c = b.copy()
c.reverse()
print(c, b, c is b)
c.clear()
print(c)
d = bytearray(b'ab')
e = d
d += b'cd'
print(d, e is d)
d *= 2
print(d, e)
d += bytearray(b'!')
print(e)
print(bytearray(b'MiXeD').upper(), bytearray(b'a,b').split(b','), bytearray(b'  x ').strip(), bytearray(b'abc').replace(b'b', b'B'))
print(bytearray(b'abc').partition(b'b'), bytearray(b'ab').center(6, b'*'), bytearray(b'x').zfill(3), bytearray(b'abc').hex())
print(bytearray(b'abc')[1], bytearray(b'abc')[1:], bytearray(b'abc') == b'abc', b'abc' in [bytearray(b'abc')])
print(list(bytearray(b'\x01\x02')), bytearray(b'a') * 3, bytearray(b'%d') % 5)
f = bytearray(b'ab')
n = 0
for x in f:
    if n == 0:
        f.append(99)
    n += 1
print(n, f)
