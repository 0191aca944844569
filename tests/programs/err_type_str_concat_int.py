def label(kind, n):
    return kind + " #" + n


print(label("ticket", "12"))
print(label("order", str(7)))
print(label("invoice", 99))
