inventory = {"apple": 3, "pear": 0}
aliases = {"pomme": "apple", "poire": "pear"}


def resolve(item):
    try:
        return aliases[item]
    except KeyError:
        return item


def take(item):
    name = resolve(item)
    try:
        count = inventory[name]
    except KeyError:
        raise RuntimeError("unknown item " + item)
    if count == 0:
        print("  out of", name)
        return 0
    inventory[name] = count - 1
    return count


for item in ["apple", "pomme", "poire", "apple"]:
    print("took", item, "had", take(item))
try:
    take("kiwi")
except RuntimeError as e:
    print("handled:", e, "| context:", repr(e.__context__))
print(inventory)
for item in ["pear", "plum", "apple"]:
    print("took", item, "had", take(item))
