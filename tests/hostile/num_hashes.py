for v in [(), (1,), (1, 2), ((1, 2), 3), (1.5, 'a'), ('abc',), (-1,), (2**64,), (True, False), ((),), (((),),), (1e300,), (-1, -2)]:
    print(v, hash(v))
for r in [range(5), range(1, 10, 2), range(-3, 3), range(0, 10, 3), range(5, 0, -1)]:
    try: print(r, hash(r))
    except Exception as e: print(type(e).__name__, e)
print(hash(1e300) == hash(int(1e300)), hash(2.0**200) == hash(2**200))
print(1e300 == int(1e300), 2.0**127 == 2**127, 2.0**128 < 2**128 + 1, int(1e300) in {1e300}, 1e300 in {int(1e300): 1})
print(float(2**1000) == 2**1000, 2**1024 > 1e308, -2**1024 < -1e308, 1e300 < 10**300, 2**53 + 1 == 2.0**53)
