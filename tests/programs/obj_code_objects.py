def f(a, b=2, *args, c, d=4, **kw):
    x = a + b
    return len(args) + x

def outer():
    v = 1
    def inner(y):
        return v + y + glob
    return inner

glob = 10
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames, co.co_nlocals, co.co_filename.rsplit('/')[-1], co.co_firstlineno)
inner = outer()
ci = inner.__code__
print(ci.co_name, ci.co_qualname, ci.co_freevars, outer.__code__.co_cellvars, ci.co_varnames)
print(type(co.co_code), type(co.co_lnotab), type(co.co_consts), type(co.co_names), type(co.co_stacksize))
lines = list(co.co_lines())
print(lines[0][0], lines[-1][1] == len(co.co_code))
ftype = type(f)
def g():
    return glob * 2
g2 = ftype(g.__code__, {"glob": 21})
print(g2(), g(), g2.__name__, ftype(g.__code__, {"glob": 1}, "renamed").__name__)
h = ftype(inner.__code__, {"glob": 100}, None, None, inner.__closure__)
print(h(5))
try:
    ftype(inner.__code__, {})
except (TypeError, ValueError) as e:
    print(type(e).__name__)
try:
    ftype(None, {})
except TypeError as e:
    print("TypeError", e)
try:
    ftype(g.__code__, None)
except TypeError as e:
    print("TypeError", e)
d = ftype(f.__code__, {}, "f2", (7,))
print(d(1, c=3, d=0))
