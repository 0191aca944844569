N = 200  # small: 4
# Spectral norm of the infinite matrix A (the benchmarks game's algorithm):
# 10 power iterations of A^T A over lists of floats.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)


def times_a(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s = s + eval_a(i, j) * v[j]
        out[i] = s


def times_at(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s = s + eval_a(j, i) * v[j]
        out[i] = s


def times_ata(v, out, tmp, n):
    times_a(v, tmp, n)
    times_at(tmp, out, n)


def run(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        times_ata(u, v, tmp, n)
        times_ata(v, u, tmp, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv = vbv + u[i] * v[i]
        vv = vv + v[i] * v[i]
    return (vbv / vv) ** 0.5


print(f"{run(N):.9f}")
