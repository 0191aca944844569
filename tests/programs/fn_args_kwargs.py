def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))


def total(*args):
    return sum(args), len(args), args


print(total(), total(1), total(1, 2, 3))


def describe(**kwargs):
    return ", ".join([f"{k}={v!r}" for k, v in kwargs.items()])


print(describe(a=1, b="two", c=[3]))
print(repr(describe()))


def everything(a, b=2, *args, **kwargs):
    return a, b, args, kwargs


print(everything(1))
print(everything(1, 3, 5, 7, x=9))
print(everything(b=4, a=0))


def wrapper(*args, **kwargs):
    print("  forwarding", args, kwargs)
    return everything(*args, **kwargs)


print(wrapper(10, 20, 30, flag=True))
print(wrapper(a="only"))
params = (1, 2)
opts = {"z": 26}
print(everything(*params, **opts))
args_list = [3, 1, 2]
print(max(*args_list), min(*args_list), greet(*["Eve", "Hey"]))


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1), append_to(2), append_to(3, []))


def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_safe(1), append_safe(2))


def power(base, exp=2):
    return base ** exp


print(list(map(power, [1, 2, 3])), power(exp=3, base=2), power(2, exp=10))


def make_tag(tag, *children, **attrs):
    attr_text = "".join([f' {k}="{v}"' for k, v in attrs.items()])
    inner = "".join(children)
    return f"<{tag}{attr_text}>{inner}</{tag}>"


print(make_tag("p", "hello ", make_tag("b", "world"), id="main", style="x"))
print(make_tag("br"))


def stats(first, *rest):
    values = (first,) + rest
    return min(values), max(values), sum(values) / len(values)


print(stats(4), stats(4, 8, 15, 16, 23, 42))


def counter_default(step, start=len("four")):
    return start + step


print(counter_default(1), counter_default(1, 0))


def merge_settings(defaults, **overrides):
    result = {}
    result.update(defaults)
    result.update(overrides)
    return result


print(merge_settings({"color": "red", "size": 1}, size=3, bold=True))
