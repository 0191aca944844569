# memoryview over bytes and bytearray: len, indexing, slices (views), tobytes, tolist, ==, writes
m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[1:3].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m.tobytes(), m.tolist())
print(m == b'abcdef', m == bytearray(b'abcdef'), m[1:3] == b'bc', m == b'x', b'abcdef' == m)
print(list(m[2:4]), bytes(m[3:]), bytearray(m[:2]), 99 in m, len(m[4:1]))
try:
    m[0] = 1
except TypeError as e:
    print(e)
try:
    m[10]
except IndexError as e:
    print(e)
a = bytearray(b'hello')
v = memoryview(a)
v[0] = 72
s = v[1:4]
s[0] = ord('E')
s[1:3] = b'LL'
print(a, s.tobytes(), len(s))
a[4] = 33
print(v.tobytes(), v[4], s[2])
w = v[::2]
w[0:3] = b'123'
print(a, w.tolist())
try:
    v[0] = 300
except ValueError as e:
    print(e)
try:
    s[0:2] = b'x'
except ValueError as e:
    print(e)
print(memoryview(m).tobytes(), memoryview(v)[0])
for bad in [lambda: memoryview(b'') + b'', lambda: memoryview('str'), lambda: memoryview(1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
