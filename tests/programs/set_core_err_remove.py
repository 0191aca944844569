# remove() of a missing element: KeyError naming the element's repr.
s = {(1, 2), (3, 4)}
s.remove((1, 2))
print(s)
s.discard((9, 9))
s.remove((9, 9))
print("not reached")
