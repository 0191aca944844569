import math

cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("log(0, 10)", lambda: math.log(10, 1)),
    ("log10(0)", lambda: math.log10(0)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(-8, 0.5)", lambda: math.pow(-8, 0.5)),
    ("pow(10, 400)", lambda: math.pow(10, 400)),
    ("acos(2)", lambda: math.acos(2)),
    ("asin(-2)", lambda: math.asin(-2)),
    ("atanh(1)", lambda: math.atanh(1)),
    ("acosh(0.5)", lambda: math.acosh(0.5)),
    ("sin(inf)", lambda: math.sin(math.inf)),
    ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("remainder(1, 0)", lambda: math.remainder(1, 0)),
    ("gamma(0)", lambda: math.gamma(0)),
    ("gamma(-2)", lambda: math.gamma(-2)),
    ("gamma(200)", lambda: math.gamma(200)),
    ("lgamma(-1)", lambda: math.lgamma(-1)),
    ("cosh(1000)", lambda: math.cosh(1000)),
    ("ldexp(1, 5000)", lambda: math.ldexp(1.0, 5000)),
    ("floor(inf)", lambda: math.floor(math.inf)),
    ("floor(nan)", lambda: math.floor(math.nan)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("isqrt(-1)", lambda: math.isqrt(-1)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("perm(5, -1)", lambda: math.perm(5, -1)),
    ("gcd(1.5)", lambda: math.gcd(1.5)),
    ("sqrt('x')", lambda: math.sqrt("x")),
    ("sqrt(10**400)", lambda: math.sqrt(10 ** 400)),
    ("isclose(-tol)", lambda: math.isclose(1, 1, rel_tol=-1)),
    ("dist dims", lambda: math.dist((1, 2), (1, 2, 3))),
    ("fsum overflow", lambda: math.fsum([1e308, 1e308])),
    ("fsum inf-inf", lambda: math.fsum([math.inf, -math.inf])),
    ("ldexp float", lambda: math.ldexp(1.0, 2.0)),
]
for name, f in cases:
    try:
        print(name, "->", f())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, "->", type(e).__name__, e)
print(math.fsum([math.inf, 1.0]), math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf))
print(math.atan(math.inf), math.tanh(-math.inf), math.gamma(math.inf), math.lgamma(-math.inf))
