# id, oct, delattr, callable, ascii, globals, locals, vars, dir, print(file=, flush=), sum(start=), enumerate(iterable=).
x = 123
print(locals()['x'], globals()['x'], 'x' in globals())
def f(a, b=2):
    c = a + b
    def g():
        return c
    print(sorted(locals().items(), key=lambda kv: kv[0]) if False else sorted(locals().keys()))
    return g
f(1)
class A:
    y = 1
    def m(self): pass
    print('y' in locals(), locals()['y'], 'm' in locals())
print(id(1) == id(1), id(None) == id(None), id([]) > 0)
l = [1]; print(id(l) == id(l), id(l) == id([1]))
print(oct(8), oct(-8), oct(2**70))
class B: pass
b = B(); b.q = 1; print(hasattr(b, 'q')); delattr(b, 'q'); print(hasattr(b, 'q'))
try:
    delattr(b, 'zz')
except AttributeError as e: print(e)
print(callable(len), callable(1), callable(B), callable(b), callable(lambda: 0), callable(print))
print(ascii("héllo\u1234\U0001f600"), ascii([1, "é"]))
b.z = 5; print(vars(b), vars(B)['__module__'] if '__module__' in vars(B) else 'nomod')
print('q' in dir(B()), [n for n in dir(b) if not n.startswith('__')])
print(sum([1, 2], start=10), sum([[1]], start=[]))
print(list(enumerate(iterable=[1, 2, 3])), list(enumerate([1], start=5)))
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W(); print("a", "b", file=w, sep="-"); print(w.parts); print("flushed", flush=True)
print(list(reversed(range(3))), list(reversed((1, 2))))
print(sum(range(10**7)), sum([1.5, 2]), sum(x*x for x in range(4)), sum([[1],[2]], []), sum({1:2, 3:4}), sum(range(5), start=10))
try:
    sum([1, "a"])
except TypeError as e: print(e)
try:
    sum(["a"], "")
except TypeError as e: print(e)
