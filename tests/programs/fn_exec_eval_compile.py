x = 10
print(eval("x + 1"))
exec("y = x * 2")
print(y)
d = {"a": 1}
exec("b = a + 1", d)
print(sorted(k for k in d if k != "__builtins__"), d["b"])
def f(n):
    z = n + 1
    return eval("z * n"), eval("x")
print(f(3))
c = compile("q = 5\nr = q * q", "<c>", "exec")
exec(c)
print(r)
e = compile("1 + 2", "<e>", "eval")
print(eval(e), type(c).__name__)
try:
    eval("1 +")
except SyntaxError as err:
    print("SyntaxError")
g = {}
l = {}
exec("t = 7", g, l)
print("t" in g, l["t"])
print(eval("  3"))
print(eval(b"40 + 2"))
class C:
    exec("w = 3")
print(C.w)
