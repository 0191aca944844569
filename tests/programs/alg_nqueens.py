def solve_queens(n):
    solutions = []
    cols = []

    def safe(row, col):
        for r, c in enumerate(cols):
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def place(row):
        if row == n:
            solutions.append(cols.copy())
            return
        for col in range(n):
            if safe(row, col):
                cols.append(col)
                place(row + 1)
                cols.pop()

    place(0)
    return solutions


def render(solution):
    n = len(solution)
    lines = []
    for col in solution:
        lines.append(" ".join(["Q" if c == col else "." for c in range(n)]))
    return "\n".join(lines)


for n in range(1, 8):
    sols = solve_queens(n)
    print(f"n={n}: {len(sols)} solutions")
six = solve_queens(6)
print("first 6x6 solution:", six[0])
print(render(six[0]))
print("all 6x6:", six)
mirrored = [[5 - c for c in s] for s in six]
print("closed under mirror:", all([m in six for m in mirrored]))
print("first 5x5:")
print(render(solve_queens(5)[0]))
