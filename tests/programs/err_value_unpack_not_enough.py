def add_triple(t):
    a, b, c = t
    return a + b + c


for t in [(1, 2, 3), (4, 5, 6), (7, 8)]:
    print(t, add_triple(t))
