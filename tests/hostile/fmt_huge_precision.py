# Found by the numfmt fuzz target: a precision past a C int ('%.2333333333f')
# was taken as given and its digits built (6 GB, whatever the memory cap);
# CPython refuses it. And `g` with a huge precision gives the digits a
# double has, no more.
cases = [
    lambda: '%.2333333333f' % 1.0,
    lambda: '%.2147483648e' % 1.0,
    lambda: '%.2147483648d' % 1,
    lambda: '%.2147483648s' % 'a',
    lambda: '%.99999999999999999999f' % 1.0,
    lambda: '%.*f' % (2**31, 1.0),
    lambda: '%.*f' % (-2**31 - 1, 1.0),
    lambda: '%.*f' % (2**63, 1.0),
    lambda: '%.*f' % ('x', 1.0),
    lambda: format(1.0, '.2333333333f'),
    lambda: format(1.0, '.2147483648g'),
    lambda: format(1, '.2147483648e'),
    lambda: format(1.0, '.99999999999999999999f'),
    lambda: f'{2.5:.2147483648%}',
    lambda: '{:.2147483648E}'.format(0.5),
    lambda: format(1, '.2147483648'),
    lambda: format('abc', '.2147483648'),
    lambda: '%.2147483647s' % 'abc',
]
for i, f in enumerate(cases):
    try:
        r = f()
        print(i, 'ok', repr(r))
    except (ValueError, OverflowError, TypeError) as e:
        print(i, type(e).__name__, e)

for x, spec in [(1.0, '.2147483647g'), (0.1, '.1000000g'), (0.1, '.1000000'),
                (1e300, '.100000g'), (1e-5, '.2000g'), (1e-4, '.5000G'),
                (5e-324, '.3000g'), (2.0**-1074 * 3, '.900'), (123.456, '.801g'),
                (-0.0, '.5000g'), (float('inf'), '.3000000000f'), (7e22, '.400g')]:
    try:
        t = format(x, spec)
        print(spec, len(t), t[:60], t[-30:])
    except ValueError as e:
        print(spec, 'ValueError', e)

