# Slices built by BUILD_SLICE, read with steps 1, -1 and others, and slice
# assignment of as many items as it replaces (done in place) or not.

lst = list(range(10))
tup = tuple(lst)
s = "abcdefghij"
for seq in (lst, tup, s):
    print(seq[2:5], seq[5:2], seq[::-1], seq[7::-1], seq[7:2:-1], seq[-3:],
          seq[:-3:-1], seq[::3], seq[8:1:-3], seq[100:], seq[-100:2], seq[3:3])
    print(seq[0:0:-1], seq[:0:-1], seq[-1::-1], seq[-11::-1], seq[9:-11:-1])

big = 10 ** 30
print(lst[-big:big], lst[big:], lst[::-big // big])

a = list(range(8))
a[:3] = a[2::-1]
print(a)
a[2:5] = ["x", "y", "z"]
print(a)
a[1:3] = []
print(a)
a[1:1] = ["in", "serted"]
print(a)
a[5:2] = ["p"]
print(a)
a[::2] = "ABCDE"[: len(a[::2])]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
a[-2:] = (9, 8)
print(a)
a[:] = a
print(a)
b = [[1], [2], [3]]
keep = b[0]
b[0:2] = [[4], [5]]
print(b, keep)
c = [1, 2, 3, 4]
c[1:3] = iter([7, 8])
print(c)
try:
    c[0:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    print(lst[::0])
except ValueError as e:
    print("ValueError:", e)
try:
    print(lst["a":])
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 2), slice(1, 2, 3), lst[slice(None, None, -2)])


def perms(n):
    perm = list(range(n))
    flips = 0
    k = perm[-1]
    while k:
        perm[:k + 1] = perm[k::-1]
        flips += 1
        k = perm[0]
    return flips, perm


print(perms(5), perms(9))
