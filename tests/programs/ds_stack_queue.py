def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ("+", "-", "*", "/", "^"):
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            elif tok == "/":
                stack.append(a / b)
            else:
                stack.append(a ** b)
        else:
            stack.append(float(tok) if "." in tok else int(tok))
    return stack.pop()


PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}


def to_rpn(expr):
    out = []
    ops = []
    for tok in expr.replace("(", " ( ").replace(")", " ) ").split():
        if tok in PREC:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[tok] or (PREC[ops[-1]] == PREC[tok] and tok != "^")):
                out.append(ops.pop())
            ops.append(tok)
        elif tok == "(":
            ops.append(tok)
        elif tok == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(tok)
    while ops:
        out.append(ops.pop())
    return " ".join(out)


for s in ["()", "([]{})", "(]", "((())", "{[()()]}", "", "}{", "a(b[c]d)e"]:
    print(f"{s!r:12} balanced={balanced(s)}")
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^ 2 ^", "7 2 /", "1.5 2 *"]:
    print(e, "=", rpn(e))
for infix in ["3 + 4 * 2", "( 3 + 4 ) * 2", "2 ^ 3 ^ 2", "10 - 4 - 3", "( 1 + 2 ) * ( 3 + 4 ) / 7"]:
    postfix = to_rpn(infix)
    print(f"{infix:<16} -> {postfix:<18} = {rpn(postfix)}")

jobs = [["build", 5], ["test", 3], ["lint", 1], ["deploy", 4]]
quantum = 2
clock = 0
queue = [job[:] for job in jobs]
finished = []
while queue:
    name, remaining = queue.pop(0)
    run = min(quantum, remaining)
    clock += run
    remaining -= run
    if remaining > 0:
        queue.append([name, remaining])
        print(f"t={clock:>2} ran {name:<6} {run}, {remaining} left")
    else:
        finished.append((name, clock))
        print(f"t={clock:>2} ran {name:<6} {run}, done")
print("finish times:", finished)

history = []
undo = []
for action in ["type a", "type b", "undo", "type c", "undo", "undo", "redo", "type d"]:
    if action == "undo":
        if history:
            undo.append(history.pop())
    elif action == "redo":
        if undo:
            history.append(undo.pop())
    else:
        history.append(action.split()[1])
        undo = []
    print(f"{action:<7} -> {''.join(history)!r} undo={undo}")
