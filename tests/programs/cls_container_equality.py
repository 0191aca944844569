class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __hash__(self): return hash(self.x)
    def __repr__(self): return f"P({self.x})"
print((P(1),) == (P(1),), [P(1), P(2)] == [P(1), P(2)], [P(1)] != [P(2)])
print({"a": P(1)} == {"a": P(1)}, [P(1)] in [[P(1)]], (1, P(2)) < (1, P(3)))
print(sorted([(2, P(5)), (1, P(9)), (2, P(1))]))
print(max([P(3), P(7), P(1)]), [P(1), P(2)].index(P(2)))
print([1, 2] == [1, 2], (1, "a") < (1, "b"), [[1]] == [[1.0]])
