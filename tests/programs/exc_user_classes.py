class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, name):
        super().__init__("not found: " + name)
        self.name = name


class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value

    def __str__(self):
        return f"invalid {self.field}={self.value!r}"


class Quota(AppError):
    def __init__(self, used, limit):
        super().__init__(used, limit)
        self.over = used - limit


errors = [
    AppError(),
    AppError("generic"),
    AppError("two", 2),
    NotFound("report.txt"),
    Invalid("age", -4),
    Quota(120, 100),
]

for e in errors:
    print(type(e).__name__, "| args:", e.args, "| str:", str(e), "| repr:", repr(e))

for e in errors:
    try:
        raise e
    except NotFound as nf:
        print("NotFound handler:", nf.name)
    except Invalid as inv:
        print("Invalid handler:", inv.field, inv.value)
    except AppError as ae:
        print("AppError handler:", ae, isinstance(ae, Quota))

q = Quota(7, 5)
print(q.over, q.args[0], isinstance(q, Exception), isinstance(q, NotFound))
print(issubclass(NotFound, AppError), issubclass(AppError, NotFound))
print(f"{NotFound('x')}")
print([str(NotFound(n)) for n in ["a", "b"]])
