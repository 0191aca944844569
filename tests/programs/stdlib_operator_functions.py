# operator: every function against the operator it names, in-place forms,
# the getters and their reprs, index and length_hint with their errors.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(sorted(operator.__all__) == operator.__all__, len(operator.__all__))
pairs = [(7, 3), (-7, 2), (2.5, 0.5), (6, 4)]
for a, b in pairs:
    print(operator.add(a, b), operator.sub(a, b), operator.mul(a, b),
          operator.truediv(a, b), operator.floordiv(a, b), operator.mod(a, b),
          operator.pow(a, b))
for a, b in [(12, 10), (-5, 3)]:
    print(operator.and_(a, b), operator.or_(a, b), operator.xor(a, b),
          operator.lshift(a, 2), operator.rshift(a, 1), operator.inv(a),
          operator.invert(a), operator.neg(a), operator.pos(a), operator.abs(a))
for a, b in [(1, 2), (2, 2), (3, 2), ("a", "b")]:
    print(operator.lt(a, b), operator.le(a, b), operator.eq(a, b),
          operator.ne(a, b), operator.ge(a, b), operator.gt(a, b))
x = [1]
print(operator.not_(0), operator.not_(x), operator.truth([]), operator.truth(x),
      operator.is_(x, x), operator.is_not(x, [1]))
print(operator.concat([1], [2]), operator.concat("ab", "cd"), operator.contains([1, 2], 2))
try:
    operator.concat(1, 2)
except TypeError as e:
    print("TypeError", e)
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
try:
    operator.indexOf([1, 2], 5)
except ValueError as e:
    print("ValueError", e)
d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d)
print(operator.getitem([1, 2, 3, 4], slice(1, 3)))


class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, o):
        return M(self.v * o.v + 1)

    def __imatmul__(self, o):
        self.v = -self.v * o.v
        return self

    def __repr__(self):
        return "M(%r)" % self.v


print(operator.matmul(M(2), M(3)))
m = M(2)
print(operator.imatmul(m, M(5)), m)

# in-place forms: mutate a mutable, rebind an immutable
lst = [1, 2]
r = operator.iadd(lst, [3])
print(r, r is lst)
print(operator.iconcat([0], (9,)), operator.iadd(1, 2), operator.isub(5, 7),
      operator.imul("ab", 2), operator.itruediv(7, 2), operator.ifloordiv(7, 2),
      operator.imod(7, 4), operator.ipow(2, 10), operator.ilshift(1, 4),
      operator.irshift(64, 3), operator.iand(6, 3), operator.ior(6, 3),
      operator.ixor(6, 3))
s = {1, 2}
print(operator.ior(s, {3}), s, operator.iand({1, 2}, {2}))
print(operator.__add__(1, 2), operator.__iadd__([1], [2]), operator.__getitem__("abc", 1))

# call, index, length_hint
print(operator.call(max, 3, 9, key=lambda v: -v))


class Idx:
    def __index__(self):
        return 4


class BadIdx:
    def __index__(self):
        return "x"


print(operator.index(7), operator.index(True), type(operator.index(True)).__name__,
      operator.index(Idx()))
for bad in (2.5, "3", BadIdx()):
    try:
        operator.index(bad)
    except TypeError as e:
        print("TypeError", e)


class Hint:
    def __init__(self, n):
        self.n = n

    def __length_hint__(self):
        return self.n


print(operator.length_hint([1, 2, 3]), operator.length_hint(Hint(5)),
      operator.length_hint(object(), 7), operator.length_hint(Hint(NotImplemented), 2))
for h in (Hint(-1), Hint("a")):
    try:
        operator.length_hint(h)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# itemgetter, attrgetter, methodcaller
g = itemgetter(1)
print(g([5, 6, 7]), g("xyz"), itemgetter(0, 2)("abc"), itemgetter("k")({"k": 3}))
print(repr(itemgetter(1)), repr(itemgetter("a", 2)))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)))


class P:
    pass


p = P()
p.name = "p"
p.child = P()
p.child.age = 9
print(attrgetter("name")(p), attrgetter("child.age")(p), attrgetter("name", "child.age")(p))
print(repr(attrgetter("name")), repr(attrgetter("a.b", "c")))
try:
    attrgetter("child.missing")(p)
except AttributeError as e:
    print("AttributeError", e)
try:
    attrgetter(1)
except TypeError as e:
    print("TypeError", e)
mc = methodcaller("split", ",", maxsplit=1)
print(mc("a,b,c"), repr(mc), repr(methodcaller("upper")))
print(methodcaller("upper")("abc"), methodcaller("count", "a")("banana"))
try:
    methodcaller(3)
except TypeError as e:
    print("TypeError", e)
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
