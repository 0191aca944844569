log = []


class Track:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        log.append("enter " + self.label)
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append("exit " + self.label + (" (" + exc_type.__name__ + ")" if exc_type else ""))
        return False


def find_first_even(nums):
    for n in nums:
        with Track(str(n)):
            if n % 2 == 0:
                return n
    return None


print(find_first_even([3, 5, 8, 9]))
print(log)
log.clear()

for i in range(5):
    with Track("loop" + str(i)):
        if i == 1:
            continue
        if i == 3:
            break
        log.append("body " + str(i))
print(log)
log.clear()


def nested_return():
    with Track("outer"):
        try:
            with Track("inner"):
                return "returned"
        finally:
            log.append("finally")


print(nested_return())
print(log)
log.clear()


def gen_with():
    with Track("gen"):
        yield 1
        yield 2


for v in gen_with():
    log.append("got " + str(v))
print(log)
log.clear()

while True:
    with Track("while"):
        try:
            raise KeyError("k")
        except KeyError:
            log.append("handled inside")
        break
print(log)
log.clear()


def raise_through():
    with Track("raise"):
        return 1 // 0


try:
    raise_through()
except ZeroDivisionError:
    log.append("caught outside")
print(log)
