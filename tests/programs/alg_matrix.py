def mat_mul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    assert len(a[0]) == inner, "shape mismatch"
    return [[sum([a[i][k] * b[k][j] for k in range(inner)]) for j in range(cols)] for i in range(rows)]


def transpose(m):
    return [list(row) for row in zip(*m)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def mat_pow(m, e):
    result = identity(len(m))
    while e:
        if e % 2:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        e //= 2
    return result


def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        sign = -1 if j % 2 else 1
        total += sign * m[0][j] * det(minor)
    return total


def show(name, m):
    print(name + ":")
    width = max([len(str(x)) for row in m for x in row])
    for row in m:
        print("  [" + " ".join([str(x).rjust(width) for x in row]) + "]")


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show("a", a)
show("b", b)
show("a*b", mat_mul(a, b))
show("b*a", mat_mul(b, a))
show("a^T", transpose(a))
fibm = [[1, 1], [1, 0]]
show("fib^30", mat_pow(fibm, 30))
show("fib^100", mat_pow(fibm, 100))
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det =", det(m))
print("det I4 =", det(identity(4)), "det singular =", det([[1, 2], [2, 4]]))
halves = [[x / 2 for x in row] for row in m]
print(halves)
print(mat_mul(halves, identity(3)) == halves)
rotated = [list(r) for r in zip(*m[::-1])]
print("rotated:", rotated)
print("trace:", sum([m[i][i] for i in range(len(m))]))
