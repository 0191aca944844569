text = "the cat sat on the mat with the hat and the bat"
words = text.split()
unique = {w for w in words}
print(len(words), len(unique), sorted(unique))
lengths = {len(w) for w in words}
print(lengths)
rhymes = {w for w in unique if w.endswith("at")}
print(sorted(rhymes))
first_letters = {w[0] for w in words}
print("".join(sorted(first_letters)))

squares = {n * n for n in range(-5, 6)}
print(squares, len(squares))
mods = {(a * b) % 7 for a in range(1, 7) for b in range(1, 7)}
print(mods)
pyth = {(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c}
print(sorted(pyth))
evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens | threes)[:6])


def divisors(n):
    return {d for d in range(1, n + 1) if n % d == 0}


print(divisors(12), divisors(13), divisors(36) & divisors(48))
perfect = [n for n in range(2, 500) if sum(divisors(n) - {n}) == n]
print(perfect)
print(sorted({n for n in range(2, 50) if divisors(n) == {1, n}}))

grid = ["..#.", "#..#", "....", ".##."]
walls = {(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "#"}
print(sorted(walls), len(walls))
rows_with_walls = {r for r, c in walls}
cols_with_walls = {c for r, c in walls}
print(rows_with_walls, cols_with_walls, set(range(4)) - cols_with_walls)
dupes = {x for x in [1, 2, 3, 2, 4, 3, 5, 3] if [1, 2, 3, 2, 4, 3, 5, 3].count(x) > 1}
print(dupes)
