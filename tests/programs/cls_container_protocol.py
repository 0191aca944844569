class Grid:
    def __init__(self, width, height, fill=0):
        self.width = width
        self.height = height
        self.cells = [fill] * (width * height)

    def __len__(self):
        return self.width * self.height

    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.width and 0 <= y < self.height):
            raise IndexError(f"({x}, {y}) outside grid")
        return self.cells[y * self.width + x]

    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.width + x] = value

    def __contains__(self, value):
        return value in self.cells

    def __str__(self):
        rows = []
        for y in range(self.height):
            rows.append("".join(str(self[x, y]) for x in range(self.width)))
        return "\n".join(rows)


g = Grid(4, 3)
g[1, 1] = 5
g[3, 2] = 7
g[0, 0] = g[1, 1] + 1
print(g)
print(len(g), g[3, 2], 7 in g, 9 in g, 9 not in g)
try:
    g[4, 0]
except IndexError as e:
    print("IndexError:", e)


class Registry:
    def __init__(self):
        self.items = {}

    def __setitem__(self, key, value):
        self.items[key.lower()] = value

    def __getitem__(self, key):
        return self.items[key.lower()]

    def __contains__(self, key):
        return key.lower() in self.items

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return len(self.items) > 0


r = Registry()
print(bool(r), len(r))
r["Alpha"] = 1
r["BETA"] = 2
r["alpha"] = 10
print(r["ALPHA"], r["beta"], "Beta" in r, "gamma" in r, len(r), bool(r))
if r:
    print("registry non-empty")
try:
    r["gamma"]
except KeyError as e:
    print("KeyError:", e)


class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


sq = Squares(5)
print(len(sq), sq[3], list(sq), 16 in sq, sum(sq))
for v in sq:
    print(v, end=" ")
print()
