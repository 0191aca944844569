N = 9  # small: 5
# Fannkuch-redux (the benchmarks game's algorithm, as in its Lua program):
# flips of every permutation of 1..n, with 1-based lists (index 0 unused).


def fannkuch(n):
    p = list(range(n + 1))
    q = list(range(n + 1))
    s = list(range(n + 1))
    sign = 1
    maxflips = 0
    checksum = 0
    while True:
        q1 = p[1]
        if q1 != 1:
            for i in range(2, n + 1):
                q[i] = p[i]
            flips = 1
            while True:
                qq = q[q1]
                if qq == 1:
                    checksum = checksum + sign * flips
                    if flips > maxflips:
                        maxflips = flips
                    break
                q[q1] = q1
                if q1 >= 4:
                    i = 2
                    j = q1 - 1
                    while True:
                        q[i], q[j] = q[j], q[i]
                        i = i + 1
                        j = j - 1
                        if i >= j:
                            break
                q1 = qq
                flips = flips + 1
        if sign == 1:
            p[2], p[1] = p[1], p[2]
            sign = -1
        else:
            p[2], p[3] = p[3], p[2]
            sign = 1
            for i in range(3, n + 1):
                sx = s[i]
                if sx != 1:
                    s[i] = sx - 1
                    break
                if i == n:
                    return checksum, maxflips
                s[i] = i
                t = p[1]
                for j in range(1, i + 1):
                    p[j] = p[j + 1]
                p[i + 1] = t


checksum, maxflips = fannkuch(N)
print(checksum)
print(f"Pfannkuchen({N}) = {maxflips}")
