graph = {
    1: {2, 3},
    2: {4},
    3: {4, 5},
    4: {6},
    5: {6, 7},
    6: set(),
    7: {5},
    8: {9},
    9: set(),
}


def reachable(start):
    seen = {start}
    frontier = {start}
    while frontier:
        nxt = set()
        for node in frontier:
            nxt |= graph[node]
        frontier = nxt - seen
        seen |= frontier
    return seen


for s in [1, 3, 5, 8]:
    print(s, "reaches", reachable(s))

undirected = {n: set() for n in graph}
for u, nbrs in graph.items():
    for v in nbrs:
        undirected[u].add(v)
        undirected[v].add(u)

components = []
unvisited = set(graph)
while unvisited:
    start = min(unvisited)
    comp = set()
    stack = [start]
    while stack:
        n = stack.pop()
        if n in comp:
            continue
        comp.add(n)
        stack.extend(undirected[n] - comp)
    components.append(comp)
    unvisited -= comp
print("components:", components)

in_degree = {n: 0 for n in graph}
for nbrs in graph.values():
    for v in nbrs:
        in_degree[v] += 1
sources = {n for n, d in in_degree.items() if d == 0}
sinks = {n for n, nbrs in graph.items() if not nbrs}
print("sources", sorted(sources), "sinks", sorted(sinks))
cycle_nodes = {n for n in graph if any(n in reachable(m) for m in graph[n])}
print("on a cycle:", cycle_nodes)
triangle_free = all(not (undirected[a] & undirected[b]) for a in graph for b in undirected[a])
print("triangle free:", triangle_free)
common = {(a, b): undirected[a] & undirected[b] for a in [3, 4] for b in [5, 6] if a != b}
print(common)
