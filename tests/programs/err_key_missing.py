prices = {"apple": 0.5, "bread": 2.25, "milk": 1.1}


def total(cart):
    return sum([prices[item] * qty for item, qty in cart])


def checkout(carts):
    for cart in carts:
        print("%.2f" % total(cart))


checkout([[("apple", 4), ("milk", 2)], [("bread", 1)], [("bread", 1), ("cheese", 1)]])
