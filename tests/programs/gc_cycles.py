# The cycle collector: cycles through lists, dicts, sets, tuples, instances,
# classes, closures, bound methods and super() cells are freed by
# gc.collect() and by the automatic runs; reachable objects are not.
import gc, weakref

class Node:
    pass

def list_cycle():
    a = []
    a.append(a)
    return weakref.ref(Node())  # something to return

def instance_cycle():
    n = Node()
    n.me = n
    return weakref.ref(n)

def tree():
    p = Node()
    p.children = [Node() for _ in range(3)]
    for c in p.children:
        c.parent = p
    return weakref.ref(p), weakref.ref(p.children[0])

def closure():
    def f():
        return f
    return weakref.ref(f)

list_cycle()
print("list", gc.collect() > 0)
r = instance_cycle()
print("alive before", r() is not None)
gc.collect()
print("dead after", r() is None)
rp, rc = tree()
gc.collect()
print("tree", rp() is None, rc() is None)
rf = closure()
gc.collect()
print("closure", rf() is None)

def kept():
    keep = Node()
    keep.me = keep
    keep.data = [1, 2, 3]
    return keep
keep = kept()
rk = weakref.ref(keep)
gc.collect()
print("kept", rk() is keep, keep.data)

class C:
    pass
got = []
def with_callback():
    c = C()
    c.c = c
    return weakref.ref(c, lambda ref: got.append("cb"))
w = with_callback()
gc.collect()
print("callback", got, w() is None)

class B:
    def m(self):
        return 1
def bound():
    b = B()
    b.m2 = b.m
    return weakref.ref(b)
rb = bound()
gc.collect()
print("bound", rb() is None)

def klass():
    class K:
        pass
    K.self_ref = K
    return weakref.ref(K)
rk2 = klass()
gc.collect()
print("class", rk2() is None)

def tup():
    x = Node()
    x.t = (x, 1)
    return weakref.ref(x)
rx = tup()
gc.collect()
print("tuple", rx() is None)

def dct():
    x = Node()
    x.d = {"k": x, x: 1}
    return weakref.ref(x)
rd = dct()
gc.collect()
print("dict", rd() is None)

def st():
    x = Node()
    x.s = {x}
    return weakref.ref(x)
rs = st()
gc.collect()
print("set", rs() is None)

def methodsuper():
    class A:
        def f(self):
            return 1
    class S(A):
        def f(self):
            return super().f() + 1
    s = S()
    s.me = s
    return weakref.ref(S), s.f()
rS, v = methodsuper()
gc.collect()
print("super", rS() is None, v)

gc.disable()
print(gc.isenabled())
def disabled():
    n = Node()
    n.me = n
    return weakref.ref(n)
rdis = disabled()
for i in range(3000):
    l = []
    l.append(l)
print("disabled keeps", rdis() is not None)
gc.enable()
print(gc.isenabled())
print(gc.get_threshold()[0])

probe = instance_cycle()
for i in range(5000):
    l = []
    l.append(l)
print("auto", probe() is None, rdis() is None)
print(gc.collect() >= 0)
