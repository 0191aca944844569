def count_nodes(tree):
    if tree is None:
        return 0
    left, right = tree
    return 1 + count_nodes(left) + count_nodes(right)


small = ((None, None), ((None, None), None))
print("nodes:", count_nodes(small))


def sum_to(n):
    return n + sum_to(n - 1)


print("sum to 3 without a base case:")
print(sum_to(3))
