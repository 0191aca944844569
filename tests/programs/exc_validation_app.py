class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class MissingField(ValidationError):
    def __init__(self, field):
        super().__init__(field, "is required")


class OutOfRange(ValidationError):
    def __init__(self, field, value, lo, hi):
        super().__init__(field, f"{value} not in [{lo}, {hi}]")
        self.value = value


def require(form, field):
    if field not in form or form[field] == "":
        raise MissingField(field)
    return form[field]


def as_int(form, field, lo, hi):
    raw = require(form, field)
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError(field, f"{raw!r} is not a number") from None
    if not lo <= value <= hi:
        raise OutOfRange(field, value, lo, hi)
    return value


def validate(form):
    errors = []
    clean = {}
    for field, lo, hi in [("age", 0, 130), ("score", 0, 100)]:
        try:
            clean[field] = as_int(form, field, lo, hi)
        except ValidationError as e:
            errors.append(e)
    try:
        clean["name"] = require(form, "name").strip()
    except MissingField as e:
        errors.append(e)
    return clean, errors


forms = [
    {"name": " Ann ", "age": "34", "score": "88"},
    {"name": "", "age": "200", "score": "x"},
    {"age": "-1"},
]
for form in forms:
    clean, errors = validate(form)
    print("clean:", clean)
    for e in errors:
        kind = type(e).__name__
        extra = f" (value={e.value})" if isinstance(e, OutOfRange) else ""
        print(f"  {kind:<16} {e}{extra}")
    print("  fields with errors:", [e.field for e in errors])
