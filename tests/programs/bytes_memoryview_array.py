# memoryview over array.array: typed items, writes reaching the array,
# casts, and arrays as buffers for bytes operations.
from array import array

a = array('i', [1, -2, 3, 4])
m = memoryview(a)
print(len(m), m.format, m.itemsize, m.nbytes, m.readonly, m.ndim)
print(m[0], m[1], m[-1], list(m), m.tolist())
print(m.tobytes() == a.tobytes(), bytes(m) == a.tobytes())
m[2] = 6
print(a)
m[1:3] = array('i', [3, 3])
print(a)
s = m[1:3]
print(len(s), s.tolist(), s.format, s.nbytes)
s[0] = -7
print(a)
print(m[::2].tolist(), m[::-1].tolist())

# Shifting a view over itself.
b = array('I', range(6))
v = memoryview(b)
v[1:] = v[:-1]
print(b)

# Limits of each type code, read back through a view.
for code, vals in [('b', [127, -128]), ('B', [0, 255]), ('h', [32767, -32768]),
                   ('H', [65535]), ('i', [2**31 - 1, -2**31]), ('I', [2**32 - 1]),
                   ('q', [2**63 - 1, -2**63]), ('Q', [2**64 - 1]), ('d', [1.5, -0.25]),
                   ('f', [0.1, 2.5])]:
    mv = memoryview(array(code, vals))
    print(code, mv.itemsize, mv.tolist())

# Errors on stores.
w = memoryview(array('b', [0, 0]))
for bad in [128, -129, 1.5, 'x']:
    try:
        w[0] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    m[0:2] = b'12345678'
except ValueError as e:
    print('ValueError', e)
try:
    m[0:2] = array('h', [1, 2, 3, 4])
except ValueError as e:
    print('ValueError', e)
try:
    m[9]
except IndexError as e:
    print('IndexError', e)

# cast
raw = bytearray(8)
c = memoryview(raw).cast('i')
c[1] = 258
print(raw, len(c), c.format, c.tolist())
h = memoryview(b'\x01\x00\x02\x00').cast('H')
print(h.tolist(), h.readonly)
print(memoryview(array('h', [1, 2])).cast('B').tolist())
try:
    memoryview(b'abc').cast('i')
except TypeError as e:
    print('TypeError', e)
try:
    memoryview(array('h', [1, 2])).cast('i')
except TypeError as e:
    print('TypeError', e)

# Equality by value.
print(memoryview(array('i', [1, 2])) == memoryview(array('h', [1, 2])))
print(memoryview(array('B', [97, 98])) == b'ab')
print(memoryview(array('d', [float('nan')])) == memoryview(array('d', [float('nan')])))
print(3 in memoryview(array('i', [1, 3])), 4 in memoryview(array('i', [1, 3])))

# Arrays as buffers for bytes.
print(array('b', [1, 2]) in b'\x01\x02\x03', array('b', [2, 1]) in b'\x01\x02\x03')
print(array('h', [1]) in bytearray(b'\x00\x01\x00'))
print(b'\x01\x02' == array('B', [1, 2]))
print(bytes(array('h', [1, 2])), bytearray(array('B', [65, 66])))
ba = bytearray(b'xxxx')
ba[1:3] = array('B', [1, 2])
print(ba)

# The array still works as itself, and the view follows its storage.
f = array('f', [0.1])
print(f[0] == memoryview(f)[0], f.tobytes() == memoryview(f).tobytes())
g = array('i', [1, 2, 3])
gv = memoryview(g)
g[0] = 10
print(gv[0], gv.obj == g.tobytes() or type(gv.obj).__name__ in ('array', 'bytearray'))
