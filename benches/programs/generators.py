N = 800000  # small: 300
# A generator pipeline: numbers -> squares -> evens, consumed by a for
# loop, then a generator expression summed.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i = i + 1


def squares(it):
    for x in it:
        yield x * x % 1000


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def run(n):
    total = 0
    count = 0
    for v in evens(squares(numbers(n))):
        total = total + v
        count = count + 1
    print(count, total)
    print(sum(x * 7 % 11 for x in range(n) if x % 3 == 0))


run(N)
