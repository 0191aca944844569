values = [1, 2, 3, 4]
print("sum:", sum(values))
print("mean:", sum(values) / len(values))
print("median:", calculate_median_value(values))
