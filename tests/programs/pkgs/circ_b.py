print("circ_b starts")
from pkgs import circ_a

print("b sees a early:", circ_a.A_EARLY)
try:
    circ_a.A_LATE
except AttributeError as e:
    print("AttributeError:", e)
try:
    from pkgs.circ_a import A_LATE
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
B_VALUE = "b value"
