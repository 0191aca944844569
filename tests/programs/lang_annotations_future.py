from __future__ import annotations


class Node:
    value: int
    next: Node | None = None
    children: list[Node]


print(Node.__annotations__)
v: undefined_here = 1
print(__annotations__)
