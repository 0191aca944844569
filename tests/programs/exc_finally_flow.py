log = []


def ret_in_try(x):
    try:
        log.append("try " + str(x))
        return x * 2
    finally:
        log.append("finally " + str(x))


def ret_overridden():
    try:
        return "from try"
    finally:
        return "from finally"


def finally_swallows():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 5:
                break
    return "swallowed"


def loop_control():
    out = []
    for i in range(7):
        try:
            if i == 1:
                continue
            if i == 5:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out


def nested(n):
    trace = []
    try:
        try:
            trace.append("inner")
            if n == 0:
                return trace
            if n == 1:
                raise KeyError("k")
        finally:
            trace.append("inner-finally")
        trace.append("after-inner")
    except KeyError:
        trace.append("outer-except")
    finally:
        trace.append("outer-finally")
    return trace


print(ret_in_try(21))
print(ret_in_try(5))
print(log)
print(ret_overridden())
print(finally_swallows())
print(loop_control())
for n in range(3):
    print(n, nested(n))

total = 0
i = 0
while True:
    i += 1
    try:
        if i > 4:
            break
        if i % 2 == 0:
            continue
        total += i
    finally:
        total += 100
print("total", total, "i", i)
