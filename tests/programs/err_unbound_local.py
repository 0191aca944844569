total = 0


def add_to_total(n):
    print("adding", n)
    total += n
    return total


print("start", total)
add_to_total(5)
