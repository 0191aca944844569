import sys
import pkgs.shapes
import pkgs.shapes as sh
from pkgs.shapes import area, Box as B, SIDES
from pkgs import shapes

print(pkgs.shapes is sh, sh is shapes)
print(area(3, 4), B(2, 5).area(), SIDES["square"])
print(sh.__name__, sh.__package__, sh.__file__.endswith("shapes.py"))
print(repr(sys))
print("pkgs.shapes" in sys.modules, sys.modules["pkgs.shapes"] is sh)
print(sh.bump(), sh.bump(), sh.counter)
sh.counter = 100
print(sh.bump())
sh.new_attr = "set from outside"
print(shapes.new_attr)
del sh.new_attr
print(hasattr(shapes, "new_attr"))
try:
    sh.nothing
except AttributeError as e:
    print(e)


def local_import():
    import pkgs.shapes as inner
    from pkgs.shapes import area as a2
    return inner.area(2, 2) + a2(1, 1)


print(local_import())


class Holder:
    import pkgs.shapes as mod

    value = mod.area(6, 7)


print(Holder.value)
print(__name__)
if __name__ == "__main__":
    print("run as the main script")
