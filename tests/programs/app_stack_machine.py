BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "lt": lambda a, b: 1 if a < b else 0,
    "eq": lambda a, b: 1 if a == b else 0,
}


def run(program, trace=False):
    labels = {}
    for i, ins in enumerate(program):
        if ins[0] == "label":
            labels[ins[1]] = i
    stack = []
    env = {}
    output = []
    pc = 0
    executed = 0
    while pc < len(program):
        ins = program[pc]
        op = ins[0]
        pc += 1
        executed += 1
        if trace:
            print(f"    {pc - 1:>2} {op:<6} {str(ins[1]) if len(ins) > 1 else '':<6} {stack}")
        if op == "push":
            stack.append(ins[1])
        elif op == "load":
            stack.append(env[ins[1]])
        elif op == "store":
            env[ins[1]] = stack.pop()
        elif op in BINARY:
            b = stack.pop()
            a = stack.pop()
            stack.append(BINARY[op](a, b))
        elif op == "jmp":
            pc = labels[ins[1]]
        elif op == "jz":
            if stack.pop() == 0:
                pc = labels[ins[1]]
        elif op == "print":
            output.append(stack.pop())
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "halt":
            break
    return output, executed, env


def factorial_program(n):
    return [
        ("push", 1), ("store", "acc"), ("push", n), ("store", "n"),
        ("label", "loop"),
        ("load", "n"), ("jz", "end"),
        ("load", "acc"), ("load", "n"), ("mul",), ("store", "acc"),
        ("load", "n"), ("push", 1), ("sub",), ("store", "n"),
        ("jmp", "loop"),
        ("label", "end"),
        ("load", "acc"), ("print",),
        ("halt",),
    ]


gcd_program = [
    ("push", 1071), ("store", "a"), ("push", 462), ("store", "b"),
    ("label", "top"),
    ("load", "b"), ("jz", "done"),
    ("load", "a"), ("load", "b"), ("mod",), ("load", "b"), ("store", "a"), ("store", "b"),
    ("load", "a"), ("print",),
    ("jmp", "top"),
    ("label", "done"),
    ("load", "a"), ("print",),
]

countdown = [
    ("push", 5),
    ("label", "again"),
    ("dup",), ("print",),
    ("push", 1), ("sub",),
    ("dup",), ("jz", "stop"),
    ("jmp", "again"),
    ("label", "stop"),
]

print("trace of 3!:")
out, steps, env = run(factorial_program(3), trace=True)
print("output", out, "steps", steps, "env", env)
for n in [5, 10, 25]:
    out, steps, _ = run(factorial_program(n))
    print(f"{n}! = {out[0]} in {steps} steps")
print("gcd:", run(gcd_program)[0])
print("countdown:", run(countdown)[0])
