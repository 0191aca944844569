# BaseException.__str__/__repr__ reachable through super() and the class, for exception subclasses.
class E(Exception):
    def __str__(self):
        return "E: " + super().__str__()
    def __repr__(self):
        return "<" + super().__repr__() + ">"
e = E("boom", 2)
print(str(e), repr(e))
class F(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise F(7)
except ValueError as x:
    print(x, x.code, x.args)
print(Exception.__str__(e), BaseException.__repr__(e))
print(e.__str__(), e.__repr__())
