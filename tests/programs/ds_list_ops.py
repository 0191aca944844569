nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.append(5)
nums.extend([3, 5])
nums.insert(0, 0)
nums.insert(-1, 99)
nums.insert(100, 7)
print(nums, len(nums))
print(nums.index(5), nums.index(5, 6), nums.count(5), nums.count(42))
nums.remove(1)
print(nums)
last = nums.pop()
first = nums.pop(0)
middle = nums.pop(3)
print(last, first, middle, nums)
nums.sort()
print(nums)
nums.reverse()
print(nums)
print(nums.sort(), nums.reverse(), nums.append(0))
print(nums)

copy = nums.copy()
copy.append("x")
print(len(nums), len(copy), copy[-1])

grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)

a = [1, 2]
b = a
b += [3]
print(a, b)
a = a + [4]
print(a, b)
b.extend("hi")
print(b)

pairs = [[3, "c"], [1, "a"], [2, "b"], [1, "z"]]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1], reverse=True)
print(pairs)
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1, "j": 2}), list())
print([1, 2] * 3, [0] * 0, [None] * 2, [[1]] + [[2]])
items = ["b", "a", "c"]
print(min(items), max(items), sorted(items), items)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], [1, [2]] == [1, [2]])

stack = []
for token in "a b c d".split():
    stack.append(token)
print(stack.pop(), stack.pop(), stack)
queue = ["p1", "p2", "p3"]
queue.append("p4")
print(queue.pop(0), queue.pop(0), queue)

words = ["delta", "Alpha", "charlie", "bravo"]
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=len)
print(words)
matrix = [[5, 2], [1, 9], [5, 1]]
matrix.sort(reverse=True)
print(matrix)
numbers = [10, 20, 30, 40, 50]
numbers[1:3] = [21, 22, 23]
numbers.insert(len(numbers) // 2, "mid")
print(numbers, numbers.index("mid"))
total = 0
while numbers:
    v = numbers.pop()
    if v == "mid":
        continue
    total += v
print(total, numbers)
