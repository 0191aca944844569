# bytes() and bytearray() constructors, as CPython
print(bytes(), bytes(0), bytes(3), bytes([1, 2, 255]), bytes((65, 66)))
print(bytes(range(5)), bytes(b'abc'), bytes(bytearray(b'xy')), bytes(memoryview(b'mv')))
print(bytes('héllo', 'utf-8'), bytes('abc', 'ascii'), bytes('é', 'latin-1'), bytes('é', encoding='utf8'))
print(bytes(x for x in [1, 2, 3]), bytes({7: 'a'}), bytes([True, False]))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray(b'ab'), bytearray('ü', 'utf-8'))
print(bytearray(range(3)), bytearray(bytearray(b'q')), bytes(source=[9]))
print(bytes.fromhex('01 ab FF'), bytes.fromhex(''), bytearray.fromhex('deadbeef'), b''.fromhex('00'))
class It:
    def __iter__(self):
        return iter([104, 105])
print(bytes(It()), bytearray(It()))
for bad in [[256], [-1], ['a'], 1.5, None, 'text', -1]:
    try:
        print(bytes(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [[256], 1.5, 'text']:
    try:
        print(bytearray(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for args in [(1, 'utf-8'), (b'x', 'utf-8'), ('x', 'nope')]:
    try:
        print(bytes(*args))
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
for s in ['zz', 'a', '0 1']:
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print(e)
x = b'same'
print(bytes(x) is x, bytearray(x) is x)
class B:
    def __bytes__(self):
        return b'from dunder'
class Bad:
    def __bytes__(self):
        return 5
print(bytes(B()))
try:
    bytes(Bad())
except TypeError as e:
    print(e)
