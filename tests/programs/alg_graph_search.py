graph = {
    "A": ["B", "C"],
    "B": ["A", "D", "E"],
    "C": ["A", "F"],
    "D": ["B"],
    "E": ["B", "F"],
    "F": ["C", "E", "G"],
    "G": ["F"],
    "X": ["Y"],
    "Y": ["X"],
}


def bfs_path(g, start, goal):
    queue = [[start]]
    seen = {start: True}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nxt in g[node]:
            if nxt not in seen:
                seen[nxt] = True
                queue.append(path + [nxt])
    return None


def dfs_order(g, start, visited=None):
    if visited is None:
        visited = []
    visited.append(start)
    for nxt in g[start]:
        if nxt not in visited:
            dfs_order(g, nxt, visited)
    return visited


def dfs_iterative(g, start):
    stack = [start]
    order = []
    while stack:
        node = stack.pop()
        if node in order:
            continue
        order.append(node)
        for nxt in reversed(g[node]):
            if nxt not in order:
                stack.append(nxt)
    return order


def components(g):
    comp_of = {}
    count = 0
    for node in g:
        if node not in comp_of:
            count += 1
            for member in dfs_order(g, node):
                comp_of[member] = count
    return comp_of


def distances(g, start):
    dist = {start: 0}
    frontier = [start]
    while frontier:
        next_frontier = []
        for node in frontier:
            for nb in g[node]:
                if nb not in dist:
                    dist[nb] = dist[node] + 1
                    next_frontier.append(nb)
        frontier = next_frontier
    return dist


def topo_sort(deps):
    indegree = {}
    for node, outs in deps.items():
        indegree.setdefault(node, 0)
        for o in outs:
            indegree[o] = indegree.get(o, 0) + 1
    ready = sorted([n for n, d in indegree.items() if d == 0])
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for o in deps.get(n, []):
            indegree[o] -= 1
            if indegree[o] == 0:
                ready.append(o)
                ready.sort()
    if len(order) != len(indegree):
        return None
    return order


print("bfs A->G:", bfs_path(graph, "A", "G"))
print("bfs D->C:", bfs_path(graph, "D", "C"))
print("bfs A->X:", bfs_path(graph, "A", "X"))
print("dfs from A:", dfs_order(graph, "A"))
print("iterative dfs:", dfs_iterative(graph, "A"))
print("components:", components(graph))
for node, d in distances(graph, "D").items():
    print(f"  dist D->{node} = {d}")
build = {
    "app": ["test", "package"],
    "compile": ["link", "test"],
    "fetch": ["compile"],
    "link": ["app"],
    "test": ["package"],
}
print("topo:", topo_sort(build))
build["package"] = ["compile"]
print("with cycle:", topo_sort(build))
