def scale(point, factor):
    return (point[0] * factor, point[1] * factor)


def scale_all(points):
    return [scale(p) for p in points]


print(scale((1, 2), 3))
print(scale_all([(1, 1), (2, 5)]))
