# A class knows the module it was defined in: __module__ and the reprs.
from pkgs.shapes import Box


class Local:
    pass


print(Box.__module__, Local.__module__)
print(Box, Local)
print(repr(Box(1, 2)).startswith("<pkgs.shapes.Box object at 0x"))
print(repr(Local()).startswith("<__main__.Local object at 0x"))
