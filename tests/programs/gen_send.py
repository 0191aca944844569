def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count


avg = running_average()
print(next(avg))
for v in [10, 20, 60, 5]:
    print("sent", v, "average", avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("averaged", e.value, "values")


def accumulator(start):
    acc = start
    while True:
        cmd = yield acc
        if cmd == "reset":
            acc = start
        elif isinstance(cmd, int):
            acc += cmd


a = accumulator(100)
print(next(a))
print(a.send(5), a.send(-20), a.send("reset"), a.send(1))
print(next(a))


def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received


e = echo()
print(e.send(None))
print(e.send("a"))
print(e.send("b"))
try:
    e.send("c")
except StopIteration as stop:
    print("echo returned", stop.value)

fresh = echo()
try:
    fresh.send("too early")
except TypeError as err:
    print("TypeError:", err)
