import sys

for name in ["no_such_module", "pkgs.no_such", "pkgs.shapes.deeper"]:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e)
try:
    from pkgs.shapes import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], str(e).endswith("shapes.py)"))
try:
    from sys import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
for attempt in range(2):
    try:
        import pkgs.broken
    except ValueError as e:
        print("attempt", attempt, e, "pkgs.broken" in sys.modules)
print(issubclass(ModuleNotFoundError, ImportError), issubclass(ImportError, Exception))
import pkgs.shapes.nope
