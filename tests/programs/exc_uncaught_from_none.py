settings = {"width": "80", "height": "24", "depth": "deep", "scale": "2"}


def get_int(key):
    try:
        return int(settings[key])
    except ValueError:
        raise TypeError(f"setting {key!r} must be an integer") from None


def area():
    return get_int("width") * get_int("height") * get_int("scale")


for key in ["width", "height"]:
    print(key, get_int(key) * 2)
print("area", area())
try:
    get_int("colour")
except KeyError as e:
    print("missing setting", e)
try:
    get_int("depth")
except TypeError as e:
    print("handled:", e, "| cause:", e.__cause__, "| suppressed:", e.__suppress_context__)
settings["scale"] = "x2"
print("area", area())
