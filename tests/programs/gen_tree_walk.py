class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)


def preorder(node):
    if node:
        yield node.value
        yield from preorder(node.left)
        yield from preorder(node.right)


def paths(node, prefix=()):
    if node is None:
        return
    here = prefix + (node.value,)
    if node.left is None and node.right is None:
        yield here
    yield from paths(node.left, here)
    yield from paths(node.right, here)


def insert(node, value):
    if node is None:
        return Node(value)
    if value < node.value:
        node.left = insert(node.left, value)
    else:
        node.right = insert(node.right, value)
    return node


root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, v)

print(list(inorder(root)))
print(list(preorder(root)))
for p in paths(root):
    print(" -> ".join(str(v) for v in p))
print(sum(inorder(root)), max(preorder(root)))

nested = {"name": "root", "children": [
    {"name": "src", "children": [{"name": "main.rs", "children": []}, {"name": "vm", "children": [{"name": "frame.rs", "children": []}]}]},
    {"name": "README", "children": []},
]}


def walk(entry, depth=0):
    yield depth, entry["name"]
    for child in entry["children"]:
        yield from walk(child, depth + 1)


for depth, name in walk(nested):
    print("  " * depth + name)


def depth_of(gen_tree, target):
    for d, name in gen_tree:
        if name == target:
            return d
    return -1


print(depth_of(walk(nested), "frame.rs"), depth_of(walk(nested), "nope"))
