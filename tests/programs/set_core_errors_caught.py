# CPython's exceptions and messages for misuse of sets, caught one by one.
def attempt(label, f):
    try:
        print(label, "->", f())
    except (TypeError, KeyError, AttributeError) as e:
        print(label, "->", type(e).__name__, e.args)

s = {1, 2}
f = frozenset([1, 2])
attempt("list element", lambda: {[1], 2})
attempt("dict element", lambda: s.add({}))
attempt("set element", lambda: {s})
attempt("tuple with a list", lambda: {(1, [2])})
attempt("hash(set)", lambda: hash(s))
attempt("hash(frozenset)", lambda: hash(f) == hash(frozenset([2, 1])))
attempt("remove missing", lambda: s.remove(3))
attempt("remove tuple", lambda: s.remove((1, 2)))
attempt("remove list", lambda: s.remove([1]))
attempt("discard set", lambda: {f}.discard({1, 2}))
attempt("pop empty", lambda: set().pop())
attempt("set | list", lambda: s | [3])
attempt("list | set", lambda: [3] | s)
attempt("set + set", lambda: s + s)
attempt("frozenset - set", lambda: f - s)
attempt("set < list", lambda: s < [1])
attempt("set == list", lambda: s == [1, 2])
attempt("frozenset.add", lambda: f.add(3))
attempt("set()[0]", lambda: s[0])
attempt("set(1)", lambda: set(1))
attempt("set(1, 2)", lambda: set([1], [2]))
attempt("union(1)", lambda: s.union([3], 4))
attempt("issubset()", lambda: s.issubset())
attempt("add two", lambda: s.add(1, 2))
attempt("copy(1)", lambda: f.copy(1))
attempt("symmetric_difference()", lambda: s.symmetric_difference())
attempt("len(set, 1)", lambda: len(s, 1))
attempt("{*1}", lambda: {*1})
attempt("sorted mixed", lambda: sorted({1, "a"}))
t = {1}
try:
    t |= [2]
except TypeError as e:
    print("t |= [2] ->", e)
try:
    t -= 1
except TypeError as e:
    print("t -= 1 ->", e)
n = 1
try:
    n += "a"
except TypeError as e:
    print("n += 'a' ->", e)
print(t, s, f)
