nums = [4, -2, 7, 0, 13, -8, 5]

print(sum(x * x for x in nums))
print(sum(x for x in nums if x > 0))
print(any(x < 0 for x in nums), all(x < 20 for x in nums))
print(any(x > 100 for x in nums), all(x != 0 for x in nums))
print(list(x // 2 for x in nums))
print(tuple(str(x) for x in range(5)))
print(max(abs(x) for x in nums), min(x % 5 for x in nums))
print(sorted((x for x in nums), reverse=True))
print(dict((str(x), x * 10) for x in range(3)))
print(", ".join(w.upper() for w in "the quick brown fox".split() if len(w) > 3))

gen = (x * 3 for x in range(4))
print(next(gen), next(gen))
print(list(gen))
print(list(gen))

pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(sum(sum(row) for row in matrix))
print(list(sum(row[c] for row in matrix) for c in range(3)))

calls = []


def noisy(x):
    calls.append(x)
    return x > 2


print(any(noisy(x) for x in [1, 2, 3, 4, 5]))
print("evaluated lazily:", calls)

words = ["apple", "banana", "cherry", "date"]
lengths = (len(w) for w in words)
total = 0
for n in lengths:
    total += n
print(total)
print(sum(1 for w in words if "a" in w))
nested = list(c for w in words for c in w if c in "aeiou")
print("".join(nested))
