def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)
    return moves


for disk, a, b in hanoi(3, "A", "C", "B", []):
    print(f"move disk {disk} from {a} to {b}")
print("moves for 10 disks:", len(hanoi(10, "A", "C", "B", [])))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("ackermann:", [ackermann(m, n) for m in range(3) for n in range(4)], ackermann(2, 3))


def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out


def depth(x):
    if not isinstance(x, list):
        return 0
    return 1 + max([depth(i) for i in x] + [0])


nested = [1, [2, [3, [4, [5]]]], [], [[6], 7], "eight"]
print(flatten(nested), depth(nested), depth([]), depth(3))


def sum_digits(n):
    return n if n < 10 else n % 10 + sum_digits(n // 10)


def digital_root(n):
    return n if n < 10 else digital_root(sum_digits(n))


print(sum_digits(987654321), digital_root(987654321), digital_root(2 ** 100))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print([is_even(n) for n in range(6)], is_odd(101))


def binary_strings(n):
    if n == 0:
        return [""]
    shorter = binary_strings(n - 1)
    return ["0" + s for s in shorter] + ["1" + s for s in shorter]


print(binary_strings(3))

tree = (8, (3, (1, None, None), (6, (4, None, None), (7, None, None))), (10, None, (14, (13, None, None), None)))


def inorder(t):
    if t is None:
        return []
    value, left, right = t
    return inorder(left) + [value] + inorder(right)


def height(t):
    return 0 if t is None else 1 + max(height(t[1]), height(t[2]))


def insert(t, v):
    if t is None:
        return (v, None, None)
    value, left, right = t
    if v < value:
        return (value, insert(left, v), right)
    return (value, left, insert(right, v))


def show(t, indent=0):
    if t is None:
        return
    show(t[2], indent + 4)
    print(" " * indent + str(t[0]))
    show(t[1], indent + 4)


print(inorder(tree), height(tree))
t2 = insert(insert(tree, 5), 15)
print(inorder(t2), height(t2))
show(t2)
print("deep recursion ok:", sum_digits(int("9" * 400)))
