def t(name, f):
    try:
        print(name, repr(f())[:200])
    except Exception as e:
        print(name, type(e).__name__, e)

class ClearRepr:
    def __init__(self, c): self.c = c
    def __repr__(self):
        self.c.clear()
        return 'R'
l = []; l.append(ClearRepr(l)); l.append(ClearRepr(l))
t('list repr clear', lambda: repr(l))
l = []; l.append(ClearRepr(l)); l.append(3)
t('list str', lambda: str(l))
l = []; l.append(ClearRepr(l)); l.append(3)
t('fstring', lambda: f'{l}')
l = []; l.append(ClearRepr(l)); l.append(3)
t('percent', lambda: '%s' % (l,))
l = []; l.append(ClearRepr(l))
t('print', lambda: print(l))
d = {}; d[1] = ClearRepr(d); d[2] = 5
t('dict repr', lambda: repr(d))
d = {}; d['a'] = ClearRepr(d)
t('dict keys view', lambda: repr(d.values()))
d = {}; d['a'] = ClearRepr(d)
t('dict items view', lambda: repr(d.items()))
tl = []; tup = (ClearRepr(tl),)
tl.append(1)
t('tuple', lambda: repr(tup))
s = set(); 
class H:
    def __init__(self, s): self.s = s
    def __hash__(self): return 1
    def __eq__(self, o):
        self.s.clear()
        return False
    def __repr__(self):
        self.s.clear()
        return 'H'
s.add(H(s)); 
t('set add eq', lambda: s.add(H(s)))
s = {H(s)}
s2 = set(); s2.add(H(s2))
t('set repr', lambda: repr(s2))
class EqMut:
    def __init__(self, l): self.l = l
    def __eq__(self, o):
        self.l.clear()
        return False
a = []; a.append(EqMut(a)); a.append(1)
t('list eq', lambda: a == [1, 1])
a = []; a.append(EqMut(a)); a.append(1)
t('list in', lambda: 5 in a)
a = []; a.append(EqMut(a)); a.append(1)
t('list index', lambda: a.index(5))
a = []; a.append(EqMut(a)); a.append(1)
t('list count', lambda: a.count(5))
a = []; a.append(EqMut(a)); a.append(1)
t('list remove', lambda: a.remove(5))
a = [3, 1, 2]
def key(x):
    a.append(x)
    return x
t('sort key mutates', lambda: a.sort(key=key))
print(a)
a = [3, 1, 2]
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        a.clear()
        return self.v < o.v
a = [Lt(3), Lt(1), Lt(2)]
t('sort lt mutates', lambda: a.sort())
print(len(a))
d = {1: 1, 2: 2}
def it():
    for k in d:
        d[k + 10] = 0
t('dict changed size', it)
s = {1, 2}
def it2():
    for k in s:
        s.add(k + 10)
t('set changed size', it2)
d = {1: 1, 2: 2}
def it3():
    for k in d.keys():
        del d[k]
t('dict keys changed', it3)
d = {1: 1, 2: 2}
def it4():
    for k, v in d.items():
        d.pop(k)
t('dict items changed', it4)
class E(Exception):
    def __str__(self):
        return str(self.args[0])
l = []; l.append(ClearRepr(l))
t('str exc', lambda: str(E(l)))
class KeyMut:
    def __init__(self, d): self.d = d
    def __hash__(self): return 7
    def __eq__(self, o):
        self.d.clear()
        return True
dd = {}
dd[KeyMut(dd)] = 1
t('dict get eq mut', lambda: dd.get(KeyMut(dd)))
dd = {}
dd[KeyMut(dd)] = 1
t('dict setitem eq mut', lambda: dd.__setitem__(KeyMut(dd), 2) if hasattr(dd, '__setitem__') else None)
dd = {}
dd[KeyMut(dd)] = 1
def f():
    dd[KeyMut(dd)] = 2
    return dd
t('dict store eq mut', lambda: list(f().values()))
dd = {}
dd[KeyMut(dd)] = 1
t('dict eq', lambda: dd == {KeyMut({}): 1})
class HashMut:
    def __init__(self, l): self.l = l
    def __hash__(self):
        self.l.append(1)
        return 1
ll = []
t('hash mut', lambda: len({HashMut(ll): 1}))
class R2:
    def __init__(self, l): self.l = l
    def __repr__(self):
        self.l.append(1)
        return 'R2'
l = []; l.append(R2(l))
t('repr appends', lambda: repr(l))
t('max key mut', lambda: max(a, key=lambda x: a.append(x) or 1) if False else None)
l2 = [1, 2, 3]
t('sorted key mut', lambda: sorted(l2, key=lambda x: l2.clear() or x))
l3 = [EqMut(None)]
class EqMut2:
    def __eq__(self, o):
        l3.clear()
        return False
l3 = [EqMut2(), EqMut2()]
t('list eq other side', lambda: [1, 2] == l3)
t('tuple contains', lambda: 3 in (EqMut2(),))
l4 = [1, 2, 3]
t('min key mut', lambda: min(l4, key=lambda x: l4.clear() or x))
l5 = [1, 2, 3]
t('list extend self gen', lambda: l5.extend(x for x in l5 if len(l5) < 10))
print(l5)
l6 = [1,2,3]
t('map over list', lambda: list(map(lambda x: l6.clear() or x, l6)))
# Inconsistent or raising comparisons never break sort.
import_free_random = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 5
class Flaky:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Flaky.n += 1
        return (Flaky.n * 7919) % 3 == 0
    def __repr__(self): return 'F%d' % self.v
fl = [Flaky(v) for v in import_free_random]
fl.sort()
print(sorted(f.v for f in fl) == sorted(import_free_random))
class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 3: raise KeyError('boom')
        return self.v < o.v
bl = [Boom(v) for v in [1, 5, 3, 2]]
t('sort raises', lambda: bl.sort())
print(sorted(b.v for b in bl))
print(sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'a'], key=lambda s: s.lower()))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')], key=lambda p: p[0], reverse=True))
d = {'a': 1}
it = iter(d)
d['b'] = 2
t('next after growth', lambda: next(it))
s = {1}
it = iter(s)
s.discard(1)
t('set next after shrink', lambda: next(it))
d = {1: 1}
v = iter(d.values())
d.clear()
t('values after clear', lambda: next(v))
d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 10
print(d)
print(type(iter({})).__name__, type(iter({}.items())).__name__, type(iter(set())).__name__)
