counter = 0
log = []
config = {"verbose": False, "level": 1}


def bump(n=1):
    global counter
    counter += n
    return counter


def record(msg):
    log.append(msg)
    return len(log)


def set_level(level):
    global config
    config = {k: v for k, v in config.items()}
    config["level"] = level


def shadow():
    counter = 100
    return counter


def next_id():
    global _next
    _next += 1
    return "id%03d" % _next


def reset():
    global counter, log
    counter = 0
    log = []


_next = 0
print(bump(), bump(5), bump(), counter)
print(shadow(), counter)
record("start")
record("middle")
print(record("end"), log)
old = config
set_level(3)
print(config, old, config is old)
print([next_id() for _ in range(4)], _next)
reset()
print(counter, log)


def make_registry():
    global registry_created
    registry_created = True
    return {}


print("registry:", make_registry(), registry_created)

total = 0
for i in range(1, 11):
    total += i


def add_to_total(x):
    global total
    total = total + x
    return total


print(total, add_to_total(45), total)


def uses_global_readonly():
    return total * 2


print(uses_global_readonly())


def outer():
    global counter
    counter = 7

    def inner():
        return counter + 1

    return inner()


print(outer(), counter)
