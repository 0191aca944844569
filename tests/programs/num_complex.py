# Complex numbers: literals, arithmetic mixed with ints and floats, repr,
# comparisons, hashing, attributes and the constructor.
a, b = 1 + 2j, 3 - 1j
print(1j, 2j * 1j, a, b, -a, +b, a.real, a.imag, a.conjugate(), type(a))
print(a + b, a - b, a * b, a / b, a + 1, 2 * a, a - 0.5, 1 / a)
print(1j ** 2, a ** 2, a ** -1, (1 + 1j) ** 0.5, 2 ** 1j, 0j ** 0)
print(abs(3 + 4j), abs(-1j), a == 1 + 2j, a != b, 1 + 0j == 1, 2.0 == 2 + 0j)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), {1j: "i"}[1j])
print(repr(-0j), repr(complex(-0.0, -0.0)), 0j, complex(0, -1), complex(-1, 0))
print(complex(), complex(1), complex(1, 2), complex("1+2j"), complex(" (3-4j) "), complex("-1.5e3j"))
print(complex(real=2, imag=3), complex(1j, 1j), complex(1.5), complex("1e1"), complex("-j"))
print(bool(0j), bool(1j), isinstance(1j, complex), 1e300j * 1e10, complex("inf-infj"))
print([x * 1j for x in range(3)], sum([1j, 2, 3.5]), str(2 + 3j), f"{1j}")
for bad in ("1+", "j2", "1+2", ""):
    try:
        complex(bad)
    except ValueError as e:
        print("ValueError:", bad, e)
try:
    1j < 2j
except TypeError as e:
    print("TypeError:", e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)


class C:
    def __complex__(self):
        return 5j


print(complex(C()), (1 + 2j).__class__.__name__)
