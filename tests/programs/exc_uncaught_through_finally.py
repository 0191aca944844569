depth = []


def walk(node):
    name, children = node
    depth.append(name)
    try:
        print("  " * (len(depth) - 1) + "enter " + name)
        if name == "bad":
            raise ValueError("corrupt node at " + "/".join(depth))
        for child in children:
            walk(child)
    finally:
        print("  " * (len(depth) - 1) + "leave " + name)
        depth.pop()


tree = ("root", [
    ("a", [("a1", []), ("a2", [])]),
    ("b", [("b1", [("bad", [])]), ("b2", [])]),
    ("c", []),
])

walk(tree)
print("never printed")
