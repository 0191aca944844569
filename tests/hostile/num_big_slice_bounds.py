l = [1, 2, 3, 4]
print(l[:10**20], l[-10**20:], l[::10**20], l[::-10**20], 'abcdef'[2:2**64], (1, 2, 3)[-2**70:2], l[10**20:], l[:-10**20])
l[10**20:] = [9]
print(l)
del l[:-10**30]
print(l)
try:
    l[::0]
except ValueError as e:
    print(e)
