stock = [
    ("widget", "hardware", 120, 2.5),
    ("gadget", "hardware", 15, 12.0),
    ("manual", "books", 40, 7.95),
    ("cable", "hardware", 300, 0.99),
    ("novel", "books", 8, 14.5),
    ("mug", "kitchen", 60, 4.25),
    ("kettle", "kitchen", 5, 29.99),
]
REORDER_LEVEL = 10

by_category = {}
for name, cat, qty, price in stock:
    by_category.setdefault(cat, []).append((name, qty, price))

print(" INVENTORY REPORT ".center(44, "="))
grand = 0.0
for cat in sorted(by_category):
    items = by_category[cat]
    print(f"[{cat.upper()}]")
    subtotal = 0.0
    for name, qty, price in sorted(items, key=lambda it: -it[1] * it[2]):
        value = qty * price
        subtotal += value
        flag = " *" if qty < REORDER_LEVEL else ""
        print(f"  {name:<8}{qty:>5} x {price:>6.2f} = {value:>9.2f}{flag}")
    print(f"  {'subtotal':<27}{subtotal:>9.2f}")
    grand += subtotal
print("=" * 44)
print(f"{'TOTAL':<29}{grand:>9.2f}")
low = [name for name, cat, qty, price in stock if qty < REORDER_LEVEL]
print("reorder:", ", ".join(low) if low else "nothing")
most = max(stock, key=lambda s: s[2])
print("largest quantity: %s (%d units)" % (most[0], most[2]))
avg_price = sum([s[3] for s in stock]) / len(stock)
print("average unit price: %.3f" % avg_price)
discounted = {s[0]: round(s[3] * 0.9, 2) for s in stock if s[1] == "books"}
print("book sale prices:", discounted)

orders = [("widget", 100), ("kettle", 2), ("novel", 10), ("mug", 60), ("gizmo", 1)]
levels = {name: qty for name, _, qty, _ in stock}
for name, want in orders:
    have = levels.get(name)
    if have is None:
        print(f"order {name}: unknown item")
    elif want > have:
        print(f"order {name}: only {have} of {want} available, backorder {want - have}")
        levels[name] = 0
    else:
        levels[name] = have - want
        print(f"order {name}: shipped {want}, {levels[name]} left")
print("empty now:", [n for n, q in levels.items() if q == 0])
