# Cycles that pass through objects the collector does not track as its
# own (iterators, builtin bound methods, dict views, descriptors, slices,
# frozensets, super objects, mapping proxies of instances): each is freed
# by gc.collect() once nothing outside refers to it, and kept while
# something does.
import gc
import weakref


class Marker:
    pass


def check(name, make):
    gc.collect()
    m = Marker()
    keep = make(m)
    r = weakref.ref(m)
    del m
    gc.collect()
    alive_while_kept = r() is not None
    del keep
    gc.collect()
    print(f"{name:28} kept: {alive_while_kept}  freed: {r() is None}")


def list_iter(m):
    m.it = iter([m])
    return m.it


def list_iter_in_list(m):
    l = [m]
    l.append(iter(l))
    m.l = l
    return l


def reversed_iter(m):
    l = [m]
    m.it = reversed(l)
    return m.it


def tuple_iter(m):
    m.it = iter((m, 1))
    return m.it


def dict_iter(m):
    d = {"m": m}
    d["it"] = iter(d)
    return d


def dict_items_iter(m):
    d = {1: m}
    m.it = iter(d.items())
    return d


def set_iter(m):
    s = {m}
    m.it = iter(s)
    return m.it


def enumerate_iter(m):
    m.it = enumerate([m])
    return m.it


def zip_iter(m):
    m.it = zip([1], [m])
    return m.it


def map_iter(m):
    m.it = map(lambda x: m, [1])
    return m.it


def filter_iter(m):
    m.it = filter(None, [m])
    return m.it


def callable_iter(m):
    m.it = iter(lambda: m, None)
    return m.it


def builtin_method(m):
    l = [m]
    l.append(l.append)
    return l


def method_in_attr(m):
    m.l = [m]
    m.add = m.l.append
    return m.add


def dict_view(m):
    d = {"m": m}
    d["keys"] = d.keys()
    return d


def values_view_in_instance(m):
    d = {1: m}
    m.v = d.values()
    return m.v


def property_descr(m):
    class C:
        def get(self):
            return m
        p = property(get)
    m.cls = C
    return C


def staticmethod_descr(m):
    class C:
        f = staticmethod(lambda: m)
    m.cls = C
    return C


def classmethod_descr(m):
    def f(cls):
        return m
    class C:
        g = classmethod(f)
    m.cls = C
    return C


def slice_obj(m):
    m.s = slice(m, None)
    return m.s


def frozenset_obj(m):
    m.fs = frozenset([m])
    return m.fs


def super_obj(m):
    class B:
        pass

    class C(B):
        def sup(self):
            return super()
    c = C()
    c.m = m
    m.s = c.sup()
    return m.s


def instance_dict(m):
    m.d = m.__dict__
    return [m]


def tuple_of_iter(m):
    l = [m]
    l.append((iter(l),))
    return l


def nested_enumerates(m):
    it = iter([m])
    for _ in range(50):
        it = enumerate(it)
    m.it = it
    return it


CASES = [
    list_iter, list_iter_in_list, reversed_iter, tuple_iter, dict_iter,
    dict_items_iter, set_iter, enumerate_iter, zip_iter, map_iter,
    filter_iter, callable_iter, builtin_method, method_in_attr, dict_view,
    values_view_in_instance, property_descr, staticmethod_descr,
    classmethod_descr, slice_obj, frozenset_obj, super_obj, instance_dict,
    tuple_of_iter, nested_enumerates,
]
for make in CASES:
    check(make.__name__, make)

# Many rounds of garbage cycles through iterators stay bounded: the
# automatic collections free them (no gc.collect() in the loop).
refs = []
for i in range(3000):
    m = Marker()
    m.it = iter([m])
    if i % 1000 == 0:
        refs.append(weakref.ref(m))
del m
print("freed without gc.collect():", [r() is None for r in refs[:2]])
gc.collect()
print("freed after:", [r() is None for r in refs])
