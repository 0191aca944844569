def find_first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            print(f"{n}: divisor {d}")
            break
    else:
        print(f"{n}: prime")


for n in [2, 9, 13, 25, 29]:
    find_first_divisor(n)

n = 10
while n > 0:
    n -= 3
    if n == 4:
        print("hit 4, breaking")
        break
else:
    print("while finished without break, n =", n)

n = 10
while n > 0:
    n -= 4
else:
    print("while else ran, n =", n)

for i in range(10):
    if i % 3 == 0:
        continue
    print(i, end=" ")
print()

found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42 and i < j:
            found = (i, j)
            break
    if found:
        break
print("found", found)

for x in []:
    print("never")
else:
    print("empty for -> else")

count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 7:
        break
print("count", count)

for k in range(5):
    pass
print("k after loop:", k)

grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for target in [5, 10]:
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        print("found", target, "at", (r, c))
        break
    else:
        print(target, "not in grid")

i = 0
total = 0
while i < 100:
    i += 1
    if i % 2 == 0:
        continue
    if i > 15:
        break
    total += i
else:
    print("unreachable")
print("sum of odd numbers to 15:", total, "i =", i)

attempts = ["hunter2", "letmein", "s3cret", "password"]
for n, guess in enumerate(attempts, 1):
    if guess == "s3cret":
        print("unlocked after", n, "attempts")
        break
    print("wrong:", guess)
else:
    print("locked out")

outer_done = []
for a in range(3):
    for b in range(3):
        if b > a:
            break
        if (a + b) % 2:
            continue
        outer_done.append((a, b))
print(outer_done)
