def parse(rows):
    return [[1 if ch == "#" else 0 for ch in row] for row in rows]


def neighbors(grid, r, c):
    h, w = len(grid), len(grid[0])
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            total += grid[(r + dr) % h][(c + dc) % w]
    return total


def step(grid):
    new = []
    for r in range(len(grid)):
        row = []
        for c in range(len(grid[0])):
            n = neighbors(grid, r, c)
            alive = grid[r][c] == 1
            row.append(1 if (alive and n in (2, 3)) or (not alive and n == 3) else 0)
        new.append(row)
    return new


def show(grid, label):
    print(label, "population", sum([sum(row) for row in grid]))
    for row in grid:
        print("  " + "".join(["#" if v else "." for v in row]))


glider = parse([
    ".#......",
    "..#.....",
    "###.....",
    "........",
    "........",
    "........",
])
g = glider
for gen in range(5):
    show(g, f"gen {gen}")
    g = step(g)
for _ in range(43):
    g = step(g)
print("after 48 generations the glider has moved:", g == glider, sum([sum(r) for r in g]))
for _ in range(48):
    g = step(g)
print("after 96 generations the glider is back:", g == glider)

blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
b1 = step(blinker)
show(b1, "blinker +1")
print("period 2:", step(b1) == blinker, "changed:", b1 != blinker)
block = parse(["....", ".##.", ".##.", "...."])
print("block is still life:", step(block) == block)
