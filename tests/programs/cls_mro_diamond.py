class Base:
    def __init__(self):
        self.trail = ["Base"]

    def who(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return ["Right"] + super().who()


class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Diamond")

    def who(self):
        return ["Diamond"] + super().who()


d = Diamond()
print(d.trail)
print(d.who())
print([c.__name__ for c in Diamond.__mro__])


class A:
    def hello(self):
        return "A"


class B(A):
    pass


class C(A):
    def hello(self):
        return "C"


class D(B, C):
    pass


print(D().hello(), [c.__name__ for c in D.__mro__])


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass


print([c.__name__ for c in M.__mro__])
print(issubclass(M, Z), isinstance(M(), K2))


class LoggingMixin:
    def log(self, msg):
        return f"[{type(self).__name__}] {msg}"


class Service(LoggingMixin, Base):
    def run(self):
        return self.log("running " + "/".join(self.trail))


print(Service().run())
print([c.__name__ for c in Service.__mro__])
