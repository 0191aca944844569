def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result


def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    first, rest = items[0], items[1:]
    with_first = [[first] + c for c in combinations(rest, k - 1)]
    return with_first + combinations(rest, k)


def power_set(items):
    subsets = [[]]
    for x in items:
        subsets = subsets + [s + [x] for s in subsets]
    return subsets


def next_permutation(a):
    a = a[:]
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return None
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return a


perms = permutations([1, 2, 3])
print(len(perms), perms)
words = ["".join(p) for p in permutations(list("abcd"))]
print(len(words), words[:6], words[-3:])
print(combinations(["a", "b", "c", "d", "e"], 3))
print(len(combinations(list(range(10)), 4)))
print(power_set([1, 2, 3]))
p = [1, 2, 3, 4]
seq = []
while p is not None:
    seq.append("".join([str(x) for x in p]))
    p = next_permutation(p)
print(len(seq), " ".join(seq))
print(next_permutation([1, 1, 2]), next_permutation([3, 2, 1]))
