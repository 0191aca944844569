import importlib
import sys

top = __import__("pkgs.shapes")
print(top.__name__, top.shapes.__name__)
leaf = __import__("pkgs.shapes", None, None, ["area"], 0)
print(leaf.__name__)
m = importlib.import_module("pkgs.geo.util.fmt")
print(m.__name__)
rel = importlib.import_module(".vec", "pkgs.geo")
print(rel.__name__, rel is sys.modules["pkgs.geo.vec"])
sys.path.append(sys.path[0] + "/pkgs/extra")
import pathmod

print(pathmod.WHERE)
del sys.modules["pathmod"]
import pathmod as again

print(again is not pathmod, again.WHERE)
