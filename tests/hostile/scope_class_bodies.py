# Class bodies are skipped when a nested function resolves a free name,
# yet a class may bind the same name itself (it then reaches methods
# through the class as a free variable): once a compiler panic.

def binds_and_method_reads():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
    return C().m(), C.x
print(binds_and_method_reads())

def method_named_like_local():
    m = 5
    class C:
        def m(self):
            return m
    return C().m()
print(method_named_like_local())

def comprehension_in_class():
    y = 10
    class C:
        xs = [1, 2]
        ys = [x + y for x in xs]
        zs = {k: y for k in xs}
        gs = list(v * y for v in xs)
    return C.ys, C.zs, C.gs
print(comprehension_in_class())

class D:
    a = [1, 2, 3]
    b = [v * 2 for v in a]
    try:
        c = [v + len(a) for v in a]
    except NameError as e:
        c = str(e)
print(D.b, D.c)

x = 0
class G:
    global x
    x = 5
    def m(self):
        return x
print(x, G().m(), hasattr(G, 'x'))

def global_in_class_in_function():
    y = 1
    class K:
        global y
        y = 7
        def m(self):
            return y
    return y, K().m()
print(global_in_class_in_function(), y)

def nonlocal_in_class():
    x = 1
    class C:
        nonlocal x
        x = 2
        def m(self):
            return x
    return x, C().m(), hasattr(C, 'x')
print(nonlocal_in_class())

def class_reads_enclosing():
    v = 'outer'
    u = 'outer u'
    class C:
        w = u
        try:
            t = v
        except NameError as e:
            t = str(e)
        v = 'class'
        def m(self):
            return v + u
    return C.w, C.t, C.v, C().m()
print(class_reads_enclosing())

def nested_classes():
    a = 1
    class Outer:
        a = 2
        class Inner:
            a = 3
            def m(self):
                return a
        def m(self):
            return a
    return Outer.Inner().m(), Outer().m(), Outer.a, Outer.Inner.a
print(nested_classes())

def lambda_in_class():
    k = 'k'
    class C:
        k = 'class k'
        f = lambda self: k
    return C().f()
print(lambda_in_class())

def super_in_nested_function():
    class A:
        def who(self):
            return 'A'
    class B(A):
        def who(self):
            def inner():
                return __class__.__name__
            return inner() + super().who()
    return B().who()
print(super_in_nested_function())

def annotated_local():
    x: int
    try:
        return x
    except NameError as e:
        return type(e).__name__
print(annotated_local())
print(__debug__)
