import pkgs.circ_a

print(pkgs.circ_a.from_a())
print(pkgs.circ_a.A_LATE, pkgs.circ_b.B_VALUE)
