point = (3, 4)


def coord(p, axis):
    return p[axis]


for axis, name in enumerate(["x", "y", "z"]):
    print(name, "=", coord(point, axis))
