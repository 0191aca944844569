"""Module doc."""
def f():
    """F's doc."""
    return 1
def g():
    x = 1
    "not a doc"
    return x
def h():
    "only a doc"
class C:
    """C doc
    second line"""
    def m(self):
        '''m doc'''
class D(C):
    pass
class E:
    x = 1
lam = lambda: 0
print(__doc__)
print(f.__doc__, g.__doc__, h.__doc__, h())
print(repr(C.__doc__), D.__doc__, E.__doc__, C.m.__doc__, C().m.__doc__, lam.__doc__)
f.__doc__ = "changed"
print(f.__doc__)
print(C.__dict__['__doc__'][:5], '__doc__' in D.__dict__)
def k():
    f"""not a doc {1}"""
print(k.__doc__)
