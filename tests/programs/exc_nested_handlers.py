def level3(x):
    if x == "key":
        return {}["missing"]
    if x == "idx":
        return [1, 2][9]
    if x == "type":
        return len(5)
    if x == "name":
        return not_defined_anywhere
    return "fine " + x


def level2(x):
    try:
        return level3(x)
    except IndexError as e:
        return "level2 handled IndexError: " + str(e)


def level1(x):
    try:
        return level2(x)
    except LookupError as e:
        return "level1 handled " + type(e).__name__ + ": " + str(e)
    except TypeError as e:
        return "level1 handled TypeError"


for x in ["ok", "key", "idx", "type", "name"]:
    try:
        print(x, "=>", level1(x))
    except NameError as e:
        print(x, "=> top handled", type(e).__name__, e)


def handler_raises():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            print("handling", e)
            raise TypeError("from handler")
        finally:
            print("inner finally runs")
    except TypeError as e:
        print("outer caught", e, "context:", repr(e.__context__))


handler_raises()


def else_raises():
    try:
        pass
    except ValueError:
        print("not reached")
    else:
        raise KeyError("from else")


try:
    else_raises()
except KeyError as e:
    print("else clause raised", e)

e = "before"
try:
    raise ValueError("temp")
except ValueError as e:
    print("in handler", e)
try:
    print(e)
except NameError as err:
    print("name e deleted:", err)
