def window(xs, i, size):
    return [xs[i + k] for k in range(size)]


def sliding(xs, size):
    for i in range(0, len(xs), 2):
        print(i, window(xs, i, size))


data = [4, 8, 15, 16, 23, 42]
sliding(data, 3)
