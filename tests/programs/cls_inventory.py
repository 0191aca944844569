class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, qty={self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
        self.log.append(f"+{item.qty} {item.sku}")

    def remove(self, sku, qty):
        item = self.items[sku]
        if qty > item.qty:
            raise ValueError(f"only {item.qty} of {sku} left")
        item.qty -= qty
        self.log.append(f"-{qty} {sku}")
        if item.qty == 0:
            del self.items[sku]

    def __len__(self):
        return len(self.items)

    def __contains__(self, sku):
        return sku in self.items

    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: i.sku))

    def total_value(self):
        return sum(i.value() for i in self)

    def low_stock(self, threshold):
        return [i.name for i in self if i.qty < threshold]


inv = Inventory()
inv.add(Item("B-2", "bolt", 0.1, 500))
inv.add(Item("N-1", "nut", 0.05, 800))
inv.add(Item("G-7", "gear", 4.5, 12))
inv.add(Item("B-2", "bolt", 0.1, 250))

for sku, qty in [("N-1", 300), ("G-7", 20), ("X-0", 1), ("G-7", 12), ("B-2", 10)]:
    try:
        inv.remove(sku, qty)
        print(f"removed {qty} x {sku}")
    except KeyError as e:
        print("unknown sku", e)
    except ValueError as e:
        print("cannot remove:", e)

for item in inv:
    print(item, "value", round(item.value(), 2))
print(len(inv), "G-7" in inv, "B-2" in inv)
print("total", round(inv.total_value(), 2))
print("low", inv.low_stock(600))
print(inv.log)
