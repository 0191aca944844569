import pkgs.tb_mod as t

print(t.outer(3))
print(t.outer(1))
