def distance(p, q):
    return abs(p[0] - q[0]) + abs(p[1] - q[1])


def route_length(points):
    total = 0
    for a, b in zip(points, points[1:]):
        total += distance(a, b)
    return total


print(route_length([(0, 0), (3, 4), (6, 0)]))
print(distance((1, 1), (2, 2), (3, 3)))
