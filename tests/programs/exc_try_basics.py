def parse_all(items):
    results = []
    for item in items:
        try:
            value = int(item)
        except ValueError as e:
            print("bad value:", e)
            results.append(None)
        else:
            print("parsed", value)
            results.append(value)
        finally:
            print("  done with", repr(item))
    return results


print(parse_all(["12", "x7", "-3", "", "40"]))


def safe_div(a, b):
    try:
        return a / b
    except (ZeroDivisionError, TypeError) as e:
        return "error: " + type(e).__name__
    finally:
        print("  safe_div", a, b)


print(safe_div(10, 4))
print(safe_div(1, 0))
print(safe_div("a", 2))


def anything_goes(f):
    try:
        f()
    except:
        return "caught something"
    return "nothing raised"


print(anything_goes(lambda: [][3]))
print(anything_goes(lambda: {}["missing"]))
print(anything_goes(lambda: 5))

count = 0
for i in range(6):
    try:
        if i % 2:
            raise ValueError(i)
        count += 10
    except ValueError as err:
        count += err.args[0]
print("count", count)
