def f():
    return list(x for x in range(3) if (yield x))
