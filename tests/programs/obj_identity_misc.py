# Bound methods compare and hash by what they bind; strip gives back the
# same object when nothing is stripped; super() has a repr; raising a
# class runs its __new__.
class A:
    def f(self):
        return 1

    def g(self):
        return 2


a, b = A(), A()
print(a.f == a.f, a.f != a.f, a.f == b.f, a.f == a.g, a.f == None, None != a.f)
print(hash(a.f) == hash(a.f), hash(a.f) == hash(a.g), [].append == [].append)
l = []
print(l.append == l.append, hash(l.append) == hash(l.append))
s = "abc"
print(s.strip() is s, s.lstrip("x") is s, "  abc ".strip() is s, "  abc ".strip())
bs = b"abc"
print(bs.strip() is bs, bs.rstrip(b"c"))


class B(A):
    def show(self):
        return repr(super())


print(B().show())


class Loud(Exception):
    def __new__(cls, *args):
        print("Loud.__new__", cls.__name__, args)
        return super().__new__(cls, *args)


try:
    raise Loud
except Loud as e:
    print("caught", type(e).__name__, e.args)


def gen():
    yield 1


try:
    gen().throw(Loud)
except Loud:
    print("thrown into generator")


class NotExc(Exception):
    def __new__(cls):
        return 5


try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
