def compute(values):
    max = 0
    for v in values:
        if v > max:
            max = v
        print("largest so far", max)
    return max(values)


print(compute([3, 9, 2]))
