class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return x * self.factor


double = Multiplier(2)
triple = Multiplier(3)
print(double(5), triple(5), double("ab"))
print(list(map(double, [1, 2, 3])))
print(sorted([5, -3, 2], key=Multiplier(-1)))
print(double.calls, triple.calls)


class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs

    def __call__(self, x):
        result = 0
        for c in self.coeffs:
            result = result * x + c
        return result

    def __repr__(self):
        terms = []
        n = len(self.coeffs) - 1
        for i, c in enumerate(self.coeffs):
            p = n - i
            if c == 0:
                continue
            if p == 0:
                terms.append(str(c))
            elif p == 1:
                terms.append(f"{c}x")
            else:
                terms.append(f"{c}x^{p}")
        return " + ".join(terms) or "0"


p = Polynomial(2, 0, -3, 1)
print(p, [p(x) for x in range(-2, 3)])
print(Polynomial(1, 1)(10), Polynomial())


class Pipeline:
    def __init__(self):
        self.steps = []

    def add(self, fn):
        self.steps.append(fn)
        return self

    def __call__(self, value):
        for step in self.steps:
            value = step(value)
        return value


clean = Pipeline().add(lambda s: s.strip()).add(lambda s: s.lower()).add(lambda s: s.replace(" ", "_"))
print([clean(s) for s in ["  Hello World ", "ABC", " mixed Case here"]])
math = Pipeline().add(double).add(Polynomial(1, 1)).add(triple)
print(math(4), double.calls, triple.calls)
print(hasattr(double, "__call__"), hasattr(5, "__call__"))


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n


tick = Counter()
results = [tick() for _ in range(4)]
print(results, tick.n)
