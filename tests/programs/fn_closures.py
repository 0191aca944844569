def make_counter(start=0, step=1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    return increment, reset


inc, reset = make_counter()
print(inc(), inc(), inc())
reset()
print(inc())
inc10, _ = make_counter(100, 10)
print(inc10(), inc10(), inc())


def make_adder(n):
    return lambda x: x + n


adders = [make_adder(i) for i in range(4)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])
early = [lambda i=i: i * i for i in range(3)]
print([f() for f in early])


def make_accumulator():
    history = []

    def add(x):
        history.append(x)
        return sum(history)

    return add


acc = make_accumulator()
for v in [5, 10, -3]:
    print("acc", acc(v))


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = x + "+inner"
            return x

        return inner()

    r = middle()
    return r, x


print(outer())


def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient funds"
        balance -= amount
        return balance

    def get():
        return balance

    return {"deposit": deposit, "withdraw": withdraw, "balance": get}


acct = make_account(100)
print(acct["deposit"](50), acct["withdraw"](30), acct["withdraw"](500), acct["balance"]())
a1 = make_account(1)
a2 = make_account(2)
a1["deposit"](10)
print(a1["balance"](), a2["balance"]())


def make_multipliers():
    fs = []
    factor = 1
    for _ in range(3):
        fs.append(lambda x: x * factor)
        factor *= 10
    return fs


print([f(2) for f in make_multipliers()])


def fib_generator_like():
    a, b = 0, 1

    def next_fib():
        nonlocal a, b
        result = a
        a, b = b, a + b
        return result

    return next_fib


nf = fib_generator_like()
print([nf() for _ in range(12)])


def once(fn):
    done = False
    result = None

    def wrapper(x):
        nonlocal done, result
        if not done:
            result = fn(x)
            done = True
        return result

    return wrapper


init = once(lambda x: x * 100)
print(init(1), init(2), init(3))
