N = 3000000  # small: 1000
# While-loop integer arithmetic on locals: a small LCG and a bounded sum.


def run(n):
    i = 0
    s = 0
    x = 1
    while i < n:
        x = (x * 75 + 74) % 65537
        s = s + x * 3 - i % 7
        if s > 1000000000:
            s = s - 999999937
        i = i + 1
    return s


print(run(N))
