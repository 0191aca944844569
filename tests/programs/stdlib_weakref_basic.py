# weakref: ref (alive, dead, callbacks, equality, hash), finalize,
# WeakValueDictionary, WeakKeyDictionary, WeakSet. Callbacks are
# observed only after gc.collect(), when both CPython and framevm have
# run them. Everything runs in a function: its locals are freed
# as soon as they are unbound.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


def main():
    for value in (None, 1, "s", (), [], {}):
        try:
            weakref.ref(value)
        except TypeError as e:
            print("TypeError:", e)

    a = Obj("a")
    r = weakref.ref(a)
    print(r() is a, r(), "dead" in repr(r))
    del a
    gc.collect()
    print(r(), "dead" in repr(r))

    events = []
    b = Obj("b")
    rb = weakref.ref(b, lambda ref: events.append(("cb", ref() is None)))
    print(rb.__callback__ is not None, rb() is b)
    b = None
    gc.collect()
    print(events)

    c = Obj("c")
    r1, r2 = weakref.ref(c), weakref.ref(c)
    print(r1 == r2, hash(r1) == hash(c))


    def f():
        return 1


    class K:
        pass


    print(weakref.ref(f)() is f, weakref.ref(K)() is K)

    d = Obj("d")
    fin = weakref.finalize(d, events.append, "finalized d")
    print(fin.alive, fin.peek()[0], fin.peek()[2:])
    del d
    gc.collect()
    print(fin.alive, fin.peek(), fin.detach(), fin(), events[-1])

    e = Obj("e")
    fe = weakref.finalize(e, lambda *a, **k: (a, k), 1, x=2)
    print(fe(), fe.alive, fe())
    e2 = Obj("e2")
    fd = weakref.finalize(e2, events.append, "never")
    print(fd.detach()[0], fd.alive)
    del e2
    gc.collect()
    print(events[-1])

    wvd = weakref.WeakValueDictionary()
    keep = Obj("keep")
    tmp = Obj("tmp")
    wvd["keep"] = keep
    wvd["tmp"] = tmp
    print(len(wvd), sorted(wvd.keys()), wvd["keep"], "tmp" in wvd)
    del tmp
    gc.collect()
    print(len(wvd), sorted(wvd.keys()), "tmp" in wvd, wvd.get("tmp", "gone"))
    try:
        wvd["tmp"]
    except KeyError as err:
        print("KeyError", err)

    wkd = weakref.WeakKeyDictionary()
    k1, k2 = Obj("k1"), Obj("k2")
    wkd[k1] = 1
    wkd[k2] = 2
    print(len(wkd), wkd[k1], k2 in wkd)
    del k2
    gc.collect()
    print(len(wkd), [k.name for k in wkd.keys()], list(wkd.values()))

    ws = weakref.WeakSet()
    m1, m2 = Obj("m1"), Obj("m2")
    ws.add(m1)
    ws.add(m2)
    ws.add(m1)
    print(len(ws), m1 in ws)
    del m1
    gc.collect()
    print(len(ws), [m.name for m in ws])


main()
