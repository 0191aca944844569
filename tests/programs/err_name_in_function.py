def area(w, h):
    return w * h


def describe(shape):
    w, h = shape
    print("area", area(w, h))
    print("perimeter", 2 * (w + h))
    print("diagonal", (w * w + h * h) ** 0.5 * undefined_scale_cfg)


describe((3, 4))
