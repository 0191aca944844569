import pkgs.geo
from pkgs.geo import Vec, ORIGIN
from pkgs.geo.util import fmt
import pkgs.geo.util.fmt as f2

print(pkgs.geo.__package__, pkgs.geo.__name__)
print(pkgs.geo.__path__[0].endswith("geo"), pkgs.geo.__file__.endswith("__init__.py"))
print(fmt is f2, pkgs.geo.util.fmt is fmt)
print(fmt.show(Vec(2, 3) + fmt.unit()))
print(ORIGIN, pkgs.geo.util.LEVEL)
print(fmt.__package__, fmt.__name__)
