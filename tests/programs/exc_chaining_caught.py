class ConfigError(Exception):
    pass


def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as e:
        raise ConfigError("missing key") from e
    except ValueError as e:
        raise ConfigError("bad port") from e


def load(settings):
    try:
        return read_port(settings)
    except ConfigError as e:
        cause = e.__cause__
        print("config error:", e, "| cause:", type(cause).__name__, repr(cause))
        print("  suppress context:", e.__suppress_context__)
        return None


print(load({"port": "8080"}))
print(load({}))
print(load({"port": "eighty"}))


def implicit():
    try:
        {}["x"]
    except KeyError:
        raise ValueError("while handling")


try:
    implicit()
except ValueError as e:
    print("implicit context:", type(e.__context__).__name__, e.__context__)
    print("cause is None:", e.__cause__ is None)


def hidden():
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("clean") from None


try:
    hidden()
except LookupError as e:
    print("from None:", e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise TypeError("plain")
except TypeError as e:
    print("no chain:", e.__cause__, e.__context__)
