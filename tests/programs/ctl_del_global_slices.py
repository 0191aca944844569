# global at module level, del of every target kind, slices inside tuple subscripts.
global gx
gx = 1
class C: pass
a = list(range(10)); c = C(); c.x = 1; d = {1: 2, 3: 4}
del a[1:3], d[1], c.x, (gx)
print(a, d, hasattr(c, "x"), "gx" in globals())
def f():
    v = 1
    def g(): return v
    del v
    try:
        g()
    except NameError as e:
        print(e)
f()
class S:
    def __getitem__(self, k): return k
print(S()[1:2, ::3], S()[1:2, 5], S()[..., 1:])
x, y = [1, 2], [3]
del [x, y]
print("x" in globals())
