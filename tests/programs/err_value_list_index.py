order = ["low", "medium", "high"]


def rank(level):
    return order.index(level)


for lvl in ["high", "low", "medium", "urgent"]:
    print(lvl, rank(lvl))
