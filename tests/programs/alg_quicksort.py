def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    greater = [x for x in xs if x > pivot]
    return quicksort(less) + equal + quicksort(greater)


def quicksort_inplace(a, lo=0, hi=None):
    if hi is None:
        hi = len(a) - 1
    if lo >= hi:
        return a
    pivot = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] <= pivot:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    quicksort_inplace(a, lo, i - 1)
    quicksort_inplace(a, i + 1, hi)
    return a


data = [33, 10, 59, -4, 26, 10, 0, 88, 41, 7, -15, 26]
print("input:   ", data)
print("sorted:  ", quicksort(data))
print("original untouched:", data)
copy = data.copy()
quicksort_inplace(copy)
print("in place:", copy)
print("matches sorted():", copy == sorted(data))

words = ["pear", "apple", "fig", "banana", "kiwi", "cherry"]
print(quicksort(words))
print(quicksort([]), quicksort([1]), quicksort([2, 1]), quicksort([3.5, -1, 2]))

# pseudo-random data from a linear congruential generator
seed = 12345
nums = []
for _ in range(200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    nums.append(seed % 1000)
result = quicksort_inplace(nums.copy())
print("first 10:", result[:10])
print("last 10:", result[-10:])
print("ok:", result == sorted(nums), len(result), result is not nums)
