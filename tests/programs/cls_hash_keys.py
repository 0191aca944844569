class Coord:
    def __init__(self, row, col):
        self.row = row
        self.col = col

    def __eq__(self, other):
        return isinstance(other, Coord) and (self.row, self.col) == (other.row, other.col)

    def __hash__(self):
        return self.row * 1000 + self.col

    def __repr__(self):
        return f"Coord({self.row}, {self.col})"

    def neighbors(self):
        for dr, dc in [(-1, 0), (1, 0), (0, -1), (0, 1)]:
            yield Coord(self.row + dr, self.col + dc)


grid = ["#..#", "....", ".##.", "...."]
walls = {}
for r, line in enumerate(grid):
    for c, ch in enumerate(line):
        walls[Coord(r, c)] = ch == "#"

print(walls[Coord(0, 0)], walls[Coord(1, 1)], Coord(2, 2) in walls, Coord(9, 9) in walls)

start = Coord(0, 1)
seen = {start: 0}
frontier = [start]
while frontier:
    cur = frontier.pop(0)
    for nb in cur.neighbors():
        if nb in walls and not walls[nb] and nb not in seen:
            seen[nb] = seen[cur] + 1
            frontier.append(nb)
print(len(seen), seen[Coord(3, 3)], seen.get(Coord(0, 0), "wall"))
print(sorted(seen.values())[-3:])

visits = {}
for c in [Coord(1, 1), Coord(1, 1), Coord(2, 0), Coord(1, 1)]:
    visits[c] = visits.get(c, 0) + 1
print(visits)

s = set()
s.add(Coord(0, 0))
s.add(Coord(0, 0))
s.add(Coord(1, 0))
print(len(s), Coord(1, 0) in s)


class Unhashable:
    def __eq__(self, other):
        return True


try:
    d = {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)


class ById:
    def __init__(self, label):
        self.label = label


k1, k2 = ById("a"), ById("a")
table = {k1: "first", k2: "second"}
print(len(table), table[k1], table[k2])
