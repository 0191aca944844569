COMMANDS = {}


def command(name=None, aliases=()):
    def decorator(fn):
        key = name or fn.__name__
        COMMANDS[key] = fn
        for a in aliases:
            COMMANDS[a] = fn
        return fn
    return decorator


@command()
def add(*nums):
    return sum(int(n) for n in nums)


@command("mul", aliases=("times", "x"))
def multiply(*nums):
    result = 1
    for n in nums:
        result *= int(n)
    return result


@command(aliases=("rev",))
def reverse(*words):
    return " ".join(reversed(words))


@command()
def upper(*words):
    return " ".join(w.upper() for w in words)


def run(line):
    name, *args = line.split()
    try:
        fn = COMMANDS[name]
    except KeyError:
        return f"unknown command {name!r}"
    try:
        return fn(*args)
    except ValueError as e:
        return "error: " + str(e)


script = [
    "add 1 2 3",
    "mul 2 3 4",
    "times 5 5",
    "x 7 6",
    "rev a b c",
    "reverse one two",
    "upper make it loud",
    "add 1 two",
    "divide 4 2",
]
for line in script:
    print(f"{line:<20} => {run(line)}")

print(sorted(COMMANDS))
print(sorted(set(fn.__name__ for fn in COMMANDS.values())))
print(add(10, 20), multiply(3, "3"))

call_counts = {}


def counted(fn):
    def wrapper(*args, **kwargs):
        call_counts[fn.__name__] = call_counts.get(fn.__name__, 0) + 1
        return fn(*args, **kwargs)
    return wrapper


@counted
def ping():
    return "pong"


@counted
def echo(x, times=1):
    return x * times


for i in range(3):
    ping()
    echo("ab", times=i)
echo("z")
print(call_counts)
