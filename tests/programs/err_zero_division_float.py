def speed(distance, hours):
    return distance / hours


trips = [(100.0, 2.0), (42.5, 0.5), (3.0, 0.25), (10.0, 0.0), (1.0, 1.0)]
for d, t in trips:
    print("%.2f km/h" % speed(d, t))
