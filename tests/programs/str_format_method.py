print("{} + {} = {}".format(2, 3, 2 + 3))
print("{0} {1} {0}".format("ping", "pong"))
print("{name} is {age} years old".format(name="Ada", age=36))
print("{0}/{1} = {2:.3f}".format(22, 7, 22 / 7))
print("[{:>10}]".format("right"), "[{:<10}]".format("left"), "[{:^10}]".format("mid"))
print("[{:*^11}]".format("star"), "[{:08.3f}]".format(3.14159), "[{:+d}]".format(42))
print("{:x} {:X} {:o} {:b}".format(255, 255, 8, 5))
print("{{literal braces}} and {}".format("value"))
print("{} {} {}".format([1, 2], (3,), {"k": "v"}))
print("{!r} vs {}".format("text", "text"))
print("{:5d}|{:<5d}|{:^5d}|".format(7, 7, 7))
print("{:.2f}% done".format(99.5))
print("{:10.4f}|{:<10.1f}|{:e}".format(2.718281828, 2.5, 0.00012))
print("{0:>{1}}".format("dyn", 6))

template = "{item:<12}{qty:>4} @ {price:>7.2f} = {total:>9.2f}"
order = [("coffee beans", 2, 11.5), ("filters", 10, 0.35), ("mug", 1, 8.0)]
grand = 0
for item, qty, price in order:
    total = qty * price
    grand += total
    print(template.format(item=item, qty=qty, price=price, total=total))
print("{:>37.2f}".format(grand))

words = ["alpha", "beta", "gamma"]
print(" | ".join(["{:^7}".format(w) for w in words]))
print("{}-{}".format(words[0], words[-1]), "{:.3}".format("truncate"))
