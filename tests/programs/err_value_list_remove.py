queue = ["ann", "bob", "cy"]


def cancel(name):
    queue.remove(name)
    print("cancelled", name, "->", queue)


cancel("bob")
cancel("ann")
cancel("bob")
