def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: str(10**4300))
t(lambda: len(str(10**4299)))
t(lambda: len(str(-10**4299)))
t(lambda: repr(10**4300))
t(lambda: '%d' % 10**4300)
t(lambda: f'{10**4300}')
t(lambda: f'{10**4300:,}')
t(lambda: format(10**4300, 'x')[:5])
t(lambda: hex(10**4300)[:5])
t(lambda: str([10**5000]))
t(lambda: int('1' * 4300) % 7)
t(lambda: int('-' + '1' * 4301))
x = 10**5000
y = 10**5001
print(x == y, y // x)
