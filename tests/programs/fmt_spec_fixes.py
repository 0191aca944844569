# Format fixes: zero padding of strs and with alignment, grouped zero padding, 'c' alignment, str.format numbering and parse errors, %* width/precision, %d through __int__, %c of 0.
for f, a in [('{0:=}', ('zzz',)), ('}', ('zzzz',)), ('{!', ('a',)), ('abc{!d}', ('1',)), ('{abc', ('zzzz',)), ('{!s :}', (2,)), ('{}{1}', (1, 2)), ('{1}{}', (1, 2)), ('{0:+s}', ('a',)), ('{:*^', (1,)), ('{', ()), ('{:', (1,)), ('}x', ()), ('{0', (1,))]:
    try:
        print(repr(f.format(*a)))
    except Exception as e:
        print(f, type(e).__name__, e)
print(format(0, '0=5,d'), format(0, '05,d'), format(5, '<05'), format(-5, '06,d'), format(12345, '010,d'), format(255, '#010_x'))
print("{:4c}|{:<4c}|{:06s}|{:>06s}|{:^07s}".format(48, 49, "ab", "ab", "ab"))
for w in range(1, 8):
    print(("{:0%d,d}" % w).format(0), ("{:0%d_x}" % w).format(255))
print("%*d|%-*d|%.*f|%*.*f" % (5, 10, 4, 7, 2, 3.14159, 8, 3, 2.5))
class A:
    def __int__(self): return 123
print("%d %i" % (A(), A()), "%c%c" % (0, 65) == "\x00A", "%05s|%-5d|" % ("ab", 3))
for bad in ["%(foo)s %s", "%(foo)*s"]:
    try:
        print(bad % {"foo": 1})
    except TypeError as e:
        print("TypeError", e)
print("%s %(foo)s" % {"foo": 1})
for spec in ["+c", "#c"]:
    try:
        format(65, spec)
    except ValueError as e:
        print(e)
print("{!a}".format("é"))
for v in [len, range(3), ..., NotImplemented, None, str.upper, "".upper, print, (1, "a"), frozenset({1})]:
    try:
        h = hash(v)
        print(type(h).__name__, h == hash(v))
    except TypeError as e:
        print("TypeError", e)
print(format(1234.5, '010,.1f'), format(-1234.5, '012,.2f'), format(0.5, '08_.3f'))
print("{:,}".format(1234567.891), "{:_}".format(10**10), "{:,.0f}".format(1e6))
print(range(3) == range(0, 3), range(0) == range(5, 5), hash(range(3)) == hash(range(0, 3)))
