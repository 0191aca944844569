from pkgs.star_all import *
from pkgs.star_plain import *

print(alpha, gamma)
for name in ["beta", "_private", "_sys"]:
    try:
        eval_me = {"beta": lambda: beta, "_private": lambda: _private, "_sys": lambda: _sys}[name]
        eval_me()
        print(name, "bound")
    except NameError as e:
        print(e)
print(one, two, helper())
