order = []


def tag(name):
    def decorator(fn):
        order.append("decorate " + name)

        def wrapper(*args):
            return f"<{name}>" + fn(*args) + f"</{name}>"
        return wrapper
    return decorator


@tag("b")
@tag("i")
@tag("u")
def text(s):
    return s


print(order)
print(text("hi"))


def double_result(fn):
    def w(*a):
        return fn(*a) * 2
    return w


def add_one(fn):
    def w(*a):
        return fn(*a) + 1
    return w


@double_result
@add_one
def base(x):
    return x


@add_one
@double_result
def base2(x):
    return x


print(base(5), base2(5))


def log_calls(fn):
    def w(*a):
        order.append(fn.__name__ + str(a))
        return fn(*a)
    w.__name__ = "logged_" + fn.__name__
    return w


@log_calls
@double_result
@log_calls
def square(x):
    return x * x


order.clear()
print(square(3), square.__name__)
print(order)

stack = [add_one, double_result, add_one]


def identity(x):
    return x


f = identity
for d in stack:
    f = d(f)
print(f(10))
