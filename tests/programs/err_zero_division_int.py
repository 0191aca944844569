def average(values):
    return sum(values) / len(values)


def report(groups):
    for name, values in groups:
        print(f"{name}: {average(values)}")


report([("a", [1, 2, 3]), ("b", [10]), ("c", [2, 3]), ("empty", [])])
print("not reached")
