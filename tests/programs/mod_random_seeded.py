import random

random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 7), random.randrange(10, 0, -3))
xs = list(range(10))
random.shuffle(xs)
print(xs)
print(random.choice("abcdef"), random.choice([10, 20, 30]))
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(5, 2), random.gauss())
print(random.getrandbits(8), random.getrandbits(70), random.getrandbits(0))
random.seed(2 ** 100 + 7)
print(random.random())
random.seed(0)
print(random.random())
random.seed(-5)
print(random.random())
random.seed(12345)
print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 2))
print(random.sample(range(1000), 3))
print(random.choices([1, 2, 3], k=5), random.choices("xyz", weights=[1, 0, 5], k=4))
print(random.choices("ab", cum_weights=[1, 10], k=3))
print(random.triangular(0, 10, 2), random.triangular(), random.normalvariate(0, 1), random.expovariate(2))
print(random.randrange(2 ** 80))
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
print(a == [random.random() for _ in range(3)])
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.choice([]),
            lambda: random.randrange(1, 10, 0), lambda: random.sample([1], 2)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
