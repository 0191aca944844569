def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]


def lcs(a, b):
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    out = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


def longest_increasing_subsequence(xs):
    best = [1] * len(xs)
    prev = [-1] * len(xs)
    for i in range(len(xs)):
        for j in range(i):
            if xs[j] < xs[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
                prev[i] = j
    k = best.index(max(best))
    seq = []
    while k != -1:
        seq.append(xs[k])
        k = prev[k]
    seq.reverse()
    return seq


pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution"), ("same", "same")]
for a, b in pairs:
    print(f"{a!r:>12} -> {b!r:<12} distance {edit_distance(a, b)}")
for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("dynamic", "programming")]:
    s = lcs(a, b)
    print("lcs(%s, %s) = %r (len %d)" % (a, b, s, len(s)))
data = [10, 9, 2, 5, 3, 7, 101, 18, 4, 19, 20]
print("LIS:", longest_increasing_subsequence(data))
dictionary = ["apple", "apply", "ample", "maple", "angle", "applet"]
word = "appel"
ranked = sorted(dictionary, key=lambda w: (edit_distance(word, w), w))
print("suggestions for", repr(word), "->", ranked[:3])
