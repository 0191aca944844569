print("%5.2f|" % 3.14159)
print("%-10s|%10s|" % ("left", "right"))
print("%x %X %o %d %i" % (255, 255, 8, -7, 42))
print("%05d|%+d|%-5d|%5d|" % (42, 42, 42, 42))
print("%s and %r" % ("text", "text"))
print("%s" % [1, 2], "%s" % (("tuple", "inside"),), "%d items" % 3)
print("%.3s|%5.1s|" % ("abcdef", "xyz"))
print("100%% done, %d%% left" % 0)
print("%.1f %.0f %.0f %.0f" % (0.05, 0.5, 1.5, 2.5))
print("%e %.2e %E" % (12345.678, 0.000123, 1e20))
print("%g %g %g %g" % (0.0001, 1234567.0, 123.0, 1e-10))
print("%08.3f|%-8.2f|%+.1f" % (3.14159, 2.5, -0.05))
print("%x %o" % (2 ** 70, -64))
print("%(name)s is %(age)d years" % {"name": "Grace", "age": 85})
print("%c%c%c" % (80, 121, 33))
print("%s %s %s" % (None, True, 1.0))
print("%r" % ("it's",), "%r" % [1, "two"])

students = [("Ann", 91.25, 3), ("Bartholomew", 78.5, 12), ("Cy", 100.0, 1)]
print("%-12s %7s %4s" % ("name", "score", "rank"))
for name, score, rank in students:
    print("%-12s %7.2f %4d" % (name, score, rank))
print("%-12s %7.2f" % ("average", sum([s for _, s, _ in students]) / len(students)))
for i in range(0, 256, 51):
    print("0x%02x 0o%03o %3d %s" % (i, i, i, bin(i)))
fmt = "%" + str(8) + "." + str(2) + "f|"
print(fmt % 2.0, fmt % 1e6)
