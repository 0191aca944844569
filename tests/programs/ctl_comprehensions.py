squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
print(evens)
pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
print(pairs)
flat = [v for row in [[1, 2], [3], [], [4, 5, 6]] for v in row]
print(flat)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(matrix, transposed)
labels = ["fizz" * (n % 3 == 0) + "buzz" * (n % 5 == 0) or str(n) for n in range(1, 16)]
print(" ".join(labels))
word_lengths = {w: len(w) for w in "the quick brown fox".split()}
print(word_lengths)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
odd_squares = {n: n ** 2 for n in range(10) if n % 2}
print(odd_squares)
grid = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(grid)
classes = {c: ("digit" if c.isdigit() else "alpha" if c.isalpha() else "other") for c in "a1-B"}
print(classes)
triples = [(a, b, c) for a in range(1, 30) for b in range(a, 30) for c in range(b, 30) if a * a + b * b == c * c]
print(triples)
x = "outer"
result = [x for x in range(3)]
print(x, result)
n = 3
print([[n * i for i in range(j)] for j in range(n + 1)])
words = ["Apple", "bob", "Civic", "deed", "Eve", "xyz"]
print([w for w in words if w.lower() == w.lower()[::-1]])
print({w[0].lower(): w for w in words})
print([(w, i) for i, w in enumerate(words) if i % 2 == 0])
print([c for c in "Hello World" if c.isalpha() and c == c.upper()])
counts = {ch: "mississippi".count(ch) for ch in "mississippi"}
print(counts)
primes = [p for p in range(2, 60) if all([p % d for d in range(2, p) if d * d <= p])]
print(primes)
nested = [[y for y in range(x)] for x in range(5) if x % 2 == 0]
print(nested)
table = {i: {j: i * j for j in range(1, 4)} for i in range(1, 4)}
print(table)
print([f"{a}{b}" for a in "ab" for b in "12" if not (a == "b" and b == "1")])
print(sum([len(w) for w in words]), max([len(w) for w in words]), sorted({len(w): w for w in words}))
