class PermissionDenied(Exception):
    pass


def requires(role):
    def decorator(method):
        def wrapper(self, *args, **kwargs):
            if role not in self.roles:
                raise PermissionDenied(f"{self.name} lacks {role!r} for {method.__name__}")
            return method(self, *args, **kwargs)
        wrapper.__name__ = method.__name__
        return wrapper
    return decorator


def audited(method):
    def wrapper(self, *args):
        self.audit.append(method.__name__ + repr(args))
        return method(self, *args)
    return wrapper


class Document:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return f"Doc<{len(self.text)}>"


class User:
    def __init__(self, name, *roles):
        self.name = name
        self.roles = roles
        self.audit = []

    @audited
    @requires("read")
    def read(self, doc):
        return doc.text

    @audited
    @requires("write")
    def write(self, doc, extra):
        doc.text += extra
        return len(doc.text)

    @requires("admin")
    def wipe(self, doc):
        doc.text = ""

    @staticmethod
    def roles_needed():
        return ["read", "write", "admin"]

    @property
    def summary(self):
        return f"{self.name}({', '.join(self.roles)}) made {len(self.audit)} calls"


doc = Document("draft")
ann = User("ann", "read", "write")
bob = User("bob", "read")
root = User("root", "read", "write", "admin")

actions = [
    (ann, "read", ()),
    (ann, "write", (" v2",)),
    (bob, "read", ()),
    (bob, "write", (" hacked",)),
    (ann, "wipe", ()),
    (root, "wipe", ()),
    (bob, "read", ()),
]
for user, action, extra in actions:
    try:
        result = getattr(user, action)(doc, *extra)
        print(f"{user.name} {action}: {result!r}")
    except PermissionDenied as e:
        print("denied:", e)

for u in [ann, bob, root]:
    print(u.summary, u.audit)
print(User.roles_needed())
print(User.read.__name__, User.wipe.__name__)
