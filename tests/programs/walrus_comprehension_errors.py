# The SyntaxErrors CPython's symtable raises for assignment expressions in
# comprehensions: rebinding an iteration variable (of this comprehension
# or an enclosing one), and any use inside an iterable expression.

cases = [
    "[i := i + 1 for i in range(4)]",
    "[i := -1 for i, j in [(1, 2)]]",
    "[(a := 1) for a, *b in [(1, 2)]]",
    "[[(i := j) for i in range(2)] for j in range(2)]",
    "[[(j := i) for i in range(2)] for j in range(2)]",
    "[x for x in [1] if (x := 2)]",
    "[x for x in [1] for y in [2] if (x := 3)]",
    "{(k := 1): 2 for k in [1]}",
    "{(k := 1) for k in [1]}",
    "list((g := 1) for g in [1])",
    "[x for x in (y := [1])]",
    "[x for x in range(3) for z in (y := [1])]",
    "[[y for y in (x := [1])] for z in [2]]",
    "[[y for y in [(x := 1)]] for z in [2]]",
    "[y for y in [[(x := 1) for q in [1]]]]",
    "[x for x in [(lambda: (y := 1))()]]",
    # Allowed: not an iteration variable, not in an iterable.
    "[x for x in [1] if (y := x)]",
    "[(y := x * 2) for x in range(3)]",
    "[[(w := i) for i in range(2)] for j in range(2)]",
]
for code in cases:
    try:
        print(code, "->", eval(code))
    except SyntaxError as e:
        print(code, "-> SyntaxError:", e.msg)
