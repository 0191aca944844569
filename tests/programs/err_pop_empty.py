def evaluate(tokens):
    stack = []
    for t in tokens:
        if t == "+":
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        else:
            stack.append(int(t))
        print("  stack:", stack)
    return stack.pop()


print(evaluate("1 2 +".split()))
print(evaluate("3 + 4".split()))
