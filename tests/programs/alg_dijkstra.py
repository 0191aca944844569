roads = {
    "Amsterdam": {"Haarlem": 20, "Utrecht": 45, "Leiden": 40},
    "Haarlem": {"Amsterdam": 20, "Leiden": 30},
    "Leiden": {"Haarlem": 30, "Amsterdam": 40, "The Hague": 20},
    "The Hague": {"Leiden": 20, "Rotterdam": 25, "Utrecht": 65},
    "Rotterdam": {"The Hague": 25, "Utrecht": 55, "Breda": 50},
    "Utrecht": {"Amsterdam": 45, "The Hague": 65, "Rotterdam": 55, "Arnhem": 60},
    "Breda": {"Rotterdam": 50},
    "Arnhem": {"Utrecht": 60},
    "Groningen": {},
}


def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    done = []
    while True:
        current = None
        for node, d in dist.items():
            if node not in done and (current is None or d < dist[current]):
                current = node
        if current is None:
            break
        done.append(current)
        for nb, w in graph[current].items():
            nd = dist[current] + w
            if nb not in dist or nd < dist[nb]:
                dist[nb] = nd
                prev[nb] = current
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    path.reverse()
    return path


dist, prev = dijkstra(roads, "Haarlem")
for city in sorted(dist, key=lambda c: (dist[c], c)):
    print(f"{city:<10} {dist[city]:>4} km  via {' -> '.join(path_to(prev, city))}")
unreachable = [c for c in roads if c not in dist]
print("unreachable:", unreachable)

maze = [
    "S.#.....",
    ".##.###.",
    "....#...",
    "#.#...#E",
]


def solve_maze(rows):
    h, w = len(rows), len(rows[0])
    start = goal = None
    for r in range(h):
        for c in range(w):
            if rows[r][c] == "S":
                start = (r, c)
            elif rows[r][c] == "E":
                goal = (r, c)
    came = {start: None}
    queue = [start]
    while queue:
        r, c = queue.pop(0)
        if (r, c) == goal:
            break
        for dr, dc in [(0, 1), (1, 0), (0, -1), (-1, 0)]:
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and rows[nr][nc] != "#" and (nr, nc) not in came:
                came[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    grid = [list(row) for row in rows]
    step = came[goal]
    length = 1
    while step != start:
        grid[step[0]][step[1]] = "*"
        step = came[step]
        length += 1
    return length, ["".join(row) for row in grid]


length, drawn = solve_maze(maze)
print("maze path length:", length)
for line in drawn:
    print("  " + line)
