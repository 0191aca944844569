def total_length(parts):
    total = 0
    for p in parts:
        total = total + p
        print("running total", total)
    return total


print(total_length([3, 4, 5]))
print(total_length([1, "2", 3]))
