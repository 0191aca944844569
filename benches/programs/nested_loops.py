N = 1500  # small: 40
# Nested for-range loops with integer arithmetic in the body.


def run(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total = (total + i * j + i - j) % 1000000007
    return total


print(run(N))
