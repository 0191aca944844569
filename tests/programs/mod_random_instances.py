# random.Random instances, str/bytes/float seeds, getstate/setstate, every distribution,
# subclasses with their own random()/getrandbits(), SystemRandom, and the errors.
import random
random.seed(12345)
print(random.random(), random.randrange(100), random.randint(1, 6), random.getrandbits(70))
print(random.choice("abcdef"), random.sample(range(100), 5), random.choices("abc", k=4))
print(random.choices(range(10), weights=[1]*10, k=3), random.choices("xy", cum_weights=[1, 3], k=3))
l = list(range(10)); random.shuffle(l); print(l)
print(random.uniform(1, 2), random.triangular(), random.triangular(0, 10, 2))
print(random.gauss(), random.gauss(5, 2), random.normalvariate(), random.expovariate(2))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.vonmisesvariate(1, 0))
print(random.gammavariate(2.5, 1), random.gammavariate(1, 2), random.gammavariate(0.5, 1))
print(random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.randbytes(5), random.randrange(0, 100, 7), random.randrange(100, 0, -3))
for s in ["hello", b"bytes", bytearray(b"ba"), "", 2**100, -5, 3.5, -1.5, True, 0]:
    random.seed(s); print(repr(s), random.random())
random.seed("hello", version=1); print(random.random())
random.seed(b"hello", version=1); print(random.random())
r = random.Random(42); print(r.random(), r.randrange(10**30))
st = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)])
print(len(st), st[0], len(st[1]), st[2])
r.gauss(); st = r.getstate(); g = r.gauss(); r.setstate(st); print(g == r.gauss())
class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom(1); print(m.randrange(10), m.choice([1, 2, 3]), m.uniform(0, 4), m.randint(1, 10))
class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 1
b = Bits(); print(b.randrange(100), b.random() < 1)
print(type(random.SystemRandom().random()), 0 <= random.SystemRandom().randrange(10) < 10)
try: random.SystemRandom().getstate()
except NotImplementedError as e: print(e)
for bad in [lambda: random.seed([1]), lambda: random.randrange(0), lambda: random.randrange(5, 2),
            lambda: random.randrange(0, 10, 0), lambda: random.choice([]), lambda: random.sample({1, 2}, 1), lambda: random.sample([1], 2),
            lambda: random.getrandbits(-1), lambda: random.setstate((1, 2, 3)), lambda: r.setstate((3, (1,) * 10, None)),
            lambda: random.randrange(10, step=2), lambda: random.choices([1], [1], cum_weights=[1]), lambda: random.gammavariate(0, 1)]:
    try: bad(); print("no error")
    except Exception as e: print(type(e).__name__, e)
print(random.randrange(0, 10, step=3))
import copy
r2 = copy.copy(r); print(r2.random() == r.random())
print(random.Random.VERSION, isinstance(r, random.Random), random.sample([1,2,3,4], counts=[1,0,2,1], k=3))
print(sorted(random.sample(range(1000), 30))[:5])
import os
print(len(os.urandom(16)), os.urandom(0), len(set(os.urandom(4) for _ in range(20))) > 1)
try: os.urandom(-1)
except ValueError as e: print(e)
# Sizes past a C int are refused as CPython refuses them.
for f in (lambda: random.getrandbits(10**15), lambda: random.randbytes(10**14), lambda: random.getrandbits(2**31)):
    try: f()
    except (MemoryError, OverflowError) as e: print(type(e).__name__, e)
print(len(random.randbytes(5)), random.getrandbits(0))
