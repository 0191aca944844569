def insertion_sort(items):
    a = list(items)
    shifts = 0
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
            shifts += 1
        a[j + 1] = key
    return a, shifts


def bubble_sort(items):
    a = items[:]
    n = len(a)
    passes = 0
    while True:
        swapped = False
        passes += 1
        for i in range(n - 1):
            if a[i] > a[i + 1]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swapped = True
        n -= 1
        if not swapped:
            break
    return a, passes


def merge(left, right, key):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def merge_sort(items, key=lambda x: x):
    if len(items) < 2:
        return items[:]
    mid = len(items) // 2
    return merge(merge_sort(items[:mid], key), merge_sort(items[mid:], key), key)


def selection_sort(a):
    a = a.copy()
    for i in range(len(a)):
        m = i
        for j in range(i + 1, len(a)):
            if a[j] < a[m]:
                m = j
        if m != i:
            a[i], a[m] = a[m], a[i]
    return a


def counting_sort(a, lo, hi):
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    out = []
    for offset, c in enumerate(counts):
        out.extend([offset + lo] * c)
    return out


data = [5, 2, 9, 1, 5, 6, -3, 0, 12, 7]
print("insertion:", insertion_sort(data))
print("bubble:   ", bubble_sort(data))
print("merge:    ", merge_sort(data))
print("selection:", selection_sort(data))
print("counting: ", counting_sort(data, -3, 12))
print("builtin:  ", sorted(data), sorted(data, reverse=True))
print("empty:", insertion_sort([]), bubble_sort([]), merge_sort([]))

people = [("alice", 31), ("bob", 25), ("carol", 31), ("dave", 25), ("eve", 40)]
by_age = merge_sort(people, key=lambda p: p[1])
print("stable by age:")
for name, age in by_age:
    print("  %-6s %d" % (name, age))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))

words = "the quick brown fox jumps over the lazy dog".split()
print(merge_sort(words, key=len))
print(sorted(words, key=lambda w: w[::-1]))
words.sort(key=len, reverse=True)
print(words)
words.sort()
print(words)
