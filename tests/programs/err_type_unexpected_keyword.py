def make_user(name, age=0, admin=False):
    return {"name": name, "age": age, "admin": admin}


def build(**fields):
    return make_user(**fields)


print(build(name="ann", age=31))
print(build(name="bob", admin=True))
print(build(name="cy", email="cy@example.org"))
