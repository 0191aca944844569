import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for x in [0.0, 0.5, 1.0, 2.0, 10.0, 1e-300, 123.456]:
    print(x, math.sqrt(x), math.exp(x), math.log1p(x), math.sin(x), math.cos(x), math.tan(x))
    print(math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x), math.expm1(x))
for x in [1.0, 2.0, 10.0, 1e10, 1.001]:
    print(math.log(x), math.log2(x), math.log10(x), math.log(x, 3), math.acosh(x))
for x in [-1.0, -0.5, 0.0, 0.5, 1.0]:
    print(math.asin(x), math.acos(x))
print(math.atan2(1, 2), math.atan2(-1, -2), math.atan2(0.0, -0.0), math.atan2(-0.0, -1))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]))
print(math.degrees(math.pi), math.radians(180))
print(math.copysign(3, -0.0), math.fabs(-2), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(5, math.inf))
print(math.remainder(7, 3), math.remainder(5, 2), math.remainder(-5, 2), math.remainder(7.5, 2))
print(math.pow(2, 10), math.pow(2, -1), math.pow(-8, 1 / 3 * 3), math.pow(math.nan, 0), math.pow(1, math.nan))
print(math.ldexp(0.75, 4), math.ldexp(1, -1074), math.ldexp(1, -1075), math.frexp(12.0), math.frexp(-0.1), math.frexp(0.0))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf))
print(math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(3.0, 3.0))
print(math.ulp(1.0), math.ulp(1e300), math.ulp(0.0), math.ulp(-5.0))
print(math.cbrt(27), math.cbrt(-8), math.exp2(10), math.exp2(0.5))
print(math.erf(0.0), math.erf(3), math.erfc(0.0), math.erfc(30), math.erf(math.inf), math.erfc(-math.inf))
print([round(math.erf(x / 4), 12) for x in range(-8, 9)])
print([round(math.erfc(x / 4), 12) for x in range(-8, 9)])
print(math.gamma(5), math.gamma(0.5), math.gamma(-1.5), math.lgamma(10), math.lgamma(0.5), math.gamma(171))
