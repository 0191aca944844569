# UNPACK_SEQUENCE and the STORE_FASTs after it (done together by the
# interpreter): aliasing, unique and shared sequences, mixed targets.


def shared_tuple():
    t = (1, "two", [3], 4.0)
    a, b, c, d = t
    print(a, b, c, d, t)
    c.append(5)
    print(t)


def shared_list():
    lst = ["x", ("y",), 3]
    a, b, c = lst
    print(a, b, c, lst)


def fresh():
    def pair(i):
        return i, str(i) * 2

    out = []
    for i in range(4):
        a, b = pair(i)
        out.append(b + str(a))
    print(out)
    a, b = [[1], [2]]
    print(a, b)


def overwrite_the_sequence():
    t = ("first", "second")
    a, t = t
    print(a, t)
    lst = [10, 20, 30]
    lst, x, y = lst
    print(lst, x, y)
    s = [[1, 2], [3, 4]]
    s, r = s
    print(s, r)


def same_target_twice():
    a, a = 1, 2
    print(a)
    b, c, b = "p", "q", "r"
    print(b, c)


def old_values_freed():
    # Each store drops the old value of its local (the last reference).
    a, b = [1] * 3, {"k": "v"}
    for i in range(3):
        a, b = [i] * 2, {i: str(i)}
    print(a, b)


def mixed_targets():
    class Box:
        pass

    o = Box()
    d = {}
    a, o.x, d["k"], b = 1, 2, 3, 4
    print(a, o.x, d, b)
    lst = [0, 0]
    lst[0], c, lst[1] = "L0", "c", "L1"
    print(lst, c)


g1 = g2 = None


def globals_and_locals():
    global g1, g2
    g1, x, g2 = "G1", "x", "G2"
    print(g1, x, g2)


def nested():
    (a, b), (c, (d, e)) = (1, 2), [3, (4, 5)]
    print(a, b, c, d, e)
    for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
        print(i, k, v)


def starred():
    a, *b, c = range(6)
    print(a, b, c)
    *a, b = "xyz"
    print(a, b)


def iterables():
    a, b, c = "abc"
    print(a, b, c)
    a, b = {1: "x", 2: "y"}
    print(a, b)
    a, b = (i * i for i in range(2))
    print(a, b)
    a, b = range(7, 9)
    print(a, b)


def errors():
    for value in [(1, 2, 3), [1], 5, "abcd", None]:
        try:
            a, b = value
            print("unpacked", a, b)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    a = "kept"
    try:
        a, b, c = (1, 2)
    except ValueError as e:
        print(e, a)


def many():
    t = tuple(range(20))
    a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, u = t
    print(a, j, u)
    lst = list(t[:16])
    a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p = lst
    print(a, p, lst[-1])


def in_loop_with_unbound():
    for i in range(3):
        if i:
            print(x, y)
        x, y = i, -i
    del x
    x, y = "again", "y"
    print(x, y)


def swap():
    a, b = 1, 2
    a, b = b, a
    x, y, z = "x", "y", "z"
    x, y, z = z, x, y
    print(a, b, x, y, z)


for f in [shared_tuple, shared_list, fresh, overwrite_the_sequence,
          same_target_twice, old_values_freed, mixed_targets,
          globals_and_locals, nested, starred, iterables, errors, many,
          in_loop_with_unbound, swap]:
    f()

# At module level the targets are names, not locals.
m1, m2 = "module", "level"
print(m1, m2)
